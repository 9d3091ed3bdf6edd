// "Send conversion event" in a real n8n against the fake Pinterest API: both credentials, test
// mode, per-event failures in a 200 and in a 422, batching, and raw PII never leaving n8n. Faults
// (retries, a revoked token, a refused or unknown ad account) run on n8n's engine:
// test/engine/conversions/sendFaults.engine.test.ts and faultMatrix.engine.test.ts.
const { createHash } = require('node:crypto');

const { e2eContext, freshPinterestForEachTest } = require('../harness/e2eContext');
const { workflowWith, conversionsNode } = require('../harness/fixtures');

const ctx = e2eContext();
const US = '549755885175';
const EU = '549755885176';
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const nowSeconds = () => Math.floor(Date.now() / 1000);
const REFUSED_BY_FAKE = 'Invalid custom_data: the event was refused (configured in the fake).';

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
	const runData = result.run?.data?.resultData?.runData?.['Pinterest Conversions']?.[0];
	return {
		result,
		sent: result.output('Pinterest Conversions', 0),
		failed: result.output('Pinterest Conversions', 1),
		items: result.items('Pinterest Conversions', 1),
		hints: runData?.hints ?? [],
		requests,
	};
}

const recorded = async () => (await ctx.fake.state()).conversions.map((c) => c.event.event_id);

freshPinterestForEachTest(ctx);
afterEach(async () => {
	expect((await ctx.fake.state()).privacyViolations).toEqual([]);
});

test('conversion token: normalised, hashed, one request, recorded once each', async () => {
	const orders = [order(1), order(2), order(3)];
	const { result, sent, failed, requests, hints } = await send(orders, {}, { credential: 'token' });
	expect(result.code).toBe(0);
	expect(failed).toEqual([]);
	expect(hints).toEqual([]);
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
	expect(sent[0]).toEqual({
		status: 'sent',
		test: false,
		adAccountId: US,
		eventName: 'checkout',
		eventId: 'order-1',
		eventTime: orders[0].time,
		warning: null,
		matchKeys: ['em', 'ph', 'client_ip_address', 'client_user_agent', 'click_id'],
		droppedFields: [],
	});
	expect(sent.map((item) => item.eventId)).toEqual(['order-1', 'order-2', 'order-3']);
	// Neither raw nor hashed user data is kept in the node's output by default.
	const output = JSON.stringify(result.run.data.resultData.runData['Pinterest Conversions']);
	expect(output).not.toMatch(/Buyer1@Example|buyer1@example\.com|650\) 555|16505551201/);
	expect(output).not.toContain(sha256('buyer1@example.com'));
	expect(await recorded()).toEqual(['order-1', 'order-2', 'order-3']);
});

test('OAuth2 credential with the ad account by ID; options add the input fields and the sent user data', async () => {
	const { sent, requests } = await send([order(1, { status: 'paid' })], {
		adAccount: { __rl: true, mode: 'id', value: EU },
		options: { includeInputFields: true, includeUserData: true },
	});
	expect(requests.map((r) => [r.path, r.authorization])).toEqual([
		[`/ad_accounts/${EU}/events`, 'Bearer access-1'],
	]);
	expect(sent).toHaveLength(1);
	// The input's fields sit next to the result; the result's own fields win a clash (status).
	expect(sent[0]).toMatchObject({
		orderId: 'order-1',
		amount: 20.99,
		status: 'sent',
		adAccountId: EU,
		userData: requests[0].json.data[0].user_data,
	});
	expect(sent[0].userData.em).toEqual([sha256('buyer1@example.com')]);
});

test('test mode: 45 events go in requests of 20, 20 and 5, all answered, none recorded', async () => {
	const orders = Array.from({ length: 45 }, (_, i) => order(i));
	const { sent, failed, requests } = await send(
		orders,
		{ testMode: true },
		{ credential: 'token' },
	);
	expect(requests.map((r) => [r.query, r.json.data.length])).toEqual([
		['test=true', 20],
		['test=true', 20],
		['test=true', 5],
	]);
	expect(failed).toEqual([]);
	expect(sent.map((item) => [item.eventId, item.test])).toEqual(
		orders.map((o) => [o.orderId, true]),
	);
	expect(await recorded()).toEqual([]);
});

