import { checkReach, planStrategy } from '../../../../../nodes/PinterestAdSpend/core/strategy';

const todayUtc = '2025-06-30';
const last7Days = { startDate: '2025-06-23', endDate: '2025-06-29' };
const todayAndYesterday = { startDate: '2025-06-29', endDate: '2025-06-30' };
const last4Months = { startDate: '2025-03-01', endDate: '2025-06-29' };
const base = {
	requested: 'auto' as const,
	level: 'ad' as const,
	granularity: 'DAY' as const,
	todayUtc,
	reportsAvailable: true,
};

// Synchronous calls: one per 250 ads, plus one for the account total.
describe('planStrategy', () => {
	it.each([
		[
			'5,000 ads, today and yesterday: 21 calls, answered at once',
			{ entityCount: 5000, range: todayAndYesterday },
			{ strategy: 'sync', windows: [todayAndYesterday], estimatedCalls: { sync: 21, async: 5 } },
		],
		[
			'5,000 ads, 7 closed days: 21 calls, answered at once',
			{ entityCount: 5000, range: last7Days },
			{ strategy: 'sync', windows: [last7Days], estimatedCalls: { sync: 21, async: 5 } },
		],
		[
			'24,750 ads, 7 closed days: 100 calls, still synchronous',
			{ entityCount: 24_750, range: last7Days },
			{ strategy: 'sync', windows: [last7Days], estimatedCalls: { sync: 100, async: 5 } },
		],
		[
			'25,000 ads, 7 closed days: 101 calls, so a report',
			{ entityCount: 25_000, range: last7Days },
			{ strategy: 'async', windows: [last7Days], estimatedCalls: { sync: 101, async: 5 } },
		],
		[
			'the ad account level: one call per window',
			{ level: 'adAccount' as const, entityCount: 0, range: last7Days },
			{ strategy: 'sync', windows: [last7Days], estimatedCalls: { sync: 1, async: 5 } },
		],
		[
			'an explicit synchronous choice for 5,000 ads',
			{ requested: 'sync' as const, entityCount: 5000, range: last7Days },
			{ strategy: 'sync', windows: [last7Days], estimatedCalls: { sync: 21 } },
		],
	])('%s', (_case, input, plan) => {
		expect(planStrategy({ ...base, ...input })).toEqual(plan);
	});

	it.each([
		[
			'sync',
			'a range with today, however large',
			{ entityCount: 100_000, range: todayAndYesterday },
		],
		[
			'sync',
			'the sandbox, however large',
			{ entityCount: 100_000, range: last7Days, reportsAvailable: false },
		],
		[
			'async',
			'a range older than the synchronous endpoints reach',
			{ level: 'campaign' as const, entityCount: 3, range: last4Months },
		],
		[
			'async',
			'an explicit report choice for one account total',
			{
				requested: 'async' as const,
				level: 'adAccount' as const,
				entityCount: 0,
				range: last7Days,
			},
		],
	])('plans %p for %s', (strategy, _case, input) => {
		expect(planStrategy({ ...base, ...input })).toMatchObject({ strategy });
	});

	it('refuses an explicit synchronous choice for a range only reports reach', () => {
		expect(() =>
			planStrategy({
				...base,
				requested: 'sync',
				level: 'campaign',
				entityCount: 3,
				range: last4Months,
			}),
		).toThrow(
			'Synchronous analytics only reach back 89 days (8 days for hourly data); 2025-03-01 is older',
		);
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

	it.each([
		[
			'an explicit report choice',
			{ requested: 'async' as const, range: last7Days },
			"Pinterest's sandbox cannot run asynchronous reports",
		],
		[
			'a range only reports reach',
			{ range: { startDate: '2025-01-01', endDate: '2025-01-31' } },
			/sandbox cannot run asynchronous reports, and synchronous analytics only reach back 89 days/,
		],
	])('refuses, in the sandbox, %s', (_case, input, message) => {
		expect(() => checkReach({ ...base, ...input, reportsAvailable: false })).toThrow(message);
	});

	it('accepts, in the sandbox, a recent range of daily data', () => {
		expect(() => checkReach({ ...base, range: last7Days, reportsAvailable: false })).not.toThrow();
	});
});
