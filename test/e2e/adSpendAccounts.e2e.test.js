// What a scheduled sync across real accounts meets: accounts the login may see but not read,
// workflow time zones on both sides of UTC, draft entities, earned clicks on days without spend,
// and input that must be refused before any call.
const { e2eContext, freshPinterestForEachTest } = require('../harness/e2eContext');
const { selectedAccounts } = require('../harness/fixtures');
const { earnedClicks } = require('../fake-pinterest/spendScenarios');
const { adDelivery, DEFAULT_ACCOUNTS } = require('../fake-pinterest/dataset');
const { expectedDailyRows, daysAgo, days } = require('./spendExpectations');
const { spendRunner, calls, query, sortRows } = require('./spendHelpers');

const ctx = e2eContext();
const runSpend = spendRunner(ctx);
const [US, EU, JP] = DEFAULT_ACCOUNTS.map((account) => account.id);
const range = { startDate: daysAgo(3), endDate: daysAgo(1) };
const custom = ({ startDate, endDate }) => ({
	datePreset: 'custom',
	startDate: `${startDate}T00:00:00`,
	endDate: `${endDate}T00:00:00`,
});

freshPinterestForEachTest(ctx);

test('all ad accounts: one without an analytics role and one answering 404 are skipped with a hint; the rest is complete', async () => {
	await ctx.fake.reset({
		accounts: DEFAULT_ACCOUNTS.map((account) =>
			account.id === EU ? { ...account, permissions: ['FINANCE_VIEW'] } : account,
		),
	});
	await ctx.fake.config({ missingAdAccounts: [JP] });
	const { result, rows, hints, requests } = await runSpend({ level: 'campaign', ...custom(range) });
	expect(result.code).toBe(0);
	expect(rows).toEqual(
		expectedDailyRows(await ctx.fake.state(), { adAccountId: US, level: 'campaign', ...range }),
	);
	expect(hints).toEqual([
		`Skipped 2 of 3 ad accounts this login can see: Acme EU (${EU}): the login's role (FINANCE_VIEW) cannot read analytics; Owner, Admin, Analyst or Campaign Manager can; Acme JP (${JP}): Pinterest answered HTTP 404 (Pinterest could not find what was asked for (list campaigns for ad account ${JP})). The other accounts' spend is complete; give the login a role that can read analytics in Pinterest Business Manager to include them.`,
	]);
	// Nothing is asked of the account without a role; the 404 account is tried once.
	expect(requests.filter((r) => r.path.includes(EU))).toEqual([]);
	expect(calls(requests.filter((r) => r.path.includes(JP)))).toEqual([
		`GET /ad_accounts/${JP}/campaigns`,
	]);
});

test('a selected account without an analytics role still fails loudly', async () => {
	await ctx.fake.reset({
		accounts: DEFAULT_ACCOUNTS.map((account) =>
			account.id === EU ? { ...account, permissions: ['FINANCE_VIEW'] } : account,
		),
	});
	const { result } = await runSpend({
		...selectedAccounts(EU),
		level: 'campaign',
		...custom(range),
	});
	expect(result.code).not.toBe(0);
	expect(result.nodeError('Pinterest Ad Spend').message).toBe(
		`This Pinterest login has no access to ad account ${EU} (list campaigns)`,
	);
});

/** yyyy-MM-dd of now in a zone. */
const dayIn = (timeZone, offsetDays = 0) =>
	new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).format(new Date(Date.now() + offsetDays * 86_400_000));

test.each([
	['ahead of UTC', 'Pacific/Kiritimati'],
	['behind UTC', 'Pacific/Pago_Pago'],
])(
	'workflow time zone %s (%s): today and yesterday never reach past today in UTC',
	async (_, timezone) => {
		const todayUtc = daysAgo(0);
		const localToday = dayIn(timezone);
		const localYesterday = dayIn(timezone, -1);
		const endDate = localToday < todayUtc ? localToday : todayUtc;
		const startDate = localYesterday < endDate ? localYesterday : endDate;
		const { result, rows, requests } = await runSpend(
			{
				...selectedAccounts(US),
				level: 'adAccount',
				datePreset: 'todayAndYesterday',
				options: { dateZone: 'workflow' },
			},
			undefined,
			{ timezone },
		);
		expect(result.code).toBe(0);
		const analytics = requests.find((r) => r.path.endsWith('/analytics'));
		expect([query(analytics).get('start_date'), query(analytics).get('end_date')]).toEqual([
			startDate,
			endDate,
		]);
		expect(rows).toEqual(
			expectedDailyRows(await ctx.fake.state(), {
				adAccountId: US,
				level: 'adAccount',
				startDate,
				endDate,
			}),
		);
	},
);

