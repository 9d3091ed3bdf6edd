import { DateTime } from 'luxon';

import { ActionableError } from '../../../shared/errors';

/** An inclusive range of Pinterest reporting days (UTC), as yyyy-MM-dd. */
export interface DateRange {
	startDate: string;
	endDate: string;
}

export type DatePreset =
	| 'today'
	| 'yesterday'
	| 'todayAndYesterday'
	| 'last7Days'
	| 'last30Days'
	| 'thisMonth'
	| 'lastMonth'
	| 'custom';

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})/;

/** The calendar day of a custom date as given: an ISO string's own date, or a date object's. */
function toDay(value: unknown, field: string): string {
	if (DateTime.isDateTime(value)) return value.toISODate() as string;
	if (value instanceof Date && !Number.isNaN(value.getTime()))
		return value.toISOString().slice(0, 10);
	const day = ISO_DAY.exec(String(value ?? '').trim())?.[1];
	if (!day || !DateTime.fromISO(day, { zone: 'UTC' }).isValid) {
		throw new ActionableError(
			`${field} "${String(value ?? '')}" is not a date`,
			`Give ${field} as YYYY-MM-DD.`,
		);
	}
	return day;
}

function range(start: DateTime, end: DateTime): DateRange {
	return { startDate: start.toISODate() as string, endDate: end.toISODate() as string };
}

/**
 * The days a preset covers. "Last N days" are the N full days before today, as in Ads Manager.
 * `now` and `zone` are passed in: UTC by default (Pinterest's reporting days), or the workflow's
 * zone when the user wants "today" to be their local calendar day. Pinterest's days are UTC days,
 * and in a zone ahead of UTC the local "today" has not begun there yet: a preset never reaches
 * past today's UTC date. Only custom dates are taken as given (and refused later if in the future).
 */
export function resolveDateRange(
	preset: DatePreset,
	options: { now: DateTime; zone: string; customStart?: unknown; customEnd?: unknown },
): DateRange {
	const range = presetRange(preset, options);
	if (preset === 'custom') return range;
	const todayUtc = options.now.toUTC().toISODate() as string;
	const endDate = range.endDate < todayUtc ? range.endDate : todayUtc;
	return { startDate: range.startDate < endDate ? range.startDate : endDate, endDate };
}

function presetRange(
	preset: DatePreset,
	options: { now: DateTime; zone: string; customStart?: unknown; customEnd?: unknown },
): DateRange {
	const today = options.now.setZone(options.zone).startOf('day');
	switch (preset) {
		case 'today':
			return range(today, today);
		case 'yesterday':
			return range(today.minus({ days: 1 }), today.minus({ days: 1 }));
		case 'todayAndYesterday':
			return range(today.minus({ days: 1 }), today);
		case 'last7Days':
			return range(today.minus({ days: 7 }), today.minus({ days: 1 }));
		case 'last30Days':
			return range(today.minus({ days: 30 }), today.minus({ days: 1 }));
		case 'thisMonth':
			return range(today.startOf('month'), today);
		case 'lastMonth': {
			const lastMonth = today.minus({ months: 1 });
			return range(lastMonth.startOf('month'), lastMonth.endOf('month'));
		}
		case 'custom': {
			const custom = {
				startDate: toDay(options.customStart, 'Start Date'),
				endDate: toDay(options.customEnd, 'End Date'),
			};
			if (custom.endDate < custom.startDate) {
				throw new ActionableError(
					`End Date ${custom.endDate} is before Start Date ${custom.startDate}`,
					'Swap the two dates.',
				);
			}
			return custom;
		}
		default:
			throw new ActionableError(
				`Unknown date range "${String(preset)}"`,
				'Pick a date range from the list.',
			);
	}
}

/** Whole days from `from` to `to` (yyyy-MM-dd), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
	return Math.round(
		DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days')
			.days,
	);
}

export function addDays(day: string, days: number): string {
	return DateTime.fromISO(day, { zone: 'UTC' }).plus({ days }).toISODate() as string;
}
