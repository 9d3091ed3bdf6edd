import { STANDARD_EVENT_NAMES } from './conversionsApiRules';
import { fail, pass, problem, readText } from './input';
import type { Checked } from './input';

export type EventName = (typeof STANDARD_EVENT_NAMES)[number];

/** Case, spaces, hyphens and underscores are ignored, so "Add To Cart" and the Tag's "addtocart" both count. */
function squash(name: string): string {
	return name.toLowerCase().replace(/[\s_-]+/g, '');
}

const BY_SQUASHED_NAME: ReadonlyMap<string, EventName> = new Map(
	STANDARD_EVENT_NAMES.map((name) => [squash(name), name]),
);

/** Names other platforms use (GA4, Meta) for which Pinterest has a standard event; suggested, never applied. */
const SUGGESTIONS: Readonly<Record<string, EventName>> = {
	purchase: 'checkout',
	pageview: 'page_visit',
	completeregistration: 'signup',
	begincheckout: 'initiate_checkout',
	generatelead: 'lead',
	viewitem: 'view_content',
};

/**
 * Resolves an event name to one of the spec's standard names. Unknown names are refused rather than sent: Pinterest
 * may answer "processed" yet file them as "Unknown" events that no report counts.
 */
export function checkEventName(value: unknown): Checked<EventName> {
	const reading = readText(value, { field: 'eventName', label: 'Event name' });
	if (!reading.ok) return reading;
	const text = reading.value ?? '';
	const eventName = BY_SQUASHED_NAME.get(squash(text));
	if (eventName) return pass(eventName);
	const valid = `Valid names: ${STANDARD_EVENT_NAMES.join(', ')}.`;
	if (text === '') {
		return fail(problem('eventName', 'Event name is required', `Pick a Pinterest event. ${valid}`));
	}
	const suggestion = SUGGESTIONS[squash(text)];
	const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
	return fail(
		problem(
			'eventName',
			`Event name is not a Pinterest event name.${hint}`,
			`${valid} Use "custom" for any other event.`,
		),
	);
}
