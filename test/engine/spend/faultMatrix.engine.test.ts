// Fault matrix of "Get ad spend" (docs/fault-matrix.md) on n8n's engine against the fake Pinterest API, on the fake
// clock with no jitter: each case asserts what reached the fake (requests per path, retries), what the node output
// (rows exact to the micro and adding up to the account's total, or an error naming what is missing), and each
// wait the node took, to the millisecond (its own "retrying … in N ms" log lines and the waits it slept).
// What only a real n8n shows stays in test/e2e/faultsSpend.e2e.test.js: the rate-limit retry in the real process,
// and the refreshed token n8n stores in its database and uses on the next run.
import { expectedDailyRows } from '../../e2e/spendExpectations';
import { logs, warnings } from '../harness/engine';
import { waits } from '../harness/fakeClock';
import { fakePinterestForEachTest } from '../harness/pinterest';
import { RETRY_LIMITS } from '../../../shared/transport/retryPolicy';
import {
	ANALYTICS,
	campaignSpend,
	expectCompleteRows,
	failedWith,
	SCOPE,
	SYNC_CALLS,
	US,
	range,
	withRepeats,
} from './faultRun';
import { pickedAccounts } from './spendRun';

const EU = '549755885176';
const JP = '549755885177';

const pinterest = fakePinterestForEachTest();

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const retrying = (ms: number, attempt: number, answer: string, label = 'get campaigns analytics') =>
	`Pinterest: retrying "${label}" in ${ms} ms (attempt ${attempt}, HTTP ${answer})`;

describe('rate limits', () => {
	it('429 with no rate-limit headers: exponential backoff (0.5 s with no jitter), then every row', async () => {
		await pinterest.faults([{ kind: 'rateLimitNoHeaders', pathPattern: '/campaigns/analytics$' }]);
		await expectCompleteRows(pinterest, await campaignSpend(pinterest));
		expect(await pinterest.calls()).toEqual(withRepeats(ANALYTICS, 2));
		expect(warnings()).toEqual([retrying(500, 1, '429')]);
		expect(waits()).toEqual([500]);
	});

	it('HTTP 400 with Pinterest code 8 in the body: a rate limit all the same, backed off 0.5 s, then every row', async () => {
		await pinterest.faults([{ kind: 'rateLimitCode8', pathPattern: '/campaigns/analytics$' }]);
		await expectCompleteRows(pinterest, await campaignSpend(pinterest));
		expect(await pinterest.calls()).toEqual(withRepeats(ANALYTICS, 2));
		expect(warnings()).toEqual([retrying(500, 1, '400')]);
		expect(waits()).toEqual([500]);
	});

	it('HTTP 400 "Retry after 2 seconds": waits exactly 2 s, then every row', async () => {
		await pinterest.faults([
			{ kind: 'retryAfter400', retryAfterSeconds: 2, pathPattern: '/campaigns/analytics$' },
		]);
		await expectCompleteRows(pinterest, await campaignSpend(pinterest));
		expect(await pinterest.calls()).toEqual(withRepeats(ANALYTICS, 2));
		expect(warnings()).toEqual([retrying(2000, 1, '400')]);
		expect(waits()).toEqual([2000]);
	});

	it('a huge X-RateLimit-Reset (1e20 s) is capped at a day: fails at once with a valid date to retry', async () => {
		await pinterest.faults([
			{ kind: 'rateLimit', resetSeconds: 1e20, pathPattern: '/campaigns/analytics$' },
		]);
		const now = Date.now();
		const error = failedWith(await campaignSpend(pinterest));
		expect(error.message).toBe(
			`Pinterest rate limit reached while trying to get campaigns analytics for ad account ${US}; gave up after 1 attempts`,
		);
		// The fake clock stands still and there is no jitter: a day from now, to the millisecond.
		const retryAt = Date.parse(/after (\S+) \(UTC\)/.exec(error.description ?? '')![1]);
		expect(retryAt).toBe(now + 86_400_000);
		expect(error.description).toContain(`Missing: ${SCOPE}`);
		expect(await pinterest.calls()).toEqual(SYNC_CALLS);
		expect(warnings()).toEqual([]);
		expect(waits()).toEqual([]);
	});

	it('a daily rate limit that resets hours later fails at once, saying when to retry', async () => {
		await pinterest.faults([
			{ kind: 'rateLimit', resetSeconds: 67150, pathPattern: '/analytics$' },
		]);
		const error = failedWith(
			await campaignSpend(pinterest, {}, { parameters: { level: 'adAccount' } }),
		);
		expect(error.message).toBe(
			`Pinterest rate limit reached while trying to get ad account analytics for ad account ${US}; gave up after 1 attempts`,
		);
		expect(error.description).toMatch(
			/^Run the workflow again after \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z \(UTC\)\./,
		);
		expect(error.description).toContain('Pinterest request ID: fake-rid-');
		expect(waits()).toEqual([]);
	});
});

