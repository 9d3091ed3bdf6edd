// Pinterest Conversions when Pinterest fails a request (formerly in test/e2e/conversions.e2e.test.js; their requests
// are the success path's, contract-checked there): faults one after another, a connection lost after Pinterest
// recorded (web and offline events), a revoked token, an ad account the login may not use or that does not exist,
// and a rate limit that resets too late for the run.
import { waits } from '../harness/fakeClock';
import { fakePinterestForEachTest } from '../harness/pinterest';
import { order, recorded, send as sendTo, US } from './faultRun';

const EU = '549755885176';
/** A conversion token the fake does not know. */
const REVOKED = 'revoked-token-123';

const pinterest = fakePinterestForEachTest();
afterEach(async () => {
	expect((await pinterest.state()).privacyViolations).toEqual([]);
});

const send = (options: Parameters<typeof sendTo>[1] = {}) => sendTo(pinterest, options);

it('429 then 503: retried, sent once, counted once', async () => {
	await pinterest.faults([
		{ kind: 'rateLimit', resetSeconds: 1, pathPattern: '/events$' },
		{ kind: 'serverError', status: 503, pathPattern: '/events$' },
	]);
	const { sent, requests, error } = await send({ items: [order(1), order(2)] });
	expect(error).toBeUndefined();
	expect(requests).toHaveLength(3);
	// The reset's 1 s, then the backoff after a first retry (1 s times 0.5, no jitter).
	expect(waits()).toEqual([1000, 1000]);
	expect(sent.map((item) => item.status)).toEqual(['sent', 'sent']);
	expect(await recorded(pinterest)).toEqual(['order-1', 'order-2']);
});

it('a connection lost after Pinterest recorded: web events are sent again and count once; offline events are not sent again', async () => {
	await pinterest.faults([{ kind: 'recordThenReset', pathPattern: '/events$' }]);
	const web = await send({ items: [order(1)] });
	expect(web.requests).toHaveLength(2);
	expect(web.sent.map((item) => item.eventId)).toEqual(['order-1']);
	expect(await recorded(pinterest)).toEqual(['order-1']);

	await pinterest.reset();
	await pinterest.faults([{ kind: 'recordThenReset', pathPattern: '/events$' }]);
	const offline = await send({ items: [order(7)], parameters: { actionSource: 'offline' } });
	expect(offline.requests).toHaveLength(1);
	expect(offline.sent).toEqual([]);
	expect(offline.error?.message).toBe(
		`Pinterest may have recorded the request to send conversion events for ad account ${US} but did not confirm it; it was not sent again`,
	);
	expect(offline.error?.description).toBe(
		'The connection failed (ECONNRESET). Sending it again could count it twice, since Pinterest does not deduplicate offline events: check Ads Manager for it before sending it again. No earlier request of this run had delivered events.',
	);
	expect(await recorded(pinterest)).toEqual(['order-7']);

	// A 429 cannot have been recorded, so offline events are sent again after one.
	await pinterest.reset();
	await pinterest.faults([{ kind: 'rateLimit', resetSeconds: 1, pathPattern: '/events$' }]);
	const limited = await send({ items: [order(8)], parameters: { actionSource: 'offline' } });
	expect(limited.requests).toHaveLength(2);
	expect(limited.sent.map((item) => item.eventId)).toEqual(['order-8']);
	expect(await recorded(pinterest)).toEqual(['order-8']);
});

it('a revoked token fails the node with the fix, never showing the token; with continue on fail, items go to Failed', async () => {
	const credentials = () => pinterest.credentials({ conversionToken: REVOKED });
	const failedRun = await send({ items: [order(1)], credentials: credentials() });
	expect(failedRun.sent).toEqual([]);
	expect(failedRun.error?.message).toBe(
		`Pinterest rejected the credential's token (send conversion events for ad account ${US})`,
	);
	expect(failedRun.error?.description).toMatch(
		/^The token is invalid, expired or revoked\. .* No earlier request of this run had delivered events\.$/,
	);
	// n8n itself sends a request once more after a 401, in case the credential can be refreshed.
	expect(failedRun.requests).toHaveLength(2);
	expect(JSON.stringify(failedRun.run.run)).not.toContain(REVOKED);

	const continued = await send({
		items: [order(1), order(2, { account: EU })],
		parameters: { adAccount: '={{ $json.account ?? "" }}' },
		credentials: credentials(),
		continueOnFail: true,
	});
	expect(continued.error).toBeUndefined();
	// The first request's 401 rules out the second: the same token would be refused again.
	expect(continued.requests.map((r) => r.path)).toEqual([
		`/ad_accounts/${US}/events`,
		`/ad_accounts/${US}/events`,
	]);
	expect(continued.eventIds).toEqual([['order-1'], ['order-1']]);
	expect(continued.failed.map((item) => [item.eventId, String(item.reason).slice(0, 60)])).toEqual([
		['order-1', "Pinterest rejected the credential's token (send conversion e"],
		['order-2', 'Not sent: an earlier request of this run failed. Pinterest r'],
	]);
	expect(JSON.stringify(continued.run.run)).not.toContain(REVOKED);
});

it('403 and 404 fail the node; with continue on fail only that ad account goes to Failed', async () => {
	await pinterest.config({ forbiddenAdAccounts: { 'access-1': [EU] } });
	const forbidden = await send({
		items: [order(1)],
		credential: 'oauth',
		parameters: { adAccount: { __rl: true, mode: 'id', value: EU } },
	});
	expect(forbidden.sent).toEqual([]);
	expect(forbidden.error?.message).toBe(
		`This Pinterest login has no access to ad account ${EU} (send conversion events)`,
	);

	// A failure after a delivered request says what was delivered.
	const unknown = '549755889999';
	const byItem = { adAccount: { __rl: true, mode: 'id', value: '={{ $json.account }}' } };
	const afterDelivery = await send({
		items: [order(1, { account: US }), order(2, { account: unknown })],
		credential: 'oauth',
		parameters: byItem,
	});
	expect(afterDelivery.sent).toEqual([]);
	expect(afterDelivery.error?.message).toBe(
		`Pinterest could not find what was asked for (send conversion events for ad account ${unknown})`,
	);
	expect(afterDelivery.error?.description).toMatch(
		/ 1 event of earlier requests of this run was processed by Pinterest; sending them again within 48 hours with the same event IDs does not count them twice, except offline events\.$/,
	);
	expect(await recorded(pinterest)).toEqual(['order-1']);

	const continued = await send({
		items: [order(1, { account: unknown }), order(2, { account: US })],
		credential: 'oauth',
		parameters: byItem,
		continueOnFail: true,
	});
	expect(continued.error).toBeUndefined();
	expect(continued.sent.map((item) => item.eventId)).toEqual(['order-2']);
	expect(continued.failed.map((item) => [item.eventId, String(item.reason).slice(0, 62)])).toEqual([
		['order-1', 'Pinterest could not find what was asked for (send conversion e'],
	]);
});

it('retries given up (rate limit resets too late) fail the node saying when to run again', async () => {
	await pinterest.faults([{ kind: 'rateLimit', resetSeconds: 900, pathPattern: '/events$' }]);
	const { requests, error, sent } = await send({ items: [order(1)] });
	expect(requests).toHaveLength(1);
	expect(sent).toEqual([]);
	expect(error?.message).toMatch(
		/^Pinterest rate limit reached while trying to send conversion events/,
	);
	expect(error?.description).toMatch(/^Run the workflow again after \d{4}-\d\d-\d\dT/);
	expect(waits()).toEqual([]);
});
