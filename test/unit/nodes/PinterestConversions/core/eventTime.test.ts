import { DateTime } from 'luxon';

import { toEventTimeSeconds } from '../../../../../nodes/PinterestConversions/core/eventTime';

const NOW_SECONDS = 1741597200; // 2025-03-10T09:00:00Z
const YESTERDAY_1430_UTC = 1741530600; // 2025-03-09T14:30:00Z
const SEVEN_DAYS_AGO = 1740992400; // 2025-03-03T09:00:00Z

function secondsOf(value: unknown): number {
	const outcome = toEventTimeSeconds({ value, nowSeconds: NOW_SECONDS });
	if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
	return outcome.value;
}

function problemOf(value: unknown) {
	const outcome = toEventTimeSeconds({ value, nowSeconds: NOW_SECONDS });
	if (outcome.ok) throw new Error(`expected a problem, got ${outcome.value}`);
	expect(outcome.problems).toHaveLength(1);
	return outcome.problems[0];
}

describe('toEventTimeSeconds: accepted forms', () => {
	it.each([
		['ISO with Z', '2025-03-09T14:30:00Z'],
		['ISO with milliseconds and Z', '2025-03-09T14:30:00.999Z'],
		['ISO with an offset', '2025-03-09T15:30:00+01:00'],
		['ISO without a zone (read as UTC)', '2025-03-09T14:30:00'],
		['SQL date-time (read as UTC)', '2025-03-09 14:30:00'],
		['RFC 2822', 'Sun, 09 Mar 2025 14:30:00 +0000'],
		['Unix seconds', YESTERDAY_1430_UTC],
		['Unix seconds with a fraction', YESTERDAY_1430_UTC + 0.75],
		['Unix seconds as digits', ` ${YESTERDAY_1430_UTC} `],
		['Unix milliseconds', YESTERDAY_1430_UTC * 1000 + 999],
		['Unix milliseconds as digits', `${YESTERDAY_1430_UTC * 1000}`],
		['JS Date', new Date(YESTERDAY_1430_UTC * 1000)],
		[
			'Luxon DateTime in another zone',
			DateTime.fromISO('2025-03-09T10:30:00', { zone: 'America/New_York' }),
		],
		[
			'Luxon DateTime serialised by n8n',
			JSON.parse(JSON.stringify({ t: DateTime.fromSeconds(YESTERDAY_1430_UTC) })).t,
		],
	])('%s', (_form, value) => {
		expect(secondsOf(value)).toBe(YESTERDAY_1430_UTC);
	});

	it('a date without time is midnight UTC', () => {
		expect(secondsOf('2025-03-09')).toBe(1741478400);
	});

	it('tells milliseconds from seconds at 1e11', () => {
		expect(secondsOf(NOW_SECONDS)).toBe(NOW_SECONDS);
		expect(secondsOf(NOW_SECONDS * 1000)).toBe(NOW_SECONDS);
		expect(problemOf(99_999_999_999).message).toMatch(/minutes in the future$/);
		expect(problemOf(100_000_000_000).message).toBe(
			'Event time 1973-03-03T09:46:40Z is 18999 days ago; Pinterest only accepts events from the last 7 days',
		);
	});
});

describe('toEventTimeSeconds: refused', () => {
	it('accepts exactly 7 days old, refuses one second more', () => {
		expect(secondsOf(SEVEN_DAYS_AGO)).toBe(SEVEN_DAYS_AGO);
		expect(problemOf(SEVEN_DAYS_AGO - 1)).toEqual({
			field: 'eventTime',
			message:
				'Event time 2025-03-03T08:59:59Z is 7 days ago; Pinterest only accepts events from the last 7 days',
			fix: 'Send conversions within 7 days of when they happened, and check that Event Time holds the conversion time in seconds or milliseconds, not another unit.',
		});
	});

	it('tolerates 5 minutes of clock skew into the future, not more', () => {
		expect(secondsOf(NOW_SECONDS + 300)).toBe(NOW_SECONDS + 300);
		expect(problemOf(NOW_SECONDS + 301)).toEqual({
			field: 'eventTime',
			message: 'Event time 2025-03-10T09:05:01Z is 6 minutes in the future',
			fix: 'A date-time without a zone is read as UTC: add its offset (e.g. +01:00) or Z, or check the clock of the system that recorded it.',
		});
	});

	it('catches a local time without zone that lands in the future', () => {
		expect(problemOf('2025-03-10T10:00:00').message).toBe(
			'Event time 2025-03-10T10:00:00Z is 60 minutes in the future',
		);
	});

	it.each([undefined, null, '', '   '])(
		'refuses an empty time unless the node field was left empty (%p)',
		(value) => {
			expect(problemOf(value)).toEqual({
				field: 'eventTime',
				message: 'Event time is empty for this item',
				fix: 'Map the time the conversion happened: an ISO 8601 date-time (e.g. 2025-03-10T09:00:00Z), Unix seconds or milliseconds, or a date. To send the time of sending instead (live postbacks only), leave Event Time empty in the node rather than using an expression.',
			});
			expect(toEventTimeSeconds({ value, nowSeconds: NOW_SECONDS, emptyMeansNow: true })).toEqual({
				ok: true,
				value: NOW_SECONDS,
			});
		},
	);

	it('a given time is used even when empty would mean now', () => {
		expect(
			toEventTimeSeconds({
				value: YESTERDAY_1430_UTC,
				nowSeconds: NOW_SECONDS,
				emptyMeansNow: true,
			}),
		).toEqual({
			ok: true,
			value: YESTERDAY_1430_UTC,
		});
	});

	it.each([
		['text', 'yesterday'],
		['a negative digit string', '-1741530600'],
		['a boolean', true],
		['an object', { seconds: YESTERDAY_1430_UTC }],
		['NaN', Number.NaN],
		['an invalid Date', new Date('nope')],
		['an invalid DateTime', DateTime.fromISO('2025-02-30')],
	])('refuses %s', (_kind, value) => {
		expect(problemOf(value).message).toBe('Event time is not a date-time Pinterest can use');
	});
});
