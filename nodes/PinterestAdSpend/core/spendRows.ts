import {
	ADDITIVE_COLUMNS,
	metricFieldName,
	outputValue,
	RECOMPUTED_RATIOS,
	recomputeRatio,
	TEXT_COLUMNS,
} from './columns';
import type { DateRange } from './dates';
import { ENTITY_LEVELS, type AnalyticsRow, type EntityLevel, type Level } from './levels';

export { metricFieldName } from './columns';

/** The ids and names of an entity and of every entity above it, e.g. { campaignId, campaignName, adGroupId, … }. */
export type EntityChain = Partial<Record<`${EntityLevel}${'Id' | 'Name'}`, string>>;

export interface SpendRowContext {
	account: { id: string; name?: string; currency?: string };
	level: Level;
	idColumn: string;
	entities: Map<string, EntityChain>;
	includeNames: boolean;
	metricColumns: string[];
	/** For TOTAL granularity, where Pinterest's rows carry no DATE. */
	range: DateRange;
}

export type SpendRow = Record<string, string | number | boolean | null>;

const SPEND_MICROS_COLUMN = 'SPEND_IN_MICRO_DOLLAR';
/** "2025-03-01 06:00:00" or "2025-03-01T06:00:00": a DATE that carries the hour. */
const DATE_WITH_HOUR = /^(\d{4}-\d{2}-\d{2})[T ](\d{2})/;

/**
 * Spend in micro-units as an integer. Pinterest leaves out a column that has no value: that is 0.
 * Money is added up in integer micros, never in floating-point currency units.
 */
export function spendMicrosOf(row: AnalyticsRow): number {
	const micros = Number(row[SPEND_MICROS_COLUMN] ?? 0);
	return Number.isFinite(micros) ? Math.round(micros) : 0;
}

/** micros → currency units; exact, as the quotient is the double nearest the 6-decimal value. */
export function microsToDecimal(micros: number): number {
	return micros / 1_000_000;
}

/**
 * Hourly rows in one shape: Pinterest documents DATE as a date and no hour field, so the hour may
 * come in an HOUR column or inside DATE; either way the row leaves here as DATE (day) + HOUR.
 */
export function normaliseHour(row: AnalyticsRow): AnalyticsRow {
	const withHour = typeof row.DATE === 'string' ? DATE_WITH_HOUR.exec(row.DATE) : null;
	if (withHour) return { ...row, DATE: withHour[1], HOUR: Number(withHour[2]) };
	if (row.HOUR !== undefined && row.HOUR !== null) return { ...row, HOUR: Number(row.HOUR) };
	return row;
}

/** The bucket a row belongs to (DATE and hour), whatever entity it is for. */
export function bucketKey(row: AnalyticsRow): string {
	return `${String(row.DATE ?? '')}|${String(row.HOUR ?? '')}`;
}

export interface MergeResult {
	rows: AnalyticsRow[];
	/** Columns left null on some merged row: neither additive nor rebuildable from parts. */
	unmergeableColumns: string[];
}

/**
 * One row per (entity, bucket): rows of the same key from different request windows (a week or
 * month cut by a window boundary, or TOTAL over several windows) are merged. Only additive columns
 * are summed; ratios are rebuilt from their summed parts; anything else becomes null.
 */
