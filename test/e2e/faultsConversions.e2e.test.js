// Fault matrix of "Send conversion event" in a real n8n against the fake Pinterest API: for each fault, what reached
// Pinterest (requests, the event ids in each, what the fake recorded once), what came out of n8n (each input item in
// exactly one output, or the node failing loudly), and that the waits stayed within the documented bounds
// (shared/transport/retryPolicy.ts; docs/fault-matrix.md).
const { e2eContext, freshPinterestForEachTest } = require('../harness/e2eContext');
const { credentials, workflowWith, conversionsNode } = require('../harness/fixtures');

const ctx = e2eContext();
const US = '549755885175';
const nowSeconds = () => Math.floor(Date.now() / 1000);
/** Time n8n and the proxies in between may add to a wait (loaded CI machine): never subtracted. */
const SLACK_MS = 1500;

const order = (n) => ({
	orderId: `order-${n}`,
	email: `buyer${n}@example.com`,
	amount: 10 + n,
	ip: '203.0.113.7',
	ua: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0',
	epik: `dj0yJnU9epik${n}`,
	time: nowSeconds() - 600,
});
const ORDERS = [order(1), order(2), order(3)];
const IDS = ['order-1', 'order-2', 'order-3'];

const mapping = {
	eventName: 'checkout',
	eventId: '={{ $json.orderId }}',
	eventTime: '={{ $json.time }}',
	userData: {
		email: '={{ $json.email }}',
		clientIpAddress: '={{ $json.ip }}',
		clientUserAgent: '={{ $json.ua }}',
		clickId: '={{ $json.epik }}',
	},
	customData: { value: '={{ $json.amount }}', currency: 'USD', orderId: '={{ $json.orderId }}' },
};

/**
 * Runs the node on the items; returns n8n's outputs, the requests that reached the fake (event ids and arrival
 * times) and the ids the fake recorded.
 */
async function send(inputItems, { parameters = {}, ...options } = {}) {
	await ctx.fake.clearRequests();
	const result = await ctx.run(
		workflowWith(conversionsNode({ ...mapping, ...parameters }, options), { inputItems }),
	);
	const all = await ctx.fake.requests();
	const events = all.filter((r) => r.path.endsWith('/events'));
	return {
		result,
		sent: result.output('Pinterest Conversions', 0),
		failed: result.output('Pinterest Conversions', 1),
		error: result.nodeError('Pinterest Conversions'),
		all,
		requests: events,
		eventIds: events.map((r) => r.json.data.map((e) => e.event_id)),
		gapsMs: events.slice(1).map((r, i) => r.at - events[i].at),
		recorded: await recorded(),
	};
}

async function recorded() {
	return (await ctx.fake.state()).conversions.map((c) => c.event.event_id);
}

/** Every item came out once: on Sent, or on Failed. */
function expectEachItemOnce(run, { sent = [], failed = [] }) {
	expect(run.result.code).toBe(0);
	expect(run.sent.map((item) => item.eventId)).toEqual(sent);
	expect(run.failed.map((item) => item.eventId)).toEqual(failed);
}

freshPinterestForEachTest(ctx);
afterEach(async () => {
	expect((await ctx.fake.state()).privacyViolations).toEqual([]);
});

