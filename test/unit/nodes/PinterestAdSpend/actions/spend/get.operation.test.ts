import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { PinterestAdSpend } from '../../../../../../nodes/PinterestAdSpend/PinterestAdSpend.node';
import { fixNow } from '../../../../helpers/clock';
import { FakePinterestSpend } from '../../../../helpers/fakePinterestSpend';
import { executeContext } from '../../../../helpers/n8nContext';
import {
	ACCOUNT,
	ACCOUNT_TOTAL_MICROS,
	picked,
	pickedAccounts,
	spendDataset,
} from './spendDataset';

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
			...pickedAccounts(ACCOUNT),
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

describe('Pinterest Ad Spend execute: strategies, zero-fill, reconciliation', () => {
	it('asynchronous: the level from a report polled with growing waits, the same rows as synchronous', async () => {
		const sync = await rowsOf(new FakePinterestSpend(spendDataset()), { level: 'ad' });
		const pinterest = new FakePinterestSpend(spendDataset());
		const rows = await rowsOf(pinterest, { level: 'ad', options: { strategy: 'async' } });
		expect(rows).toEqual(sync);
		expect(paths(pinterest)).toEqual([
			`GET /${ACCOUNT}`,
			`GET /${ACCOUNT}/campaigns`,
			`GET /${ACCOUNT}/ad_groups`,
			`GET /${ACCOUNT}/ads`,
			// The account total stays synchronous while those endpoints reach the range.
			`GET /${ACCOUNT}/analytics`,
			`POST /${ACCOUNT}/reports`,
			`GET /${ACCOUNT}/reports`,
			`GET /${ACCOUNT}/reports`,
			'GET /report-1.json',
		]);
		expect(pinterest.http.to('POST', /\/reports$/).map((r) => r.body)).toEqual([
			{
				start_date: '2026-11-20',
				end_date: '2026-11-22',
				granularity: 'DAY',
				columns: ['SPEND_IN_MICRO_DOLLAR'],
				level: 'PIN_PROMOTION',
				report_format: 'JSON',
				primary_sort: 'BY_ID',
			},
		]);
		// The report file is fetched without the credential: the link is the permission.
		expect(pinterest.http.to('GET', /\.json$/).map((r) => r.credentialType)).toEqual([undefined]);
		expect(sleepMock.mock.calls.map(([ms]) => ms)).toEqual([1000, 2000]);
	});

	it('auto takes a report for a range synchronous analytics cannot reach (over 89 days back)', async () => {
		const pinterest = new FakePinterestSpend(spendDataset());
		const rows = await rowsOf(pinterest, {
			level: 'campaign',
			startDate: '2026-08-01',
			endDate: '2026-11-22',
		});
		expect(sumMicros(rows)).toBe(ACCOUNT_TOTAL_MICROS);
		expect(pinterest.http.to('GET', /\/analytics$/)).toHaveLength(0);
		expect(
			pinterest.http.to('POST', /\/reports$/).map((r) => (r.body as IDataObject).level),
		).toEqual(['ADVERTISER', 'CAMPAIGN']);
	});

	it('synchronous for such a range is refused before any call, naming the fix', async () => {
		const pinterest = new FakePinterestSpend(spendDataset());
		await expect(
			run(pinterest, { startDate: '2026-08-01', options: { strategy: 'sync' } }).result,
		).rejects.toMatchObject({
			message:
				'Synchronous analytics only reach back 89 days (8 days for hourly data); 2026-08-01 is older',
			description: 'Set Strategy to Auto or Asynchronous Report, or start the range later.',
		});
		expect(pinterest.http.requests).toHaveLength(0);
	});

	it('zero-fill: every live or delivering ad gets a row for each day, drafts and idle archived ones none', async () => {
		const data = spendDataset();
		data.ads.push({
			id: '687195905991',
			ad_account_id: ACCOUNT,
			campaign_id: '626736533507',
			ad_group_id: '2680060704748',
			name: 'Idle archived',
			status: 'ARCHIVED',
		});
		const pinterest = new FakePinterestSpend(data);
		const rows = await rowsOf(pinterest, { level: 'ad', options: { includeZeroSpend: true } });
		// Active 986, 987, paused 988; archived 989 delivered: 4 ads x 3 days.
		expect(rows).toHaveLength(12);
		expect(rows.filter((row) => row.spendMicros === 0)).toHaveLength(7);
		expect(
			rows.filter((row) => row.adId === '687195905988').map((row) => [row.date, row.spend]),
		).toEqual([
			['2026-11-20', 0],
			['2026-11-21', 0],
			['2026-11-22', 0],
		]);
		expect(rows.some((row) => row.adId === '687195905990' || row.adId === '687195905991')).toBe(
			false,
		);
		expect(sumMicros(rows)).toBe(ACCOUNT_TOTAL_MICROS);
	});

	it('account spend no ad carries, on a closed day: pulled once more, then one unattributed row', async () => {
		const data = spendDataset();
		data.unattributedMicros = { [ACCOUNT]: { '2026-11-21': 123_456 } };
		const pinterest = new FakePinterestSpend(data);
		const { result, recorded } = run(pinterest, { level: 'ad' });
		const rows = (await result)[0].map((item) => item.json);
		expect(sumMicros(rows)).toBe(ACCOUNT_TOTAL_MICROS + 123_456);
		expect(rows.filter((row) => row.unattributed === true)).toEqual([
			{
				adAccountId: ACCOUNT,
				adAccountName: 'Garden Co',
				currency: 'USD',
				level: 'ad',
				campaignId: null,
				campaignName: null,
				adGroupId: null,
				adGroupName: null,
				adId: null,
				adName: null,
				date: '2026-11-21',
				spend: 0.123456,
				spendMicros: 123_456,
				unattributed: true,
			},
		]);
		// The lists and both analytics calls once more: 6 + 5 requests.
		expect(pinterest.http.requests).toHaveLength(11);
		expect(recorded.logs.filter((log) => log.level === 'warn').map((log) => log.message)).toContain(
			`Pinterest Ad Spend: the ad rows of ad account ${ACCOUNT} differ from its total in 1 buckets; pulling once more`,
		);
	});

	it('restated spend: a second run of the same days gives the revised figures, not the first ones', async () => {
		const pinterest = new FakePinterestSpend(spendDataset());
		const first = await rowsOf(pinterest, { level: 'campaign' });
		pinterest.spendFactor = 2;
		const second = await rowsOf(pinterest, { level: 'campaign' });
		expect(second).toHaveLength(first.length);
		expect(second.map((row) => row.spendMicros)).toEqual(
			first.map((row) => 2 * Number(row.spendMicros)),
		);
		expect(sumMicros(second)).toBe(2 * ACCOUNT_TOTAL_MICROS);
	});
});

