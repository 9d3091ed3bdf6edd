// Fault matrix of "Send conversion event" (docs/fault-matrix.md) on n8n's engine against the fake Pinterest API, on
// the fake clock with no jitter: for each fault, what reached Pinterest (requests, the event ids in each, the waits
// between them to the millisecond, what the fake recorded once), and what came out (each input item in exactly one
// output, or the node failing loudly). What only a real n8n shows stays in test/e2e/faultsConversions.e2e.test.js:
// the server-error retry in the real process. The time-out mid-request: sendTimeout.engine.test.ts.
import { waits } from '../harness/fakeClock';
import { fakePinterestForEachTest } from '../harness/pinterest';
import { expectEachItemOnce, IDS, OAUTH, send as sendTo, US } from './faultRun';

const pinterest = fakePinterestForEachTest();
afterEach(async () => {
	expect((await pinterest.state()).privacyViolations).toEqual([]);
});

const send = (options: Parameters<typeof sendTo>[1] = {}) => sendTo(pinterest, options);

describe('rate limits', () => {
	it('429 with X-RateLimit-Reset: 2: waits the 2 s (no jitter here), resends the same events, each recorded once', async () => {
		await pinterest.faults([{ kind: 'rateLimit', resetSeconds: 2, pathPattern: '/events$' }]);
		const run = await send();
		expectEachItemOnce(run, { sent: IDS });
		expect(run.eventIds).toEqual([IDS, IDS]);
		expect(run.gapsMs).toEqual([2000]);
		expect(run.recorded).toEqual(IDS);
	});

	it('429 without rate-limit headers: exponential backoff (0.5 s, then 1 s), each recorded once', async () => {
		await pinterest.faults([{ kind: 'rateLimitNoHeaders', pathPattern: '/events$', times: 2 }]);
		const run = await send();
		expectEachItemOnce(run, { sent: IDS });
		expect(run.eventIds).toEqual([IDS, IDS, IDS]);
		expect(run.gapsMs).toEqual([500, 1000]);
		expect(run.recorded).toEqual(IDS);
	});

	it('code 8 in the body of a 400: a rate limit all the same, backed off (0.5 s) and resent', async () => {
		await pinterest.faults([{ kind: 'rateLimitCode8', status: 400, pathPattern: '/events$' }]);
		const run = await send();
		expectEachItemOnce(run, { sent: IDS });
		expect(run.eventIds).toEqual([IDS, IDS]);
		expect(run.gapsMs).toEqual([500]);
		expect(run.recorded).toEqual(IDS);
	});

	it('400 "Retry after 2 seconds": waits the 2 s, resends, each recorded once', async () => {
		await pinterest.faults([
			{ kind: 'retryAfter400', retryAfterSeconds: 2, pathPattern: '/events$' },
		]);
		const run = await send();
		expectEachItemOnce(run, { sent: IDS });
		expect(run.eventIds).toEqual([IDS, IDS]);
		expect(run.gapsMs).toEqual([2000]);
		expect(run.recorded).toEqual(IDS);
	});
});

