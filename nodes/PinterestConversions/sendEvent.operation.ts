import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { PinterestClient, type PinterestCredentialType } from '../shared/transport';
import {
	batchRequestBody,
	groupIntoBatches,
	matchResponseToItems,
	type EventBatch,
	type ItemOutcome,
	type PendingEvent,
} from './core/batches';
import { buildConversionEvent } from './core/buildEvent';
import type { ConversionEventInput, InputProblem } from './core/types';

/** In test mode Pinterest processes only the first 20 events of a request. */
const MAX_TEST_EVENTS_PER_REQUEST = 20;

interface ItemResult {
	itemIndex: number;
	json: IDataObject;
	sent: boolean;
}

function describeProblems(problems: InputProblem[]) {
	return problems.map((p) => `${p.field}: ${p.message}. ${p.fix}`).join(' | ');
}

function readInput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	nowSeconds: number,
): ConversionEventInput {
	const customData = ctx.getNodeParameter('customData', itemIndex, {}) as IDataObject;
	const contents = customData.contents ?? '[]';
	return {
		eventName: ctx.getNodeParameter('eventName', itemIndex),
		actionSource: ctx.getNodeParameter('actionSource', itemIndex),
		// Empty means now: the time the node runs stands in for the event time.
		eventTime: ctx.getNodeParameter('eventTime', itemIndex, '') || nowSeconds,
		eventId: ctx.getNodeParameter('eventId', itemIndex),
		...(ctx.getNodeParameter('eventOptions', itemIndex, {}) as IDataObject),
		userData: ctx.getNodeParameter('userData', itemIndex, {}) as IDataObject,
		customData: {
			...customData,
			contents: typeof contents === 'string' ? JSON.parse(contents || '[]') : contents,
		},
	};
}

/**
 * The ad account of item i: the node's field, or else (conversion token) the credential's own,
 * read once per run rather than once per item.
 */
function adAccountResolver(ctx: IExecuteFunctions, credentialType: PinterestCredentialType) {
	let credentialDefault: Promise<string> | undefined;
	return async (itemIndex: number) => {
		const chosen = String(
			ctx.getNodeParameter('adAccount', itemIndex, '', { extractValue: true }) ?? '',
		).trim();
		if (chosen !== '' || credentialType !== 'pinterestConversionsApi') return chosen;
		credentialDefault ??= ctx
			.getCredentials(credentialType)
			.then((credential) => String(credential.adAccountId ?? '').trim());
		return await credentialDefault;
	};
}

/** Sends one request; every item of the batch gets its outcome, even when the request fails. */
async function sendBatch(
	client: PinterestClient,
	batch: EventBatch,
	test: boolean,
): Promise<ItemOutcome[]> {
	try {
		// POST retries are safe: Pinterest deduplicates on event_id.
		// https://developers.pinterest.com/docs/api/v5/events-create
		const response = await client.request<unknown>({
			method: 'POST',
			path: `/ad_accounts/${batch.adAccountId}/events`,
			qs: test ? { test: true } : undefined,
			body: batchRequestBody(batch) as unknown as IDataObject,
			label: 'send conversion events',
			adAccountId: batch.adAccountId,
			acceptErrorStatuses: [422],
		});
		return matchResponseToItems(batch, response);
	} catch (error) {
		const { message, description } = error as { message: string; description?: string };
		const reason = description ? `${message}. ${description}` : message;
		return batch.items.map((item) => ({
			itemIndex: item.itemIndex,
			eventId: item.event.event_id,
			status: 'failed',
			error: reason,
		}));
	}
}

/** "Send conversion event" for all input items at once: batched per ad account, one outcome per item. */
export async function sendEvents(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const authentication = this.getNodeParameter('authentication', 0) as string;
	const credentialType: PinterestCredentialType =
		authentication === 'oAuth2' ? 'pinterestAdsOAuth2Api' : 'pinterestConversionsApi';
	const test = this.getNodeParameter('testMode', 0, false) as boolean;
	const results: ItemResult[] = [];
	const pending: PendingEvent[] = [];
	const nowSeconds = Math.floor(Date.now() / 1000);
	const adAccountOf = adAccountResolver(this, credentialType);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const adAccountId = await adAccountOf(itemIndex);
		let built: ReturnType<typeof buildConversionEvent>;
		try {
			built = buildConversionEvent(readInput(this, itemIndex, nowSeconds), nowSeconds);
		} catch (error) {
			built = {
				ok: false,
				problems: [
					{
						field: 'contents',
						message: `Contents is not valid JSON (${(error as Error).message})`,
						fix: 'Give a JSON array of {id, itemPrice, quantity}.',
					},
				],
			};
		}
		const refused = (reason: string, details: IDataObject = {}) =>
			results.push({
				itemIndex,
				sent: false,
				json: {
					status: 'failed',
					test,
					adAccountId,
					eventName: String(this.getNodeParameter('eventName', itemIndex, '')),
					eventId: String(this.getNodeParameter('eventId', itemIndex, '')),
					reason,
					...details,
				},
			});
		if (!/^\d{1,18}$/.test(adAccountId)) {
			refused(
				`Ad account ID "${adAccountId}" is not a Pinterest ad account ID: choose one or give its number`,
			);
		} else if (!built.ok) {
			refused(describeProblems(built.problems), {
				problems: built.problems as unknown as IDataObject[],
			});
		} else {
			pending.push({ itemIndex, adAccountId, event: built.event });
		}
	}

	if (pending.length > 0) {
		const client = await PinterestClient.create(this, credentialType);
		const events = new Map(pending.map((p) => [p.itemIndex, p]));
		for (const batch of groupIntoBatches(pending, test ? MAX_TEST_EVENTS_PER_REQUEST : undefined)) {
			for (const outcome of await sendBatch(client, batch, test)) {
				const { event, adAccountId } = events.get(outcome.itemIndex)!;
				const json: IDataObject = {
					status: outcome.status,
					test,
					adAccountId,
					eventName: event.event_name,
					eventId: event.event_id,
					eventTime: event.event_time,
				};
				if (outcome.status === 'sent') {
					results.push({
						itemIndex: outcome.itemIndex,
						sent: true,
						json: {
							...json,
							warning: outcome.warning ?? null,
							userData: event.user_data as IDataObject,
						},
					});
				} else {
					results.push({
						itemIndex: outcome.itemIndex,
						sent: false,
						json: { ...json, reason: outcome.error },
					});
				}
			}
		}
		this.logger.info(
			`Pinterest Conversions: ${pending.length} events in ${client.requestCount} requests`,
		);
	}

	results.sort((a, b) => a.itemIndex - b.itemIndex);
	const failed = results.filter((r) => !r.sent);
	if (failed.length > 0 && this.getNodeParameter('onFailedEvents', 0, 'route') === 'stop') {
		throw new NodeOperationError(
			this.getNode(),
			`${failed.length} of ${items.length} events were not sent; the first: ${String(failed[0].json.reason)}`,
			{
				itemIndex: failed[0].itemIndex,
				description:
					'Fix the events and run again: Pinterest counts each event ID once, so events already sent are not double counted.',
			},
		);
	}
	const toItem = (r: ItemResult): INodeExecutionData => ({
		json: r.json,
		pairedItem: { item: r.itemIndex },
	});
	return [results.filter((r) => r.sent).map(toItem), failed.map(toItem)];
}
