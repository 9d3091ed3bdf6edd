// "Send conversion event" in a real n8n against the fake Pinterest API: both credentials, test
// mode, per-event failures in a 200 and in a 422, retries, batching, and raw PII never leaving n8n.
const { createHash } = require('node:crypto');

const { e2eContext, freshPinterestForEachTest } = require('../harness/e2eContext');
const { credentials, workflowWith, conversionsNode } = require('../harness/fixtures');

const ctx = e2eContext();
const US = '549755885175';
const EU = '549755885176';
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** An order as a shop or affiliate network posts it. */
const order = (n, overrides = {}) => ({
	orderId: `order-${n}`,
	email: ` Buyer${n}@Example.COM `,
	phone: '+1 (650) 555-12' + String(n).padStart(2, '0'),
	amount: 19.99 + n,
	ip: '203.0.113.7',
	ua: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0',
	epik: `dj0yJnU9epik${n}`,
	time: nowSeconds() - 3600,
	...overrides,
});

const mapping = {
	eventName: 'checkout',
	eventId: '={{ $json.orderId }}',
	eventTime: '={{ $json.time }}',
	userData: {
		email: '={{ $json.email }}',
		phone: '={{ $json.phone }}',
		clientIpAddress: '={{ $json.ip }}',
		clientUserAgent: '={{ $json.ua }}',
		clickId: '={{ $json.epik }}',
	},
	customData: { value: '={{ $json.amount }}', currency: 'USD', orderId: '={{ $json.orderId }}' },
};

async function send(inputItems, parameters = {}, options = {}) {
	await ctx.fake.clearRequests();
	const result = await ctx.run(
		workflowWith(conversionsNode({ ...mapping, ...parameters }, options), { inputItems }),
	);
	const requests = (await ctx.fake.requests()).filter((r) => r.path.endsWith('/events'));
	return {
		result,
		sent: result.output('Pinterest Conversions', 0),
		failed: result.output('Pinterest Conversions', 1),
		items: result.items('Pinterest Conversions', 1),
		requests,
	};
}

freshPinterestForEachTest(ctx);
afterEach(async () => {
	expect((await ctx.fake.state()).privacyViolations).toEqual([]);
});

test('conversion token: normalised, hashed, one request, recorded once each', async () => {
	const orders = [order(1), order(2), order(3)];
	const { result, sent, failed, requests } = await send(orders, {}, { credential: 'token' });
	expect(result.code).toBe(0);
	expect(failed).toEqual([]);
	expect(requests).toHaveLength(1);
	expect(requests[0].path).toBe(`/ad_accounts/${US}/events`);
	expect(requests[0].authorization).toBe('Bearer conv-token-1');
	expect(requests[0].json.data[1]).toEqual({
		event_name: 'checkout',
		action_source: 'web',
		event_time: orders[1].time,
		event_id: 'order-2',
		user_data: {
			em: [sha256('buyer2@example.com')],
			ph: [sha256('16505551202')],
			client_ip_address: '203.0.113.7',
			client_user_agent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0',
			click_id: 'dj0yJnU9epik2',
		},
		custom_data: { value: '21.99', currency: 'USD', order_id: 'order-2' },
	});
	expect(
		sent.map((item) => [item.status, item.eventId, item.test, item.adAccountId, item.warning]),
	).toEqual([
		['sent', 'order-1', false, US, null],
		['sent', 'order-2', false, US, null],
		['sent', 'order-3', false, US, null],
	]);
	expect(sent[0].userData.em).toEqual([sha256('buyer1@example.com')]);
	// The node's output (the input items upstream hold the raw order, as the user sent it).
	expect(JSON.stringify(result.run.data.resultData.runData['Pinterest Conversions'])).not.toMatch(
		/Buyer1@Example|buyer1@example\.com|650\) 555|16505551201/,
	);
	expect((await ctx.fake.state()).conversions.map((c) => c.event.event_id)).toEqual([
		'order-1',
		'order-2',
		'order-3',
	]);
});

test('OAuth2 credential with the ad account by ID', async () => {
	const { sent, requests } = await send([order(1)], {
		adAccount: { __rl: true, mode: 'id', value: EU },
	});
	expect(sent.map((item) => [item.status, item.adAccountId])).toEqual([['sent', EU]]);
	expect(requests.map((r) => [r.path, r.authorization])).toEqual([
		[`/ad_accounts/${EU}/events`, 'Bearer access-1'],
	]);
});

test('test mode: Pinterest validates, records nothing, and every item says it was a test', async () => {
	const { sent, requests } = await send(
		[order(1), order(2)],
		{ testMode: true },
		{ credential: 'token' },
	);
	expect(requests.map((r) => r.query)).toEqual(['test=true']);
	expect(sent.map((item) => [item.status, item.test])).toEqual([
		['sent', true],
		['sent', true],
	]);
	expect((await ctx.fake.state()).conversions).toEqual([]);
});

