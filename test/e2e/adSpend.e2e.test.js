// "Get ad spend" in a real n8n against the fake Pinterest API: every level, several accounts and
// currencies, archived entities, missing columns, pagination, more than 250 entities, async reports
// and granularities. Faults (rate limits, server errors, a report failing twice, an ad account the login
// may not read) run on n8n's engine: test/engine/spend/faultMatrix.engine.test.ts, executeFaults.engine.test.ts.
const { e2eContext, freshPinterestForEachTest } = require('../harness/e2eContext');
const { workflowWith, adSpendNode, selectedAccounts } = require('../harness/fixtures');
const { expectedDailyRows, totalMicros, daysAgo } = require('./spendExpectations');

const ctx = e2eContext();
const US = '549755885175';
const EU = '549755885176';
const JP = '549755885177';
const range = { startDate: daysAgo(3), endDate: daysAgo(1) };
const customRange = {
	datePreset: 'custom',
	startDate: `${range.startDate}T00:00:00`,
	endDate: `${range.endDate}T00:00:00`,
};

async function runSpend(parameters, nodeSettings) {
	await ctx.fake.clearRequests();
	const result = await ctx.run(workflowWith(adSpendNode(parameters, nodeSettings)));
	return { result, rows: result.output('Pinterest Ad Spend'), requests: await ctx.fake.requests() };
}

const calls = (requests) => requests.map((r) => `${r.method} ${r.path}`);
const query = (request) => new URLSearchParams(request.query);

freshPinterestForEachTest(ctx);

test.each(['campaign', 'adGroup', 'ad'])(
	'%s level: every entity, archived ones included, named, exact to the micro',
	async (level) => {
		const { result, rows, requests } = await runSpend({
			...selectedAccounts(US),
			level,
			...customRange,
		});
		expect(result.code).toBe(0);
		const state = await ctx.fake.state();
		const expected = expectedDailyRows(state, { adAccountId: US, level, ...range });
		expect(rows).toEqual(expected);
		expect(totalMicros(rows)).toBe(
			totalMicros(expectedDailyRows(state, { adAccountId: US, level: 'adAccount', ...range })),
		);
		// Archived entities carry spend, so they must have been listed and asked for.
		const archived = { campaign: state.campaigns, adGroup: state.adGroups, ad: state.ads }[
			level
		].filter((e) => e.ad_account_id === US && e.status === 'ARCHIVED');
		expect(archived.length).toBeGreaterThan(0);
		expect(rows.some((row) => archived.some((e) => e.id === row[`${level}Id`]))).toBe(true);
		const list = requests.find((r) =>
			r.path.endsWith({ campaign: '/campaigns', adGroup: '/ad_groups', ad: '/ads' }[level]),
		);
		expect(query(list).getAll('entity_statuses')).toEqual([
			'ACTIVE',
			'PAUSED',
			'ARCHIVED',
			'DRAFT',
			'DELETED_DRAFT',
		]);
		expect(query(list).get('page_size')).toBe('250');
		const analytics = requests.filter((r) => r.path.endsWith('/analytics'));
		expect(analytics).toHaveLength(2);
		expect(query(analytics[0])).toEqual(
			new URLSearchParams({
				start_date: range.startDate,
				end_date: range.endDate,
				granularity: 'DAY',
				columns: 'SPEND_IN_MICRO_DOLLAR',
			}),
		);
	},
);

test('all ad accounts: each row in its own account currency', async () => {
	const { result, rows, requests } = await runSpend({
		level: 'campaign',
		...customRange,
		includeNames: false,
	});
	expect(result.code).toBe(0);
	const state = await ctx.fake.state();
	const strip = ({ adAccountName, campaignName, ...row }) => row;
	expect(rows).toEqual(
		[US, EU, JP].flatMap((adAccountId) =>
			expectedDailyRows(state, { adAccountId, level: 'campaign', ...range }).map(strip),
		),
	);
	expect([...new Set(rows.map((row) => row.currency))]).toEqual(['USD', 'EUR', 'JPY']);
	expect(query(requests[0]).get('include_shared_accounts')).toBe('true');
	// Names off: no call for names, one list and two analytics calls per account.
	expect(calls(requests)).toHaveLength(1 + 3 * 3);
});

