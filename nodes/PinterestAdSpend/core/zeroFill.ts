import { DateTime } from 'luxon';

import type { DateRange } from './dates';
import type { AnalyticsRow, Granularity } from './levels';

/**
 * The DATE values Pinterest gives the buckets of a range: each day, the Monday of each week, the
 * 1st of each month; none for TOTAL. Undefined for HOUR, whose buckets are not filled in.
 */
export function bucketDates(
	range: DateRange,
	granularity: Granularity,
): Array<string | undefined> | undefined {
	if (granularity === 'TOTAL') return [undefined];
	if (granularity === 'HOUR') return undefined;
	const unit = { DAY: 'day', WEEK: 'week', MONTH: 'month' } as const;
	const dates: string[] = [];
	const end = DateTime.fromISO(range.endDate, { zone: 'UTC' });
	let bucket = DateTime.fromISO(range.startDate, { zone: 'UTC' }).startOf(unit[granularity]);
	while (bucket <= end) {
		dates.push(bucket.toISODate() as string);
		bucket = bucket.plus({ [unit[granularity]]: 1 });
	}
	return dates;
}

/**
 * Pinterest sends no row for an entity and bucket without delivery. When zero-spend rows are
 * wanted, those rows are added with every metric 0 (a missing column reads as 0).
 */
export function fillZeroRows(
	rows: AnalyticsRow[],
	entityIds: string[],
	idColumn: string,
	range: DateRange,
	granularity: Granularity,
): AnalyticsRow[] {
	const dates = bucketDates(range, granularity);
	if (!dates) return rows;
	const present = new Set(rows.map((row) => `${String(row[idColumn])}|${String(row.DATE ?? '')}`));
	const filled = [...rows];
	for (const id of entityIds) {
		for (const date of dates) {
			if (present.has(`${id}|${date ?? ''}`)) continue;
			filled.push(date === undefined ? { [idColumn]: id } : { [idColumn]: id, DATE: date });
		}
	}
	return filled;
}