describe('Pinterest errors', () => {
	// Also in the real n8n (faultsConversions.e2e.test.js), there with the jitter.
	it('500, 502 and 503 once each: four requests with the same events, waits of 0.5, 1 and 2 s, each recorded once', async () => {
		await pinterest.faults(
			[500, 502, 503].map((status) => ({ kind: 'serverError', status, pathPattern: '/events$' })),
		);
		const run = await send();
		expectEachItemOnce(run, { sent: IDS });
		expect(run.eventIds).toEqual([IDS, IDS, IDS, IDS]);
		expect(run.gapsMs).toEqual([500, 1000, 2000]);
		expect(run.recorded).toEqual(IDS);
	});

	it('502 on every attempt (scheduled budget): 7 attempts, 31.5 s of waiting, then the node fails saying so', async () => {
		await pinterest.faults([
			{ kind: 'serverError', status: 502, pathPattern: '/events$', times: 50 },
		]);
		const run = await send();
		expect(run.eventIds).toEqual(Array(7).fill(IDS));
		expect(run.gapsMs).toEqual([500, 1000, 2000, 4000, 8000, 16_000]);
		expect(run.requests[run.requests.length - 1].at - run.requests[0].at).toBe(31_500);
		expect(run.error?.message).toBe(
			`Pinterest is busy while trying to send conversion events for ad account ${US}; gave up after 7 attempts`,
		);
		expect(run.error?.description).toMatch(
			/^Run the workflow again after \d{4}-\d\d-\d\dT.*No earlier request of this run had delivered events\.$/,
		);
		expect(run.sent).toEqual([]);
		expect(run.recorded).toEqual([]);
	});

	it.each([500, 503])(
		'%i on every attempt with continue on error and the short budget: every item on Failed, 7.75 s of waiting within the 20 s',
		async (status) => {
			await pinterest.faults([{ kind: 'serverError', status, pathPattern: '/events$', times: 50 }]);
			const run = await send({
				continueOnFail: true,
				parameters: { options: { retryTimeLimit: 'short' } },
			});
			expectEachItemOnce(run, { failed: IDS });
			expect(run.eventIds).toEqual(Array(7).fill(IDS));
			// The live budget's backoff, 0.5 s doubling, capped at 4 s, times 0.5 (no jitter).
			expect(run.gapsMs).toEqual([250, 500, 1000, 2000, 2000, 2000]);
			const spentMs = run.requests[run.requests.length - 1].at - run.requests[0].at;
			expect(spentMs).toBe(7750);
			expect(spentMs).toBeLessThan(20_000);
			for (const item of run.failed) {
				expect(item.reason).toMatch(
					new RegExp(
						`^Pinterest is busy while trying to send conversion events for ad account ${US}; gave up after 7 attempts\\. Run the workflow again after .* Stopped after 7 attempts: a live webhook run gives Pinterest at most 20 seconds`,
					),
				);
			}
			expect(run.recorded).toEqual([]);
		},
	);
});

describe('the connection', () => {
	it('reset before Pinterest read the request, and reset after it recorded: resent, each recorded once', async () => {
		await pinterest.faults([
			{ kind: 'connectionReset', pathPattern: '/events$' },
			{ kind: 'recordThenReset', pathPattern: '/events$' },
		]);
		const run = await send();
		expectEachItemOnce(run, { sent: IDS });
		expect(run.eventIds).toEqual([IDS, IDS, IDS]);
		expect(run.gapsMs).toEqual([500, 1000]);
		expect(run.recorded).toEqual(IDS);
	});

	it('response cut off mid-body after Pinterest recorded: resent with the same ids, each recorded once', async () => {
		await pinterest.faults([{ kind: 'recordThenCutOff', pathPattern: '/events$' }]);
		const run = await send();
		expectEachItemOnce(run, { sent: IDS });
		expect(run.eventIds).toEqual([IDS, IDS]);
		expect(run.recorded).toEqual(IDS);
	});

	it('malformed JSON in a 200 after Pinterest recorded: resent with the same ids, each recorded once', async () => {
		await pinterest.faults([{ kind: 'recordThenMalformed', pathPattern: '/events$' }]);
		const run = await send();
		expectEachItemOnce(run, { sent: IDS });
		expect(run.eventIds).toEqual([IDS, IDS]);
		expect(run.recorded).toEqual(IDS);
	});
});

