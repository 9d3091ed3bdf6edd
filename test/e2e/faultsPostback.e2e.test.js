// Fault matrix of the purchase postback template (workflows/pinterest-purchase-postback.json) published in a running
// n8n: while Pinterest is slow, down, resetting connections or rate limited, the webhook answers within 30 seconds,
// with 503 so that the network sends the postback again; once Pinterest is back, the repeated postback is sent and
// Pinterest records the order once. Answer times are measured from the postback to n8n's answer.
const { e2eContext, freshPinterestForEachTest } = require('../harness/e2eContext');
const { asConfigured } = require('../harness/fixtures');
const { startN8nServer } = require('../../scripts/n8n-server');
const { laneN8nEnv } = require('../harness/lane');

const ctx = e2eContext();
freshPinterestForEachTest(ctx);

const POSTBACK_TEMPLATE = require('../../workflows/pinterest-purchase-postback.json');
const SECRET = 'postback-secret-for-the-fault-tests-41c9';
/** Networks and proxies commonly give up on an answer after 30 seconds. */
const ANSWER_WITHIN_MS = 30_000;
/** The live budget (shared/transport/retryPolicy.ts LIVE_BUDGET). */
const LIVE_BUDGET_MS = 20_000;

let server;
let workflowId;
const answerTimesMs = {};

