import { decryptNotification, parseNotification } from './decrypt';
import { readEnvelope } from './envelope';
import { normaliseNotification } from './normalise';
import type { Outcome } from './outcome';
import { isAccepted } from './transactionTypes';

/**
 * One INS request from body to outcome: refused (4xx, no execution), ignored (a transaction type
 * the workflow does not want: 200, no execution) or accepted (one item). Never throws.
 */
export function receiveNotification({
	body,
	secretKey,
	acceptedTypes,
}: {
	body: Buffer | undefined;
	secretKey: string;
	acceptedTypes: Set<string>;
}): Outcome {
	const envelope = readEnvelope(body);
	if (envelope.kind !== 'ok') return envelope;
	const text = decryptNotification(envelope.value, secretKey);
	if (text.kind !== 'ok') return text;
	const notification = parseNotification(text.value);
	if (notification.kind !== 'ok') return notification;
	const item = normaliseNotification(notification.value);
	const transactionType = item.transactionType as string;
	if (!isAccepted(transactionType, acceptedTypes)) return { kind: 'ignored', transactionType };
	return { kind: 'accepted', item };
}
