// Money that does not sit where the level's lists say: spend only the account total carries, an
// entity gone from the lists, today's numbers moving between two calls, reports at the ad account
// level, ranges of several request windows and hourly rows. Rows always add up to the account.
const { e2eContext, freshPinterestForEachTest } = require('../harness/e2eContext');
const { selectedAccounts } = require('../harness/fixtures');
const { hourShare } = require('../fake-pinterest/spendScenarios');
const { adDelivery } = require('../fake-pinterest/dataset');
const { expectedDailyRows, daysAgo, days } = require('./spendExpectations');
const { spendRunner, calls, query, sumMicros, unattributed, sortRows } = require('./spendHelpers');

const ctx = e2eContext();
const runSpend = spendRunner(ctx);
const US = '549755885175';
const range = { startDate: daysAgo(3), endDate: daysAgo(1) };
const custom = ({ startDate, endDate }) => ({
	datePreset: 'custom',
	startDate: `${startDate}T00:00:00`,
	endDate: `${endDate}T00:00:00`,
});
const usSelected = selectedAccounts(US);

freshPinterestForEachTest(ctx);

async function usAccount() {
	return (await ctx.fake.state()).adAccounts.find((a) => a.id === US);
}

test('spend no listed ad carries comes out as one unattributed row per day, so rows add up to the account', async () => {
	await ctx.fake.config({ accountOnlySpend: { [US]: 777_777 } });
	const { result, rows, hints, requests } = await runSpend({
		...usSelected,
		level: 'ad',
		...custom(range),
	});
	expect(result.code).toBe(0);
	const state = await ctx.fake.state();
	const account = await usAccount();
	const entityRows = expectedDailyRows(state, { adAccountId: US, level: 'ad', ...range });
	expect(rows).toEqual(
		sortRows([
			...entityRows,
			...days(range.startDate, range.endDate).map((day) =>
				unattributed(account, 'ad', day, 777_777),
			),
		]),
	);
	const accountTotal = sumMicros(
		expectedDailyRows(state, { adAccountId: US, level: 'adAccount', ...range }),
	);
	expect(sumMicros(rows)).toBe(accountTotal + 3 * 777_777);
	expect(hints).toEqual([
		`Ad account Acme US (${US}): 2.333331 USD of spend is carried by no listed ad (${days(range.startDate, range.endDate).join(', ')}), e.g. catalog spend on product groups or an ad removed since. It is output as rows with "unattributed": true and the ad ID null, so the rows add up to the account's total.`,
	]);
	// One pull, a gap, the lists and the analytics once more, then the rows as settled.
	expect(calls(requests)).toEqual([
		`GET /ad_accounts/${US}`,
		`GET /ad_accounts/${US}/campaigns`,
		`GET /ad_accounts/${US}/ad_groups`,
		`GET /ad_accounts/${US}/ads`,
		`GET /ad_accounts/${US}/analytics`,
		`GET /ad_accounts/${US}/ads/analytics`,
		`GET /ad_accounts/${US}/campaigns`,
		`GET /ad_accounts/${US}/ad_groups`,
		`GET /ad_accounts/${US}/ads`,
		`GET /ad_accounts/${US}/analytics`,
		`GET /ad_accounts/${US}/ads/analytics`,
	]);
});

test('an ad gone from the lists keeps its money as unattributed rows on the days it spent', async () => {
	const state = await ctx.fake.state();
	const usAds = state.ads.filter((ad) => ad.ad_account_id === US);
	const gone = usAds.find((ad) =>
		days(range.startDate, range.endDate).every((day) => adDelivery(ad.id, day).spendMicros > 0),
	);
	await ctx.fake.config({ hiddenEntities: [gone.id] });
	const { result, rows, hints } = await runSpend({
		...usSelected,
		level: 'campaign',
		...custom(range),
		includeNames: false,
	});
	expect(result.code).toBe(0);
	// At the campaign level the ad's campaign is still listed: nothing is unattributed.
	expect(rows.some((row) => row.unattributed)).toBe(false);
	expect(hints).toEqual([]);

	const adLevel = await runSpend({ ...usSelected, level: 'ad', ...custom(range) });
	expect(adLevel.result.code).toBe(0);
	const account = await usAccount();
	const expected = expectedDailyRows(state, { adAccountId: US, level: 'ad', ...range });
	expect(adLevel.rows).toEqual(
		sortRows([
			...expected.filter((row) => row.adId !== gone.id),
			...expected
				.filter((row) => row.adId === gone.id)
				.map((row) => unattributed(account, 'ad', row.date, row.spendMicros)),
		]),
	);
	expect(sumMicros(adLevel.rows)).toBe(sumMicros(expected));
	expect(adLevel.hints).toHaveLength(1);
	expect(adLevel.hints[0]).toMatch(
		/^Ad account Acme US \(549755885175\): \d+\.\d+ USD of spend is carried by no listed ad/,
	);
});