describe('Pinterest Ad Spend execute: one ad-account picker per account', () => {
	it('pulls the accounts picked from the list and by ID, each once, the same rows as one picker', async () => {
		const once = await rowsOf(new FakePinterestSpend(spendDataset()), { level: 'campaign' });
		const pinterest = new FakePinterestSpend(spendDataset());
		const rows = await rowsOf(pinterest, {
			level: 'campaign',
			adAccounts: { account: [picked('list', ACCOUNT), picked('id', ` ${ACCOUNT} `)] },
		});
		expect(rows).toEqual(once);
		expect(sumMicros(rows)).toBe(ACCOUNT_TOTAL_MICROS);
		expect(
			pinterest.http.requests.filter((r) => r.path === `/v5/ad_accounts/${ACCOUNT}`),
		).toHaveLength(1);
	});

	it('refuses a picker without an ad account ID before any call, naming the account and the fix', async () => {
		const pinterest = new FakePinterestSpend(spendDataset());
		await expect(
			run(pinterest, { ...pickedAccounts(ACCOUNT, 'shop-us'), level: 'campaign' }).result,
		).rejects.toMatchObject({
			message: 'Selected Ad Accounts: account 2 is "shop-us", not an ad account ID',
			description:
				'Pick the account from the list, or choose By ID and give the number shown in Ads Manager (digits only).',
		});
		expect(pinterest.http.requests).toEqual([]);
	});
});
