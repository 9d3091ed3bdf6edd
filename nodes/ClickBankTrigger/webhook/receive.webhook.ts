import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { LogThrottle } from '../core/logThrottle';
import { receiveNotification } from '../core/receive';
import { acceptedTypes } from '../core/transactionTypes';

export { description } from './receive.description';

/** An unusable key is logged once per trigger every 10 minutes however often strangers post. */
const unusableKeyLog = new LogThrottle(10 * 60 * 1000);

/**
 * Answers ClickBank: a refused notification gets its 4xx with a reason (and starts nothing), an
 * unwanted transaction type 200 `{"status":"ignored"}`, an accepted one starts the workflow with one
 * item (n8n then answers 200 at once, without waiting for the workflow). Bad notifications are
 * answered here rather than thrown: a throw would make n8n answer 500 and record a failed execution.
 * Every request is answered 500 while the credential's key is unusable, so ClickBank retries it later.
 */
export async function receiveWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const credentials = await this.getCredentials('clickBankInsApi');
	const selected = this.getNodeParameter('transactionTypes', []) as string[];
	const others = this.getNodeParameter('options.otherTransactionTypes', '') as string;
	const rawBody: unknown = this.getRequestObject().rawBody;
	const outcome = receiveNotification({
		body: Buffer.isBuffer(rawBody) ? rawBody : undefined,
		secretKey: credentials.secretKey,
		acceptedTypes: acceptedTypes(selected, others),
	});

	if (outcome.kind === 'unusableKey' || outcome.kind === 'rejected') {
		const workflowId = this.getWorkflow().id;
		const meta = { workflowId, statusCode: outcome.statusCode };
		if (outcome.kind === 'unusableKey') {
			if (unusableKeyLog.allows(`${workflowId ?? ''}/${this.getNode().name}`, Date.now())) {
				this.logger.error(
					`ClickBank Trigger cannot accept notifications: ${outcome.problem}`,
					meta,
				);
			}
		} else {
			// Anyone may post anything here: refusals are for debugging, not for the log a stranger could fill.
			// The reason only, never the body, which may hold a buyer's details once decrypted.
			this.logger.debug(`ClickBank Trigger refused a notification: ${outcome.message}`, meta);
		}
		this.getResponseObject()
			.status(outcome.statusCode)
			.json({ status: 'rejected', message: outcome.message });
		return { noWebhookResponse: true };
	}
	if (outcome.kind === 'ignored') {
		return { webhookResponse: { status: 'ignored', transactionType: outcome.transactionType } };
	}
	return { workflowData: [[{ json: outcome.item }]] };
}