describe('faults on several calls of one pull', () => {
	it('429 with a reset header, 5xx and a dropped connection are retried; nothing is lost', async () => {
		await pinterest.faults([
			{ kind: 'rateLimit', resetSeconds: 1, pathPattern: '/campaigns/analytics$' },
			{ kind: 'serverError', status: 503, pathPattern: '/campaigns$' },
			{ kind: 'connectionReset', pathPattern: '^/ad_accounts/\\d+$' },
		]);
		await expectCompleteRows(pinterest, await campaignSpend(pinterest));
		expect(await pinterest.calls()).toEqual([
			`GET /ad_accounts/${US}`,
			`GET /ad_accounts/${US}`,
			`GET /ad_accounts/${US}/campaigns`,
			`GET /ad_accounts/${US}/campaigns`,
			`GET /ad_accounts/${US}/analytics`,
			`GET /ad_accounts/${US}/campaigns/analytics`,
			`GET /ad_accounts/${US}/campaigns/analytics`,
		]);
		// Each call counts its own retries: two first backoffs, then the reset's 1 s.
		expect(waits()).toEqual([500, 500, 1000]);
	});
});

describe('an ad account the login cannot read', () => {
	const threeAccounts = { ...pickedAccounts(US, EU, JP), level: 'adAccount' };

	it('an error item with "continue", the others still report; without it the node fails naming the account', async () => {
		await pinterest.config({ forbiddenAdAccounts: { 'access-1': [EU] } });
		const continued = await campaignSpend(
			pinterest,
			{},
			{ parameters: threeAccounts, continueOnFail: true },
		);
		expect(continued.error).toBeUndefined();
		const state = await pinterest.state();
		expect(continued.json).toEqual([
			...expectedDailyRows(state, { adAccountId: US, level: 'adAccount', ...range }),
			{
				error: `This Pinterest login has no access to ad account ${EU} (read its name and currency)`,
				fix: expect.stringMatching(/^Check Business Access in Pinterest Business Manager: /),
				adAccountId: EU,
				adAccountName: null,
			},
			...expectedDailyRows(state, { adAccountId: JP, level: 'adAccount', ...range }),
		]);

		const error = failedWith(await campaignSpend(pinterest, {}, { parameters: threeAccounts }));
		expect(error.message).toBe(
			`This Pinterest login has no access to ad account ${EU} (read its name and currency)`,
		);
		expect(error.context.itemIndex).toBe(0);
	});
});

describe('server errors', () => {
	it.each([500, 502, 503])(
		'HTTP %i once: one retry after a backoff (0.5 s), then every row',
		async (status) => {
			await pinterest.faults([
				{ kind: 'serverError', status, pathPattern: '/campaigns/analytics$' },
			]);
			await expectCompleteRows(pinterest, await campaignSpend(pinterest));
			expect(await pinterest.calls()).toEqual(withRepeats(ANALYTICS, 2));
			expect(warnings()).toEqual([retrying(500, 1, String(status))]);
			expect(waits()).toEqual([500]);
		},
	);

	it.each([500, 502, 503])(
		'HTTP %i on every attempt: 1 + 6 retries within the wait budget, then fails naming the missing rows',
		async (status) => {
			await pinterest.faults([
				{ kind: 'serverError', status, pathPattern: '/campaigns/analytics$', times: 100 },
			]);
			const error = failedWith(await campaignSpend(pinterest));
			expect(error.message).toBe(
				`Pinterest is busy while trying to get campaigns analytics for ad account ${US}; gave up after ${1 + RETRY_LIMITS.maxRetries} attempts`,
			);
			expect(error.description).toMatch(/^Run the workflow again after \S+ \(UTC\)\./);
			expect(error.description).toContain(`Missing: ${SCOPE}`);
			expect(error).toMatchObject({ httpCode: String(status) });
			expect(await pinterest.calls()).toEqual(withRepeats(ANALYTICS, 1 + RETRY_LIMITS.maxRetries));
			// base 1 s doubled for each retry, times 0.5 (no jitter).
			const backoff = [500, 1000, 2000, 4000, 8000, 16_000];
			expect(warnings()).toEqual(backoff.map((ms, i) => retrying(ms, i + 1, String(status))));
			expect(waits()).toEqual(backoff);
			expect(sum(waits())).toBeLessThanOrEqual(RETRY_LIMITS.maxTotalWaitMs);
		},
	);
});

