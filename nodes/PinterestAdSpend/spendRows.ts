import type { DateRange } from './dates';
import type { AnalyticsRow, Level } from './spendApi';

const ENTITY_LEVELS = ['campaign', 'adGroup', 'ad'] as const;
type EntityLevel = (typeof ENTITY_LEVELS)[number];

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

export type SpendRow = Record<string, string | number | null>;

const METRIC_FIELD_NAMES: Record<string, string> = {
	IMPRESSION_1: 'impressions',
	CLICKTHROUGH_1: 'pinClicks',
	OUTBOUND_CLICK_1: 'outboundClicks',
};
const SPEND_MICROS_COLUMN = 'SPEND_IN_MICRO_DOLLAR';
/** Ratios, averages and reach-style columns (CTR, CPC_IN_MICRO_DOLLAR, TOTAL_IMPRESSION_FREQUENCY…). */
const NON_ADDITIVE_COLUMN = /CTR|CPC|CPM|CPA|ROAS|RATE|FREQUENCY|AVG|PERCENT|_USER$/;

/** TOTAL_CONVERSIONS → totalConversions. */
export function metricFieldName(column: string): string {
	return (
		METRIC_FIELD_NAMES[column] ??
		column.toLowerCase().replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())
	);
}

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
 * One row per (entity, DATE): rows of the same key from different request windows (a week or
 * month cut by a window boundary, or TOTAL over several windows) are added together.
 */
export function mergeRows(
	rows: AnalyticsRow[],
	idColumn: string,
	columns: string[],
): AnalyticsRow[] {
	const merged = new Map<string, AnalyticsRow>();
	for (const row of rows) {
		// Hourly rows may carry the hour in DATE or in a separate HOUR column: both are part of the key.
		const key = `${String(row[idColumn])}|${String(row.DATE ?? '')}|${String(row.HOUR ?? '')}`;
		const existing = merged.get(key);
		if (!existing) {
			merged.set(key, { ...row });
			continue;
		}
		for (const column of columns) {
			if (row[column] === undefined) continue;
			// A rate or average of two windows is not their sum, and cannot be rebuilt from them.
			existing[column] = NON_ADDITIVE_COLUMN.test(column)
				? null
				: Number(existing[column] ?? 0) + Number(row[column]);
		}
	}
	return [...merged.values()];
}

/** A Pinterest analytics row as this node's output row (camelCase, ids as strings, units in names). */
export function toSpendRow(row: AnalyticsRow, ctx: SpendRowContext): SpendRow {
	const id = String(row[ctx.idColumn]);
	// An entity missing from the lists (deleted since) keeps its id: its money is never dropped.
	const chain = ctx.entities.get(id) ?? { [`${ctx.level}Id`]: id };
	const out: SpendRow = { adAccountId: ctx.account.id };
	if (ctx.includeNames) out.adAccountName = ctx.account.name ?? null;
	out.currency = ctx.account.currency ?? null;
	out.level = ctx.level;
	const depth = ENTITY_LEVELS.indexOf(ctx.level as EntityLevel) + 1;
	for (const level of ENTITY_LEVELS.slice(0, depth)) {
		out[`${level}Id`] = chain[`${level}Id`] ?? null;
		if (ctx.includeNames) out[`${level}Name`] = chain[`${level}Name`] ?? null;
	}
	if (row.DATE !== undefined) out.date = String(row.DATE);
	if (row.HOUR !== undefined) out.hour = Number(row.HOUR);
	if (row.DATE === undefined)
		Object.assign(out, { date: null, startDate: ctx.range.startDate, endDate: ctx.range.endDate });
	const micros = spendMicrosOf(row);
	out.spend = microsToDecimal(micros);
	out.spendMicros = micros;
	for (const column of ctx.metricColumns) {
		const value = row[column] === null ? null : Number(row[column] ?? 0);
		out[metricFieldName(column)] = value === null || Number.isFinite(value) ? value : 0;
	}
	return out;
}
