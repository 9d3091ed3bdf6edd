import { MAX_EVENTS_PER_REQUEST } from './constants';
import type { WireConversionEvent } from './types';

/** One valid event waiting to be sent, with the n8n item it came from. */
export interface PendingEvent {
	itemIndex: number;
	adAccountId: string;
	event: WireConversionEvent;
}

/** The events of one `POST /ad_accounts/{adAccountId}/events` request, in request order. */
export interface EventBatch {
	adAccountId: string;
	items: PendingEvent[];
}

export type ItemOutcome =
	| { itemIndex: number; eventId: string; status: 'sent'; warning?: string }
	| { itemIndex: number; eventId: string; status: 'failed'; error: string };

/**
 * Groups events by ad account (accounts in order of first appearance, events in input order) and cuts each
 * account's events into requests of at most `maxEventsPerRequest`. Values above Pinterest's limit of 1000 are
 * capped, since Pinterest would refuse the whole request.
 */
export function groupIntoBatches(
	items: readonly PendingEvent[],
	maxEventsPerRequest = MAX_EVENTS_PER_REQUEST,
): EventBatch[] {
	const size = Math.min(Math.max(1, Math.floor(maxEventsPerRequest)), MAX_EVENTS_PER_REQUEST);
	const byAccount = new Map<string, PendingEvent[]>();
	for (const item of items) {
		const events = byAccount.get(item.adAccountId) ?? [];
		events.push(item);
		byAccount.set(item.adAccountId, events);
	}
	const batches: EventBatch[] = [];
	for (const [adAccountId, events] of byAccount) {
		for (let start = 0; start < events.length; start += size) {
			batches.push({ adAccountId, items: events.slice(start, start + size) });
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

/**
 * Maps Pinterest's answer to one outcome per item of the batch. Results come in request order (spec: "The order
 * will match the order in which the events were received"). When they cannot be matched one to one, every item
 * fails with the reason, rather than guessing or dropping any; a retry is safe since Pinterest de-duplicates on
 * event_id.
 */
export function matchResponseToItems(batch: EventBatch, response: unknown): ItemOutcome[] {
	const body = asRecord(response);
	const results = eventResults(body);
	const sent = batch.items.length;
	if (results && results.length === sent) {
		return batch.items.map((item, index) => outcomeOf(item, results[index]));
	}
	const said = filledText(body?.message);
	const error = results
		? `Pinterest returned ${results.length} event results for the ${sent} events sent, so they cannot be matched to items. Retrying within 48 hours is safe: Pinterest drops repeated event IDs.`
		: `Pinterest did not return per-event results${said ? `: "${said}"` : ''}`;
	return batch.items.map((item) => ({
		itemIndex: item.itemIndex,
		eventId: item.event.event_id,
		status: 'failed',
		error,
	}));
}
