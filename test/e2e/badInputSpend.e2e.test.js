// Bad-input catalogue, Pinterest Ad Spend (docs/bad-input.md): each case is one input item of a single
// run in a real n8n with "continue on error", so each item's own error item is asserted: the message
// names the parameter, `fix` says what to change. Checks made before any call send nothing; an ad
// account the login cannot see costs one request and fails alone. No log line, message or output
// holds a token or a stack trace.
const { e2eContext, freshPinterestForEachTest } = require('../harness/e2eContext');
const { workflowWith, adSpendNode, selectedAccounts } = require('../harness/fixtures');
const { runWithLog, leaksIn, withoutCliErrorReport } = require('../harness/loggedRun');
const { daysAgo } = require('./spendExpectations');

const ctx = e2eContext();
freshPinterestForEachTest(ctx);

const US = '549755885175';
const EU = '549755885176';
const UNKNOWN = '549755889999';
const TODAY = daysAgo(0);
const SECRETS = ['access-1', 'refresh-1', 'client-secret-1', 'Bearer'];
const COLUMN_FIX =
	'Give column names as Pinterest spells them (the columns of its ad analytics reference), e.g. TOTAL_CONVERSIONS, CPC_IN_MICRO_DOLLAR.';
const PICKER_FIX =
	'Pick the account from the list, or choose By ID and give the number shown in Ads Manager (digits only).';
const NO_ACCOUNT = {
	error: 'No ad account selected',
	fix: 'Pick at least one ad account, or choose "All Ad Accounts This Login Can Access"',
};

/** A valid request; each case changes some of it. */
const valid = {
	accounts: US,
	start: daysAgo(3),
	end: daysAgo(1),
	granularity: 'DAY',
	columns: '',
	strategy: 'auto',
};

const CASES = [
	{
		id: 'S01 end date before start date',
		item: { start: daysAgo(1), end: daysAgo(3) },
		error: {
			error: `End Date ${daysAgo(3)} is before Start Date ${daysAgo(1)}`,
			fix: 'Swap the two dates.',
		},
	},
	{
		id: 'S02 start date that is not a date',
		item: { start: 'last tuesday' },
		error: {
			error: 'Start Date "last tuesday" is not a date',
			fix: 'Give Start Date as YYYY-MM-DD.',
		},
	},
	{
		id: 'S03 end date that is not a calendar day',
		item: { end: '2026-02-30' },
		error: { error: 'End Date "2026-02-30" is not a date', fix: 'Give End Date as YYYY-MM-DD.' },
	},
	{
		id: 'S04 range ending in the future',
		item: { end: daysAgo(-2) },
		error: {
			error: `The range ends on ${daysAgo(-2)}, after today (${TODAY} UTC)`,
			fix: 'Pinterest has no spend for future days: end the range today or earlier.',
		},
	},
	{
		id: 'S05 daily range starting beyond 914 days',
		item: { start: daysAgo(1000) },
		error: {
			error: `Pinterest keeps spend for 914 days; ${daysAgo(1000)} is older`,
			fix: `Start the range on ${daysAgo(914)} or later.`,
		},
	},
	{
		id: 'S06 hourly range starting beyond 8 days',
		item: { start: daysAgo(10), granularity: 'HOUR' },
		error: {
			error: `Pinterest keeps hourly spend for 8 days; ${daysAgo(10)} is older`,
			fix: `Start the range on ${daysAgo(8)} or later, or use a daily granularity.`,
		},
	},
	{
		id: 'S07 synchronous strategy beyond 89 days',
		item: { start: daysAgo(100), strategy: 'sync' },
		error: {
			error: `Synchronous analytics only reach back 89 days (8 days for hourly data); ${daysAgo(100)} is older`,
			fix: 'Set Strategy to Auto or Asynchronous Report, or start the range later.',
		},
	},
	{
		id: 'S08 column name with spaces',
		item: { columns: 'cpc in dollar' },
		error: {
			error: 'Additional Columns: "CPC IN DOLLAR" is not a Pinterest column name',
			fix: 'Give column names as Pinterest spells them, separated by commas, e.g. TOTAL_CONVERSIONS, CPC_IN_MICRO_DOLLAR.',
		},
	},
	{
		id: 'S09 misspelt column',
		item: { columns: 'CTR, total_conversion' },
		error: {
			error: "Additional Columns: TOTAL_CONVERSION is not a column Pinterest's analytics offer",
			fix: `Did you mean TOTAL_CONVERSIONS? ${COLUMN_FIX}`,
		},
	},
	{
		id: 'S10 column Pinterest does not have',
		item: { columns: 'SPEND_IN_EUROS' },
		error: {
			error: "Additional Columns: SPEND_IN_EUROS is not a column Pinterest's analytics offer",
			fix: COLUMN_FIX,
		},
	},
	{
		id: 'S11 column clashing with a built-in field',
		item: { columns: 'CAMPAIGN_NAME' },
		error: {
			error:
				'Additional Columns: CAMPAIGN_NAME would be output as "campaignName", a field every row already has',
			fix: 'Remove CAMPAIGN_NAME from Additional Columns: "campaignName" is filled by the node itself (turn on Include Names for names).',
		},
	},
	{ id: 'S12 no ad account id', item: { accounts: '' }, error: NO_ACCOUNT },
	{ id: 'S13 only spaces', item: { accounts: '   ' }, error: NO_ACCOUNT },
	{
		id: 'S14 ad account id with letters',
		item: { accounts: 'acct-12' },
		error: {
			error: 'Selected Ad Accounts: account 1 is "acct-12", not an ad account ID',
			fix: PICKER_FIX,
		},
	},
	{
		id: 'S15 ad account id of 19 digits',
		item: { accounts: '1234567890123456789' },
		error: {
			error: 'Selected Ad Accounts: account 1 is "1234567890123456789", not an ad account ID',
			fix: PICKER_FIX,
		},
	},
	{
		id: 'S16 ad account id as a record',
		item: { accounts: { id: US } },
		error: {
			error: 'Selected Ad Accounts: account 1 is an object, not an ad account ID',
			fix: PICKER_FIX,
		},
	},
	{
		id: 'S17 ad account the login cannot see (403)',
		item: { accounts: EU },
		error: {
			error: `This Pinterest login has no access to ad account ${EU} (read its name and currency)`,
			fix: expect.stringMatching(
				/^Check Business Access in Pinterest Business Manager: the user needs the Admin, Analyst or Campaign Manager role on this ad account/,
			),
			adAccountId: EU,
			adAccountName: null,
		},
	},
	{
		id: 'S18 ad account that does not exist (404)',
		item: { accounts: UNKNOWN },
		error: {
			error: `Pinterest could not find what was asked for (read its name and currency for ad account ${UNKNOWN})`,
			fix: expect.stringMatching(
				/^Check the ad account ID: it must be the number shown in Ads Manager and belong to this login\./,
			),
			adAccountId: UNKNOWN,
			adAccountName: null,
		},
	},
];

