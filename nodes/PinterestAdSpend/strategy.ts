import { SpendInputError, type DateRange } from './dates';
import type { Granularity, Level } from './spendApi';
import { MAX_IDS_PER_ANALYTICS_CALL } from './spendApi';
import { asyncWindows, syncWindows } from './windows';

export type StrategyChoice = 'auto' | 'sync' | 'async';

/**
 * Polls an async report typically needs (Pinterest builds small reports in seconds); with the
 * create call and the download it is the per-window cost of a report.
 */
const EXPECTED_REPORT_CALLS = 1 + 3 + 1;

export interface StrategyPlan {
	strategy: 'sync' | 'async';
	windows: DateRange[];
	/** Analytics calls each strategy would make for this account (entity lists excluded: both need them). */
	estimatedCalls: { sync?: number; async?: number };
}

/**
 * Synchronous analytics cost one call per 250 entities and window; a report costs about the same
 * per window whatever the number of entities. Auto takes whichever needs fewer calls, and a report
 * whenever the synchronous endpoints cannot reach the range.
 */
export function planStrategy(options: {
	requested: StrategyChoice;
	level: Level;
	entityCount: number;
	range: DateRange;
	granularity: Granularity;
	todayUtc: string;
}): StrategyPlan {
	const { requested, level, entityCount, range, granularity, todayUtc } = options;
	const sync = syncWindows(range, granularity, todayUtc);
	if (!sync && requested === 'sync') {
		throw new SpendInputError(
			`Synchronous analytics only reach back 89 days (8 days for hourly data); ${range.startDate} is older`,
			'Set Strategy to Auto or Asynchronous Report, or start the range later.',
		);
	}
	// One call per 250 entities and window, plus the ad account total the rows are checked against.
	const syncCallsPerWindow =
		level === 'adAccount' ? 1 : Math.ceil(entityCount / MAX_IDS_PER_ANALYTICS_CALL) + 1;
	const syncCalls = sync ? sync.length * syncCallsPerWindow : undefined;
	if (requested === 'sync') {
		return { strategy: 'sync', windows: sync!, estimatedCalls: { sync: syncCalls } };
	}
	const reportWindows = asyncWindows(range, granularity, todayUtc);
	const estimatedCalls = { sync: syncCalls, async: reportWindows.length * EXPECTED_REPORT_CALLS };
	if (requested === 'auto' && sync && syncCalls! <= estimatedCalls.async) {
		return { strategy: 'sync', windows: sync, estimatedCalls };
	}
	return { strategy: 'async', windows: reportWindows, estimatedCalls };
}
