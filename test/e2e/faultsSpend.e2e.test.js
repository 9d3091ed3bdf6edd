// Fault matrix for "Get ad spend" in a real n8n against the fake Pinterest API (docs/fault-matrix.md): the cases
// only a real n8n shows. The rest of the matrix runs on n8n's own engine against the same fake
// (test/engine/spend/faultMatrix.engine.test.ts, answerShapes.engine.test.ts, timingFaults.engine.test.ts,
// executeFaults.engine.test.ts): their requests are the ones of the success path, contract-checked here and elsewhere.
// Here: the rate-limit retry in the real n8n process, and the token refresh n8n stores in its database. Each case
// asserts what reached the fake, the rows (exact to the micro and adding up to the account's total), and the waits
// (read from the node's own "retrying … in N ms" log lines).
const { e2eContext, freshPinterestForEachTest } = require('../harness/e2eContext');
const { selectedAccounts } = require('../harness/fixtures');
const { spendRunner, calls, sumMicros } = require('./spendHelpers');
const { expectedDailyRows, totalMicros, daysAgo } = require('./spendExpectations');

const ctx = e2eContext();
const runSpend = spendRunner(ctx);
const US = '549755885175';
const range = { startDate: daysAgo(3), endDate: daysAgo(1) };

const campaignSpend = () => ({
	...selectedAccounts(US),
	level: 'campaign',
	datePreset: 'custom',
	startDate: `${range.startDate}T00:00:00`,
	endDate: `${range.endDate}T00:00:00`,
});

const ANALYTICS = `GET /ad_accounts/${US}/campaigns/analytics`;
/** What a clean synchronous campaign pull sends: the account, its campaigns, the total, the campaigns' rows. */
const SYNC_CALLS = [
	`GET /ad_accounts/${US}`,
	`GET /ad_accounts/${US}/campaigns`,
	`GET /ad_accounts/${US}/analytics`,
	ANALYTICS,
];
const withRepeats = (path, times) =>
	SYNC_CALLS.flatMap((call) => (call === path ? Array(times).fill(call) : [call]));

/** The node's retry log lines: which call, how long it waited, after which answer. */
function retryWaits(stdout) {
	return [
		...stdout.matchAll(
			/Pinterest: retrying "([^"]+)" in (\d+) ms \(attempt (\d+), HTTP ([^)]+)\)/g,
		),
	].map(([, label, ms, attempt, answer]) => ({
		label,
		ms: Number(ms),
		attempt: Number(attempt),
		answer,
	}));
}

/** The rows the fake holds for the range, and that they add up to the account's own total to the micro. */
async function expectCompleteRows(rows) {
	const state = await ctx.fake.state();
	const expected = expectedDailyRows(state, { adAccountId: US, level: 'campaign', ...range });
	expect(rows).toEqual(expected);
	const accountTotal = totalMicros(
		expectedDailyRows(state, { adAccountId: US, level: 'adAccount', ...range }),
	);
	expect(accountTotal).toBeGreaterThan(0);
	expect(sumMicros(rows)).toBe(accountTotal);
}

freshPinterestForEachTest(ctx);

describe('rate limits', () => {
	test('429 with X-RateLimit-Reset: waits the reset (2 s) once, then every row', async () => {
		await ctx.fake.faults([
			{ kind: 'rateLimit', resetSeconds: 2, pathPattern: '/campaigns/analytics$' },
		]);
		const run = await runSpend(campaignSpend());
		expect(run.result.code).toBe(0);
		await expectCompleteRows(run.rows);
		expect(calls(run.requests)).toEqual(withRepeats(ANALYTICS, 2));
		const waits = retryWaits(run.result.stdout);
		expect(waits.map((w) => [w.label, w.attempt, w.answer])).toEqual([
			['get campaigns analytics', 1, '429'],
		]);
		// Reset seconds plus at most 250 ms of jitter.
		expect(waits[0].ms).toBeGreaterThanOrEqual(2000);
		expect(waits[0].ms).toBeLessThanOrEqual(2250);
	});
});

describe('token refresh', () => {
	test('401 with a successful refresh: retried with the new token, the rotated refresh token stored and used next', async () => {
		await ctx.fake.faults([
			{ kind: 'unauthorized', expireToken: true, pathPattern: '/campaigns/analytics$' },
		]);
		const run = await runSpend(campaignSpend());
		expect(run.result.code).toBe(0);
		await expectCompleteRows(run.rows);
		const analytics = run.requests.filter(
			(r) => r.path === `/ad_accounts/${US}/campaigns/analytics`,
		);
		expect(analytics.map((r) => r.authorization)).toEqual(['Bearer access-1', 'Bearer access-2']);
		expect(calls(run.requests)).toEqual([...SYNC_CALLS, 'POST /oauth/token', ANALYTICS]);
		const stored = (await ctx.cli.exportCredentials()).find(
			(c) => c.type === 'pinterestAdsOAuth2Api',
		);
		expect(stored.data.oauthTokenData).toMatchObject({
			access_token: 'access-2',
			refresh_token: 'refresh-2',
		});

		// The next run's refresh sends the rotated token, which the fake alone accepts now.
		await ctx.fake.faults([
			{ kind: 'unauthorized', expireToken: true, pathPattern: '/campaigns/analytics$' },
		]);
		const next = await runSpend(campaignSpend());
		expect(next.result.code).toBe(0);
		await expectCompleteRows(next.rows);
		const refresh = next.requests.find((r) => r.path === '/oauth/token');
		expect(new URLSearchParams(refresh.body).get('refresh_token')).toBe('refresh-2');
		expect((await ctx.fake.state()).tokens.refresh).toBe('refresh-3');
	});
});
