// The "ClickBank INS to Pinterest" template published in a running n8n 2.41 and driven by encrypted INS
// notifications (encrypted here with the openssl command line, independently of the trigger's own code):
// what reaches the fake Pinterest API and what lands in the data tables, for each transaction type.
const { createHash } = require('node:crypto');

const { insBody: insBodyFor, saleNotification } = require('../harness/clickbankIns');
const { e2eContext, freshPinterestForEachTest } = require('../harness/e2eContext');
const { asConfigured } = require('../harness/fixtures');
const { startN8nServer } = require('../../scripts/n8n-server');
const { laneN8nEnv } = require('../harness/lane');

const ctx = e2eContext();
freshPinterestForEachTest(ctx);

const TEMPLATE = require('../../workflows/clickbank-ins-to-pinterest.json');
const SECRET_KEY = 'E2ETEMPLATEKEY7';
const CB_CREDENTIAL = { id: 'cbInsCredTpl0001', name: 'ClickBank INS (template test)' };
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

const insBody = (notification) => insBodyFor(notification, SECRET_KEY);

/** INS's basic ISO 8601 form in UTC-8, as ClickBank sends it: 20261126T101530-0800. */
function insTime(date) {
	const local = new Date(date.getTime() - 8 * 3600_000).toISOString();
	return `${local.slice(0, 10).replace(/-/g, '')}T${local.slice(11, 19).replace(/:/g, '')}-0800`;
}

const run = Date.now().toString(36).toUpperCase();
const receiptOf = (name) => `${name}${run}`;
const eventTime = new Date(Math.floor(Date.now() / 1000) * 1000 - 20 * 60_000);
const eventSeconds = eventTime.getTime() / 1000;
const eventDate = eventTime.toISOString().slice(0, 10);

/** A SALE of this run, from the pinterest traffic source, with Pinterest's ids on the link. */
function notification(receipt, extra = {}) {
	return saleNotification({
		transactionTime: insTime(eventTime),
		receipt,
		customer: {
			billing: { firstName: 'Test', lastName: 'Buyer', email: 'Buyer.CB@Example.com' },
		},
		vendorVariables: {
			traffic_source: 'pinterest',
			campaign_id: '687194767360000101',
			ad_id: '687194767360000301',
			epik: 'dj0yJnU9cbepik',
		},
		...extra,
	});
}

let server;
let workflowId;
let webhookUrl;

async function post(body) {
	const response = await fetch(webhookUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body,
	});
	return { status: response.status, text: await response.text() };
}

async function executionIds() {
	const listed = await server.publicApi('GET', `/executions?workflowId=${workflowId}&limit=250`);
	expect(listed.status).toBe(200);
	return listed.body.data;
}

/** Posts one notification and waits for the execution it starts to finish; returns that execution. */
async function deliver(insNotification) {
	const before = new Set((await executionIds()).map((e) => e.id));
	const answer = await post(insBody(insNotification));
	expect(answer.status).toBe(200);
	const deadline = Date.now() + 180_000;
	for (;;) {
		const started = (await executionIds()).filter((e) => !before.has(e.id));
		if (
			started.length === 1 &&
			started[0].finished !== undefined &&
			started[0].status !== 'running' &&
			started[0].status !== 'new'
		) {
			const full = await server.publicApi('GET', `/executions/${started[0].id}?includeData=true`);
			if (['success', 'error', 'crashed', 'canceled'].includes(full.body.status)) return full.body;
		}
		if (Date.now() > deadline) throw new Error('the notification started no finished execution');
		await new Promise((r) => setTimeout(r, 300));
	}
}

const ranNodes = (execution) => Object.keys(execution.data.resultData.runData);
const nodeError = (execution) => execution.data?.resultData?.error?.message;

async function findTable(name) {
	const list = await server.publicApi(
		'GET',
		`/data-tables?filter=${encodeURIComponent(JSON.stringify({ name }))}`,
	);
	expect(list.status).toBe(200);
	return list.body.data.find((table) => table.name === name);
}

async function tableRows(name) {
	const table = await findTable(name);
	if (!table) return [];
	const rows = [];
	let cursor;
	do {
		const page = await server.publicApi(
			'GET',
			`/data-tables/${table.id}/rows?limit=250${cursor ? `&cursor=${cursor}` : ''}`,
		);
		expect(page.status).toBe(200);
		rows.push(...page.body.data);
		cursor = page.body.nextCursor;
	} while (cursor);
	return rows.map(({ id, createdAt, updatedAt, ...row }) => row);
}

