import { adAccountPath } from '../../../shared/adAccountId';
import type { PinterestClient } from '../../../shared/transport/client';
import {
	batchRequestBody,
	matchResponseToItems,
	type EventBatch,
	type ItemOutcome,
	type MatchResult,
} from '../core/batches';
import { failAll, reasonOf, scopeOf, type FailureScope } from '../core/failureScope';
import { processedBeforeNote, RequestFailed } from '../core/stops';

interface Delivery {
	client: PinterestClient;
	batches: EventBatch[];
	test: boolean;
	/** The node's "continue on fail": a failed request fails its items instead of the node. */
	continueOnFail: boolean;
}

/** One request: Pinterest's per-event answers, or why the answer cannot be matched to the items. */
async function sendBatch({
	client,
	batch,
	test,
}: {
	client: PinterestClient;
	batch: EventBatch;
	test: boolean;
}): Promise<MatchResult> {
	const response = await client.request<unknown>({
		method: 'POST',
		path: adAccountPath(batch.adAccountId, '/events'),
		qs: test ? { test: true } : undefined,
		body: batchRequestBody(batch),
		label: 'send conversion events',
		adAccountId: batch.adAccountId,
		// A 422 lists which events of the batch failed.
		acceptErrorStatuses: [422],
		// core/dedup.ts: sent again after an unconfirmed attempt only when Pinterest would not count it twice.
		retryWhenMaybeRecorded: test || batch.deduplicated,
	});
	return matchResponseToItems(batch, response);
}

function describeFailure(failure: unknown): { message: string; description?: string | null } {
	const { message, description } = (failure ?? {}) as {
		message?: unknown;
		description?: unknown;
	};
	return {
		message: String(message),
		description: typeof description === 'string' ? description : null,
	};
}

function httpCodeOf(failure: unknown): string | null | undefined {
	return (failure as { httpCode?: string | null } | undefined)?.httpCode;
}

/**
 * Sends the batches in order. Pinterest's per-event refusals become Failed outcomes. A request that fails as a whole
 * (401, 403, 404, retries given up, an answer that cannot be matched) throws RequestFailed (wrapped for n8n by
 * actions/router.ts), saying how many events earlier requests delivered; with continue on fail, its items and those
 * of requests it rules out go to Failed instead.
 */
export async function deliver({
	client,
	batches,
	test,
	continueOnFail,
}: Delivery): Promise<ItemOutcome[]> {
	const outcomes: ItemOutcome[] = [];
	let processedCount = 0;
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
		let matched: MatchResult | undefined;
		let thrown: unknown;
		try {
			matched = await sendBatch({ client, batch, test });
		} catch (error) {
			thrown = error;
		}
		if (matched?.ok) {
			outcomes.push(...matched.outcomes);
			processedCount += matched.outcomes.filter((o) => o.status === 'sent').length;
			continue;
		}
		if (!continueOnFail) {
			throw new RequestFailed({
				failure: thrown,
				unmatchedAnswer: matched?.error,
				processedBefore: processedBeforeNote(processedCount),
			});
		}
		// Pinterest answered when the answer could not be matched, so the next request may well be fine.
		const reason = matched ? matched.error : reasonOf(describeFailure(thrown));
		const scope: FailureScope = matched ? 'batch' : scopeOf(httpCodeOf(thrown));
		outcomes.push(...failAll(batch, reason));
		if (scope === 'all') blockedAll = reason;
		else if (scope === 'adAccount') blockedAccounts.set(batch.adAccountId, reason);
	}
	return outcomes;
}
