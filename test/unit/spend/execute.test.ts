import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { PinterestAdSpend } from '../../../nodes/PinterestAdSpend/PinterestAdSpend.node';
import { fixNow } from '../helpers/clock';
import { FakePinterestSpend } from '../helpers/fakePinterestSpend';
import { executeContext } from '../helpers/n8nContext';
import { ACCOUNT, ACCOUNT_TOTAL_MICROS, spendDataset } from './spendDataset';

// Retry and report-poll waits return at once; the waits asked for are still recorded.
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));
const sleepMock = sleep as jest.MockedFunction<typeof sleep>;

const node = new PinterestAdSpend();
const CREDENTIALS = { pinterestAdsOAuth2Api: { environment: 'production' } };
const CLOSED_DAYS = { datePreset: 'custom', startDate: '2026-11-20', endDate: '2026-11-22' };

function run(pinterest: FakePinterestSpend, parameters: IDataObject, continueOnFail = false) {
	const { context, recorded } = executeContext({
		properties: node.description.properties,
		parameters: {
			adAccountSelection: 'selected',
			adAccountIds: [ACCOUNT],
			...CLOSED_DAYS,
			...parameters,
		},
		credentials: CREDENTIALS,
		http: pinterest.http,
		continueOnFail,
	});
	return { result: node.execute.call(context), recorded };
}

async function rowsOf(pinterest: FakePinterestSpend, parameters: IDataObject) {
	const [output] = await run(pinterest, parameters).result;
	return output.map((item) => item.json);
}

const sumMicros = (rows: IDataObject[]) =>
	rows.reduce((sum, row) => sum + Number(row.spendMicros), 0);
const paths = (pinterest: FakePinterestSpend) =>
	pinterest.http.requests.map((r) => `${r.method} ${r.path.replace('/v5/ad_accounts', '')}`);

beforeAll(() => fixNow('2026-11-26T12:00:00Z'));
afterAll(() => jest.useRealTimers());
beforeEach(() => {
	sleepMock.mockClear();
	jest.spyOn(Math, 'random').mockReturnValue(0);
});

describe('Pinterest Ad Spend execute: levels (synchronous)', () => {
	it('ad level: one row per ad and day with spend, named, adding up to the account to the micro', async () => {
		const pinterest = new FakePinterestSpend(spendDataset());
		const rows = await rowsOf(pinterest, { level: 'ad' });
		expect(rows).toEqual([
			{
				adAccountId: ACCOUNT,
				adAccountName: 'Garden Co',
				currency: 'USD',
				level: 'ad',
				campaignId: '626736533506',
				campaignName: 'Spring',
				adGroupId: '2680060704746',
				adGroupName: 'Planners',
				adId: '687195905986',
				adName: 'Planner pin',
				date: '2026-11-20',
				spend: 1.25,
				spendMicros: 1_250_000,
			},
			expect.objectContaining({
				adId: '687195905987',
				date: '2026-11-20',
				spendMicros: 500_000,
				spend: 0.5,
			}),
			expect.objectContaining({
				adId: '687195905986',
				date: '2026-11-21',
				spendMicros: 3_000_001,
				spend: 3.000001,
			}),
			expect.objectContaining({
				adId: '687195905989',
				campaignName: 'Autumn',
				adGroupName: 'Bulbs',
				date: '2026-11-21',
				spendMicros: 7_777_777,
			}),
			expect.objectContaining({
				adId: '687195905987',
				date: '2026-11-22',
				spendMicros: 10,
				spend: 0.00001,
			}),
		]);
		expect(sumMicros(rows)).toBe(ACCOUNT_TOTAL_MICROS);
		// Account read, three lists (names of the levels above), the account total, one ads call.
		expect(paths(pinterest)).toEqual([
			`GET /${ACCOUNT}`,
			`GET /${ACCOUNT}/campaigns`,
			`GET /${ACCOUNT}/ad_groups`,
			`GET /${ACCOUNT}/ads`,
			`GET /${ACCOUNT}/analytics`,
			`GET /${ACCOUNT}/ads/analytics`,
		]);
		const [adsCall] = pinterest.http.to('GET', /\/ads\/analytics$/);
		// The draft never ran: it is named but not asked for.
		expect(adsCall.qs).toEqual({
			start_date: '2026-11-20',
			end_date: '2026-11-22',
			granularity: 'DAY',
			columns: 'SPEND_IN_MICRO_DOLLAR',
			ad_ids: ['687195905986', '687195905987', '687195905988', '687195905989'],
		});
		expect(pinterest.http.requests.every((r) => r.credentialType === 'pinterestAdsOAuth2Api')).toBe(
			true,
		);
	});

	// Requests: the account read, the lists the rows are named from, the account total, the level's analytics.
	it.each([
		['campaign', 4, 'campaignId', ['626736533506', '626736533506', '626736533507', '626736533506']],
		[
			'adGroup',
			5,
			'adGroupId',
			['2680060704746', '2680060704746', '2680060704748', '2680060704746'],
		],
		['adAccount', 2, 'adAccountId', [ACCOUNT, ACCOUNT, ACCOUNT]],
	])(
		'%s level: %i requests, one row per entity and day, the same total',
		async (level, requestCount, idField, ids) => {
			const pinterest = new FakePinterestSpend(spendDataset());
			const rows = await rowsOf(pinterest, { level });
			expect(sumMicros(rows)).toBe(ACCOUNT_TOTAL_MICROS);
			expect(rows.map((row) => row[idField])).toEqual(ids);
			expect(rows.map((row) => row.date)).toEqual(
				level === 'adAccount'
					? ['2026-11-20', '2026-11-21', '2026-11-22']
					: ['2026-11-20', '2026-11-21', '2026-11-21', '2026-11-22'],
			);
			expect(pinterest.http.requests).toHaveLength(requestCount);
		},
	);

	it('TOTAL: one row per ad for the whole range, with the range on it', async () => {
		const pinterest = new FakePinterestSpend(spendDataset());
		const rows = await rowsOf(pinterest, {
			level: 'ad',
			granularity: 'TOTAL',
			includeNames: false,
		});
		expect(rows.map((r) => [r.adId, r.spendMicros, r.date, r.startDate, r.endDate])).toEqual([
			['687195905986', 4_250_001, null, '2026-11-20', '2026-11-22'],
			['687195905987', 500_010, null, '2026-11-20', '2026-11-22'],
			['687195905989', 7_777_777, null, '2026-11-20', '2026-11-22'],
		]);
		// Without names only the ads are listed.
		expect(pinterest.http.to('GET', /\/(campaigns|ad_groups)$/)).toHaveLength(0);
	});
});