const conversionRows = async (orderId) =>
	(await tableRows('pinterest_conversions')).filter((row) => row.orderId === orderId);
const refundRows = async (orderId) =>
	(await tableRows('clickbank_refunds')).filter((row) => row.orderId === orderId);
const eventRequests = async () =>
	(await ctx.fake.requests()).filter((r) => /\/events$/.test(r.path));

const IDS = { campaignId: '687194767360000101', adId: '687194767360000301' };

beforeAll(async () => {
	await ctx.cli.importCredentials([
		{ ...CB_CREDENTIAL, type: 'clickBankInsApi', data: { secretKey: SECRET_KEY } },
	]);
	server = await startN8nServer({ env: laneN8nEnv() });
	const created = await server.publicApi(
		'POST',
		'/workflows',
		asConfigured(TEMPLATE, { clickBankCredential: CB_CREDENTIAL }),
	);
	expect([created.status, created.body.message]).toEqual([200, undefined]);
	workflowId = created.body.id;
	const activated = await server.publicApi('POST', `/workflows/${workflowId}/activate`);
	expect([activated.status, activated.body.active]).toEqual([200, true]);
	const trigger = TEMPLATE.nodes.find((node) => node.name === 'ClickBank Trigger');
	webhookUrl = `${server.url}/webhook/${trigger.webhookId}/clickbank-ins`;
	// Production webhooks are registered shortly after publishing; an empty request is refused
	// (400) by the trigger without starting an execution once it is there.
	const deadline = Date.now() + 30_000;
	while ((await post('')).status === 404 && Date.now() < deadline)
		await new Promise((r) => setTimeout(r, 250));
}, 120_000);

afterAll(async () => {
	// Other test files share the user folder: leave no published webhook behind.
	if (workflowId) {
		await server.publicApi('POST', `/workflows/${workflowId}/deactivate`);
		await server.publicApi('DELETE', `/workflows/${workflowId}`);
	}
	await server?.stop();
});

test('a Pinterest SALE becomes one checkout event, recorded as sent; the same SALE again sends nothing', async () => {
	const receipt = receiptOf('SALE');
	const execution = await deliver(notification(receipt));
	expect([execution.status, nodeError(execution)]).toEqual(['success', undefined]);

	const requests = await eventRequests();
	expect(requests).toHaveLength(1);
	expect(requests[0].query).not.toMatch(/test=true/);
	expect(requests[0].json.data).toEqual([
		{
			event_name: 'checkout',
			action_source: 'web',
			event_time: eventSeconds,
			event_id: receipt,
			user_data: { em: [sha256('buyer.cb@example.com')], click_id: 'dj0yJnU9cbepik' },
			custom_data: {
				currency: 'USD',
				value: '49.95',
				order_id: receipt,
				contents: [{ id: '1', item_name: 'Garden Planner', item_price: '47.45', quantity: 1 }],
				num_items: 1,
			},
		},
	]);
	expect((await ctx.fake.state()).conversions.map((c) => c.event.event_id)).toEqual([receipt]);
	expect(await conversionRows(receipt)).toEqual([
		{
			date: eventDate,
			orderId: receipt,
			event: 'checkout',
			value: 49.95,
			currency: 'USD',
			...IDS,
			status: 'sent',
			reason: '',
		},
	]);
	const everything = JSON.stringify(await tableRows('pinterest_conversions')).toLowerCase();
	expect(everything).not.toContain('buyer.cb@example.com');

	// ClickBank sends the notification again (a retry): no second conversion, no second row.
	const again = await deliver(notification(receipt, { attemptCount: 2 }));
	expect([again.status, nodeError(again)]).toEqual(['success', undefined]);
	expect(ranNodes(again)).toContain('Already Sent: Nothing to Do');
	expect(ranNodes(again)).not.toContain('Pinterest Conversions');
	expect(await eventRequests()).toHaveLength(1);
	expect((await ctx.fake.state()).conversions).toHaveLength(1);
	expect((await conversionRows(receipt)).map((r) => r.status)).toEqual(['sent']);
}, 240_000);