test('mixed batch: sent, refused here, refused by Pinterest in a 200, each item once with its reason', async () => {
	await ctx.fake.config({ rejectEventIds: ['order-3'] });
	const noIdentity = order(2, { email: '', ip: '', ua: '' });
	const { result, sent, failed, items, requests } = await send(
		[order(1), noIdentity, order(3), order(4, { time: nowSeconds() - 9 * 86400 })],
		{},
		{ credential: 'token' },
	);
	expect(result.code).toBe(0);
	expect(requests).toHaveLength(1);
	expect(requests[0].json.data.map((e) => e.event_id)).toEqual(['order-1', 'order-3']);
	expect(sent.map((item) => item.eventId)).toEqual(['order-1']);
	expect(failed.map((item) => [item.eventId, item.status])).toEqual([
		['order-2', 'failed'],
		['order-3', 'failed'],
		['order-4', 'failed'],
	]);
	expect(items.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }, { item: 3 }]);
	expect(failed[0].reason).toContain(
		'missing: email, mobileAdId, clientIpAddress, clientUserAgent',
	);
	expect(failed[1].reason).toBe(
		'Invalid custom_data: the event was refused (configured in the fake).',
	);
	expect(failed[2].reason).toMatch(/^eventTime: /);
	expect(JSON.stringify(failed)).not.toMatch(/Buyer\d@Example/i);
});

test("a 422 (every event refused) fails each item with Pinterest's message", async () => {
	await ctx.fake.config({ rejectEventIds: ['order-1', 'order-2'] });
	const { sent, failed, requests } = await send([order(1), order(2)], {}, { credential: 'token' });
	expect(requests).toHaveLength(1);
	expect(sent).toEqual([]);
	expect(failed.map((item) => [item.eventId, item.reason])).toEqual([
		['order-1', 'Invalid custom_data: the event was refused (configured in the fake).'],
		['order-2', 'Invalid custom_data: the event was refused (configured in the fake).'],
	]);
});

test('429 then success: retried once, sent once, counted once', async () => {
	await ctx.fake.faults([
		{ kind: 'rateLimit', resetSeconds: 1, pathPattern: '/events$' },
		{ kind: 'serverError', status: 503, pathPattern: '/events$' },
	]);
	const { sent, requests } = await send([order(1), order(2)], {}, { credential: 'token' });
	expect(requests).toHaveLength(3);
	expect(sent.map((item) => item.status)).toEqual(['sent', 'sent']);
	expect((await ctx.fake.state()).conversions.map((c) => c.event.event_id)).toEqual([
		'order-1',
		'order-2',
	]);
});

test('batches of 1,000 per ad account: 1,001 + 2 items make 3 requests', async () => {
	const inputItems = Array.from({ length: 1003 }, (_, i) => ({
		...order(i),
		account: i % 500 === 7 ? EU : US,
	}));
	const { sent, failed, requests } = await send(
		inputItems,
		{ adAccount: '={{ $json.account }}' },
		{ credential: 'token' },
	);
	expect(failed).toEqual([]);
	expect(sent).toHaveLength(1003);
	expect(requests.map((r) => [r.path, r.json.data.length])).toEqual([
		[`/ad_accounts/${US}/events`, 1000],
		[`/ad_accounts/${US}/events`, 1],
		[`/ad_accounts/${EU}/events`, 2],
	]);
});

test('a revoked conversion token: every item failed with the fix, the token never shown', async () => {
	await ctx.cli.importCredentials(
		credentials(ctx.proxyUrl, { conversionToken: 'revoked-token-123' }),
	);
	const { failed, result } = await send([order(1)], {}, { credential: 'token' });
	expect(failed.map((item) => item.reason)).toEqual([
		`Pinterest rejected the credential's token (send conversion events for ad account ${US}). The token is invalid, expired or revoked. Reconnect the Pinterest credential, or generate a new conversion access token in Ads Manager. Pinterest said: "Authentication failed.". Pinterest request ID: ${failed[0].reason.match(/fake-rid-\d{6}/)[0]}.`,
	]);
	expect(JSON.stringify(result.run)).not.toContain('revoked-token-123');
	const stopped = await send([order(1)], { onFailedEvents: 'stop' }, { credential: 'token' });
	expect(stopped.result.code).not.toBe(0);
	expect(stopped.result.nodeError('Pinterest Conversions').message).toMatch(
		/^1 of 1 events were not sent; the first: Pinterest rejected the credential's token/,
	);
});
