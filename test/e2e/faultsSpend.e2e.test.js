// Fault matrix for "Get ad spend" in a real n8n against the fake Pinterest API (docs/fault-matrix.md): each
// case asserts what reached the fake (requests per path, retries), what n8n output (rows exact to the micro
// and adding up to the account's total, or an error naming what is missing), and that every wait the node
// took stayed within RETRY_LIMITS (read from the node's own "retrying … in N ms" log lines).
const { e2eContext, freshPinterestForEachTest } = require('../harness/e2eContext');
const { credentials, selectedAccounts } = require('../harness/fixtures');
const { spendRunner, calls, sumMicros, NODE } = require('./spendHelpers');
const { expectedDailyRows, totalMicros, daysAgo } = require('./spendExpectations');

const ctx = e2eContext();
const runSpend = spendRunner(ctx);
const US = '549755885175';
const range = { startDate: daysAgo(3), endDate: daysAgo(1) };
const SCOPE = `the campaign rows of ${range.startDate} to ${range.endDate} of ad account ${US}; no rows of this account are output.`;
// RETRY_LIMITS in shared/transport/retryPolicy.ts (the build under test is JavaScript in dist/).
const LIMITS = { maxRetries: 6, maxTotalWaitMs: 300_000, baseDelayMs: 1000, maxDelayMs: 60_000 };