test('a SALE from another traffic source, or with no traffic source, sends and records nothing', async () => {
	const google = receiptOf('GOOG');
	const other = await deliver(
		notification(google, { vendorVariables: { traffic_source: 'google', campaign_id: '1' } }),
	);
	expect([other.status, nodeError(other)]).toEqual(['success', undefined]);
	expect(ranNodes(other)).toContain('Other Traffic Source or Type: Nothing to Do');
	const untagged = receiptOf('NONE');
	const none = await deliver(notification(untagged, { vendorVariables: {}, trackingCodes: [] }));
	expect(ranNodes(none)).toContain('Other Traffic Source or Type: Nothing to Do');
	expect(await eventRequests()).toEqual([]);
	expect(await conversionRows(google)).toEqual([]);
	expect(await conversionRows(untagged)).toEqual([]);
	expect(await refundRows(google)).toEqual([]);
}, 240_000);

test('a rebill gets its own event id, never the first sale’s', async () => {
	const receipt = receiptOf('SUBS');
	const rebillItem = {
		...notification(receipt).lineItems[0],
		recurring: true,
		productPrice: 19.99,
		lineItemType: 'ORIGINAL',
	};
	await deliver(notification(receipt));
	// ClickBank numbers each rebill's receipt (…-B002); one without that suffix still gets its own id.
	await deliver(
		notification(`${receipt}-B002`, {
			transactionType: 'BILL',
			totalOrderAmount: 19.99,
			lineItems: [rebillItem],
		}),
	);
	await deliver(
		notification(receipt, {
			transactionType: 'BILL',
			totalOrderAmount: 19.99,
			lineItems: [rebillItem],
		}),
	);
	const bareBillId = `${receipt}-BILL-${insTime(eventTime).replace(/-/g, '')}`;
	const events = (await eventRequests()).map((r) => r.json.data[0]);
	expect(
		events.map((e) => [e.event_id, e.event_name, e.custom_data.value, e.custom_data.order_id]),
	).toEqual([
		[receipt, 'checkout', '49.95', receipt],
		[`${receipt}-B002`, 'checkout', '19.99', `${receipt}-B002`],
		[bareBillId, 'checkout', '19.99', bareBillId],
	]);
	expect((await ctx.fake.state()).conversions).toHaveLength(3);
	const rows = [
		...(await conversionRows(receipt)),
		...(await conversionRows(`${receipt}-B002`)),
		...(await conversionRows(bareBillId)),
	];
	expect(rows.map((r) => [r.orderId, r.event, r.value, r.status])).toEqual([
		[receipt, 'checkout', 49.95, 'sent'],
		[`${receipt}-B002`, 'checkout', 19.99, 'sent'],
		[bareBillId, 'checkout', 19.99, 'sent'],
	]);
}, 240_000);

test("an upsell notified on the first order's receipt gets its own event id", async () => {
	const receipt = receiptOf('UPSL');
	await deliver(notification(receipt));
	const upsellItem = {
		...notification(receipt).lineItems[0],
		itemNo: '7',
		productTitle: 'Seed Calendar',
		productPrice: 17,
		lineItemType: 'UPSELL',
	};
	await deliver(notification(receipt, { totalOrderAmount: 17, lineItems: [upsellItem] }));
	const events = (await eventRequests()).map((r) => r.json.data[0]);
	expect(events.map((e) => [e.event_id, e.custom_data.value, e.custom_data.contents])).toEqual([
		[
			receipt,
			'49.95',
			[{ id: '1', item_name: 'Garden Planner', item_price: '47.45', quantity: 1 }],
		],
		[
			`${receipt}-7`,
			'17',
			[{ id: '7', item_name: 'Seed Calendar', item_price: '17', quantity: 1 }],
		],
	]);
	expect((await ctx.fake.state()).conversions).toHaveLength(2);
	expect(
		[...(await conversionRows(receipt)), ...(await conversionRows(`${receipt}-7`))].map((r) => [
			r.orderId,
			r.value,
			r.status,
		]),
	).toEqual([
		[receipt, 49.95, 'sent'],
		[`${receipt}-7`, 17, 'sent'],
	]);
}, 240_000);