export function mergeRows(rows: AnalyticsRow[], idColumn: string, columns: string[]): MergeResult {
	const groups = new Map<string, AnalyticsRow[]>();
	for (const raw of rows) {
		const row = normaliseHour(raw);
		const key = `${String(row[idColumn])}|${bucketKey(row)}`;
		const group = groups.get(key);
		if (group) group.push(row);
		else groups.set(key, [row]);
	}
	const unmergeable = new Set<string>();
	const merged = [...groups.values()].map((group) => {
		if (group.length === 1) return { ...group[0] };
		const out: AnalyticsRow = { ...group[0] };
		for (const column of columns) {
			const values = group.map((row) => row[column]).filter((value) => value !== undefined);
			if (values.length === 0) continue;
			if (ADDITIVE_COLUMNS.has(column)) {
				out[column] = values.reduce((sum: number, value) => sum + Number(value ?? 0), 0);
			} else if (TEXT_COLUMNS.has(column)) {
				out[column] = values.find((value) => value !== null) ?? null;
			} else if (!RECOMPUTED_RATIOS[column]) {
				out[column] = null;
				unmergeable.add(column);
			}
		}
		for (const column of columns) {
			if (!RECOMPUTED_RATIOS[column]) continue;
			out[column] = recomputeRatio(column, out);
			if (out[column] === null) unmergeable.add(column);
		}
		return out;
	});
	return { rows: merged, unmergeableColumns: [...unmergeable] };
}

/**
 * Whether a row carries nothing: spend 0 and every requested numeric column 0 or absent. Earned
 * clicks or conversions on a day without spend are data, and keep the row.
 */
export function isEmptyRow(row: AnalyticsRow, metricColumns: string[]): boolean {
	if (spendMicrosOf(row) !== 0) return false;
	return metricColumns.every((column) => {
		if (TEXT_COLUMNS.has(column)) return true;
		const value = row[column];
		return value === undefined || value === null || Number(value) === 0;
	});
}

function baseRow(ctx: SpendRowContext, chain: EntityChain): SpendRow {
	const out: SpendRow = { adAccountId: ctx.account.id };
	if (ctx.includeNames) out.adAccountName = ctx.account.name ?? null;
	out.currency = ctx.account.currency ?? null;
	out.level = ctx.level;
	const depth = ENTITY_LEVELS.indexOf(ctx.level as EntityLevel) + 1;
	for (const level of ENTITY_LEVELS.slice(0, depth)) {
		out[`${level}Id`] = chain[`${level}Id`] ?? null;
		if (ctx.includeNames) out[`${level}Name`] = chain[`${level}Name`] ?? null;
	}
	return out;
}

function addBucket(out: SpendRow, row: AnalyticsRow, range: DateRange) {
	if (row.DATE === undefined || row.DATE === null) {
		Object.assign(out, { date: null, startDate: range.startDate, endDate: range.endDate });
		return;
	}
	out.date = String(row.DATE);
	if (row.HOUR !== undefined && row.HOUR !== null) out.hour = Number(row.HOUR);
}

/** A Pinterest analytics row as this node's output row (camelCase, ids as strings, units in names). */
export function toSpendRow(raw: AnalyticsRow, ctx: SpendRowContext): SpendRow {
	const row = normaliseHour(raw);
	const id = String(row[ctx.idColumn]);
	// An entity missing from the lists (deleted since) keeps its id: its money is never dropped.
	const chain = ctx.entities.get(id) ?? { [`${ctx.level}Id`]: id };
	const out = baseRow(ctx, chain);
	addBucket(out, row, ctx.range);
	const micros = spendMicrosOf(row);
	out.spend = microsToDecimal(micros);
	out.spendMicros = micros;
	for (const column of ctx.metricColumns) {
		out[metricFieldName(column)] = outputValue(column, row[column]);
	}
	return out;
}

/**
 * The spend of a bucket that no listed entity of the level carries (catalog spend on product
 * groups, an entity gone between two calls): one row with the level's ids null, so the account's
 * rows still add up to its total. Its other metrics are unknown, hence null.
 */
export function unattributedRow(
	bucket: AnalyticsRow,
	micros: number,
	ctx: SpendRowContext,
): SpendRow {
	const out = baseRow(ctx, {});
	addBucket(out, bucket, ctx.range);
	out.spend = microsToDecimal(micros);
	out.spendMicros = micros;
	for (const column of ctx.metricColumns) out[metricFieldName(column)] = null;
	out.unattributed = true;
	return out;
}