beforeAll(async () => {
	server = await startN8nServer({ env: laneN8nEnv() });
	const created = await server.publicApi(
		'POST',
		'/workflows',
		asConfigured(POSTBACK_TEMPLATE, { settings: { secret: SECRET } }),
	);
	expect([created.status, created.body.message]).toEqual([200, undefined]);
	workflowId = created.body.id;
	const activated = await server.publicApi('POST', `/workflows/${workflowId}/activate`);
	expect([activated.status, activated.body.active]).toEqual([200, true]);
	for (let i = 0; i < 40; i++) {
		const probe = await fetch(`${server.url}/webhook/pinterest-postback?probe=1`);
		if (probe.status !== 404) break;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
});

afterAll(async () => {
	if (workflowId) {
		await server.publicApi('POST', `/workflows/${workflowId}/deactivate`);
		await server.publicApi('DELETE', `/workflows/${workflowId}`);
	}
	await server?.stop();
	// What the report quotes: how long each postback waited for its answer.
	console.log(`postback answer times (ms): ${JSON.stringify(answerTimesMs)}`);
});

const run = Date.now().toString(36);
const order = (name) => `fault-${name}-${run}`;

/** Sends one postback as a network does; the answer with the time it took. */
async function postback(orderId, label) {
	const query = new URLSearchParams({
		secret: SECRET,
		order_id: orderId,
		value: '49.90',
		currency: 'USD',
		email: 'buyer@example.com',
		ip: '203.0.113.7',
		user_agent: 'Mozilla/5.0 (X11; Linux x86_64)',
		click_id: 'dj0yJnU9epik',
		traffic_source: 'pinterest',
	});
	const started = Date.now();
	const response = await fetch(`${server.url}/webhook/pinterest-postback?${query}`);
	const body = await response.json().catch(() => undefined);
	const ms = Date.now() - started;
	if (label) answerTimesMs[label] = ms;
	return { status: response.status, retryAfter: response.headers.get('retry-after'), body, ms };
}

const eventRequests = async () =>
	(await ctx.fake.requests()).filter((r) => /\/events$/.test(r.path));
const recordedIds = async () => (await ctx.fake.state()).conversions.map((c) => c.event.event_id);

async function tableStatuses(orderId) {
	const list = await server.publicApi(
		'GET',
		`/data-tables?filter=${encodeURIComponent(JSON.stringify({ name: 'pinterest_conversions' }))}`,
	);
	const table = list.body.data.find((t) => t.name === 'pinterest_conversions');
	const rows = await server.publicApi('GET', `/data-tables/${table.id}/rows?limit=250`);
	return rows.body.data.filter((row) => row.orderId === orderId).map((row) => row.status);
}

/** The answer a network gets when Pinterest could not take the event in time. */
function expectRetryLater(answer, reason) {
	expect(answer.status).toBe(503);
	expect(answer.retryAfter).toBe('300');
	expect(answer.body.status).toBe('retry');
	expect(answer.body.reason).toMatch(reason);
	expect(answer.ms).toBeLessThan(ANSWER_WITHIN_MS);
}

/** Pinterest is back: the network's repeated postback is sent once, a third one is a duplicate. */
async function expectRecoveredOnce(orderId) {
	await ctx.fake.clearRequests();
	const again = await postback(orderId);
	expect([again.status, again.body]).toEqual([200, { status: 'sent', eventId: orderId }]);
	const third = await postback(orderId);
	expect([third.status, third.body]).toEqual([200, { status: 'duplicate', eventId: orderId }]);
	expect((await eventRequests()).map((r) => r.json.data.map((e) => e.event_id))).toEqual([
		[orderId],
	]);
	expect(await tableStatuses(orderId)).toEqual(['sent']);
}

test('Pinterest slower than the budget (12 s per answer): 503 within 30 s after 3 attempts; the retry is recorded once', async () => {
	const id = order('slow');
	await ctx.fake.faults([{ kind: 'slow', delayMs: 12_000, pathPattern: '/events$', times: 3 }]);
	const answer = await postback(id, 'slow');
	expectRetryLater(
		answer,
		/^Pinterest is busy while trying to send conversion events .*at most 20 seconds/,
	);
	const attempts = await eventRequests();
	// 8 s, 8 s, then the 3.25–3.5 s left of the 20 s.
	expect(attempts.map((r) => r.json.data.map((e) => e.event_id))).toEqual([[id], [id], [id]]);
	expect(attempts[2].at - attempts[0].at).toBeLessThan(LIVE_BUDGET_MS);
	expect(await tableStatuses(id)).toEqual(['not delivered']);

	await expectRecoveredOnce(id);
	// The slow attempts reach Pinterest's handler late (12 s after each arrived); none counts twice.
	await new Promise((resolve) =>
		setTimeout(resolve, Math.max(0, attempts[2].at + 12_500 - Date.now())),
	);
	expect(await recordedIds()).toEqual([id]);
}, 120_000);

test('Pinterest down (503 every time): 503 within 30 s after 7 attempts; nothing recorded until the retry', async () => {
	const id = order('down');
	await ctx.fake.faults([{ kind: 'serverError', status: 503, pathPattern: '/events$', times: 7 }]);
	const answer = await postback(id, 'down');
	expectRetryLater(
		answer,
		/^Pinterest is busy while trying to send conversion events for ad account 549755885175; gave up after 7 attempts/,
	);
	const attempts = await eventRequests();
	expect(attempts).toHaveLength(7);
	// Waits of 0.25–0.5, 0.5–1, 1–2, 2–4, 2–4 and 2–4 s.
	expect(attempts[6].at - attempts[0].at).toBeGreaterThanOrEqual(7750);
	expect(await recordedIds()).toEqual([]);
	expect(await tableStatuses(id)).toEqual(['not delivered']);

	await expectRecoveredOnce(id);
	expect(await recordedIds()).toEqual([id]);
}, 120_000);

test('connection reset on every attempt: 503 within 30 s ("Could not reach Pinterest" or busy); the retry is recorded once', async () => {
	const id = order('reset');
	await ctx.fake.faults([{ kind: 'connectionReset', pathPattern: '/events$', times: 7 }]);
	const answer = await postback(id, 'reset');
	expectRetryLater(
		answer,
		/^(Could not reach Pinterest|Pinterest is busy while trying) to send conversion events/,
	);
	expect(await eventRequests()).toHaveLength(7);
	expect(await recordedIds()).toEqual([]);
	await expectRecoveredOnce(id);
	expect(await recordedIds()).toEqual([id]);
}, 120_000);

test('rate limited for 60 s: 503 at once (the window does not fit the 20 s), one request', async () => {
	const id = order('limited');
	await ctx.fake.faults([{ kind: 'rateLimit', resetSeconds: 60, pathPattern: '/events$' }]);
	const answer = await postback(id, 'rateLimited');
	expectRetryLater(answer, /^Pinterest rate limit reached while trying to send conversion events/);
	expect(await eventRequests()).toHaveLength(1);
	await expectRecoveredOnce(id);
	expect(await recordedIds()).toEqual([id]);
}, 120_000);