test('TEST_SALE goes to Pinterest in test mode and is recorded as test', async () => {
	const receipt = receiptOf('TSAL');
	const execution = await deliver(notification(receipt, { transactionType: 'TEST_SALE' }));
	expect([execution.status, nodeError(execution)]).toEqual(['success', undefined]);
	const requests = await eventRequests();
	expect(requests).toHaveLength(1);
	expect(new URLSearchParams(requests[0].query).get('test')).toBe('true');
	expect(requests[0].json.data.map((e) => [e.event_id, e.event_name, e.custom_data.value])).toEqual(
		[[receipt, 'checkout', '49.95']],
	);
	// Test events are validated, not recorded, by Pinterest.
	expect((await ctx.fake.state()).conversions).toEqual([]);
	expect(await conversionRows(receipt)).toEqual([
		{
			date: eventDate,
			orderId: receipt,
			event: 'checkout',
			value: 49.95,
			currency: 'USD',
			...IDS,
			status: 'test',
			reason: '',
		},
	]);
}, 240_000);

test("ClickBank's Test button (TEST, no buyer, no tracking data) reaches Pinterest's test mode, each time", async () => {
	const receipt = receiptOf('TBTN');
	const button = { transactionType: 'TEST', receipt, version: 8.0, attemptCount: 1 };
	for (let press = 0; press < 2; press++) {
		const execution = await deliver({ ...button, attemptCount: press + 1 });
		expect([execution.status, nodeError(execution)]).toEqual(['success', undefined]);
	}
	const requests = await eventRequests();
	expect(requests.map((r) => new URLSearchParams(r.query).get('test'))).toEqual(['true', 'true']);
	const event = requests[0].json.data[0];
	expect([event.event_id, event.event_name, event.user_data.em]).toEqual([
		receipt,
		'checkout',
		[sha256('clickbank-test@example.com')],
	]);
	expect(Math.abs(event.event_time - Date.now() / 1000)).toBeLessThan(120);
	expect((await ctx.fake.state()).conversions).toEqual([]);
	expect((await conversionRows(receipt)).map((r) => [r.status, r.value, r.reason])).toEqual([
		['test', null, ''],
	]);
}, 240_000);

test('refunds and chargebacks are recorded in clickbank_refunds and nothing is sent', async () => {
	const receipt = receiptOf('BACK');
	await deliver(notification(receipt));
	await ctx.fake.clearRequests();
	for (const transactionType of ['RFND', 'CGBK']) {
		const execution = await deliver(
			notification(receipt, { transactionType, totalOrderAmount: -49.95 }),
		);
		expect([execution.status, nodeError(execution)]).toEqual(['success', undefined]);
		expect(ranNodes(execution)).toContain('Record Refund');
		expect(ranNodes(execution)).not.toContain('Pinterest Conversions');
	}
	// The same refund notified twice stays one row.
	await deliver(
		notification(receipt, { transactionType: 'RFND', totalOrderAmount: -49.95, attemptCount: 2 }),
	);
	expect(await eventRequests()).toEqual([]);
	const refunds = await refundRows(receipt);
	expect(refunds).toEqual([
		{
			date: eventDate,
			orderId: receipt,
			transactionType: 'RFND',
			value: -49.95,
			currency: 'USD',
			...IDS,
		},
		{
			date: eventDate,
			orderId: receipt,
			transactionType: 'CGBK',
			value: -49.95,
			currency: 'USD',
			...IDS,
		},
	]);
	// The sale's own row is left as it was.
	expect((await conversionRows(receipt)).map((r) => [r.event, r.value, r.status])).toEqual([
		['checkout', 49.95, 'sent'],
	]);
}, 240_000);

test('an event Pinterest refuses is recorded as failed with its reason, and goes through once fixed', async () => {
	const receipt = receiptOf('REFU');
	await ctx.fake.config({ rejectEventIds: [receipt] });
	const execution = await deliver(notification(receipt));
	expect([execution.status, nodeError(execution)]).toEqual(['success', undefined]);
	expect(await eventRequests()).toHaveLength(1);
	expect((await ctx.fake.state()).conversions).toEqual([]);
	expect(await conversionRows(receipt)).toEqual([
		{
			date: eventDate,
			orderId: receipt,
			event: 'checkout',
			value: 49.95,
			currency: 'USD',
			...IDS,
			status: 'failed',
			reason: 'Invalid custom_data: the event was refused (configured in the fake).',
		},
	]);
	// A failed receipt is not a duplicate: ClickBank's retry (or a replay) is sent.
	await ctx.fake.config({ rejectEventIds: [] });
	await deliver(notification(receipt, { attemptCount: 2 }));
	expect((await ctx.fake.state()).conversions.map((c) => c.event.event_id)).toEqual([receipt]);
	expect((await conversionRows(receipt)).map((r) => r.status)).toEqual(['sent']);
}, 240_000);

