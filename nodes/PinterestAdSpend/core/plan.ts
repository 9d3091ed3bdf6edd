import { columnsToFetch } from './columns';
import type { DateRange } from './dates';
import { buildEntityChains, type PinterestEntity } from './entityChains';
import {
	LIVE_STATUSES,
	MAX_IDS_PER_ANALYTICS_CALL,
	NEVER_RAN_STATUSES,
	ENTITY_LEVELS,
	type EntityLevel,
	type Granularity,
	type Level,
} from './levels';
import type { EntityChain } from './spendRows';
import { planStrategy, type StrategyChoice, type StrategyPlan } from './strategy';
import { asyncWindows, syncWindows } from './windows';

// The first stage of a spend request: which entity lists, which strategy and which analytics calls.

/** Everything a spend request needs from the parameters, checked before any call to Pinterest. */
export interface SpendRequest {
	level: Level;
	range: DateRange;
	granularity: Granularity;
	includeNames: boolean;
	/** Analytics columns besides spend, e.g. IMPRESSION_1, as the user asked for them. */
	metricColumns: string[];
	includeZeroSpend: boolean;
	strategy: StrategyChoice;
	todayUtc: string;
	/** False in Pinterest's sandbox, which cannot run asynchronous reports. */
	reportsAvailable: boolean;
}

export const SPEND_COLUMNS = ['SPEND_IN_MICRO_DOLLAR'];

/** The entity lists a request needs, in the order they are read: its level, and the levels above to name rows. */
export function entityListsToFetch(request: Pick<SpendRequest, 'level' | 'includeNames'>) {
	const { level, includeNames } = request;
	if (level === 'adAccount') return [];
	const depth = ENTITY_LEVELS.indexOf(level);
	return ENTITY_LEVELS.filter(
		(entityLevel, index) => entityLevel === level || (includeNames && index < depth),
	);
}

export type ListedEntity = PinterestEntity & { status?: string };
export type EntityLists = Partial<Record<EntityLevel, ListedEntity[]>>;

/** The level's entities as the later stages use them. */
export interface LevelEntities {
	/** Ids asked for: drafts never ran, so they are not. */
	analyticsIds: string[];
	/** Ids zero-spend rows are filled for: entities that may still deliver. */
	liveIds: string[];
	/** Names and parent ids of every listed entity. */
	chains: Map<string, EntityChain>;
}

export function toLevelEntities(lists: EntityLists, level: Level): LevelEntities {
	const ofLevel = level === 'adAccount' ? [] : (lists[level] ?? []);
	return {
		analyticsIds: ofLevel
			.filter((entity) => !NEVER_RAN_STATUSES.includes(entity.status ?? ''))
			.map((entity) => entity.id),
		liveIds: ofLevel
			.filter((entity) => entity.status === undefined || LIVE_STATUSES.includes(entity.status))
			.map((entity) => entity.id),
		chains: buildEntityChains(lists.campaign ?? [], lists.adGroup ?? [], lists.ad ?? []),
	};
}

/** One analytics call: synchronous for at most 250 ids of one window, or one asynchronous report. */
export type AnalyticsCall =
	| { kind: 'sync'; level: Level; ids: string[]; window: DateRange; columns: string[] }
	| { kind: 'report'; level: Level; window: DateRange; columns: string[] };

export interface SpendPlan {
	strategy: StrategyPlan;
	granularity: Granularity;
	/** Columns of the level's rows. */
	columns: string[];
	/**
	 * The account's own total per bucket, read before the level's rows (settleGaps in
	 * nodes/PinterestAdSpend/core/reconcile.ts says why). Empty at the ad account level, whose rows are its total.
	 */
	totalCalls: AnalyticsCall[];
	levelCalls: AnalyticsCall[];
}

function chunk<T>(items: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
	return chunks;
}

function callsFor(input: {
	strategy: 'sync' | 'async';
	level: Level;
	ids: string[];
	windows: DateRange[];
	columns: string[];
}): AnalyticsCall[] {
	const { strategy, level, ids, windows, columns } = input;
	if (strategy === 'async') {
		return windows.map((window): AnalyticsCall => ({ kind: 'report', level, window, columns }));
	}
	// The ad account level asks for no ids: one call per window.
	const idChunks = level === 'adAccount' ? [[]] : chunk(ids, MAX_IDS_PER_ANALYTICS_CALL);
	return windows.flatMap((window) =>
		idChunks.map(
			(idChunk): AnalyticsCall => ({ kind: 'sync', level, ids: idChunk, window, columns }),
		),
	);
}

/**
 * The analytics calls for one account, in the order they are made. `strategy` is passed again for the one
 * re-pull, so it keeps the strategy of the first pull.
 */
export function planSpend(input: {
	request: SpendRequest;
	analyticsIds: string[];
	strategy?: StrategyPlan;
}): SpendPlan {
	const { request, analyticsIds } = input;
	const { level, range, granularity, todayUtc } = request;
	const strategy =
		input.strategy ??
		planStrategy({ ...request, requested: request.strategy, entityCount: analyticsIds.length });
	const columns = columnsToFetch([...SPEND_COLUMNS, ...request.metricColumns]);
	const levelCalls = callsFor({
		strategy: strategy.strategy,
		level,
		ids: analyticsIds,
		windows: strategy.windows,
		columns,
	});
	if (level === 'adAccount') return { strategy, granularity, columns, totalCalls: [], levelCalls };
	// The total takes the synchronous endpoints wherever they reach, even when the level takes reports.
	const totalSyncWindows =
		strategy.strategy === 'sync' ? strategy.windows : syncWindows(range, granularity, todayUtc);
	const totalCalls = callsFor({
		strategy: totalSyncWindows ? 'sync' : 'async',
		level: 'adAccount',
		ids: [],
		windows: totalSyncWindows ?? asyncWindows(range, granularity, todayUtc),
		columns: SPEND_COLUMNS,
	});
	return { strategy, granularity, columns, totalCalls, levelCalls };
}
