import { MAX_EVENTS_PER_REQUEST } from './conversionsApiRules';
import { DEDUPLICATION_WINDOW_HOURS, isDeduplicated } from './dedup';
import type { WireConversionEvent } from './buildEvent';

/** One valid event waiting to be sent, with the n8n item it came from. */
export interface PendingEvent {
	itemIndex: number;
	adAccountId: string;
	event: WireConversionEvent;
}

/** The events of one `POST /ad_accounts/{adAccountId}/events` request, in request order. */
export interface EventBatch {
	adAccountId: string;
	/** Whether Pinterest deduplicates every event of the batch (none is offline; see dedup.ts). */
	deduplicated: boolean;
	items: PendingEvent[];
}

export type ItemOutcome =
	| { itemIndex: number; eventId: string; status: 'sent'; warning?: string }
	| { itemIndex: number; eventId: string; status: 'failed'; error: string };

/**
 * Groups events by ad account (accounts in order of first appearance, events in input order), keeps offline events
 * in requests of their own (they are not deduplicated, so their requests follow a stricter retry rule), and cuts
 * each group into requests of at most `maxEventsPerRequest`. Values above Pinterest's limit of 1000 are capped,
 * since Pinterest would refuse the whole request.
 */
export function groupIntoBatches(
	items: readonly PendingEvent[],
	maxEventsPerRequest = MAX_EVENTS_PER_REQUEST,
): EventBatch[] {
	const size = Math.min(Math.max(1, Math.floor(maxEventsPerRequest)), MAX_EVENTS_PER_REQUEST);
	const groups = new Map<
		string,
		{ adAccountId: string; deduplicated: boolean; events: PendingEvent[] }
	>();
	for (const item of items) {
		const deduplicated = isDeduplicated(item.event);
		const key = `${item.adAccountId}|${deduplicated}`;
		let group = groups.get(key);
		if (!group) {
			group = { adAccountId: item.adAccountId, deduplicated, events: [] };
			groups.set(key, group);
		}
		group.events.push(item);
	}
	const batches: EventBatch[] = [];
	for (const { adAccountId, deduplicated, events } of groups.values()) {
		for (let start = 0; start < events.length; start += size) {
			batches.push({ adAccountId, deduplicated, items: events.slice(start, start + size) });
		}
	}
	return batches;
}

/** Request body of spec `ConversionEvents`. */
export function batchRequestBody(batch: EventBatch): { data: WireConversionEvent[] } {
	return { data: batch.items.map((item) => item.event) };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}

function filledText(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Per-event results: `events` of a 200 `ConversionApiResponse`, or `details.events` of a 422 `DetailedError`. */
function eventResults(body: Record<string, unknown> | undefined): unknown[] | undefined {
	const events = body?.events ?? asRecord(body?.details)?.events;
	return Array.isArray(events) ? events : undefined;
}

function outcomeOf(item: PendingEvent, result: unknown): ItemOutcome {
	const { itemIndex } = item;
	const eventId = item.event.event_id;
	const entry = asRecord(result);
	if (entry?.status === 'processed') {
		const warning = filledText(entry.warning_message);
		return warning
			? { itemIndex, eventId, status: 'sent', warning }
			: { itemIndex, eventId, status: 'sent' };
	}
	const error =
		entry?.status === 'failed'
			? (filledText(entry.error_message) ??
				'Pinterest marked the event as failed without giving a reason')
			: 'Pinterest returned an unreadable status for this event';
	return { itemIndex, eventId, status: 'failed', error };
}

/** Every item's outcome, or why the answer cannot be matched to the items (a failure of the whole request). */
export type MatchResult = { ok: true; outcomes: ItemOutcome[] } | { ok: false; error: string };

/**
 * Maps Pinterest's answer to one outcome per item of the batch. Results come in request order (spec: "The order
 * will match the order in which the events were received"). When they cannot be matched one to one, no item is
 * guessed: the whole request counts as failed.
 */
export function matchResponseToItems(batch: EventBatch, response: unknown): MatchResult {
	const body = asRecord(response);
	const results = eventResults(body);
	const sent = batch.items.length;
	if (results && results.length === sent) {
		return {
			ok: true,
			outcomes: batch.items.map((item, index) => outcomeOf(item, results[index])),
		};
	}
	const said = filledText(body?.message);
	const dedup = batch.deduplicated
		? ` Pinterest may have recorded them; sending the same events again within ${DEDUPLICATION_WINDOW_HOURS} hours does not count them twice.`
		: ' Pinterest may have recorded them, and offline events are not deduplicated: check Ads Manager before sending them again.';
	const error = results
		? `Pinterest returned ${results.length} event results for the ${sent} events sent, so they cannot be matched to items.${dedup}`
		: `Pinterest did not return per-event results${said ? ` ("${said}")` : ''}.${dedup}`;
	return { ok: false, error };
}
