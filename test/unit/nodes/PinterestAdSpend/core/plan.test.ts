import {
	entityListsToFetch,
	planSpend,
	toLevelEntities,
	type SpendRequest,
} from '../../../../../nodes/PinterestAdSpend/core/plan';

const todayUtc = '2025-06-30';
const last7Days = { startDate: '2025-06-23', endDate: '2025-06-29' };
/** 120 days back: beyond the synchronous endpoints (89 days), one report window (186 days). */
const lastFourMonths = { startDate: '2025-03-02', endDate: '2025-06-29' };
const request: SpendRequest = {
	level: 'campaign',
	range: last7Days,
	granularity: 'DAY',
	includeNames: true,
	metricColumns: ['IMPRESSION_1'],
	includeZeroSpend: false,
	strategy: 'auto',
	todayUtc,
	reportsAvailable: true,
};
const ids = (count: number) => Array.from({ length: count }, (_, i) => String(1000 + i));
const LEVEL_COLUMNS = ['SPEND_IN_MICRO_DOLLAR', 'IMPRESSION_1'];
const TOTAL_COLUMNS = ['SPEND_IN_MICRO_DOLLAR'];

describe('entityListsToFetch', () => {
	it.each([
		['adAccount', true, []],
		['campaign', true, ['campaign']],
		['adGroup', false, ['adGroup']],
		['adGroup', true, ['campaign', 'adGroup']],
		['ad', false, ['ad']],
		['ad', true, ['campaign', 'adGroup', 'ad']],
	] as const)('%s level, names %s: %j', (level, includeNames, expected) => {
		expect(entityListsToFetch({ level, includeNames })).toEqual(expected);
	});
});

describe('toLevelEntities', () => {
	it('asks for every entity but drafts, fills zero rows for live ones, names all', () => {
		const entities = toLevelEntities(
			{
				campaign: [{ id: 'c1', name: 'Spring' }],
				adGroup: [
					{ id: 'g1', campaign_id: 'c1', status: 'ACTIVE' },
					{ id: 'g2', campaign_id: 'c1', status: 'ARCHIVED' },
					{ id: 'g3', campaign_id: 'c1', status: 'DRAFT' },
					{ id: 'g4', campaign_id: 'c1', status: 'PAUSED' },
					{ id: 'g5', campaign_id: 'c1' },
				],
			},
			'adGroup',
		);
		expect(entities.analyticsIds).toEqual(['g1', 'g2', 'g4', 'g5']);
		expect(entities.liveIds).toEqual(['g1', 'g4', 'g5']);
		expect(entities.chains.get('g3')).toEqual({
			campaignId: 'c1',
			campaignName: 'Spring',
			adGroupId: 'g3',
			adGroupName: undefined,
		});
	});

	it('has no entities at the ad account level', () => {
		const entities = toLevelEntities({}, 'adAccount');
		expect(entities).toEqual({ analyticsIds: [], liveIds: [], chains: new Map() });
	});
});

describe('planSpend', () => {
	it('synchronous: the account total first, then one call per 250 ids and window', () => {
		const plan = planSpend({ request, analyticsIds: ids(300) });
		expect(plan.strategy.strategy).toBe('sync');
		expect(plan.granularity).toBe('DAY');
		expect(plan.columns).toEqual(LEVEL_COLUMNS);
		expect(plan.totalCalls).toEqual([
			{ kind: 'sync', level: 'adAccount', ids: [], window: last7Days, columns: TOTAL_COLUMNS },
		]);
		expect(plan.levelCalls.map((call) => call.kind === 'sync' && call.ids.length)).toEqual([
			250, 50,
		]);
		expect(plan.levelCalls[1]).toEqual({
			kind: 'sync',
			level: 'campaign',
			ids: ids(300).slice(250),
			window: last7Days,
			columns: LEVEL_COLUMNS,
		});
	});

	it('no entities: only the account total is asked for', () => {
		const plan = planSpend({ request, analyticsIds: [] });
		expect(plan.totalCalls).toHaveLength(1);
		expect(plan.levelCalls).toEqual([]);
	});

	it('a report for the level still takes the synchronous total where it reaches', () => {
		const plan = planSpend({ request: { ...request, strategy: 'async' }, analyticsIds: ids(3) });
		expect(plan.totalCalls).toEqual([
			{ kind: 'sync', level: 'adAccount', ids: [], window: last7Days, columns: TOTAL_COLUMNS },
		]);
		expect(plan.levelCalls).toEqual([
			{ kind: 'report', level: 'campaign', window: last7Days, columns: LEVEL_COLUMNS },
		]);
	});

	it('beyond the synchronous reach, the total is a report too', () => {
		const plan = planSpend({
			request: { ...request, range: lastFourMonths },
			analyticsIds: ids(3),
		});
		expect(plan.totalCalls).toEqual([
			{ kind: 'report', level: 'adAccount', window: lastFourMonths, columns: TOTAL_COLUMNS },
		]);
		expect(plan.levelCalls).toEqual([
			{ kind: 'report', level: 'campaign', window: lastFourMonths, columns: LEVEL_COLUMNS },
		]);
	});

	it('the ad account level: its own rows with every column, no separate total', () => {
		const plan = planSpend({
			request: {
				...request,
				level: 'adAccount',
				range: { startDate: '2025-01-01', endDate: '2025-06-29' },
			},
			analyticsIds: [],
		});
		expect(plan.totalCalls).toEqual([]);
		expect(plan.levelCalls).toEqual([
			{
				kind: 'report',
				level: 'adAccount',
				window: { startDate: '2025-01-01', endDate: '2025-06-29' },
				columns: LEVEL_COLUMNS,
			},
		]);
		const recent = planSpend({ request: { ...request, level: 'adAccount' }, analyticsIds: [] });
		expect(recent.levelCalls).toEqual([
			{ kind: 'sync', level: 'adAccount', ids: [], window: last7Days, columns: LEVEL_COLUMNS },
		]);
	});

	it("the re-pull keeps the first pull's strategy even when the entity count changed", () => {
		// 25,000 ads over 7 closed days: 101 synchronous calls, so Auto takes a report.
		const first = planSpend({ request: { ...request, level: 'ad' }, analyticsIds: ids(25_000) });
		expect(first.strategy.strategy).toBe('async');
		const fewer = ids(24_750);
		expect(
			planSpend({ request: { ...request, level: 'ad' }, analyticsIds: fewer }).strategy.strategy,
		).toBe('sync');
		const again = planSpend({
			request: { ...request, level: 'ad' },
			analyticsIds: fewer,
			strategy: first.strategy,
		});
		expect(again.strategy).toBe(first.strategy);
		expect(again.levelCalls).toEqual([
			{ kind: 'report', level: 'ad', window: last7Days, columns: LEVEL_COLUMNS },
		]);
	});
});