/** The expected rows with `micros` more on `day` for the account's first ad. */
function withMovedFirstAd(state, rows, day, micros) {
	const firstAd = state.ads.find((ad) => ad.ad_account_id === US);
	const existing = rows.find((row) => row.adId === firstAd.id && row.date === day);
	if (existing) {
		existing.spendMicros += micros;
		existing.spend = existing.spendMicros / 1e6;
		return rows;
	}
	const [template] = expectedDailyRows(state, {
		adAccountId: US,
		level: 'ad',
		startDate: day,
		endDate: day,
		includeZeroSpend: true,
	}).filter((row) => row.adId === firstAd.id);
	return sortRows([...rows, { ...template, spend: micros / 1e6, spendMicros: micros }]);
}

test("today's numbers moving once between two calls: pulled again, exact, no warning", async () => {
	await ctx.fake.config({ todayMoves: { micros: 500_000, afterCalls: [1] } });
	const { result, rows, hints, requests } = await runSpend({
		...usSelected,
		level: 'ad',
		datePreset: 'todayAndYesterday',
	});
	expect(result.code).toBe(0);
	const state = await ctx.fake.state();
	const twoDays = { startDate: daysAgo(1), endDate: daysAgo(0) };
	const expected = withMovedFirstAd(
		state,
		expectedDailyRows(state, { adAccountId: US, level: 'ad', ...twoDays }),
		daysAgo(0),
		500_000,
	);
	expect(rows).toEqual(expected);
	expect(hints).toEqual([]);
	expect(requests.filter((r) => r.path.endsWith('/analytics'))).toHaveLength(4);
});

test("today's numbers still moving on the second pull: rows as read, the difference as a hint, no failure", async () => {
	await ctx.fake.config({ todayMoves: { micros: 500_000, afterCalls: [1, 3] } });
	const { result, rows, hints, hintObjects } = await runSpend({
		...usSelected,
		level: 'ad',
		datePreset: 'todayAndYesterday',
	});
	expect(result.code).toBe(0);
	const state = await ctx.fake.state();
	const twoDays = { startDate: daysAgo(1), endDate: daysAgo(0) };
	expect(rows).toEqual(
		withMovedFirstAd(
			state,
			expectedDailyRows(state, { adAccountId: US, level: 'ad', ...twoDays }),
			daysAgo(0),
			1_000_000,
		),
	);
	expect(hints).toEqual([
		`Ad account Acme US (${US}): today's ad rows add up to 0.5 USD more than the account total read a moment before them (${daysAgo(0)}); Pinterest was still updating today's numbers. The rows are output as read; the next run catches up.`,
	]);
	expect(hintObjects[0]).toMatchObject({ type: 'warning', location: 'outputPane' });
});

test('Ad Account level through a report: the rows are the account total, nothing else is fetched', async () => {
	const { result, rows, requests } = await runSpend({
		...usSelected,
		level: 'adAccount',
		...custom(range),
		options: { strategy: 'async' },
	});
	expect(result.code).toBe(0);
	const state = await ctx.fake.state();
	expect(rows).toEqual(expectedDailyRows(state, { adAccountId: US, level: 'adAccount', ...range }));
	expect(calls(requests)).toEqual([
		`GET /ad_accounts/${US}`,
		`POST /ad_accounts/${US}/reports`,
		`GET /ad_accounts/${US}/reports`,
		`GET /ad_accounts/${US}/reports`,
	]);
	expect(requests[1].json).toMatchObject({ level: 'ADVERTISER', primary_sort: 'BY_ID' });
});

test('Ad Account level with Auto on a range older than 89 days: a report, exact', async () => {
	const old = { startDate: daysAgo(120), endDate: daysAgo(100) };
	const { result, rows, requests } = await runSpend({
		...usSelected,
		level: 'adAccount',
		...custom(old),
	});
	expect(result.code).toBe(0);
	expect(rows).toEqual(
		expectedDailyRows(await ctx.fake.state(), { adAccountId: US, level: 'adAccount', ...old }),
	);
	expect(rows).toHaveLength(21);
	expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
});

