import {
	checkReach,
	LARGE_PULL_SYNC_CALLS,
	planStrategy,
} from '../../../nodes/PinterestAdSpend/strategy';

const todayUtc = '2025-06-30';
const last7Days = { startDate: '2025-06-23', endDate: '2025-06-29' };
const todayAndYesterday = { startDate: '2025-06-29', endDate: '2025-06-30' };
const base = {
	requested: 'auto' as const,
	level: 'ad' as const,
	granularity: 'DAY' as const,
	todayUtc,
	reportsAvailable: true,
};

describe('planStrategy', () => {
	it('stays synchronous for 5,000 ads, today and yesterday or 7 closed days: 21 calls, answered at once', () => {
		for (const range of [todayAndYesterday, last7Days]) {
			expect(planStrategy({ ...base, entityCount: 5000, range })).toEqual({
				strategy: 'sync',
				windows: [range],
				estimatedCalls: { sync: 21, async: 5 },
			});
		}
	});

	it('takes a report only for very large pulls of closed days', () => {
		const entityCount = LARGE_PULL_SYNC_CALLS * 250; // 101 calls with the account total
		expect(planStrategy({ ...base, entityCount, range: last7Days })).toEqual({
			strategy: 'async',
			windows: [last7Days],
			estimatedCalls: { sync: 101, async: 5 },
		});
		expect(
			planStrategy({ ...base, entityCount: entityCount - 250, range: last7Days }).strategy,
		).toBe('sync');
	});

	it('never takes a report for a range with today, nor in the sandbox', () => {
		const entityCount = 100_000;
		expect(planStrategy({ ...base, entityCount, range: todayAndYesterday }).strategy).toBe('sync');
		expect(
			planStrategy({ ...base, entityCount, range: last7Days, reportsAvailable: false }).strategy,
		).toBe('sync');
	});

	it('counts one call per window at the ad account level', () => {
		expect(
			planStrategy({ ...base, level: 'adAccount', entityCount: 0, range: last7Days })
				.estimatedCalls,
		).toEqual({ sync: 1, async: 5 });
	});

	it('switches to reports when the range is older than the synchronous endpoints reach', () => {
		const range = { startDate: '2025-03-01', endDate: '2025-06-29' };
		expect(planStrategy({ ...base, level: 'campaign', entityCount: 3, range })).toMatchObject({
			strategy: 'async',
			estimatedCalls: { async: 5 },
		});
		expect(() =>
			planStrategy({ ...base, requested: 'sync', level: 'campaign', entityCount: 3, range }),
		).toThrow(
			'Synchronous analytics only reach back 89 days (8 days for hourly data); 2025-03-01 is older',
		);
	});

	it('obeys an explicit choice', () => {
		expect(
			planStrategy({ ...base, requested: 'sync', entityCount: 5000, range: last7Days }),
		).toEqual({ strategy: 'sync', windows: [last7Days], estimatedCalls: { sync: 21 } });
		expect(
			planStrategy({
				...base,
				requested: 'async',
				level: 'adAccount',
				entityCount: 0,
				range: last7Days,
			}).strategy,
		).toBe('async');
	});
});

describe('checkReach', () => {
	it('refuses hourly data for last month before any call, saying how to fix it', () => {
		let error: unknown;
		try {
			checkReach({
				...base,
				granularity: 'HOUR',
				range: { startDate: '2025-05-01', endDate: '2025-05-31' },
			});
		} catch (e) {
			error = e;
		}
		expect(error).toMatchObject({
			message: 'Pinterest keeps hourly spend for 8 days; 2025-05-01 is older',
			fix: 'Start the range on 2025-06-22 or later, or use a daily granularity.',
		});
	});

	it('refuses reports in the sandbox: explicitly, or for a range only reports reach', () => {
		expect(() =>
			checkReach({ ...base, requested: 'async', range: last7Days, reportsAvailable: false }),
		).toThrow("Pinterest's sandbox cannot run asynchronous reports");
		expect(() =>
			checkReach({
				...base,
				range: { startDate: '2025-01-01', endDate: '2025-01-31' },
				reportsAvailable: false,
			}),
		).toThrow(
			/sandbox cannot run asynchronous reports, and synchronous analytics only reach back 89 days/,
		);
		expect(() => checkReach({ ...base, range: last7Days, reportsAvailable: false })).not.toThrow();
	});
});