describe('broken connections and answers', () => {
	it('connection reset mid-request: retried once after 0.5 s, then every row', async () => {
		await pinterest.faults([{ kind: 'connectionReset', pathPattern: '/campaigns/analytics$' }]);
		await expectCompleteRows(pinterest, await campaignSpend(pinterest));
		expect(await pinterest.calls()).toEqual(withRepeats(ANALYTICS, 2));
		expect(warnings()).toEqual([retrying(500, 1, 'ECONNRESET')]);
		expect(waits()).toEqual([500]);
	});

	// A request that stalls past the timeout: timingFaults.engine.test.ts.

	it('malformed JSON in a 200 answer: retried once, then every row', async () => {
		await pinterest.faults([{ kind: 'malformed', pathPattern: '/campaigns/analytics$' }]);
		await expectCompleteRows(pinterest, await campaignSpend(pinterest));
		expect(await pinterest.calls()).toEqual(withRepeats(ANALYTICS, 2));
		expect(warnings()).toEqual([retrying(500, 1, '200')]);
		expect(waits()).toEqual([500]);
	});
});

describe('token refresh refused', () => {
	it('401 whose refresh Pinterest refuses (invalid_grant): one clear "reconnect" error, no token in it', async () => {
		// The token endpoint answers as OAuth 2.0 says (RFC 6749 §5.2: error "invalid_grant").
		await pinterest.config({ oauthErrorStyle: 'oauth2' });
		const run = await campaignSpend(
			pinterest,
			{},
			{
				credentials: pinterest.credentials({
					accessToken: 'access-expired',
					refreshToken: 'refresh-revoked',
				}),
			},
		);
		const error = failedWith(run);
		expect(error.message).toBe(
			`Reconnect the Pinterest credential: Pinterest refused to renew its access (read its name and currency for ad account ${US})`,
		);
		expect(error.description).toMatch(
			/^The access token expired and Pinterest refused the refresh token \(invalid_grant\)/,
		);
		expect(await pinterest.calls()).toEqual([`GET /ad_accounts/${US}`, 'POST /oauth/token']);
		expect(JSON.stringify(logs())).not.toMatch(/refresh-revoked|access-expired|client-secret/);
		expect(waits()).toEqual([]);
	});
});

describe('asynchronous reports', () => {
	// A report that ends FAILED or EXPIRED twice: executeFaults.engine.test.ts. One that never finishes: timingFaults.

	it.each([
		['cut off mid-body', 'truncated'],
		['malformed JSON', 'malformed'],
	])('a report file %s is downloaded once more, then every row', async (_name, kind) => {
		await pinterest.faults([{ kind, pathPattern: '^/__downloads/' }]);
		await expectCompleteRows(pinterest, await campaignSpend(pinterest, { strategy: 'async' }));
		// The campaigns' report, downloaded twice; the account's total comes from the synchronous endpoint.
		expect((await pinterest.state()).downloads).toEqual(['report-1', 'report-1']);
		expect(warnings()).toEqual([retrying(500, 1, '200', 'download the spend report')]);
	});

	it('a report link to another host is refused before any request goes to it', async () => {
		// 0.0.0.0 reaches this machine (the fake) on Linux, but is not a loopback name: a classic way around
		// an address check, so a request would be seen in the fake's downloads.
		const port = new URL(pinterest.url).port;
		await pinterest.config({ reportUrlBase: `http://0.0.0.0:${port}` });
		const error = failedWith(await campaignSpend(pinterest, { strategy: 'async' }));
		expect(error.description).toContain(`Missing: ${SCOPE}`);
		expect(error.message).toBe(
			`Refused to download the spend report for ad account ${US}: the link is not https (http://0.0.0.0:${port})`,
		);
		expect(error.description).toMatch(/nothing was requested from it/);
		expect((await pinterest.state()).downloads).toEqual([]);
		// The link did lead somewhere: the same request from here reaches the fake.
		await fetch(`http://0.0.0.0:${port}/__downloads/report-1.json`);
		expect((await pinterest.state()).downloads).toEqual(['report-1']);
	});
});
