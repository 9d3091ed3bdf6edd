import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { receiveNotification } from '../core/receive';
import { acceptedTypes } from '../core/transactionTypes';

export { description } from './receive.description';

/**
 * Answers ClickBank: a refused notification gets its 4xx with a reason (and starts nothing), an
 * unwanted transaction type 200 `{"status":"ignored"}`, an accepted one starts the workflow with one
 * item (n8n then answers 200 at once, without waiting for the workflow). Bad notifications are
 * answered here rather than thrown: a throw would make n8n answer 500 and record a failed execution.
 */
export async function receiveWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const credentials = await this.getCredentials('clickBankInsApi');
	const selected = this.getNodeParameter('transactionTypes', []) as string[];
	const others = this.getNodeParameter('options.otherTransactionTypes', '') as string;
	const rawBody: unknown = this.getRequestObject().rawBody;
	const outcome = receiveNotification({
		body: Buffer.isBuffer(rawBody) ? rawBody : undefined,
		secretKey: String(credentials.secretKey ?? '').trim(),
		acceptedTypes: acceptedTypes(selected, others),
	});

	if (outcome.kind === 'rejected') {
		// The reason only: never the body, which may hold a buyer's details once decrypted.
		this.logger.warn(`ClickBank Trigger refused a notification: ${outcome.message}`, {
			workflowId: this.getWorkflow().id,
			statusCode: outcome.statusCode,
		});
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