test('drafts are named but never asked for; zero rows only for live entities and those that spent', async () => {
	await ctx.fake.reset({ shapes: { [US]: { draftAds: 2 } } });
	const state = await ctx.fake.state();
	const drafts = state.ads.filter((ad) => ['DRAFT', 'DELETED_DRAFT'].includes(ad.status));
	expect(drafts).toHaveLength(2);
	const { result, rows, requests } = await runSpend({
		...selectedAccounts(US),
		level: 'ad',
		...custom(range),
		options: { includeZeroSpend: true },
	});
	expect(result.code).toBe(0);
	expect(rows).toEqual(
		expectedDailyRows(state, { adAccountId: US, level: 'ad', ...range, includeZeroSpend: true }),
	);
	const askedFor = requests
		.filter((r) => r.path.endsWith('/ads/analytics'))
		.flatMap((r) => query(r).getAll('ad_ids'));
	const usAds = state.ads.filter((ad) => ad.ad_account_id === US);
	expect(askedFor.sort()).toEqual(
		usAds
			.filter((ad) => !drafts.includes(ad))
			.map((ad) => ad.id)
			.sort(),
	);
	// Archived ads without spend in the range get no zero rows.
	const idle = usAds.filter(
		(ad) =>
			ad.status === 'ARCHIVED' &&
			days(range.startDate, range.endDate).every((day) => adDelivery(ad.id, day).spendMicros === 0),
	);
	for (const ad of [...idle, ...drafts]) expect(rows.some((row) => row.adId === ad.id)).toBe(false);
});

test('earned clicks on a day without spend keep the row', async () => {
	const { result, rows } = await runSpend({
		...selectedAccounts(US),
		level: 'ad',
		...custom(range),
		includeNames: false,
		options: { extraColumns: 'CLICKTHROUGH_2' },
	});
	expect(result.code).toBe(0);
	const state = await ctx.fake.state();
	const expected = [];
	for (const ad of state.ads.filter((a) => a.ad_account_id === US)) {
		for (const day of days(range.startDate, range.endDate)) {
			const spendMicros = adDelivery(ad.id, day).spendMicros;
			const clicks = earnedClicks(ad.id, day);
			if (spendMicros === 0 && clicks === 0) continue;
			expected.push({
				adAccountId: US,
				currency: 'USD',
				level: 'ad',
				campaignId: ad.campaign_id,
				adGroupId: ad.ad_group_id,
				adId: ad.id,
				date: day,
				spend: spendMicros / 1e6,
				spendMicros,
				clickthrough2: clicks,
			});
		}
	}
	expect(rows).toEqual(sortRows(expected));
	expect(rows.some((row) => row.spendMicros === 0 && row.clickthrough2 > 0)).toBe(true);
});

test.each([
	[
		'hourly data for last month',
		{ adAccountSelection: 'all', granularity: 'HOUR', datePreset: 'lastMonth' },
		/^Pinterest keeps hourly spend for 8 days; \d{4}-\d{2}-01 is older$/,
		/^Start the range on \d{4}-\d{2}-\d{2} or later, or use a daily granularity\.$/,
	],
	[
		'an additional column landing on a built-in field',
		{ adAccountSelection: 'all', options: { extraColumns: 'TOTAL_CONVERSIONS, campaign_name' } },
		/^Additional Columns: CAMPAIGN_NAME would be output as "campaignName", a field every row already has$/,
		/^Remove CAMPAIGN_NAME from Additional Columns/,
	],
	[
		// A literal By ID value is checked by n8n itself (the picker's pattern); one from an expression by the node.
		'an ad account id from an expression that is not digits',
		selectedAccounts(US, "={{ 'acme-' + 'us' }}"),
		/^Selected Ad Accounts: account 2 is "acme-us", not an ad account ID$/,
		/digits only/,
	],
	[
		'a custom range in the future',
		{ adAccountSelection: 'all', ...custom({ startDate: daysAgo(1), endDate: daysAgo(-2) }) },
		/^The range ends on \d{4}-\d{2}-\d{2}, after today/,
		/^Pinterest has no spend for future days/,
	],
])('refuses %s before any call, saying how to fix it', async (_, parameters, message, fix) => {
	const { result, requests } = await runSpend({ level: 'campaign', ...parameters });
	expect(result.code).not.toBe(0);
	const error = result.nodeError('Pinterest Ad Spend');
	expect(error.message).toMatch(message);
	expect(error.description).toMatch(fix);
	expect(requests).toEqual([]);
});