test('a sale Pinterest could never match (no email) is recorded as failed and not sent', async () => {
	const receipt = receiptOf('ANON');
	const execution = await deliver(notification(receipt, { customer: {} }));
	expect([execution.status, nodeError(execution)]).toEqual(['success', undefined]);
	expect(await eventRequests()).toEqual([]);
	const rows = await conversionRows(receipt);
	expect(rows.map((r) => r.status)).toEqual(['failed']);
	expect(rows[0].reason).toMatch(/email/i);
}, 240_000);

test('Pinterest down: recorded as not delivered, and sent once when the notification comes again', async () => {
	const receipt = receiptOf('DOWN');
	await ctx.fake.faults([
		{ method: 'POST', pathPattern: '/events$', kind: 'serverError', status: 503, times: 20 },
	]);
	const execution = await deliver(notification(receipt));
	expect([execution.status, nodeError(execution)]).toEqual(['success', undefined]);
	expect((await eventRequests()).length).toBeGreaterThan(1);
	expect((await ctx.fake.state()).conversions).toEqual([]);
	const rows = await conversionRows(receipt);
	expect(rows.map((r) => r.status)).toEqual(['not delivered']);
	expect(rows[0].reason).toMatch(/^Pinterest .*send conversion events/);

	await ctx.fake.reset();
	await deliver(notification(receipt, { attemptCount: 2 }));
	expect(await eventRequests()).toHaveLength(1);
	expect((await ctx.fake.state()).conversions.map((c) => c.event.event_id)).toEqual([receipt]);
	expect((await conversionRows(receipt)).map((r) => r.status)).toEqual(['sent']);
}, 300_000);

