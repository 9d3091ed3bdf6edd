import { DateTime } from 'luxon';

import {
	MAX_EVENT_AGE_DAYS,
	MAX_FUTURE_SKEW_SECONDS,
	MILLISECONDS_THRESHOLD,
} from './conversionsApiRules';
import { fail, isEmpty, pass, problem } from './input';
import type { Checked } from './input';

const FIELD = 'eventTime';
const SECONDS_PER_DAY = 86_400;
const FORMATS_FIX =
	'Map the time the conversion happened: an ISO 8601 date-time (e.g. 2025-03-10T09:00:00Z), Unix seconds or milliseconds, or a date.';

function refuse(message: string, fix = FORMATS_FIX): Checked<never> {
	return fail(problem(FIELD, message, fix));
}

/**
 * Unix numbers: seconds or milliseconds, told apart by magnitude (see MILLISECONDS_THRESHOLD). Fractions are cut,
 * since `event_time` is an int64 of seconds.
 */
function fromEpochNumber(epoch: number): number | undefined {
	if (!Number.isFinite(epoch)) return undefined;
	return Math.floor(Math.abs(epoch) >= MILLISECONDS_THRESHOLD ? epoch / 1000 : epoch);
}

/**
 * Text without a zone or offset is read as UTC: the pure core does not know the workflow's zone, and UTC is the
 * zone of Unix time. A local time read this way lands in the future or past and is caught by the range check.
 */
function fromText(text: string): number | undefined {
	if (/^\d+(\.\d+)?$/.test(text)) return fromEpochNumber(Number(text));
	const parsers = [
		() => DateTime.fromISO(text, { zone: 'utc' }),
		() => DateTime.fromSQL(text, { zone: 'utc' }),
		() => DateTime.fromRFC2822(text, { zone: 'utc' }),
		() => DateTime.fromHTTP(text, { zone: 'utc' }),
	];
	for (const parse of parsers) {
		const parsed = parse();
		if (parsed.isValid) return Math.floor(parsed.toSeconds());
	}
	return undefined;
}

function toSeconds(value: unknown): number | undefined {
	if (DateTime.isDateTime(value)) return value.isValid ? Math.floor(value.toSeconds()) : undefined;
	if (Object.prototype.toString.call(value) === '[object Date]') {
		return fromEpochNumber((value as Date).getTime());
	}
	if (typeof value === 'number') return fromEpochNumber(value);
	if (typeof value === 'string') return fromText(value.trim());
	return undefined;
}

function describe(eventTimeSeconds: number): string {
	return (
		DateTime.fromSeconds(eventTimeSeconds, { zone: 'utc' }).toISO({ suppressMilliseconds: true }) ??
		`${eventTimeSeconds} s`
	);
}

/**
 * Converts an event time to Unix seconds (`event_time`) and checks Pinterest will accept it: no older than
 * MAX_EVENT_AGE_DAYS, no further ahead than MAX_FUTURE_SKEW_SECONDS. Accepts ISO 8601 / SQL / RFC 2822 text,
 * Unix seconds or milliseconds (number or digits), JS Date and Luxon DateTime (n8n hands dates to expressions as
 * Luxon objects and serialises them as ISO text).
 *
 * The one rule for an empty time: it means "now" only when `emptyMeansNow` (the node's Event Time left empty, the
 * live-postback case). Anywhere else an empty time is refused: a backfilled order must not get the send time.
 */
export function toEventTimeSeconds({
	value,
	nowSeconds,
	emptyMeansNow = false,
}: {
	value: unknown;
	nowSeconds: number;
	emptyMeansNow?: boolean;
}): Checked<number> {
	if (isEmpty(value)) {
		if (emptyMeansNow) return pass(nowSeconds);
		return refuse(
			'Event time is empty for this item',
			`${FORMATS_FIX} To send the time of sending instead (live postbacks only), leave Event Time empty in the node rather than using an expression.`,
		);
	}
	const eventTimeSeconds = toSeconds(value);
	if (eventTimeSeconds === undefined) {
		return refuse('Event time is not a date-time Pinterest can use');
	}
	const ageSeconds = nowSeconds - eventTimeSeconds;
	if (ageSeconds > MAX_EVENT_AGE_DAYS * SECONDS_PER_DAY) {
		return refuse(
			`Event time ${describe(eventTimeSeconds)} is ${Math.floor(ageSeconds / SECONDS_PER_DAY)} days ago; Pinterest only accepts events from the last ${MAX_EVENT_AGE_DAYS} days`,
			`Send conversions within ${MAX_EVENT_AGE_DAYS} days of when they happened, and check that Event Time holds the conversion time in seconds or milliseconds, not another unit.`,
		);
	}
	if (-ageSeconds > MAX_FUTURE_SKEW_SECONDS) {
		return refuse(
			`Event time ${describe(eventTimeSeconds)} is ${Math.ceil(-ageSeconds / 60)} minutes in the future`,
			'A date-time without a zone is read as UTC: add its offset (e.g. +01:00) or Z, or check the clock of the system that recorded it.',
		);
	}
	return pass(eventTimeSeconds);
}