describe('credentials', () => {
	it('401 with the conversion token: the node fails with the fix, no token shown, nothing recorded', async () => {
		await pinterest.faults([{ kind: 'unauthorized', pathPattern: '/events$', times: 10 }]);
		const run = await send();
		// n8n itself sends a request once more after a 401; the node does not retry it.
		expect(run.eventIds).toEqual([IDS, IDS]);
		expect(run.error?.message).toBe(
			`Pinterest rejected the credential's token (send conversion events for ad account ${US})`,
		);
		expect(run.error?.description).toMatch(
			/^The token is invalid, expired or revoked\. Reconnect the Pinterest credential, or generate a new conversion access token in Ads Manager\./,
		);
		expect(run.sent).toEqual([]);
		expect(JSON.stringify(run.run.run)).not.toContain('conv-token-1');
		expect(waits()).toEqual([]);
		expect(run.recorded).toEqual([]);
	});

	it('401 with OAuth2: the token is refreshed once, the events resent once, and the rotated refresh token stored', async () => {
		await pinterest.faults([{ kind: 'unauthorized', expireToken: true, pathPattern: '/events$' }]);
		const run = await send({ credential: 'oauth', parameters: OAUTH });
		expectEachItemOnce(run, { sent: IDS });
		expect(run.all.map((r) => [r.method, r.path, r.authorization?.split(' ')[0]])).toEqual([
			['POST', `/ad_accounts/${US}/events`, 'Bearer'],
			['POST', '/oauth/token', 'Basic'],
			['POST', `/ad_accounts/${US}/events`, 'Bearer'],
		]);
		expect([run.requests[0].authorization, run.requests[1].authorization]).toEqual([
			'Bearer access-1',
			'Bearer access-2',
		]);
		expect(run.eventIds).toEqual([IDS, IDS]);
		expect(run.recorded).toEqual(IDS);
		expect(run.run.credentials.stored.pinterestAdsOAuth2Api.oauthTokenData).toMatchObject({
			access_token: 'access-2',
			refresh_token: 'refresh-2',
		});
		expect(JSON.stringify(run.run.run)).not.toMatch(/access-[12]|refresh-[12]/);
	});

	it.each([
		['invalid_grant (RFC 6749 body)', 'oauth2'],
		["Pinterest's plain error body", 'pinterest'],
	])(
		'401 with OAuth2 and a refused refresh, %s: "reconnect the credential", on the node or on Failed',
		async (_name, oauthErrorStyle) => {
			const credentials = () => pinterest.credentials({ refreshToken: 'refresh-stale' });
			await pinterest.config({ oauthErrorStyle });
			const message = `Reconnect the Pinterest credential: Pinterest refused to renew its access (send conversion events for ad account ${US})`;

			await pinterest.faults([
				{ kind: 'unauthorized', expireToken: true, pathPattern: '/events$' },
			]);
			const failedRun = await send({
				credential: 'oauth',
				parameters: OAUTH,
				credentials: credentials(),
			});
			expect(failedRun.all.map((r) => `${r.method} ${r.path}`)).toEqual([
				`POST /ad_accounts/${US}/events`,
				'POST /oauth/token',
			]);
			expect(failedRun.error?.message).toBe(message);
			expect(failedRun.error?.description).toMatch(/click Reconnect to sign in to Pinterest again/);
			expect(failedRun.sent).toEqual([]);

			const continued = await send({
				credential: 'oauth',
				parameters: OAUTH,
				credentials: credentials(),
				continueOnFail: true,
			});
			expectEachItemOnce(continued, { failed: IDS });
			for (const item of continued.failed)
				expect(String(item.reason).startsWith(`${message}. `)).toBe(true);
			expect(JSON.stringify([failedRun.run.run, continued.run.run])).not.toMatch(
				/refresh-stale|client-secret-1|access-1/,
			);
			expect(continued.recorded).toEqual([]);
		},
	);
});

describe('an answer that disagrees with itself', () => {
	const mismatch =
		'Pinterest returned 2 event results for the 3 events sent, so they cannot be matched to items. Pinterest may have recorded them; sending the same events again within 48 hours does not count them twice.';

	it('a 200 with fewer results than events: no item marked sent; the node fails, or all go to Failed; resending counts none twice', async () => {
		await pinterest.faults([{ kind: 'fewerResults', drop: 1, pathPattern: '/events$', times: 2 }]);
		const failedRun = await send();
		expect(failedRun.eventIds).toEqual([IDS]);
		expect(failedRun.error?.message).toBe(mismatch);
		expect(failedRun.sent).toEqual([]);
		// Pinterest did record them.
		expect(failedRun.recorded).toEqual(IDS);

		const continued = await send({ continueOnFail: true });
		expectEachItemOnce(continued, { failed: IDS });
		expect(continued.failed.map((item) => item.reason)).toEqual(Array(3).fill(mismatch));

		// Sent once more, as the message says: Pinterest's answer is whole now, and nothing counts twice.
		const resent = await send();
		expectEachItemOnce(resent, { sent: IDS });
		expect(resent.recorded).toEqual(IDS);
	});

	it('a 422 with fewer results than events: no item guessed; all three on Failed with the reason', async () => {
		await pinterest.config({ rejectEventIds: ['order-2'] });
		await pinterest.faults([{ kind: 'fewerResults', drop: 1, pathPattern: '/events$' }]);
		const run = await send({ continueOnFail: true });
		expectEachItemOnce(run, { failed: IDS });
		expect(run.eventIds).toEqual([IDS]);
		expect(run.failed.map((item) => item.reason)).toEqual(Array(3).fill(mismatch));
		expect(run.recorded).toEqual(['order-1', 'order-3']);
	});
});
