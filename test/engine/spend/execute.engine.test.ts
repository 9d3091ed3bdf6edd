import type { IDataObject } from 'n8n-workflow';

import { warnings } from '../harness/engine';
import { packageNode } from '../harness/packageTypes';
import { waits } from '../harness/fakeClock';
import { fakePinterestForEachTest } from '../harness/pinterest';
import { ACCOUNT, ACCOUNT_TOTAL_MICROS } from './gardenDataset';
import { paths, picked, queryOf, requestsTo, runSpend, serveGarden, sumMicros } from './spendRun';

const node = packageNode('pinterestAdSpend');

const pinterest = fakePinterestForEachTest(serveGarden);

async function rowsOf(parameters: IDataObject) {
	const run = await runSpend(pinterest, parameters);
	expect(run.error).toBeUndefined();
	return run.json;
}

describe('Pinterest Ad Spend execute: levels (synchronous)', () => {
	it('ad level: one row per ad and day with spend, named, adding up to the account to the micro', async () => {
		const rows = await rowsOf({ level: 'ad' });
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
		expect(await paths(pinterest)).toEqual([
			`GET /${ACCOUNT}`,
			`GET /${ACCOUNT}/campaigns`,
			`GET /${ACCOUNT}/ad_groups`,
			`GET /${ACCOUNT}/ads`,
			`GET /${ACCOUNT}/analytics`,
			`GET /${ACCOUNT}/ads/analytics`,
		]);
		const [adsCall] = await requestsTo(pinterest, 'GET', /\/ads\/analytics$/);
		// The draft never ran: it is named but not asked for.
		expect(queryOf(adsCall)).toEqual({
			start_date: '2026-11-20',
			end_date: '2026-11-22',
			granularity: 'DAY',
			columns: 'SPEND_IN_MICRO_DOLLAR',
			ad_ids: ['687195905986', '687195905987', '687195905988', '687195905989'],
		});
		expect((await pinterest.requests()).every((r) => r.authorization === 'Bearer access-1')).toBe(
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
			const rows = await rowsOf({ level });
			expect(sumMicros(rows)).toBe(ACCOUNT_TOTAL_MICROS);
			expect(rows.map((row) => row[idField])).toEqual(ids);
			expect(rows.map((row) => row.date)).toEqual(
				level === 'adAccount'
					? ['2026-11-20', '2026-11-21', '2026-11-22']
					: ['2026-11-20', '2026-11-21', '2026-11-21', '2026-11-22'],
			);
			expect(await pinterest.requests()).toHaveLength(requestCount);
		},
	);

	it('TOTAL: one row per ad for the whole range, with the range on it', async () => {
		const rows = await rowsOf({
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
		expect(await requestsTo(pinterest, 'GET', /\/(campaigns|ad_groups)$/)).toHaveLength(0);
	});
});

describe('Pinterest Ad Spend execute: strategies, zero-fill, reconciliation', () => {
	it('asynchronous: the level from a report polled with growing waits, the same rows as synchronous', async () => {
		const sync = await rowsOf({ level: 'ad' });
		await serveGarden(pinterest);
		const rows = await rowsOf({ level: 'ad', options: { strategy: 'async' } });
		expect(rows).toEqual(sync);
		expect(await paths(pinterest)).toEqual([
			`GET /${ACCOUNT}`,
			`GET /${ACCOUNT}/campaigns`,
			`GET /${ACCOUNT}/ad_groups`,
			`GET /${ACCOUNT}/ads`,
			// The account total stays synchronous while those endpoints reach the range.
			`GET /${ACCOUNT}/analytics`,
			`POST /${ACCOUNT}/reports`,
			`GET /${ACCOUNT}/reports`,
			`GET /${ACCOUNT}/reports`,
		]);
		const state = await pinterest.state();
		expect(state.downloads).toEqual(['report-1']);
		expect((await requestsTo(pinterest, 'POST', /\/reports$/)).map((r) => r.json)).toEqual([
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
		expect(state.downloadAuthorizations).toEqual([null]);
		expect(waits()).toEqual([1000, 2000]);
	});

	it('auto takes a report for a range synchronous analytics cannot reach (over 89 days back)', async () => {
		const rows = await rowsOf({
			level: 'campaign',
			startDate: '2026-08-01',
			endDate: '2026-11-22',
		});
		expect(sumMicros(rows)).toBe(ACCOUNT_TOTAL_MICROS);
		expect(await requestsTo(pinterest, 'GET', /\/analytics$/)).toHaveLength(0);
		expect((await requestsTo(pinterest, 'POST', /\/reports$/)).map((r) => r.json?.level)).toEqual([
			'ADVERTISER',
			'CAMPAIGN',
		]);
	});

	it('synchronous for such a range is refused before any call, naming the fix', async () => {
		const run = await runSpend(pinterest, {
			startDate: '2026-08-01',
			options: { strategy: 'sync' },
		});
		expect(run.json).toEqual([]);
		expect(run.error).toMatchObject({
			message:
				'Synchronous analytics only reach back 89 days (8 days for hourly data); 2026-08-01 is older',
			description: 'Set Strategy to Auto or Asynchronous Report, or start the range later.',
		});
		expect(await pinterest.requests()).toHaveLength(0);
	});

	it('zero-fill: every live or delivering ad gets a row for each day, drafts and idle archived ones none', async () => {
		await serveGarden(pinterest, (data) =>
			data.ads.push({
				id: '687195905991',
				ad_account_id: ACCOUNT,
				campaign_id: '626736533507',
				ad_group_id: '2680060704748',
				name: 'Idle archived',
				status: 'ARCHIVED',
			}),
		);
		const rows = await rowsOf({ level: 'ad', options: { includeZeroSpend: true } });
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
		await serveGarden(pinterest, (data) => {
			data.accountOnlySpend = { [ACCOUNT]: { '2026-11-21': 123_456 } };
		});
		const rows = await rowsOf({ level: 'ad' });
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
		expect(await pinterest.requests()).toHaveLength(11);
		expect(warnings()).toContain(
			`Pinterest Ad Spend: the ad rows of ad account ${ACCOUNT} differ from its total in 1 buckets; pulling once more`,
		);
	});

	it('restated spend: a second run of the same days gives the revised figures, not the first ones', async () => {
		const first = await rowsOf({ level: 'campaign' });
		await pinterest.config({ spendFactor: 2 });
		const second = await rowsOf({ level: 'campaign' });
		expect(second).toHaveLength(first.length);
		expect(second.map((row) => row.spendMicros)).toEqual(
			first.map((row) => 2 * Number(row.spendMicros)),
		);
		expect(sumMicros(second)).toBe(2 * ACCOUNT_TOTAL_MICROS);
	});
});

describe('Pinterest Ad Spend execute: one ad-account picker per account', () => {
	const runPickers = async (accounts: unknown[]) =>
		await runSpend(pinterest, { adAccounts: { account: accounts }, level: 'campaign' });

	it('has one version, which offers the picker with its searchable list', () => {
		expect(node.description.version).toBe(1);
		expect(node.description.defaultVersion).toBeUndefined();
		expect(node.methods?.listSearch?.searchAdAccounts).toBeInstanceOf(Function);
	});

	it('pulls the accounts picked from the list and by ID, each once, the same rows as one picker', async () => {
		const once = await rowsOf({ level: 'campaign' });
		await serveGarden(pinterest);
		const run = await runPickers([picked('list', ACCOUNT), picked('id', ` ${ACCOUNT} `)]);
		const rows = run.json;
		expect(rows).toEqual(once);
		expect(sumMicros(rows)).toBe(ACCOUNT_TOTAL_MICROS);
		expect(
			await requestsTo(pinterest, 'GET', new RegExp(`^/ad_accounts/${ACCOUNT}$`)),
		).toHaveLength(1);
	});

	it("a typed ID that is not a number: n8n itself stops the workflow on the picker's check", async () => {
		await expect(runPickers([picked('list', ACCOUNT), picked('id', 'shop-us')])).rejects.toThrow(
			"The 'Pinterest Ad Spend' node has issues:\n- An ad account ID is a number",
		);
		expect(await pinterest.requests()).toEqual([]);
	});

	// n8n checks a typed value against the picker's pattern before the run; one that an expression gives is the
	// node's to refuse.
	it('refuses a picker without an ad account ID before any call, naming the account and the fix', async () => {
		const run = await runPickers([picked('list', ACCOUNT), picked('id', "={{ 'shop-us' }}")]);
		expect(run.error).toMatchObject({
			message: 'Selected Ad Accounts: account 2 is "shop-us", not an ad account ID',
			description:
				'Pick the account from the list, or choose By ID and give the number shown in Ads Manager (digits only).',
		});
		expect(await pinterest.requests()).toEqual([]);
	});
});
