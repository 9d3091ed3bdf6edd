// Types of events.js, for TypeScript tests that use the fake's event rules.

export interface EventsState {
	privacyViolations: Array<{ event_id: string; field: string; value: string }>;
	config: { rejectEventIds?: string[] };
	seenEventKeys: Set<string>;
	conversions: Array<{ adAccountId: string; event: Record<string, unknown> }>;
}

export interface EventsAnswer {
	status: number;
	body: Record<string, unknown>;
}

export function receiveEvents(
	state: EventsState,
	adAccountId: string,
	events: Array<Record<string, unknown>>,
	options: { test: boolean; nowSeconds: number },
): EventsAnswer;

export function dropLastResults(
	body: Record<string, unknown>,
	count: number,
): Record<string, unknown>;

export const HASHED_FIELDS: string[];