describe('Read Notification (the Code node) on its own', () => {
	const { runInNewContext } = require('node:vm');
	const code = TEMPLATE.nodes.find((node) => node.name === 'Read Notification').parameters.jsCode;
	const read = (item, trafficSource = 'pinterest') =>
		runInNewContext(`(function () {\n${code}\n})()`, {
			$: (name) => ({
				item: { json: name === 'Settings' ? { trafficSource } : item },
			}),
			Date,
		}).json;
	const item = (overrides = {}) => ({
		receipt: 'ABCD1234',
		transactionType: 'SALE',
		transactionTime: '20261120T020000-0800',
		transactionTimeIso: '2026-11-20T02:00:00-08:00',
		amount: 12.5,
		currency: 'eur',
		customerEmail: 'b@example.com',
		trackingParameters: {
			traffic_source: 'Pinterest',
			campaignid: 'C9',
			adid: 'A9',
			click_id: 'E1',
		},
		lineItems: [
			{ itemNo: 'p1', productTitle: null, productPrice: 10, quantity: 2 },
			{ itemNo: null, productTitle: null, productPrice: null, quantity: null },
		],
		...overrides,
	});

	test('each transaction type goes to its branch; test types in test mode', () => {
		const branch = (transactionType) => {
			const json = read(item({ transactionType }));
			return [transactionType, json.action, json.testMode];
		};
		expect(
			[
				'SALE',
				'BILL',
				'TEST',
				'TEST_SALE',
				'TEST_BILL',
				'RFND',
				'CGBK',
				'INSF',
				'CANCEL-REBILL',
				'TEST_RFND',
				'CANCEL-TEST-REBILL',
				'UNCANCEL-REBILL',
				'ABANDONED_ORDER',
			].map(branch),
		).toEqual([
			['SALE', 'send', false],
			['BILL', 'send', false],
			['TEST', 'send', true],
			['TEST_SALE', 'send', true],
			['TEST_BILL', 'send', true],
			['RFND', 'refund', false],
			['CGBK', 'refund', false],
			['INSF', 'refund', false],
			['CANCEL-REBILL', 'refund', false],
			['TEST_RFND', 'refund', true],
			['CANCEL-TEST-REBILL', 'refund', true],
			['UNCANCEL-REBILL', 'ignore', false],
			['ABANDONED_ORDER', 'ignore', false],
		]);
	});

	test('the traffic source filter: case-insensitive, empty accepts all, the Test button passes', () => {
		const other = item({ trackingParameters: { traffic_source: 'google' } });
		expect(read(other).action).toBe('ignore');
		expect(read({ ...other, transactionType: 'RFND' }).action).toBe('ignore');
		expect(read(other, '').action).toBe('send');
		expect(read(item(), ' PINTEREST ').action).toBe('send');
		expect(read(item({ trackingParameters: {} })).action).toBe('ignore');
		// Without a traffic_source, the affiliate's tracking id may carry it.
		const tid = (value, extra = {}) =>
			read(item({ trackingParameters: { tid: value, ...extra } })).action;
		expect(tid('pinterest')).toBe('send');
		expect(tid('pinterest_spring_01')).toBe('send');
		expect(tid('pinterestx')).toBe('ignore');
		expect(tid('fb_pinterest')).toBe('ignore');
		expect(tid('pinterest', { traffic_source: 'google' })).toBe('ignore');
		expect(read(item({ trackingParameters: undefined, transactionType: 'TEST' })).action).toBe(
			'send',
		);
	});

	test('fields read from the trigger item', () => {
		expect(read(item())).toEqual({
			action: 'send',
			testMode: false,
			transactionType: 'SALE',
			receipt: 'ABCD1234',
			eventId: 'ABCD1234',
			eventTime: 1795168800,
			date: '2026-11-20',
			value: '12.5',
			valueNumber: 12.5,
			currency: 'EUR',
			email: 'b@example.com',
			clickId: 'E1',
			trafficSource: 'Pinterest',
			campaignId: 'C9',
			adId: 'A9',
			contents: [{ id: 'p1', item_price: 10, quantity: 2 }],
			numItems: 2,
		});
		// No amount, time or email (ClickBank's Test button): empty, now, and a stand-in address.
		const bare = read({ receipt: 'T1', transactionType: 'TEST' });
		expect(bare).toMatchObject({
			value: '',
			valueNumber: null,
			email: 'clickbank-test@example.com',
			contents: [],
			numItems: 0,
		});
		// Only tests get the stand-in address.
		expect(read(item({ customerEmail: null })).email).toBe('');
		expect(Math.abs(bare.eventTime - Date.now() / 1000)).toBeLessThan(5);
	});

	test('rebill event ids never equal the first sale’s', () => {
		const bill = (overrides) => read(item({ transactionType: 'BILL', ...overrides })).eventId;
		expect(bill({ receipt: 'ABCD1234-B002' })).toBe('ABCD1234-B002');
		expect(bill({})).toBe('ABCD1234-BILL-20261120T0200000800');
		expect(bill({ transactionTime: null })).toBe('ABCD1234-BILL');
		expect(read(item({ transactionType: 'TEST_BILL' })).eventId).toBe(
			'ABCD1234-BILL-20261120T0200000800',
		);
		expect(read(item({ transactionType: 'RFND' })).eventId).toBe('ABCD1234');
	});

	test('a notification with only later items (an upsell) adds their item numbers to the event id', () => {
		const line = (itemNo, lineItemType) => ({ itemNo, lineItemType, productPrice: 5, quantity: 1 });
		const id = (lineItems, overrides = {}) => read(item({ lineItems, ...overrides })).eventId;
		expect(id([line('1', 'ORIGINAL'), line('2', 'BUMP')])).toBe('ABCD1234');
		expect(id([line('1', undefined)])).toBe('ABCD1234');
		expect(id([])).toBe('ABCD1234');
		expect(id([line('3', 'UPSELL')])).toBe('ABCD1234-3');
		expect(id([line('3', 'UPSELL'), line('4', 'UPSELL')])).toBe('ABCD1234-3-4');
		// Its refund is recorded under the same id.
		expect(id([line('3', 'UPSELL')], { transactionType: 'RFND' })).toBe('ABCD1234-3');
		expect(id([line('3', 'UPSELL')], { transactionType: 'BILL', receipt: 'ABCD1234-B002' })).toBe(
			'ABCD1234-B002-3',
		);
	});
});
