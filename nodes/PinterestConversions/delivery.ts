import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { PinterestClient } from '../../shared/transport/client';
import {
	batchRequestBody,
	matchResponseToItems,
	type EventBatch,
	type ItemOutcome,
} from './core/batches';
import { DEDUPLICATION_WINDOW_HOURS } from './core/dedup';

interface DeliveryOptions {
	test: boolean;
	/** The node's "continue on fail": a failed request fails its items instead of the node. */
	continueOnFail: boolean;
}

/** Which later requests a failed one rules out: all (the token), one ad account's, or none. */
type FailureScope = 'all' | 'adAccount' | 'batch';

function scopeOf(error: unknown): FailureScope {
	const httpCode = (error as { httpCode?: string | null }).httpCode;
	if (httpCode === '401') return 'all';
	if (httpCode === '403' || httpCode === '404') return 'adAccount';
	// Retries given up (rate limit, Pinterest down, no connection): the next request would fare no better.
	if (httpCode === '429' || httpCode === undefined || httpCode === null || Number(httpCode) >= 500)
		return 'all';
	return 'batch';
}

function reasonOf(error: unknown): string {
	const { message, description } = error as { message: string; description?: string | null };
	return description ? `${message}. ${description}` : message;
}

function failAll(batch: EventBatch, error: string): ItemOutcome[] {
	return batch.items.map((item) => ({
		itemIndex: item.itemIndex,
		eventId: item.event.event_id,
		status: 'failed',
		error,
	}));
}

/** One request: Pinterest's per-event answers, or an error for the request as a whole. */
async function sendBatch(client: PinterestClient, batch: EventBatch, test: boolean) {
	const response = await client.request<unknown>({
		method: 'POST',
		path: `/ad_accounts/${batch.adAccountId}/events`,
		qs: test ? { test: true } : undefined,
		body: batchRequestBody(batch) as unknown as IDataObject,
		label: 'send conversion events',
		adAccountId: batch.adAccountId,
		// A 422 lists which events of the batch failed.
		acceptErrorStatuses: [422],
		// core/dedup.ts: sent again after an unconfirmed attempt only when Pinterest would not count it twice.
		retryWhenMaybeRecorded: test || batch.deduplicated,
	});
	return matchResponseToItems(batch, response);
}

/**
 * Sends the batches in order. Pinterest's per-event refusals become Failed outcomes. A request that fails as a whole
 * (401, 403, 404, retries given up, an answer that cannot be matched) fails the node, saying how many events earlier
 * requests delivered; with continue on fail, its items and those of requests it rules out go to Failed instead.
 */
export async function deliver(
	ctx: IExecuteFunctions,
	client: PinterestClient,
	batches: EventBatch[],
	{ test, continueOnFail }: DeliveryOptions,
): Promise<ItemOutcome[]> {
	const outcomes: ItemOutcome[] = [];
	let processed = 0;
	let blockedAll: string | undefined;
	const blockedAccounts = new Map<string, string>();
	for (const batch of batches) {
		const blocked = blockedAll ?? blockedAccounts.get(batch.adAccountId);
		if (blocked !== undefined) {
			outcomes.push(
				...failAll(batch, `Not sent: an earlier request of this run failed. ${blocked}`),
			);
			continue;
		}
		let failure: unknown;
		let scope: FailureScope | undefined;
		try {
			const matched = await sendBatch(client, batch, test);
			if (matched.ok) {
				outcomes.push(...matched.outcomes);
				processed += matched.outcomes.filter((o) => o.status === 'sent').length;
				continue;
			}
			failure = new NodeApiError(ctx.getNode(), { message: matched.error } as JsonObject, {
				message: matched.error,
			});
			// Pinterest answered, so the next request may well be fine.
			scope = 'batch';
		} catch (error) {
			failure = error;
			scope = scopeOf(error);
		}
		if (!continueOnFail) {
			const apiError =
				failure instanceof NodeApiError
					? failure
					: new NodeApiError(ctx.getNode(), failure as JsonObject);
			const before =
				processed > 0
					? ` ${processed} ${processed === 1 ? 'event' : 'events'} of earlier requests of this run ${processed === 1 ? 'was' : 'were'} processed by Pinterest; sending them again within ${DEDUPLICATION_WINDOW_HOURS} hours with the same event IDs does not count them twice, except offline events.`
					: ' No earlier request of this run had delivered events.';
			apiError.description = `${apiError.description ?? ''}${before}`;
			throw apiError;
		}
		const reason = reasonOf(failure);
		outcomes.push(...failAll(batch, reason));
		if (scope === 'all') blockedAll = reason;
		else if (scope === 'adAccount') blockedAccounts.set(batch.adAccountId, reason);
	}
	return outcomes;
}