describe('rate limits', () => {
	test('429 with X-RateLimit-Reset: 2: waits the 2 s (+ at most 0.25 s), resends the same events, each recorded once', async () => {
		await ctx.fake.faults([{ kind: 'rateLimit', resetSeconds: 2, pathPattern: '/events$' }]);
		const run = await send(ORDERS, { credential: 'token' });
		expectEachItemOnce(run, { sent: IDS });
		expect(run.eventIds).toEqual([IDS, IDS]);
		expect(run.gapsMs[0]).toBeGreaterThanOrEqual(2000);
		expect(run.gapsMs[0]).toBeLessThan(2250 + SLACK_MS);
		expect(run.recorded).toEqual(IDS);
	});

	test('429 without rate-limit headers: exponential backoff (0.5–1 s, then 1–2 s), each recorded once', async () => {
		await ctx.fake.faults([{ kind: 'rateLimitNoHeaders', pathPattern: '/events$', times: 2 }]);
		const run = await send(ORDERS, { credential: 'token' });
		expectEachItemOnce(run, { sent: IDS });
		expect(run.eventIds).toEqual([IDS, IDS, IDS]);
		expect(run.gapsMs[0]).toBeGreaterThanOrEqual(500);
		expect(run.gapsMs[0]).toBeLessThan(1000 + SLACK_MS);
		expect(run.gapsMs[1]).toBeGreaterThanOrEqual(1000);
		expect(run.gapsMs[1]).toBeLessThan(2000 + SLACK_MS);
		expect(run.recorded).toEqual(IDS);
	});

	test('code 8 in the body of a 400: a rate limit all the same, backed off (0.5–1 s) and resent', async () => {
		await ctx.fake.faults([{ kind: 'rateLimitCode8', status: 400, pathPattern: '/events$' }]);
		const run = await send(ORDERS, { credential: 'token' });
		expectEachItemOnce(run, { sent: IDS });
		expect(run.eventIds).toEqual([IDS, IDS]);
		expect(run.gapsMs[0]).toBeGreaterThanOrEqual(500);
		expect(run.gapsMs[0]).toBeLessThan(1000 + SLACK_MS);
		expect(run.recorded).toEqual(IDS);
	});

	test('400 "Retry after 2 seconds": waits the 2 s, resends, each recorded once', async () => {
		await ctx.fake.faults([
			{ kind: 'retryAfter400', retryAfterSeconds: 2, pathPattern: '/events$' },
		]);
		const run = await send(ORDERS, { credential: 'token' });
		expectEachItemOnce(run, { sent: IDS });
		expect(run.eventIds).toEqual([IDS, IDS]);
		expect(run.gapsMs[0]).toBeGreaterThanOrEqual(2000);
		expect(run.gapsMs[0]).toBeLessThan(2000 + SLACK_MS);
		expect(run.recorded).toEqual(IDS);
	});
});

describe('Pinterest errors', () => {
	test('500, 502 and 503 once each: four requests with the same events, all sent, each recorded once', async () => {
		await ctx.fake.faults(
			[500, 502, 503].map((status) => ({ kind: 'serverError', status, pathPattern: '/events$' })),
		);
		const run = await send(ORDERS, { credential: 'token' });
		expectEachItemOnce(run, { sent: IDS });
		expect(run.eventIds).toEqual([IDS, IDS, IDS, IDS]);
		// Backoff of the scheduled budget: 0.5–1 s, 1–2 s, 2–4 s.
		[500, 1000, 2000].forEach((least, i) => {
			expect(run.gapsMs[i]).toBeGreaterThanOrEqual(least);
			expect(run.gapsMs[i]).toBeLessThan(2 * least + SLACK_MS);
		});
		expect(run.recorded).toEqual(IDS);
	});

	test('502 on every attempt (scheduled budget): 7 attempts, 31.5–63 s of waiting, then the node fails saying so', async () => {
		await ctx.fake.faults([
			{ kind: 'serverError', status: 502, pathPattern: '/events$', times: 50 },
		]);
		const run = await send(ORDERS, { credential: 'token' });
		expect(run.result.code).not.toBe(0);
		expect(run.eventIds).toEqual(Array(7).fill(IDS));
		const waitedMs = run.requests.at(-1).at - run.requests[0].at;
		expect(waitedMs).toBeGreaterThanOrEqual(31_500);
		expect(waitedMs).toBeLessThan(63_000 + SLACK_MS * 6);
		expect(run.error.message).toBe(
			`Pinterest is busy while trying to send conversion events for ad account ${US}; gave up after 7 attempts`,
		);
		expect(run.error.description).toMatch(
			/^Run the workflow again after \d{4}-\d\d-\d\dT.*No earlier request of this run had delivered events\.$/,
		);
		expect(run.recorded).toEqual([]);
	}, 240_000);

	test('500 and 503 on every attempt with continue on error and the short budget: every item on Failed, within 20 s', async () => {
		for (const status of [500, 503]) {
			await ctx.fake.reset();
			await ctx.fake.faults([{ kind: 'serverError', status, pathPattern: '/events$', times: 50 }]);
			const run = await send(ORDERS, {
				credential: 'token',
				onError: 'continueRegularOutput',
				parameters: { options: { retryTimeLimit: 'short' } },
			});
			expectEachItemOnce(run, { failed: IDS });
			expect(run.eventIds).toEqual(Array(7).fill(IDS));
			const spentMs = run.requests.at(-1).at - run.requests[0].at;
			expect(spentMs).toBeGreaterThanOrEqual(7750);
			expect(spentMs).toBeLessThan(20_000);
			for (const item of run.failed) {
				expect(item.reason).toMatch(
					new RegExp(
						`^Pinterest is busy while trying to send conversion events for ad account ${US}; gave up after 7 attempts\\. Run the workflow again after .* Stopped after 7 attempts: a live webhook run gives Pinterest at most 20 seconds`,
					),
				);
			}
			expect(run.recorded).toEqual([]);
		}
	}, 240_000);
});

