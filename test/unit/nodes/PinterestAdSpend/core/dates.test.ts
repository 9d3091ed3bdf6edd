import { DateTime } from 'luxon';

import {
	resolveDateRange,
	type DatePreset,
} from '../../../../../nodes/PinterestAdSpend/core/dates';
import { ActionableError } from '../../../../../shared/errors';

const at = (iso: string, zone = 'UTC') => DateTime.fromISO(iso, { zone });

function presets(now: DateTime, zone = 'UTC') {
	const names: DatePreset[] = [
		'today',
		'yesterday',
		'todayAndYesterday',
		'last7Days',
		'last30Days',
		'thisMonth',
		'lastMonth',
	];
	return Object.fromEntries(
		names.map((preset) => {
			const { startDate, endDate } = resolveDateRange(preset, { now, zone });
			return [preset, `${startDate}..${endDate}`];
		}),
	);
}

describe('resolveDateRange', () => {
	it('resolves every preset in UTC days', () => {
		expect(presets(at('2025-03-10T09:00:00Z'))).toEqual({
			today: '2025-03-10..2025-03-10',
			yesterday: '2025-03-09..2025-03-09',
			todayAndYesterday: '2025-03-09..2025-03-10',
			last7Days: '2025-03-03..2025-03-09',
			last30Days: '2025-02-08..2025-03-09',
			thisMonth: '2025-03-01..2025-03-10',
			lastMonth: '2025-02-01..2025-02-28',
		});
	});

	it('crosses the year on 1 January and knows leap years', () => {
		expect(presets(at('2025-01-01T00:00:00Z'))).toMatchObject({
			yesterday: '2024-12-31..2024-12-31',
			lastMonth: '2024-12-01..2024-12-31',
			thisMonth: '2025-01-01..2025-01-01',
		});
		expect(presets(at('2024-03-01T12:00:00Z'))).toMatchObject({
			yesterday: '2024-02-29..2024-02-29',
			lastMonth: '2024-02-01..2024-02-29',
			last7Days: '2024-02-23..2024-02-29',
		});
		expect(presets(at('2028-03-31T23:59:59Z')).lastMonth).toBe('2028-02-01..2028-02-29');
	});

	it('uses the UTC day by default, and a zone ahead of UTC never reaches past today in UTC', () => {
		// 00:30 in Berlin on 1 March is still 28 February in UTC, Pinterest's reporting day.
		const now = at('2025-03-01T00:30:00', 'Europe/Berlin');
		expect(presets(now, 'UTC')).toMatchObject({
			today: '2025-02-28..2025-02-28',
			thisMonth: '2025-02-01..2025-02-28',
		});
		expect(presets(now, 'Europe/Berlin')).toMatchObject({
			today: '2025-02-28..2025-02-28',
			yesterday: '2025-02-28..2025-02-28',
			todayAndYesterday: '2025-02-28..2025-02-28',
			last7Days: '2025-02-22..2025-02-28',
			thisMonth: '2025-02-28..2025-02-28',
			lastMonth: '2025-02-01..2025-02-28',
		});
		// Tokyo at 08:00 is 23:00 the day before in UTC.
		const tokyo = at('2026-11-26T08:00:00', 'Asia/Tokyo');
		expect(presets(tokyo, 'Asia/Tokyo')).toMatchObject({
			today: '2026-11-25..2026-11-25',
			todayAndYesterday: '2026-11-25..2026-11-25',
			yesterday: '2026-11-25..2026-11-25',
			last7Days: '2026-11-19..2026-11-25',
		});
	});

	it('still refuses nothing for custom ranges here: only the future check does', () => {
		const now = at('2026-11-26T08:00:00', 'Asia/Tokyo');
		expect(
			resolveDateRange('custom', {
				now,
				zone: 'Asia/Tokyo',
				customStart: '2026-11-26',
				customEnd: '2026-11-27',
			}),
		).toEqual({ startDate: '2026-11-26', endDate: '2026-11-27' });
	});

	it('and in a zone behind UTC the local day is the earlier one', () => {
		const now = at('2025-06-01T02:00:00Z');
		expect(presets(now, 'America/Los_Angeles').today).toBe('2025-05-31..2025-05-31');
		expect(presets(now, 'UTC').today).toBe('2025-06-01..2025-06-01');
	});

	it('takes custom dates as ISO strings, date-times, JS dates and luxon dates', () => {
		const now = at('2025-03-10T09:00:00Z');
		expect(
			resolveDateRange('custom', {
				now,
				zone: 'UTC',
				customStart: '2025-02-01',
				customEnd: '2025-02-03T00:00:00',
			}),
		).toEqual({ startDate: '2025-02-01', endDate: '2025-02-03' });
		expect(
			resolveDateRange('custom', {
				now,
				zone: 'UTC',
				customStart: new Date('2025-02-01T00:00:00Z'),
				customEnd: at('2025-02-05T10:00:00Z'),
			}),
		).toEqual({ startDate: '2025-02-01', endDate: '2025-02-05' });
	});

	it('refuses custom ranges that end before they start, or are not dates, saying how to fix it', () => {
		const now = at('2025-03-10T09:00:00Z');
		expect(() =>
			resolveDateRange('custom', {
				now,
				zone: 'UTC',
				customStart: '2025-02-05',
				customEnd: '2025-02-01',
			}),
		).toThrow(
			new ActionableError(
				'End Date 2025-02-01 is before Start Date 2025-02-05',
				'Swap the two dates.',
			),
		);
		expect(() =>
			resolveDateRange('custom', {
				now,
				zone: 'UTC',
				customStart: 'last tuesday',
				customEnd: '2025-02-01',
			}),
		).toThrow('Start Date "last tuesday" is not a date');
		expect(() =>
			resolveDateRange('custom', {
				now,
				zone: 'UTC',
				customStart: '2025-02-30',
				customEnd: '2025-03-01',
			}),
		).toThrow('Start Date "2025-02-30" is not a date');
	});
});
