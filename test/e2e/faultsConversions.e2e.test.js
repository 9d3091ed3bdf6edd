// Fault matrix of "Send conversion event" in a real n8n against the fake Pinterest API (docs/fault-matrix.md): the
// case only a real n8n shows, the server-error retry in the real n8n process. The rest of the matrix runs on n8n's own
// engine against the same fake (test/engine/conversions/faultMatrix.engine.test.ts, sendTimeout.engine.test.ts):
// their requests are the ones of the success path, contract-checked here and in conversions.e2e.test.js. Asserted:
// what reached Pinterest (requests, the event ids in each, what the fake recorded once), what came out of n8n (each
// input item in exactly one output), and that the waits stayed within the documented bounds
// (shared/transport/retryPolicy.ts).
const { e2eContext, freshPinterestForEachTest } = require('../harness/e2eContext');
const {
	workflowWith,
	conversionsNode,
	faultOrder,
	FAULT_ORDER_MAPPING,
} = require('../harness/fixtures');

const ctx = e2eContext();
const US = '549755885175';
/** Time n8n and the proxies in between may add to a wait (loaded CI machine): never subtracted. */
const SLACK_MS = 1500;

const ORDERS = [faultOrder(1), faultOrder(2), faultOrder(3)];
const IDS = ['order-1', 'order-2', 'order-3'];

/**
 * Runs the node on the items; returns n8n's outputs, the event requests that reached the fake (event ids and
 * arrival times) and the ids the fake recorded.
 */
async function send(inputItems, { parameters = {}, ...options } = {}) {
	await ctx.fake.clearRequests();
	const result = await ctx.run(
		workflowWith(conversionsNode({ ...FAULT_ORDER_MAPPING, ...parameters }, options), {
			inputItems,
		}),
	);
	const all = await ctx.fake.requests();
	const events = all.filter((r) => r.path.endsWith('/events'));
	return {
		result,
		sent: result.output('Pinterest Conversions', 0),
		failed: result.output('Pinterest Conversions', 1),
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
});