test('optional metrics: a column Pinterest leaves out is 0', async () => {
	const { rows } = await runSpend({
		...selectedAccounts(US),
		level: 'ad',
		...customRange,
		metrics: ['IMPRESSION_1', 'CLICKTHROUGH_1', 'OUTBOUND_CLICK_1'],
		options: { extraColumns: 'total_conversions', includeZeroSpend: true },
	});
	const state = await ctx.fake.state();
	expect(rows).toHaveLength(
		expectedDailyRows(state, { adAccountId: US, level: 'ad', ...range, includeZeroSpend: true })
			.length,
	);
	const zero = rows.find((row) => row.spendMicros === 0);
	expect(zero).toMatchObject({
		spend: 0,
		impressions: 0,
		pinClicks: 0,
		outboundClicks: 0,
		totalConversions: 0,
	});
	const { adDelivery } = require('../fake-pinterest/dataset');
	for (const row of rows) {
		const delivery = adDelivery(row.adId, row.date);
		expect([row.impressions, row.pinClicks, row.outboundClicks, row.totalConversions]).toEqual([
			delivery.impressions,
			delivery.pinClicks,
			delivery.outboundClicks,
			delivery.conversions,
		]);
	}
});

test('more than 250 ads: pages of 250 and analytics batches of 250, synchronous', async () => {
	await ctx.fake.reset({
		shapes: { [US]: { campaigns: 4, adGroupsPerCampaign: 5, adsPerAdGroup: 30 } },
	});
	const { result, rows, requests } = await runSpend({
		...selectedAccounts(US),
		level: 'ad',
		...customRange,
		options: { strategy: 'sync' },
	});
	expect(result.code).toBe(0);
	const state = await ctx.fake.state();
	expect(rows).toEqual(expectedDailyRows(state, { adAccountId: US, level: 'ad', ...range }));
	const adLists = requests.filter((r) => r.path === `/ad_accounts/${US}/ads`);
	expect(adLists.map((r) => query(r).get('bookmark'))).toEqual([
		null,
		expect.any(String),
		expect.any(String),
	]);
	const batches = requests
		.filter((r) => r.path === `/ad_accounts/${US}/ads/analytics`)
		.map((r) => query(r).getAll('ad_ids').length);
	expect(batches).toEqual([250, 250, 100]);
});

test('asynchronous report: ad (pin promotion) level, 18-digit ids exact, a FAILED report retried once', async () => {
	await ctx.fake.config({ failNextReports: ['FAILED'] });
	const { result, rows, requests } = await runSpend({
		...selectedAccounts(US),
		level: 'ad',
		...customRange,
		options: { strategy: 'async' },
	});
	expect(result.code).toBe(0);
	const state = await ctx.fake.state();
	expect(rows).toEqual(expectedDailyRows(state, { adAccountId: US, level: 'ad', ...range }));
	expect(
		rows.every((row) => /^\d{18}$/.test(row.adId) && state.ads.some((ad) => ad.id === row.adId)),
	).toBe(true);
	const created = requests.filter((r) => r.method === 'POST' && r.path.endsWith('/reports'));
	expect(created.map((r) => r.json)).toEqual([
		{
			start_date: range.startDate,
			end_date: range.endDate,
			granularity: 'DAY',
			columns: ['SPEND_IN_MICRO_DOLLAR'],
			level: 'PIN_PROMOTION',
			report_format: 'JSON',
			primary_sort: 'BY_ID',
		},
		{
			start_date: range.startDate,
			end_date: range.endDate,
			granularity: 'DAY',
			columns: ['SPEND_IN_MICRO_DOLLAR'],
			level: 'PIN_PROMOTION',
			report_format: 'JSON',
			primary_sort: 'BY_ID',
		},
	]);
	expect(state.downloads).toEqual(['report-2']);
});

test.each(['TOTAL', 'WEEK'])(
	'%s granularity: one row per campaign and bucket, exact sums of the days',
	async (granularity) => {
		const tenDays = { startDate: daysAgo(10), endDate: daysAgo(1) };
		const { result, rows } = await runSpend({
			...selectedAccounts(US),
			level: 'campaign',
			datePreset: 'custom',
			startDate: `${tenDays.startDate}T00:00:00`,
			endDate: `${tenDays.endDate}T00:00:00`,
			granularity,
		});
		expect(result.code).toBe(0);
		const mondayOf = (day) => {
			const t = Date.parse(`${day}T00:00:00Z`);
			return new Date(t - ((new Date(t).getUTCDay() + 6) % 7) * 86_400_000)
				.toISOString()
				.slice(0, 10);
		};
		const buckets = new Map();
		for (const { date, spend, spendMicros, ...row } of expectedDailyRows(await ctx.fake.state(), {
			adAccountId: US,
			level: 'campaign',
			...tenDays,
		})) {
			const bucket =
				granularity === 'TOTAL' ? { date: null, ...tenDays } : { date: mondayOf(date) };
			const key = `${bucket.date ?? ''}|${row.campaignId}`;
			const sum = buckets.get(key) ?? { ...row, ...bucket, spend: 0, spendMicros: 0 };
			sum.spendMicros += spendMicros;
			sum.spend = sum.spendMicros / 1e6;
			buckets.set(key, sum);
		}
		const expected = [...buckets.entries()]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([, row]) => row);
		expect(rows).toEqual(expected);
	},
);
