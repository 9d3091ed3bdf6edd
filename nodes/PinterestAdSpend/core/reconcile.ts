import { DateTime } from 'luxon';

import type { DateRange } from './dates';
import { LEVEL_API, type AnalyticsRow, type Granularity } from './levels';
import type { SpendPlan, SpendRequest } from './plan';
import { bucketKey, mergeRows, normaliseHour, spendMicrosOf } from './spendRows';

/** A bucket (day, hour, week, month or the whole range) whose entity rows and account total differ. */
export interface BucketGap {
	/** DATE (and HOUR) of the bucket; neither for TOTAL. */
	bucket: AnalyticsRow;
	accountMicros: number;
	levelMicros: number;
	/** Today's numbers still move between two calls. */
	includesToday: boolean;
}

/** Whether a bucket's days include today (UTC), so its numbers may still move. */
export function bucketIncludesToday(
	bucket: AnalyticsRow,
	granularity: Granularity,
	range: DateRange,
	todayUtc: string,
): boolean {
	if (granularity === 'TOTAL' || bucket.DATE === undefined || bucket.DATE === null)
		return range.endDate >= todayUtc;
	const start = DateTime.fromISO(String(bucket.DATE), { zone: 'UTC' });
	const unit = { DAY: 'day', HOUR: 'day', WEEK: 'week', MONTH: 'month' } as const;
	const end = start.plus({ [`${unit[granularity]}s`]: 1 }).minus({ days: 1 });
	return todayUtc >= (start.toISODate() as string) && todayUtc <= (end.toISODate() as string);
}

function microsPerBucket(rows: AnalyticsRow[]) {
	const sums = new Map<string, { bucket: AnalyticsRow; micros: number }>();
	for (const raw of rows) {
		const row = normaliseHour(raw);
		const key = bucketKey(row);
		const sum = sums.get(key) ?? {
			bucket: row.DATE === undefined ? {} : { DATE: row.DATE, HOUR: row.HOUR },
			micros: 0,
		};
		sum.micros += spendMicrosOf(row);
		sums.set(key, sum);
	}
	return sums;
}

/** The buckets where the level's rows do not add up to the account's own total. */
export function findGaps(
	levelRows: AnalyticsRow[],
	accountRows: AnalyticsRow[],
	options: { granularity: Granularity; range: DateRange; todayUtc: string },
): BucketGap[] {
	const level = microsPerBucket(levelRows);
	const account = microsPerBucket(accountRows);
	const gaps: BucketGap[] = [];
	for (const key of new Set([...account.keys(), ...level.keys()])) {
		const accountMicros = account.get(key)?.micros ?? 0;
		const levelMicros = level.get(key)?.micros ?? 0;
		if (accountMicros === levelMicros) continue;
		const bucket = (account.get(key) ?? level.get(key))!.bucket;
		if (bucket.HOUR === undefined) delete bucket.HOUR;
		gaps.push({
			bucket,
			accountMicros,
			levelMicros,
			includesToday: bucketIncludesToday(
				bucket,
				options.granularity,
				options.range,
				options.todayUtc,
			),
		});
	}
	return gaps.sort((a, b) => bucketKey(a.bucket).localeCompare(bucketKey(b.bucket)));
}

export interface SettledGaps {
	/** Spend no listed entity carries, per bucket: output as unattributed rows. */
	unattributed: Array<{ bucket: AnalyticsRow; micros: number }>;
	/** Today's entity rows ran ahead of the account total read a moment before them. */
	movedToday: BucketGap[];
}

/**
 * What to do with the gaps left after one re-pull. The account total is read before the entity
 * rows, and today's numbers only grow, so moving numbers leave entity rows ahead of the total,
 * never behind it. Hence: where the account is ahead, the difference is spend no listed entity
 * carries and becomes an unattributed row; closed days always get that row, so they add up
 * exactly; only today's entity rows running ahead are left as they are, with a hint.
 */
export function settleGaps(gaps: BucketGap[]): SettledGaps {
	const settled: SettledGaps = { unattributed: [], movedToday: [] };
	for (const gap of gaps) {
		if (gap.includesToday && gap.levelMicros > gap.accountMicros) settled.movedToday.push(gap);
		else
			settled.unattributed.push({
				bucket: gap.bucket,
				micros: gap.accountMicros - gap.levelMicros,
			});
	}
	return settled;
}

/** The raw rows of one pull: the account's own total per bucket, and the level's rows. */
export interface FetchedSpend {
	totalRows: AnalyticsRow[];
	levelRows: AnalyticsRow[];
}

/** The rows to output, and the gaps between them and the account's total, settled. */
export interface SettledSpend {
	repull: false;
	rows: AnalyticsRow[];
	unmergeableColumns: string[];
	settled: SettledGaps;
}

/** Pull once more (the rows differ from the total), or the settled spend. */
export type Reconciliation = { repull: true; gapCount: number } | SettledSpend;

interface ReconcileInput {
	request: Pick<SpendRequest, 'level' | 'granularity' | 'range' | 'todayUtc'>;
	plan: Pick<SpendPlan, 'columns'>;
	fetched: FetchedSpend;
	mayRepull: boolean;
}

/**
 * The level's rows merged across request windows and compared with the account's own total. Today's numbers
 * can move between two calls, and an entity can appear or vanish between the list and the analytics: the
 * first pull with gaps asks for one re-pull (`mayRepull`); the gaps of the last pull are settled.
 */
export function reconcileSpend(input: ReconcileInput & { mayRepull: false }): SettledSpend;
export function reconcileSpend(input: ReconcileInput): Reconciliation;
export function reconcileSpend(input: ReconcileInput): Reconciliation {
	const { request, plan, fetched, mayRepull } = input;
	const { level, granularity, range, todayUtc } = request;
	const merged = mergeRows(fetched.levelRows, LEVEL_API[level].idColumn, plan.columns);
	// The ad account level's rows are its total: nothing to compare them with.
	const gaps =
		level === 'adAccount'
			? []
			: findGaps(merged.rows, fetched.totalRows, { granularity, range, todayUtc });
	if (gaps.length > 0 && mayRepull) return { repull: true, gapCount: gaps.length };
	return {
		repull: false,
		rows: merged.rows,
		unmergeableColumns: merged.unmergeableColumns,
		settled: settleGaps(gaps),
	};
}
