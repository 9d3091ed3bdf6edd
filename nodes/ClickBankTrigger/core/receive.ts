import { decryptNotification, parseNotification } from './decrypt';
import { readEnvelope } from './envelope';
import { normaliseNotification } from './normalise';
import type { Outcome } from './outcome';
import { readSecretKey } from './secretKey';
import { isAccepted } from './transactionTypes';

/** What ClickBank (or whoever posted) is told when the credential's key is unusable; the reason goes to the log. */
const UNUSABLE_KEY_ANSWER =
	'The ClickBank Trigger cannot check notifications: the secret key of its credential in n8n is not usable';

/**
 * One INS request from body to outcome: refused because the credential's key is unusable (500, no
 * execution, on every request), refused (4xx, no execution), ignored (a transaction type the
 * workflow does not want: 200, no execution) or accepted (one item). `secretKey` is the
 * credential's value as stored. Never throws.
 */
export function receiveNotification({
	body,
	secretKey,
	acceptedTypes,
}: {
	body: Buffer | undefined;
	secretKey: unknown;
	acceptedTypes: Set<string>;
}): Outcome {
	const key = readSecretKey(secretKey);
	if (!key.ok) {
		return {
			kind: 'unusableKey',
			statusCode: 500,
			message: UNUSABLE_KEY_ANSWER,
			problem: key.problem,
		};
	}
	const envelope = readEnvelope(body);
	if (envelope.kind !== 'ok') return envelope;
	const text = decryptNotification(envelope.value, key.key);
	if (text.kind !== 'ok') return text;
	const notification = parseNotification(text.value);
	if (notification.kind !== 'ok') return notification;
	const item = normaliseNotification(notification.value);
	const transactionType = item.transactionType as string;
	if (!isAccepted(transactionType, acceptedTypes)) return { kind: 'ignored', transactionType };
	return { kind: 'accepted', item };
}
