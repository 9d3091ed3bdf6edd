import { ActionableError } from '../../../shared/errors';

import type { DateRange } from './dates';
import type { Granularity, Level } from './levels';
import { MAX_IDS_PER_ANALYTICS_CALL } from './levels';
import { asyncWindows, syncWindows } from './windows';

export type StrategyChoice = 'auto' | 'sync' | 'async';

/**
 * Polls an async report typically needs (Pinterest builds small reports in seconds); with the
 * create call and the download it is the per-window cost of a report.
 */
const EXPECTED_REPORT_CALLS = 1 + 3 + 1;
/**
 * Synchronous calls above which a report is worth its wait (closed days only): a third of the
 * 300 analytics calls a minute Pinterest allows per user and app. Below it, synchronous analytics
 * answer at once, as Pinterest recommends for current spend and small requests.
 */
export const LARGE_PULL_SYNC_CALLS = 100;

export interface StrategyPlan {
	strategy: 'sync' | 'async';
	windows: DateRange[];
	/** Analytics calls each strategy would make for this account (entity lists excluded: both need them). */
	estimatedCalls: { sync?: number; async?: number };
}

export interface StrategyInput {
	requested: StrategyChoice;
	level: Level;
	range: DateRange;
	granularity: Granularity;
	todayUtc: string;
	/** False in Pinterest's sandbox, which cannot run asynchronous reports. */
	reportsAvailable: boolean;
}

/**
 * Refuses, before any call, a request no strategy can serve: beyond every endpoint's reach, a
 * report in the sandbox, or synchronous analytics for a range they cannot reach.
 */
export function checkReach(input: StrategyInput): void {
	const { requested, range, granularity, todayUtc, reportsAvailable } = input;
	const sync = syncWindows(range, granularity, todayUtc);
	asyncWindows(range, granularity, todayUtc); // throws beyond Pinterest's 914 (hourly: 8) days
	if (!sync && requested === 'sync') {
		throw new ActionableError(
			`Synchronous analytics only reach back 89 days (8 days for hourly data); ${range.startDate} is older`,
			'Set Strategy to Auto or Asynchronous Report, or start the range later.',
		);
	}
	if (!reportsAvailable && (requested === 'async' || !sync)) {
		throw new ActionableError(
			requested === 'async'
				? "Pinterest's sandbox cannot run asynchronous reports"
				: `Pinterest's sandbox cannot run asynchronous reports, and synchronous analytics only reach back 89 days; ${range.startDate} is older`,
			'Set Strategy to Auto or Synchronous and start the range within the last 89 days, or use the Production environment.',
		);
	}
}

/**
 * Synchronous analytics cost one call per 250 entities and window, plus the account total; a
 * report costs about the same per window whatever the number of entities. Auto stays synchronous
 * whenever those endpoints reach the range, as Pinterest recommends; it takes reports for ranges
 * they cannot reach, and for very large pulls of closed days only, never for a range with today.
 */
export function planStrategy(input: StrategyInput & { entityCount: number }): StrategyPlan {
	checkReach(input);
	const { requested, level, entityCount, range, granularity, todayUtc, reportsAvailable } = input;
	const sync = syncWindows(range, granularity, todayUtc);
	const syncCallsPerWindow =
		level === 'adAccount' ? 1 : Math.ceil(entityCount / MAX_IDS_PER_ANALYTICS_CALL) + 1;
	const syncCalls = sync ? sync.length * syncCallsPerWindow : undefined;
	if (requested === 'sync') {
		return { strategy: 'sync', windows: sync!, estimatedCalls: { sync: syncCalls } };
	}
	const reportWindows = asyncWindows(range, granularity, todayUtc);
	const estimatedCalls = { sync: syncCalls, async: reportWindows.length * EXPECTED_REPORT_CALLS };
	if (requested === 'async') return { strategy: 'async', windows: reportWindows, estimatedCalls };
	const closedDaysOnly = range.endDate < todayUtc;
	const reportWorthIt =
		reportsAvailable &&
		closedDaysOnly &&
		syncCalls! > LARGE_PULL_SYNC_CALLS &&
		estimatedCalls.async < syncCalls!;
	if (sync && !reportWorthIt) return { strategy: 'sync', windows: sync, estimatedCalls };
	return { strategy: 'async', windows: reportWindows, estimatedCalls };
}
