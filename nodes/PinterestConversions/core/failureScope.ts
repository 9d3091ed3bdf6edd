import type { EventBatch, ItemOutcome } from './batches';

/** Which later requests a failed one rules out: all (the token), one ad account's, or none. */
export type FailureScope = 'all' | 'adAccount' | 'batch';

/** From the HTTP status of a request that failed as a whole (undefined or null: no answer). */
export function scopeOf(httpCode: string | null | undefined): FailureScope {
	if (httpCode === '401') return 'all';
	if (httpCode === '403' || httpCode === '404') return 'adAccount';
	// Retries given up (rate limit, Pinterest down, no connection): the next request would fare no better.
	if (httpCode === '429' || httpCode === undefined || httpCode === null || Number(httpCode) >= 500)
		return 'all';
	return 'batch';
}

/** An error's message and, when it has one, its description: the reason shown on each failed item. */
export function reasonOf({
	message,
	description,
}: {
	message: string;
	description?: string | null;
}): string {
	return description ? `${message}. ${description}` : message;
}

export function failAll(batch: EventBatch, error: string): ItemOutcome[] {
	return batch.items.map((item) => ({
		itemIndex: item.itemIndex,
		eventId: item.event.event_id,
		status: 'failed',
		error,
	}));
}