// The one picker takes its id By ID from an expression, so each item names its own account.
const parameters = {
	...selectedAccounts('={{ $json.accounts }}'),
	level: 'adAccount',
	datePreset: 'custom',
	startDate: '={{ $json.start }}',
	endDate: '={{ $json.end }}',
	granularity: '={{ $json.granularity }}',
	options: { extraColumns: '={{ $json.columns }}', strategy: '={{ $json.strategy }}' },
};

test(`catalogue: ${CASES.length} bad spend requests in one run, each item its own error with the fix`, async () => {
	await ctx.fake.config({ forbiddenAdAccounts: { 'access-1': [EU] } });
	await ctx.fake.clearRequests();
	const inputItems = CASES.map((c) => ({ ...valid, ...c.item }));
	const result = await runWithLog(
		ctx,
		workflowWith(adSpendNode(parameters, { onError: 'continueRegularOutput' }), {
			inputItems,
		}),
	);
	expect(result.code).toBe(0);
	const items = result.items('Pinterest Ad Spend');
	// One error item per input item, on that item.
	expect(items.map((item) => item.pairedItem.item)).toEqual(CASES.map((_, index) => index));
	expect(items.map((item, index) => ({ id: CASES[index].id, ...item.json }))).toEqual(
		CASES.map((c) => ({ id: c.id, ...c.error })),
	);
	// Only the two accounts that needed Pinterest's answer were asked about; nothing else was sent.
	const requests = await ctx.fake.requests();
	expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
		`GET /ad_accounts/${EU}`,
		`GET /ad_accounts/${UNKNOWN}`,
	]);
	expect(leaksIn(JSON.stringify(result.run), SECRETS)).toEqual([]);
	expect(leaksIn(result.log, SECRETS)).toEqual([]);
	expect(result.log).toContain('Running node "Pinterest Ad Spend" finished successfully');
});

test('without "continue": the bad item fails the node with the message, the fix and its index; earlier items were served', async () => {
	await ctx.fake.clearRequests();
	const inputItems = [valid, { ...valid, start: daysAgo(1), end: daysAgo(3) }];
	const result = await runWithLog(ctx, workflowWith(adSpendNode(parameters), { inputItems }));
	expect(result.code).not.toBe(0);
	const error = result.nodeError('Pinterest Ad Spend');
	expect([error.message, error.description, error.context.itemIndex]).toEqual([
		`End Date ${daysAgo(3)} is before Start Date ${daysAgo(1)}`,
		'Swap the two dates.',
		1,
	]);
	const paths = (await ctx.fake.requests()).map((r) => r.path);
	expect(paths).toContain(`/ad_accounts/${US}/analytics`);
	expect(leaksIn(JSON.stringify(result.run), SECRETS)).toEqual([]);
	// `n8n execute` reports a failed run with the error's stack (its own execute.js); the rest of
	// the log has none, and no token anywhere.
	expect(leaksIn(result.log, SECRETS)).toEqual([expect.stringMatching(/^stack trace: at /)]);
	expect(leaksIn(withoutCliErrorReport(result.log), SECRETS)).toEqual([]);
});
