import { ActionableError } from '../../../shared/errors';
import { addDays, daysBetween, type DateRange } from './dates';
import type { Granularity } from './levels';

/**
 * Pinterest's date limits. Synchronous analytics: "up to 90 days before the current date in UTC
 * time, with a maximum time range of 90 days"; HOUR: 8 days back, 3-day range (spec, the
 * analytics operations' descriptions). One day is kept in reserve on the 90-day limits because a caller
 * whose clock is already on the next UTC day would cross it (the off-by-one others hit).
 * Async reports: 914 days back, 186-day range (spec, analytics/create_report).
 */
export const DATE_LIMITS = {
	sync: { maxDaysBack: 89, maxDaysPerRequest: 90 },
	syncHourly: { maxDaysBack: 8, maxDaysPerRequest: 3 },
	async: { maxDaysBack: 914, maxDaysPerRequest: 186 },
	asyncHourly: { maxDaysBack: 8, maxDaysPerRequest: 3 },
} as const;

/** Consecutive windows of at most `maxDays` days (inclusive) covering the range. */
export function splitRange(range: DateRange, maxDays: number): DateRange[] {
	const windows: DateRange[] = [];
	for (let start = range.startDate; start <= range.endDate; start = addDays(start, maxDays)) {
		const end = addDays(start, maxDays - 1);
		windows.push({ startDate: start, endDate: end < range.endDate ? end : range.endDate });
	}
	return windows;
}

/** Rejects ranges no Pinterest API can serve (in the future). */
export function checkNotFuture(range: DateRange, todayUtc: string) {
	if (range.endDate > todayUtc) {
		throw new ActionableError(
			`The range ends on ${range.endDate}, after today (${todayUtc} UTC)`,
			'Pinterest has no spend for future days: end the range today or earlier.',
		);
	}
}

/** Request windows for the synchronous analytics endpoints, or undefined if they cannot serve the range. */
export function syncWindows(range: DateRange, granularity: Granularity, todayUtc: string) {
	const limits = granularity === 'HOUR' ? DATE_LIMITS.syncHourly : DATE_LIMITS.sync;
	if (daysBetween(range.startDate, todayUtc) > limits.maxDaysBack) return undefined;
	return splitRange(range, limits.maxDaysPerRequest);
}

/** Request windows for asynchronous reports; beyond their reach the input is refused. */
export function asyncWindows(range: DateRange, granularity: Granularity, todayUtc: string) {
	const limits = granularity === 'HOUR' ? DATE_LIMITS.asyncHourly : DATE_LIMITS.async;
	if (daysBetween(range.startDate, todayUtc) > limits.maxDaysBack) {
		const what = granularity === 'HOUR' ? 'hourly spend' : 'spend';
		throw new ActionableError(
			`Pinterest keeps ${what} for ${limits.maxDaysBack} days; ${range.startDate} is older`,
			`Start the range on ${addDays(todayUtc, -limits.maxDaysBack)} or later${granularity === 'HOUR' ? ', or use a daily granularity' : ''}.`,
		);
	}
	return splitRange(range, limits.maxDaysPerRequest);
}