const campaignSpend = (options = {}) => ({
	...selectedAccounts(US),
	level: 'campaign',
	datePreset: 'custom',
	startDate: `${range.startDate}T00:00:00`,
	endDate: `${range.endDate}T00:00:00`,
	...(Object.keys(options).length ? { options } : {}),
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

/** Exponential backoff bounds for retry number i (0-based): base·2^i·[0.5, 1], capped at maxDelayMs. */
function backoffBounds(i) {
	const full = Math.min(LIMITS.maxDelayMs, LIMITS.baseDelayMs * 2 ** i);
	return [full / 2, full];
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

/** A failed run: exit code, no rows presented, the error, and no secret anywhere in what n8n kept. */
function failedWith(run) {
	expect(run.result.code).not.toBe(0);
	expect(run.rows).toEqual([]);
	expect(JSON.stringify(run.result.run)).not.toMatch(
		/access-\d|refresh-\d|refresh-revoked|access-expired|client-secret|Bearer/,
	);
	return run.result.nodeError(NODE);
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

	test.each([
		['429 with no rate-limit headers', { kind: 'rateLimitNoHeaders' }, '429'],
		['HTTP 400 with Pinterest code 8 in the body', { kind: 'rateLimitCode8' }, '400'],
	])('%s: exponential backoff, then every row', async (name, fault, answer) => {
		await ctx.fake.faults([{ ...fault, pathPattern: '/campaigns/analytics$' }]);
		const run = await runSpend(campaignSpend());
		expect(run.result.code).toBe(0);
		await expectCompleteRows(run.rows);
		expect(calls(run.requests)).toEqual(withRepeats(ANALYTICS, 2));
		const waits = retryWaits(run.result.stdout);
		expect(waits.map((w) => [w.attempt, w.answer])).toEqual([[1, answer]]);
		const [low, high] = backoffBounds(0);
		expect(waits[0].ms).toBeGreaterThanOrEqual(low);
		expect(waits[0].ms).toBeLessThanOrEqual(high);
	});

	test('HTTP 400 "Retry after 2 seconds": waits exactly 2 s, then every row', async () => {
		await ctx.fake.faults([
			{ kind: 'retryAfter400', retryAfterSeconds: 2, pathPattern: '/campaigns/analytics$' },
		]);
		const run = await runSpend(campaignSpend());
		expect(run.result.code).toBe(0);
		await expectCompleteRows(run.rows);
		expect(calls(run.requests)).toEqual(withRepeats(ANALYTICS, 2));
		expect(retryWaits(run.result.stdout).map((w) => [w.attempt, w.answer, w.ms])).toEqual([
			[1, '400', 2000],
		]);
	});

	test('a huge X-RateLimit-Reset (1e20 s) is capped at a day: fails at once with a valid date to retry', async () => {
		await ctx.fake.faults([
			{ kind: 'rateLimit', resetSeconds: 1e20, pathPattern: '/campaigns/analytics$' },
		]);
		const before = Date.now();
		const run = await runSpend(campaignSpend());
		const after = Date.now();
		const error = failedWith(run);
		expect(error.message).toBe(
			`Pinterest rate limit reached while trying to get campaigns analytics for ad account ${US}; gave up after 1 attempts`,
		);
		const retryAt = Date.parse(/after (\S+) \(UTC\)/.exec(error.description)[1]);
		const DAY_MS = 86_400_000;
		expect(retryAt).toBeGreaterThanOrEqual(before + DAY_MS);
		expect(retryAt).toBeLessThanOrEqual(after + DAY_MS + 250);
		expect(error.description).toContain(`Missing: ${SCOPE}`);
		expect(calls(run.requests)).toEqual(SYNC_CALLS);
		expect(retryWaits(run.result.stdout)).toEqual([]);
	});
});

describe('server errors', () => {
	test.each([500, 502, 503])(
		'HTTP %i once: one retry after a backoff, then every row',
		async (status) => {
			await ctx.fake.faults([
				{ kind: 'serverError', status, pathPattern: '/campaigns/analytics$' },
			]);
			const run = await runSpend(campaignSpend());
			expect(run.result.code).toBe(0);
			await expectCompleteRows(run.rows);
			expect(calls(run.requests)).toEqual(withRepeats(ANALYTICS, 2));
			const waits = retryWaits(run.result.stdout);
			expect(waits.map((w) => [w.attempt, w.answer])).toEqual([[1, String(status)]]);
			const [low, high] = backoffBounds(0);
			expect(waits[0].ms).toBeGreaterThanOrEqual(low);
			expect(waits[0].ms).toBeLessThanOrEqual(high);
		},
	);

	test.each([500, 502, 503])(
		'HTTP %i on every attempt: 1 + 6 retries within the wait budget, then fails naming the missing rows',
		async (status) => {
			await ctx.fake.faults([
				{ kind: 'serverError', status, pathPattern: '/campaigns/analytics$', times: 100 },
			]);
			const run = await runSpend(campaignSpend());
			const error = failedWith(run);
			expect(error.message).toBe(
				`Pinterest is busy while trying to get campaigns analytics for ad account ${US}; gave up after ${1 + LIMITS.maxRetries} attempts`,
			);
			expect(error.description).toMatch(/^Run the workflow again after \S+ \(UTC\)\./);
			expect(error.description).toContain(`Missing: ${SCOPE}`);
			expect(error.httpCode).toBe(String(status));
			expect(calls(run.requests)).toEqual(withRepeats(ANALYTICS, 1 + LIMITS.maxRetries));
			const waits = retryWaits(run.result.stdout);
			expect(waits.map((w) => w.attempt)).toEqual([1, 2, 3, 4, 5, 6]);
			waits.forEach((w, i) => {
				const [low, high] = backoffBounds(i);
				expect(w.ms).toBeGreaterThanOrEqual(low);
				expect(w.ms).toBeLessThanOrEqual(high);
			});
			expect(waits.reduce((sum, w) => sum + w.ms, 0)).toBeLessThanOrEqual(LIMITS.maxTotalWaitMs);
		},
	);
});

describe('broken connections and answers', () => {
	test('connection reset mid-request: retried once, then every row', async () => {
		await ctx.fake.faults([{ kind: 'connectionReset', pathPattern: '/campaigns/analytics$' }]);
		const run = await runSpend(campaignSpend());
		expect(run.result.code).toBe(0);
		await expectCompleteRows(run.rows);
		expect(calls(run.requests)).toEqual(withRepeats(ANALYTICS, 2));
		const waits = retryWaits(run.result.stdout);
		expect(waits).toHaveLength(1);
		expect(waits[0].ms).toBeLessThanOrEqual(backoffBounds(0)[1]);
	});

	// A request that stalls past the timeout: test/engine/spend/timingFaults.engine.test.ts (it needs the fake clock).

	// A body cut off mid-way is tested on the report download, which goes straight to the fake: here the
	// contract proxy would hold the broken answer until the request timeout instead of passing the break on.
	test('malformed JSON in a 200 answer: retried once, then every row', async () => {
		await ctx.fake.faults([{ kind: 'malformed', pathPattern: '/campaigns/analytics$' }]);
		const run = await runSpend(campaignSpend());
		expect(run.result.code).toBe(0);
		await expectCompleteRows(run.rows);
		expect(calls(run.requests)).toEqual(withRepeats(ANALYTICS, 2));
		expect(retryWaits(run.result.stdout)).toHaveLength(1);
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

	test('401 whose refresh Pinterest refuses (invalid_grant): one clear "reconnect" error, no token in it', async () => {
		await ctx.cli.importCredentials(
			credentials(ctx.proxyUrl, { accessToken: 'access-expired', refreshToken: 'refresh-revoked' }),
		);
		// The token endpoint answers as OAuth 2.0 says (RFC 6749 §5.2: error "invalid_grant").
		await ctx.fake.config({ oauthErrorStyle: 'oauth2' });
		const run = await runSpend(campaignSpend());
		const error = failedWith(run);
		expect(error.message).toBe(
			`Reconnect the Pinterest credential: Pinterest refused to renew its access (read its name and currency for ad account ${US})`,
		);
		expect(error.description).toMatch(
			/^The access token expired and Pinterest refused the refresh token \(invalid_grant\)/,
		);
		expect(calls(run.requests)).toEqual([`GET /ad_accounts/${US}`, 'POST /oauth/token']);
		expect(run.result.stdout + run.result.stderr).not.toMatch(
			/refresh-revoked|access-expired|client-secret/,
		);
	});
});

describe('asynchronous reports', () => {
	const asyncSpend = () => campaignSpend({ strategy: 'async' });
	const reportCalls = (requests) => ({
		created: requests.filter((r) => r.method === 'POST' && r.path.endsWith('/reports')).length,
		polled: requests.filter((r) => r.method === 'GET' && r.path.endsWith('/reports')).length,
	});

	test.each(['FAILED', 'EXPIRED'])(
		'a report that ends %s twice: requested once more, then a clear error, nothing downloaded, no rows',
		async (status) => {
			await ctx.fake.config({ failNextReports: [status, status] });
			const run = await runSpend(asyncSpend());
			const error = failedWith(run);
			expect(error.message).toBe(
				`Pinterest's spend report for ad account ${US} ended ${status}, then ${status}`,
			);
			expect(error.description).toContain(`Missing: ${SCOPE}`);
			// Each report is polled twice: IN_PROGRESS, then its end.
			expect(reportCalls(run.requests)).toEqual({ created: 2, polled: 4 });
			expect((await ctx.fake.state()).downloads).toEqual([]);
		},
	);

	// A report that never finishes: test/engine/spend/timingFaults.engine.test.ts (15 minutes of polling on the fake clock).

	test.each([
		['cut off mid-body', 'truncated'],
		['malformed JSON', 'malformed'],
	])('a report file %s is downloaded once more, then every row', async (name, kind) => {
		await ctx.fake.faults([{ kind, pathPattern: '^/__downloads/' }]);
		const run = await runSpend(asyncSpend());
		expect(run.result.code).toBe(0);
		await expectCompleteRows(run.rows);
		const state = await ctx.fake.state();
		// The campaigns' report, downloaded twice; the account's total comes from the synchronous endpoint.
		expect(state.downloads).toEqual(['report-1', 'report-1']);
		expect(retryWaits(run.result.stdout).map((w) => [w.label, w.attempt, w.answer])).toEqual([
			['download the spend report', 1, '200'],
		]);
	});

	test('a report link to another host is refused before any request goes to it', async () => {
		// 0.0.0.0 reaches this machine (the fake) on Linux, but is not a loopback name: a classic way around
		// an address check, so a request would be seen in the fake's downloads.
		const port = new URL(ctx.fakeUrl).port;
		await ctx.fake.config({ reportUrlBase: `http://0.0.0.0:${port}` });
		const run = await runSpend(asyncSpend());
		const error = failedWith(run);
		expect(error.description).toContain(`Missing: ${SCOPE}`);
		expect(error.message).toBe(
			`Refused to download the spend report for ad account ${US}: the link is not https (http://0.0.0.0:${port})`,
		);
		expect(error.description).toMatch(/nothing was requested from it/);
		expect((await ctx.fake.state()).downloads).toEqual([]);
		// The link did lead somewhere: the same request from here reaches the fake.
		await fetch(`http://0.0.0.0:${port}/__downloads/report-1.json`);
		expect((await ctx.fake.state()).downloads).toEqual(['report-1']);
	});
});

// Answers Pinterest's API never gives (a broken proxy or API): Prism would refuse them, so these runs point the
// credential straight at the fake. Each ends in one error naming the call and the account, never in a run that
// pages for ever or fails with "rows.map is not a function".
describe('answers of the wrong shape', () => {
	beforeEach(() => ctx.cli.importCredentials(credentials(ctx.fakeUrl)));
	const answer = (pathPattern, body, extra = {}) =>
		ctx.fake.faults([{ kind: 'answer', pathPattern, body, ...extra }]);
	const LIST = `GET /ad_accounts/${US}/campaigns`;
	const listed = (requests) => calls(requests).filter((call) => call === LIST).length;

	test('a list whose bookmark repeats: stops at the second page with an error naming the list and account', async () => {
		await answer('/campaigns$', { items: [], bookmark: 'c2FtZQ' }, { method: 'GET', times: 1e6 });
		const run = await runSpend(campaignSpend());
		const error = failedWith(run);
		expect(error.message).toBe(
			`Pinterest's answer to "list campaigns" for ad account ${US} (page 2) gave a bookmark an earlier page had already given, so the list would never end; paging stopped`,
		);
		expect(error.description).toMatch(
			/If the credential's environment is Custom, check that the proxy/,
		);
		expect(calls(run.requests)).toEqual([`GET /ad_accounts/${US}`, LIST, LIST]);
	});

	test('a list with a new bookmark on every page: stops after 1,000 pages', async () => {
		await ctx.fake.faults([{ kind: 'endlessPages', pathPattern: '/campaigns$', times: 1e6 }]);
		const run = await runSpend(campaignSpend());
		expect(failedWith(run).message).toBe(
			`Pinterest's answer to "list campaigns" for ad account ${US} still had more after 1000 pages; paging stopped`,
		);
		expect(listed(run.requests)).toBe(1000);
	});

	test('a listed ad account whose id is not digits: refused before its id goes into a path', async () => {
		await answer('^/ad_accounts$', {
			items: [{ id: `${US}/campaigns`, name: 'Odd', currency: 'USD' }],
			bookmark: null,
		});
		const run = await runSpend({ ...campaignSpend(), adAccountSelection: 'all' });
		expect(failedWith(run).message).toBe(
			`Pinterest's answer to "list ad accounts" lists an ad account whose ID is "${US}/campaigns", not an ad account ID (digits only)`,
		);
		expect(calls(run.requests)).toEqual(['GET /ad_accounts']);
	});

	test('synchronous analytics answered with an object instead of rows: a clear error naming the missing rows', async () => {
		await answer('/campaigns/analytics$', { rows: [] });
		const run = await runSpend(campaignSpend());
		const error = failedWith(run);
		expect(error.message).toBe(
			`Pinterest's answer to "get campaigns analytics" for ad account ${US} is an object, not a list of rows`,
		);
		expect(error.description).toContain(`Missing: ${SCOPE}`);
		expect(calls(run.requests)).toEqual(SYNC_CALLS);
	});

	test.each([
		['a string', { rawBody: '"FINISHED"' }, 'is a string, not a report status'],
		['an empty answer', { rawBody: '' }, 'is empty, not a report status'],
		[
			'an object without a status',
			{ body: { url: null } },
			'has empty as its report status, not a status',
		],
	])(
		'a report status that is %s: a clear error, nothing downloaded',
		async (name, fault, problem) => {
			await ctx.fake.faults([
				{ kind: 'answer', method: 'GET', pathPattern: '/reports$', ...fault },
			]);
			const run = await runSpend(campaignSpend({ strategy: 'async' }));
			const error = failedWith(run);
			expect(error.message).toBe(
				`Pinterest's answer to "check the spend report" for ad account ${US} ${problem}`,
			);
			expect(error.description).toContain(`Missing: ${SCOPE}`);
			expect((await ctx.fake.state()).downloads).toEqual([]);
		},
	);

	test.each([
		[
			'a list instead of an object',
			{ body: [{ SPEND_IN_MICRO_DOLLAR: 1 }] },
			'is a list, not an object of rows by ID',
		],
		[
			'an object instead of rows',
			{ body: { 123: { SPEND_IN_MICRO_DOLLAR: 1 } } },
			'holds an object under "123", not a list of rows',
		],
		['a string', { rawBody: '"rows"' }, 'is a string, not an object of rows by ID'],
		['an empty answer', { rawBody: '' }, 'is empty, not an object of rows by ID'],
	])(
		'a report file that is %s: a clear error naming the missing rows',
		async (name, fault, problem) => {
			await ctx.fake.faults([{ kind: 'answer', pathPattern: '^/__downloads/', ...fault }]);
			const run = await runSpend(campaignSpend({ strategy: 'async' }));
			const error = failedWith(run);
			expect(error.message).toBe(
				`Pinterest's answer to "download the spend report" for ad account ${US} ${problem}`,
			);
			expect(error.description).toContain(`Missing: ${SCOPE}`);
			expect((await ctx.fake.state()).downloads).toEqual(['report-1']);
		},
	);
});
