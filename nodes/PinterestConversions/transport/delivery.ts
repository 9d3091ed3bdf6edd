import { adAccountPath } from '../../../shared/adAccountId';
import { PinterestCallError } from '../../../shared/errors';
import type { PinterestCall, PinterestClient } from '../../../shared/transport/client';
import {
	batchRequestBody,
	matchResponseToItems,
	type EventBatch,
	type ItemOutcome,
	type MatchResult,
} from '../core/batches';
import { failAll, reasonOf, scopeOf, type FailureScope } from '../core/failureScope';
import { processedBeforeNote } from '../core/stops';

interface Delivery {
	client: PinterestClient;
	batches: EventBatch[];
	test: boolean;
	/** shared/operations.ts: fails the node with a request's error, unless the node continues on fail. */
	partFailed: (error: unknown) => void;
}

function batchCall(batch: EventBatch, test: boolean): PinterestCall {
	return {
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
	};
}

/** A request's failure as the reason on each of its items: its message and fix. */
function reasonFor(failure: unknown): string {
	if (failure instanceof PinterestCallError)
		return reasonOf({ message: failure.message, description: failure.fix });
	const { message, description } = (failure ?? {}) as { message?: unknown; description?: unknown };
	return reasonOf({
		message: String(message),
		description: typeof description === 'string' ? description : null,
	});
}

/**
 * Sends the batches in order. Pinterest's per-event refusals become Failed outcomes. A request that fails as a whole
 * (401, 403, 404, retries given up, an answer that cannot be matched) fails the node through `partFailed`, saying
 * how many events earlier requests delivered; when the node continues on fail, its items and those of requests it
 * rules out go to Failed instead.
 */
export async function deliver({
	client,
	batches,
	test,
	partFailed,
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
		const call = batchCall(batch, test);
		let matched: MatchResult | undefined;
		let thrown: unknown;
		try {
			matched = matchResponseToItems(batch, await client.request<unknown>(call));
		} catch (error) {
			thrown = error;
		}
		if (matched?.ok) {
			outcomes.push(...matched.outcomes);
			processedCount += matched.outcomes.filter((o) => o.status === 'sent').length;
			continue;
		}
		const failure = matched ? new PinterestCallError(matched.error, '', call) : thrown;
		partFailed(
			failure instanceof PinterestCallError
				? failure.withMoreFix(processedBeforeNote(processedCount))
				: failure,
		);
		const reason = reasonFor(failure);
		// Pinterest answered when the answer could not be matched, so the next request may well be fine.
		const scope: FailureScope = matched
			? 'batch'
			: scopeOf((failure as { httpCode?: string | null } | undefined)?.httpCode);
		outcomes.push(...failAll(batch, reason));
		if (scope === 'all') blockedAll = reason;
		else if (scope === 'adAccount') blockedAccounts.set(batch.adAccountId, reason);
	}
	return outcomes;
}
