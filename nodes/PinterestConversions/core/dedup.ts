import type { WireConversionEvent } from './buildEvent';

/**
 * What Pinterest deduplicates, and therefore when a request may be sent a second time.
 *
 * - Pinterest's conversions guide: an event with the same `event_id` and `event_name` as one already received
 *   (from the API or the Pinterest Tag) is counted once; Pinterest keeps the first and removes duplicates received
 *   within 48 hours.
 * - `events/create` in Pinterest's OpenAPI description: "events that took place offline cannot be deduplicated".
 *
 * So the retry rule for `POST /ad_accounts/{id}/events`: a request Pinterest cannot have recorded (it answered 429 or
 * another 4xx, the connection was refused, the host name did not resolve) is sent again; a request it may have
 * recorded (5xx, connection reset or timed out, unreadable answer) is sent again only when every event in it is
 * deduplicated (none is offline) or in test mode (nothing is recorded). Offline events are sent in requests of their
 * own so that this rule does not hold back web and app events.
 */
export function isDeduplicated(event: WireConversionEvent): boolean {
	return event.action_source !== 'offline';
}

/** Hours within which Pinterest drops a repeated event (conversions guide). */
export const DEDUPLICATION_WINDOW_HOURS = 48;