describe('the connection', () => {
	test('reset before Pinterest read the request, and reset after it recorded: resent, each recorded once', async () => {
		await ctx.fake.faults([
			{ kind: 'connectionReset', pathPattern: '/events$' },
			{ kind: 'recordThenReset', pathPattern: '/events$' },
		]);
		const run = await send(ORDERS, { credential: 'token' });
		expectEachItemOnce(run, { sent: IDS });
		expect(run.eventIds).toEqual([IDS, IDS, IDS]);
		expect(run.recorded).toEqual(IDS);
	});

	test('timeout mid-request (Pinterest answers after 10 s; attempts of 8 s): resent, recorded once though both arrived', async () => {
		await ctx.fake.faults([{ kind: 'slow', delayMs: 10_000, pathPattern: '/events$' }]);
		const run = await send(ORDERS, {
			credential: 'token',
			parameters: { options: { retryTimeLimit: 'short' } },
		});
		expectEachItemOnce(run, { sent: IDS });
		expect(run.eventIds).toEqual([IDS, IDS]);
		// The first attempt was given up after its 8 s, then the backoff (0.25–0.5 s).
		expect(run.gapsMs[0]).toBeGreaterThanOrEqual(8250);
		expect(run.gapsMs[0]).toBeLessThan(8500 + SLACK_MS);
		// The first request still reaches Pinterest's handler once its 10 s are up: it must not count twice.
		await new Promise((resolve) =>
			setTimeout(resolve, Math.max(0, run.requests[0].at + 10_500 - Date.now())),
		);
		expect(await recorded()).toEqual(IDS);
	});

	test('response cut off mid-body after Pinterest recorded: resent with the same ids, each recorded once', async () => {
		await ctx.fake.faults([{ kind: 'recordThenCutOff', pathPattern: '/events$' }]);
		const run = await send(ORDERS, { credential: 'token' });
		expectEachItemOnce(run, { sent: IDS });
		expect(run.eventIds).toEqual([IDS, IDS]);
		expect(run.recorded).toEqual(IDS);
	});

	test('malformed JSON in a 200 after Pinterest recorded: resent with the same ids, each recorded once', async () => {
		await ctx.fake.faults([{ kind: 'recordThenMalformed', pathPattern: '/events$' }]);
		const run = await send(ORDERS, { credential: 'token' });
		expectEachItemOnce(run, { sent: IDS });
		expect(run.eventIds).toEqual([IDS, IDS]);
		expect(run.recorded).toEqual(IDS);
	});
});