test('200 days through reports: two windows, weeks cut by the window boundary merged exactly', async () => {
	const long = { startDate: daysAgo(200), endDate: daysAgo(1) };
	const { result, rows, requests } = await runSpend({
		...usSelected,
		level: 'campaign',
		...custom(long),
		granularity: 'WEEK',
	});
	expect(result.code).toBe(0);
	const created = requests.filter((r) => r.method === 'POST').map((r) => r.json);
	expect(created.map((body) => [body.level, body.start_date, body.end_date])).toEqual([
		['ADVERTISER', long.startDate, daysAgo(15)],
		['ADVERTISER', daysAgo(14), long.endDate],
		['CAMPAIGN', long.startDate, daysAgo(15)],
		['CAMPAIGN', daysAgo(14), long.endDate],
	]);
	const mondayOf = (day) => {
		const t = Date.parse(`${day}T00:00:00Z`);
		return new Date(t - ((new Date(t).getUTCDay() + 6) % 7) * 86_400_000)
			.toISOString()
			.slice(0, 10);
	};
	const weeks = new Map();
	for (const { date, spend, spendMicros, ...row } of expectedDailyRows(await ctx.fake.state(), {
		adAccountId: US,
		level: 'campaign',
		...long,
	})) {
		const key = `${mondayOf(date)}|${row.campaignId}`;
		const sum = weeks.get(key) ?? { ...row, date: mondayOf(date), spend: 0, spendMicros: 0 };
		sum.spendMicros += spendMicros;
		sum.spend = sum.spendMicros / 1e6;
		weeks.set(key, sum);
	}
	expect(rows).toEqual(sortRows([...weeks.values()]));
	// The week holding the window boundary exists once per campaign.
	const boundaryWeek = mondayOf(daysAgo(14));
	expect(rows.filter((row) => row.date === boundaryWeek)).toHaveLength(
		new Set(rows.map((row) => row.campaignId)).size,
	);
});

/** Hourly expected rows of the US campaigns: 24 a day for every campaign that spent. */
function expectedHourlyRows(state, { startDate, endDate }) {
	const daily = expectedDailyRows(state, {
		adAccountId: US,
		level: 'campaign',
		startDate,
		endDate,
	});
	const ads = state.ads.filter((ad) => ad.ad_account_id === US);
	const rows = [];
	for (const { date, spend, spendMicros, ...row } of daily) {
		const campaignAds = ads.filter((ad) => ad.campaign_id === row.campaignId);
		for (let hour = 0; hour < 24; hour++) {
			const micros = campaignAds.reduce(
				(sum, ad) =>
					sum +
					hourShare(adDelivery(ad.id, date).spendMicros, `${ad.id}|${date}|spendMicros`, hour),
				0,
			);
			rows.push({ ...row, date, hour, spend: micros / 1e6, spendMicros: micros });
		}
	}
	return { daily, hourly: sortRows(rows) };
}

test('hourly, synchronous: 3-day windows, 24 rows per day and campaign, sorted by hour, adding up to the day', async () => {
	const week = { startDate: daysAgo(7), endDate: daysAgo(1) };
	const { result, rows, requests } = await runSpend({
		...usSelected,
		level: 'campaign',
		...custom(week),
		granularity: 'HOUR',
	});
	expect(result.code).toBe(0);
	const { daily, hourly } = expectedHourlyRows(await ctx.fake.state(), week);
	expect(rows).toEqual(hourly);
	expect(rows).toHaveLength(daily.length * 24);
	for (const day of daily) {
		const hours = rows.filter((row) => row.date === day.date && row.campaignId === day.campaignId);
		expect(hours.map((row) => row.hour)).toEqual([...Array(24).keys()]);
		expect(sumMicros(hours)).toBe(day.spendMicros);
	}
	expect(
		requests
			.filter((r) => r.path.endsWith('/analytics'))
			.map((r) => [
				r.path.split('/').slice(3).join('/'),
				query(r).get('start_date'),
				query(r).get('end_date'),
			]),
	).toEqual([
		['analytics', daysAgo(7), daysAgo(5)],
		['analytics', daysAgo(4), daysAgo(2)],
		['analytics', daysAgo(1), daysAgo(1)],
		['campaigns/analytics', daysAgo(7), daysAgo(5)],
		['campaigns/analytics', daysAgo(4), daysAgo(2)],
		['campaigns/analytics', daysAgo(1), daysAgo(1)],
	]);
});