test("a mixed 422 (processed, failed, processed): Sent, Failed, Sent with Pinterest's reason", async () => {
	await ctx.fake.config({ rejectEventIds: ['order-2'] });
	const { result, sent, failed, items, requests } = await send(
		[order(1), order(2), order(3)],
		{},
		{ credential: 'token' },
	);
	expect(result.code).toBe(0);
	expect(requests).toHaveLength(1);
	expect(sent.map((item) => item.eventId)).toEqual(['order-1', 'order-3']);
	expect(failed.map((item) => [item.eventId, item.status, item.reason])).toEqual([
		['order-2', 'failed', REFUSED_BY_FAKE],
	]);
	expect(items.map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
	expect(await recorded()).toEqual(['order-1', 'order-3']);
});

test("a 422 (every event refused) fails each item with Pinterest's message", async () => {
	await ctx.fake.config({ rejectEventIds: ['order-1', 'order-2'] });
	const { sent, failed, requests } = await send([order(1), order(2)], {}, { credential: 'token' });
	expect(requests).toHaveLength(1);
	expect(sent).toEqual([]);
	expect(failed.map((item) => [item.eventId, item.reason])).toEqual([
		['order-1', REFUSED_BY_FAKE],
		['order-2', REFUSED_BY_FAKE],
	]);
});

test("the node's own refusals (empty expression time, invalid contents, bad ad account) send no request", async () => {
	const { result, sent, failed, requests } = await send(
		[
			order(1),
			order(2, { time: '' }),
			order(3, { items: '[{"id": "buyer3@example.com",}]' }),
			order(4, { account: 'acct-4' }),
			order(5, { items: [{ sku: 'A-5', quantity: 1 }] }),
		],
		{
			adAccount: '={{ $json.account ?? "" }}',
			customData: { ...mapping.customData, contents: '={{ $json.items ?? [] }}' },
		},
		{ credential: 'token' },
	);
	expect(result.code).toBe(0);
	expect(requests.map((r) => r.json.data.map((e) => e.event_id))).toEqual([['order-1']]);
	expect(sent.map((item) => item.eventId)).toEqual(['order-1']);
	expect(
		failed.map((item) => [item.eventId, item.problems.map((p) => [p.field, p.message])]),
	).toEqual([
		['order-2', [['eventTime', 'Event time is empty for this item']]],
		['order-3', [['contents', 'Contents is not valid JSON (at character 30)']]],
		['order-4', [['adAccount', 'Ad account ID is not a Pinterest ad account ID (digits only)']]],
		['order-5', [['contents[0].sku', 'Contents entry 1 has an unknown key']]],
	]);
	expect(failed[2].adAccountId).toBeNull();
	expect(JSON.stringify(failed)).not.toMatch(/buyer\d@example|acct-4/i);
});

test('Event Time left empty in the node means the time of sending', async () => {
	const before = nowSeconds();
	const { sent, requests } = await send([order(1)], { eventTime: '' }, { credential: 'token' });
	const sentTime = requests[0].json.data[0].event_time;
	expect(sentTime).toBeGreaterThanOrEqual(before - 1);
	expect(sentTime).toBeLessThanOrEqual(nowSeconds());
	expect(sent[0].eventTime).toBe(sentTime);
});

test('contents keep their product ids, whatever key style the line items use', async () => {
	const lineItems = [
		{ ID: 'sku-1', item_price: 9.5, quantity: 2, item_name: 'Mug' },
		{ id: 'sku-2', itemPrice: '5', quantity: 1, itemBrand: 'Acme' },
	];
	const { sent, requests } = await send(
		[order(1, { items: lineItems })],
		{ customData: { ...mapping.customData, contents: '={{ $json.items }}', numItems: 0 } },
		{ credential: 'token' },
	);
	expect(sent).toHaveLength(1);
	expect(requests[0].json.data[0].custom_data).toEqual({
		value: '20.99',
		currency: 'USD',
		order_id: 'order-1',
		contents: [
			{ id: 'sku-1', item_price: '9.5', quantity: 2, item_name: 'Mug' },
			{ id: 'sku-2', item_price: '5', quantity: 1, item_brand: 'Acme' },
		],
	});
});

test('odd optional fields are left out and listed; phones and zips that can match; one hint per run', async () => {
	const odd = {
		state: 'California',
		country: 'USA',
		gender: 'unknown',
		dob: '04/07/1990',
		maid: '6d92078a8246413ba4e1d8f0c4a2b9e7',
		ip: '999.1.1.1',
	};
	const { sent, failed, requests, hints } = await send(
		[
			order(1, odd),
			order(2, { phone: '020 7946 0958', country: 'GB', zip: 'SW1A 1AA' }),
			order(3, { phone: '0151 234 5678', country: '', zip: 2134 }),
		],
		{
			userData: {
				...mapping.userData,
				state: '={{ $json.state }}',
				country: '={{ $json.country }}',
				gender: '={{ $json.gender }}',
				dateOfBirth: '={{ $json.dob }}',
				mobileAdId: '={{ $json.maid }}',
				zip: '={{ $json.zip }}',
			},
		},
		{ credential: 'token' },
	);
	expect(failed).toEqual([]);
	expect(sent.map((item) => item.eventId)).toEqual(['order-1', 'order-2', 'order-3']);
	const [first, second, third] = requests[0].json.data.map((e) => e.user_data);
	expect(first).toEqual({
		em: [sha256('buyer1@example.com')],
		ph: [sha256('16505551201')],
		client_user_agent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0',
		click_id: 'dj0yJnU9epik1',
	});
	expect(sent[0].droppedFields.map((d) => d.field)).toEqual([
		'gender',
		'dateOfBirth',
		'state',
		'country',
		'mobileAdId',
		'clientIpAddress',
	]);
	expect(second.ph).toEqual([sha256('442079460958')]);
	expect(second.zp).toEqual([sha256('sw1a1aa')]);
	expect(second.country).toEqual([sha256('gb')]);
	expect(third.ph).toBeUndefined();
	expect(third.zp).toEqual([sha256('02134')]);
	expect(sent[2].droppedFields).toEqual([
		{
			field: 'phone',
			reason:
				'Phone is a national number (leading 0) without a country code, and the event has no Country',
		},
	]);
	expect(hints.map((h) => h.message)).toEqual([
		'2 events were sent without fields that could not be used: clientIpAddress (1), country (1), dateOfBirth (1), gender (1), mobileAdId (1), phone (1), state (1). Each Sent item lists them with the reason under droppedFields.',
	]);
	expect(JSON.stringify(sent)).not.toMatch(/California|USA|04\/07|999\.1|0151/);
});

test("an expression that throws fails only its item, naming the field and giving n8n's message", async () => {
	const placedAt = new Date((nowSeconds() - 3600) * 1000).toISOString();
	const { result, sent, failed, requests } = await send(
		[order(1, { placedAt }), order(2, { placedAt: 'yesterday evening' })],
		{ eventTime: '={{ $json.placedAt.toDateTime().toSeconds() }}' },
		{ credential: 'token' },
	);
	expect(result.code).toBe(0);
	expect(requests.map((r) => r.json.data.map((e) => e.event_id))).toEqual([['order-1']]);
	expect(sent.map((item) => item.eventId)).toEqual(['order-1']);
	expect(failed.map((item) => [item.eventId, item.eventName, item.problems])).toEqual([
		[
			'order-2',
			'checkout',
			[
				{
					field: 'eventTime',
					message: 'The expression of eventTime failed: cannot convert to Luxon DateTime',
					fix: 'Fix the expression of eventTime, or make it give nothing when the item lacks the data (e.g. {{ $json.customer?.email }}).',
				},
			],
		],
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

test('Failed Events "Stop the Workflow": local refusals stop the run before anything is sent', async () => {
	const { result, requests } = await send(
		[order(1), order(2, { time: '' })],
		{ onFailedEvents: 'stop' },
		{ credential: 'token' },
	);
	expect(result.code).not.toBe(0);
	expect(requests).toEqual([]);
	expect(result.nodeError('Pinterest Conversions').message).toBe(
		'1 of 2 events cannot be sent, so none was sent; the first (item 2): eventTime: Event time is empty for this item. Map the time the conversion happened: an ISO 8601 date-time (e.g. 2025-03-10T09:00:00Z), Unix seconds or milliseconds, or a date. To send the time of sending instead (live postbacks only), leave Event Time empty in the node rather than using an expression.',
	);
});

test('Map Automatically reads a shop export without expressions', async () => {
	const orderedAt = nowSeconds() - 600;
	const exportRow = (n) => ({
		order_id: `A-${n}`,
		created_at: new Date(orderedAt * 1000).toISOString(),
		email: `Shopper${n}@Example.com`,
		phone_number: '+49 30 1234567',
		revenue: '49.90',
		currency: 'eur',
		epik: `epik-${n}`,
		line_items: [{ id: `sku-${n}`, item_price: '49.90', quantity: 1 }],
	});
	const { sent, failed, requests } = await send(
		[exportRow(1), exportRow(2), { order_id: 'A-3', email: 'x@example.com' }],
		{ inputMode: 'auto', eventName: 'checkout', userData: {}, customData: {} },
		{ credential: 'token' },
	);
	expect(sent.map((item) => item.eventId)).toEqual(['A-1', 'A-2']);
	expect(failed.map((item) => [item.eventId, item.problems.map((p) => p.field)])).toEqual([
		['A-3', ['eventTime']],
	]);
	expect(requests[0].json.data[0]).toEqual({
		event_name: 'checkout',
		action_source: 'web',
		event_time: orderedAt,
		event_id: 'A-1',
		user_data: {
			em: [sha256('shopper1@example.com')],
			ph: [sha256('49301234567')],
			click_id: 'epik-1',
		},
		custom_data: {
			value: '49.9',
			currency: 'EUR',
			order_id: 'A-1',
			contents: [{ id: 'sku-1', item_price: '49.9', quantity: 1 }],
		},
	});
});

test("plain {{ $json.field }} mappings, read straight from the item, send exactly what n8n's engine gives", async () => {
	const items = [
		order(1, {
			customer: { email: 'Nested@Example.com' },
			'order id': 'spaced-1',
			lines: [{ sku: 'SKU-1' }],
		}),
		order(2, { customer: {}, 'order id': 'spaced-2', lines: [] }),
	];
	const plain = {
		eventId: '={{ $json["order id"] }}',
		userData: {
			email: '={{ $json.customer.email }}',
			phone: '={{ $json.phone }}',
			clientIpAddress: '={{ $json.ip }}',
			clientUserAgent: '={{ $json.ua }}',
		},
		customData: {
			value: '={{ $json.amount }}',
			currency: 'USD',
			contentIds: '={{ $json.lines[0].sku }}',
		},
	};
	// The same fields through n8n's expression engine: parentheses make them more than a plain field.
	const viaEngine = {
		eventId: '={{ ($json["order id"]) }}',
		userData: {
			email: '={{ ($json.customer.email) }}',
			phone: '={{ ($json.phone) }}',
			clientIpAddress: '={{ ($json.ip) }}',
			clientUserAgent: '={{ ($json.ua) }}',
		},
		customData: {
			value: '={{ ($json.amount) }}',
			currency: 'USD',
			contentIds: '={{ ($json.lines[0]?.sku) }}',
		},
	};
	const token = { credential: 'token' };
	const fast = await send(items, { ...plain, eventTime: '={{ $json.time }}' }, token);
	const engine = await send(items, { ...viaEngine, eventTime: '={{ ($json.time) }}' }, token);
	expect(fast.requests).toHaveLength(1);
	expect(fast.requests[0].json).toEqual(engine.requests[0].json);
	expect(fast.sent.map((item) => item.eventId)).toEqual(['spaced-1', 'spaced-2']);
	expect(fast.requests[0].json.data[0].user_data.em).toEqual([sha256('nested@example.com')]);
	expect(fast.requests[0].json.data[1].user_data.em).toBeUndefined();
	expect(fast.requests[0].json.data[0].custom_data.content_ids).toEqual(['SKU-1']);
	expect(fast.requests[0].json.data[1].custom_data.content_ids).toBeUndefined();
});