describe('credentials', () => {
	test('401 with the conversion token: the node fails with the fix, no token shown, nothing recorded', async () => {
		await ctx.fake.faults([{ kind: 'unauthorized', pathPattern: '/events$', times: 10 }]);
		const run = await send(ORDERS, { credential: 'token' });
		expect(run.result.code).not.toBe(0);
		// n8n itself sends a request once more after a 401; the node does not retry it.
		expect(run.eventIds).toEqual([IDS, IDS]);
		expect(run.error.message).toBe(
			`Pinterest rejected the credential's token (send conversion events for ad account ${US})`,
		);
		expect(run.error.description).toMatch(
			/^The token is invalid, expired or revoked\. Reconnect the Pinterest credential, or generate a new conversion access token in Ads Manager\./,
		);
		expect(JSON.stringify(run.result.run)).not.toContain('conv-token-1');
		expect(run.recorded).toEqual([]);
	});

	const oauth = { adAccount: { __rl: true, mode: 'id', value: US } };

	test('401 with OAuth2: the token is refreshed once, the events resent once, and the rotated refresh token stored', async () => {
		await ctx.fake.faults([{ kind: 'unauthorized', expireToken: true, pathPattern: '/events$' }]);
		const run = await send(ORDERS, { parameters: oauth });
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
		expect(run.recorded).toEqual(IDS);
		const stored = (await ctx.cli.exportCredentials()).find(
			(c) => c.type === 'pinterestAdsOAuth2Api',
		);
		expect(stored.data.oauthTokenData).toMatchObject({
			access_token: 'access-2',
			refresh_token: 'refresh-2',
		});
		expect(JSON.stringify(run.result.run)).not.toMatch(/access-[12]|refresh-[12]/);
	});

	test.each([
		['invalid_grant (RFC 6749 body)', 'oauth2'],
		["Pinterest's plain error body", 'pinterest'],
	])(
		'401 with OAuth2 and a refused refresh, %s: "reconnect the credential", on the node or on Failed',
		async (_, oauthErrorStyle) => {
			await ctx.cli.importCredentials(credentials(ctx.proxyUrl, { refreshToken: 'refresh-stale' }));
			await ctx.fake.config({ oauthErrorStyle });
			const message = `Reconnect the Pinterest credential: Pinterest refused to renew its access (send conversion events for ad account ${US})`;

			await ctx.fake.faults([{ kind: 'unauthorized', expireToken: true, pathPattern: '/events$' }]);
			const failedRun = await send(ORDERS, { parameters: oauth });
			expect(failedRun.result.code).not.toBe(0);
			expect(failedRun.all.map((r) => `${r.method} ${r.path}`)).toEqual([
				`POST /ad_accounts/${US}/events`,
				'POST /oauth/token',
			]);
			expect(failedRun.error.message).toBe(message);
			expect(failedRun.error.description).toMatch(/click Reconnect to sign in to Pinterest again/);

			const continued = await send(ORDERS, { parameters: oauth, onError: 'continueRegularOutput' });
			expectEachItemOnce(continued, { failed: IDS });
			for (const item of continued.failed)
				expect(item.reason.startsWith(`${message}. `)).toBe(true);
			expect(JSON.stringify([failedRun.result.run, continued.result.run])).not.toMatch(
				/refresh-stale|client-secret-1|access-1/,
			);
			expect(continued.recorded).toEqual([]);
		},
	);
});

describe('an answer that disagrees with itself', () => {
	const mismatch = (sent) =>
		`Pinterest returned 2 event results for the 3 events sent, so they cannot be matched to items. Pinterest may have recorded them; sending the same events again within 48 hours does not count them twice.`;

	test('a 200 with fewer results than events: no item marked sent; the node fails, or all go to Failed; resending counts none twice', async () => {
		await ctx.fake.faults([{ kind: 'fewerResults', drop: 1, pathPattern: '/events$', times: 2 }]);
		const failedRun = await send(ORDERS, { credential: 'token' });
		expect(failedRun.result.code).not.toBe(0);
		expect(failedRun.eventIds).toEqual([IDS]);
		expect(failedRun.error.message).toBe(mismatch());
		// Pinterest did record them.
		expect(failedRun.recorded).toEqual(IDS);

		const continued = await send(ORDERS, { credential: 'token', onError: 'continueRegularOutput' });
		expectEachItemOnce(continued, { failed: IDS });
		expect(continued.failed.map((item) => item.reason)).toEqual(Array(3).fill(mismatch()));

		// Sent once more, as the message says: Pinterest's answer is whole now, and nothing counts twice.
		const resent = await send(ORDERS, { credential: 'token' });
		expectEachItemOnce(resent, { sent: IDS });
		expect(resent.recorded).toEqual(IDS);
	});

	test('a 422 with fewer results than events: no item guessed; all three on Failed with the reason', async () => {
		await ctx.fake.config({ rejectEventIds: ['order-2'] });
		await ctx.fake.faults([{ kind: 'fewerResults', drop: 1, pathPattern: '/events$' }]);
		const run = await send(ORDERS, { credential: 'token', onError: 'continueRegularOutput' });
		expectEachItemOnce(run, { failed: IDS });
		expect(run.eventIds).toEqual([IDS]);
		expect(run.failed.map((item) => item.reason)).toEqual(Array(3).fill(mismatch()));
		expect(run.recorded).toEqual(['order-1', 'order-3']);
	});
});