test('hourly report rows with the hour inside DATE come out the same', async () => {
	await ctx.fake.config({ reportHourShape: 'dateTime' });
	const twoDays = { startDate: daysAgo(2), endDate: daysAgo(1) };
	const { result, rows } = await runSpend({
		...usSelected,
		level: 'campaign',
		...custom(twoDays),
		granularity: 'HOUR',
		options: { strategy: 'async' },
	});
	expect(result.code).toBe(0);
	expect(rows).toEqual(expectedHourlyRows(await ctx.fake.state(), twoDays).hourly);
});

test('a refused report download says so, not "no access to the ad account"', async () => {
	await ctx.fake.faults([{ kind: 'forbidden', pathPattern: '^/__downloads/' }]);
	const { result } = await runSpend({
		...usSelected,
		level: 'campaign',
		...custom(range),
		options: { strategy: 'async' },
	});
	expect(result.code).not.toBe(0);
	const error = result.nodeError('Pinterest Ad Spend');
	expect(error.message).toBe(
		`Could not download the spend report for ad account ${US}: the report link was refused (HTTP 403)`,
	);
	expect(error.description).toMatch(/^Pinterest's report links are valid for five minutes/);
});

test('campaign rows above the account total on closed days: a negative unattributed row keeps the sum, with its own hint', async () => {
	await ctx.fake.config({ accountOnlySpend: { [US]: -1_234 } });
	const { result, rows, hints } = await runSpend({
		...usSelected,
		level: 'campaign',
		...custom(range),
	});
	expect(result.code).toBe(0);
	const state = await ctx.fake.state();
	const account = await usAccount();
	const entityRows = expectedDailyRows(state, { adAccountId: US, level: 'campaign', ...range });
	expect(rows).toEqual(
		sortRows([
			...entityRows,
			...days(range.startDate, range.endDate).map((day) =>
				unattributed(account, 'campaign', day, -1_234),
			),
		]),
	);
	expect(sumMicros(rows)).toBe(sumMicros(entityRows) - 3 * 1_234);
	expect(hints).toEqual([
		`Ad account Acme US (${US}): the campaign rows add up to 0.003702 USD more than Pinterest's own account total (${days(range.startDate, range.endDate).join(', ')}). A row with "unattributed": true and negative spend keeps the rows equal to the account's total; the campaign rows are as Pinterest sent them.`,
	]);
});

test('Total over two report windows: counts added, CTR rebuilt from its parts, other ratios null with a hint', async () => {
	const long = { startDate: daysAgo(200), endDate: daysAgo(1) };
	const { result, rows, hints } = await runSpend({
		...usSelected,
		level: 'campaign',
		...custom(long),
		granularity: 'TOTAL',
		includeNames: false,
		metrics: ['IMPRESSION_1', 'CLICKTHROUGH_1'],
		options: { extraColumns: 'CTR, ECPC_IN_DOLLAR' },
	});
	expect(result.code).toBe(0);
	const state = await ctx.fake.state();
	const expected = state.campaigns
		.filter((campaign) => campaign.ad_account_id === US)
		.map((campaign) => {
			const sums = { spendMicros: 0, impressions: 0, pinClicks: 0 };
			for (const ad of state.ads.filter((a) => a.campaign_id === campaign.id))
				for (const day of days(long.startDate, long.endDate)) {
					const delivery = adDelivery(ad.id, day);
					for (const key of Object.keys(sums)) sums[key] += delivery[key];
				}
			return {
				adAccountId: US,
				currency: 'USD',
				level: 'campaign',
				campaignId: campaign.id,
				date: null,
				startDate: long.startDate,
				endDate: long.endDate,
				spend: sums.spendMicros / 1e6,
				spendMicros: sums.spendMicros,
				impressions: sums.impressions,
				pinClicks: sums.pinClicks,
				ctr: sums.pinClicks / sums.impressions,
				ecpcInDollar: null,
			};
		});
	expect(rows).toEqual(expected);
	expect(hints).toEqual([
		`Ad account Acme US (${US}): ECPC_IN_DOLLAR cannot be added up across Pinterest's request windows and was left null where rows were merged; ask for a shorter range or a finer granularity to get Pinterest's own values.`,
	]);
});
