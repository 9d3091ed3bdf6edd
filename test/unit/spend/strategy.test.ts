import { planStrategy } from '../../../nodes/PinterestAdSpend/strategy';

const todayUtc = '2025-06-30';
const last7Days = { startDate: '2025-06-23', endDate: '2025-06-29' };

describe('planStrategy', () => {
	it('takes a report for 5,000 ads over 7 days: 5 calls instead of 21', () => {
		expect(
			planStrategy({
				requested: 'auto',
				level: 'ad',
				entityCount: 5000,
				range: last7Days,
				granularity: 'DAY',
				todayUtc,
			}),
		).toEqual({
			strategy: 'async',
			windows: [last7Days],
			estimatedCalls: { sync: 21, async: 5 },
		});
	});

	it('stays synchronous for small accounts and for the ad account level', () => {
		expect(
			planStrategy({
				requested: 'auto',
				level: 'ad',
				entityCount: 750,
				range: last7Days,
				granularity: 'DAY',
				todayUtc,
			}).strategy,
		).toBe('sync');
		expect(
			planStrategy({
				requested: 'auto',
				level: 'ad',
				entityCount: 751,
				range: last7Days,
				granularity: 'DAY',
				todayUtc,
			}).strategy,
		).toBe('sync');
		expect(
			planStrategy({
				requested: 'auto',
				level: 'ad',
				entityCount: 1001,
				range: last7Days,
				granularity: 'DAY',
				todayUtc,
			}).estimatedCalls,
		).toEqual({ sync: 6, async: 5 });
		expect(
			planStrategy({
				requested: 'auto',
				level: 'adAccount',
				entityCount: 0,
				range: last7Days,
				granularity: 'DAY',
				todayUtc,
			}).estimatedCalls,
		).toEqual({ sync: 1, async: 5 });
	});

	it('switches to reports when the range is older than the synchronous endpoints reach', () => {
		const range = { startDate: '2025-03-01', endDate: '2025-06-29' };
		expect(
			planStrategy({
				requested: 'auto',
				level: 'campaign',
				entityCount: 3,
				range,
				granularity: 'DAY',
				todayUtc,
			}),
		).toMatchObject({ strategy: 'async', estimatedCalls: { async: 5 } });
		expect(() =>
			planStrategy({
				requested: 'sync',
				level: 'campaign',
				entityCount: 3,
				range,
				granularity: 'DAY',
				todayUtc,
			}),
		).toThrow(
			'Synchronous analytics only reach back 89 days (8 days for hourly data); 2025-03-01 is older',
		);
	});

	it('obeys an explicit choice', () => {
		expect(
			planStrategy({
				requested: 'sync',
				level: 'ad',
				entityCount: 5000,
				range: last7Days,
				granularity: 'DAY',
				todayUtc,
			}),
		).toEqual({
			strategy: 'sync',
			windows: [last7Days],
			estimatedCalls: { sync: 21 },
		});
		expect(
			planStrategy({
				requested: 'async',
				level: 'adAccount',
				entityCount: 0,
				range: last7Days,
				granularity: 'DAY',
				todayUtc,
			}).strategy,
		).toBe('async');
	});
});
