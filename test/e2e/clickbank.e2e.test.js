// The ClickBank Trigger in a real n8n 2.41: a published workflow receives INS notifications at its
// production webhook URL. Notifications are encrypted with the openssl command line
// (test/harness/clickbankIns.js), independently of the node's own code.
const { insBody: insBodyFor, saleNotification } = require('../harness/clickbankIns');
const { e2eContext, noContractViolationsAfterEach } = require('../harness/e2eContext');
const { workflowId, PACKAGE } = require('../harness/fixtures');
const { laneN8nEnv } = require('../harness/lane');
const { startN8nServer } = require('../../scripts/n8n-server');

const ctx = e2eContext();
noContractViolationsAfterEach(ctx);
const SECRET_KEY = 'E2ESECRETKEY42';
const CREDENTIAL = { id: 'cbInsCred0000001', name: 'ClickBank INS (test)' };
const WEBHOOK_ID = '5b0c3f4e-8d2a-4c71-9a36-0c1b2d3e4f50';
// A key of spaces passes n8n's "required" check; trimmed, it would make the AES key SHA-1("").
const BLANK_CREDENTIAL = { id: 'cbInsCredBlank01', name: 'ClickBank INS (blank key)' };
const BLANK_WEBHOOK_ID = '5b0c3f4e-8d2a-4c71-9a36-0c1b2d3e4f51';

const insBody = (notification, secretKey = SECRET_KEY) => insBodyFor(notification, secretKey);
const sale = saleNotification();

function triggerWorkflow({ credential = CREDENTIAL, webhookId = WEBHOOK_ID } = {}) {
	const id = workflowId('cb');
	return {
		id,
		name: `ClickBank e2e ${id}`,
		nodes: [
			{
				id: 'cb-trigger',
				name: 'ClickBank Trigger',
				type: `${PACKAGE}.clickBankTrigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters: { transactionTypes: ['SALE', 'BILL', 'TEST'] },
				credentials: { clickBankInsApi: credential },
			},
			{
				id: 'received',
				name: 'Received',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [250, 0],
				parameters: {},
			},
		],
		connections: {
			'ClickBank Trigger': { main: [[{ node: 'Received', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

let server;
let webhookUrl;
let workflow;
const published = [];

beforeAll(async () => {
	await ctx.cli.importCredentials([
		{ ...CREDENTIAL, type: 'clickBankInsApi', data: { secretKey: SECRET_KEY } },
		{ ...BLANK_CREDENTIAL, type: 'clickBankInsApi', data: { secretKey: '   ' } },
	]);
	server = await startN8nServer({
		env: laneN8nEnv(),
	});
	webhookUrl = `${server.url}/webhook/${WEBHOOK_ID}/clickbank-ins`;
	workflow = await publish(triggerWorkflow(), webhookUrl);
});

afterAll(async () => {
	// Other test files share the user folder: leave no published webhook behind.
	for (const { id } of published) {
		await server.publicApi('POST', `/workflows/${id}/deactivate`);
		await server.publicApi('DELETE', `/workflows/${id}`);
	}
	await server?.stop();
});

/** Publishes the workflow and waits until its production webhook answers at `url`. */
async function publish({ id, ...definition }, url) {
	const created = await server.publicApi('POST', '/workflows', definition);
	expect(created.status).toBe(200);
	published.push(created.body);
	const activated = await server.publicApi('POST', `/workflows/${created.body.id}/activate`);
	expect([activated.status, activated.body.active]).toEqual([200, true]);
	// Publishing registers the production webhook a moment after the API answers: wait for it with
	// an empty request, which the node refuses without starting an execution.
	const deadline = Date.now() + 30_000;
	while ((await post('', 'application/json', url)).status === 404 && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return created.body;
}

async function post(body, contentType = 'application/json', url = webhookUrl) {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': contentType },
		body,
	});
	const text = await response.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, json, text };
}

/** The workflow's executions (with data), waiting until `count` exist and all have finished. */
async function executions(count, of = workflow) {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const listed = await server.publicApi(
			'GET',
			`/executions?workflowId=${of.id}&includeData=true&limit=50`,
		);
		const runs = listed.body?.data ?? [];
		const done = runs.every((run) => run.finished || ['success', 'error'].includes(run.status));
		if ((runs.length >= count && done) || Date.now() > deadline) return runs;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

function emitted(execution) {
	return execution.data.resultData.runData['ClickBank Trigger'][0].data.main[0].map((i) => i.json);
}

test('accepted, refused and filtered notifications: answers, executions and the emitted item', async () => {
	const refusals = [];
	const wrongKey = await post(insBody({ ...sale, receipt: 'WRONGKEY' }, 'OTHERSECRET99'));
	refusals.push(wrongKey);
	expect([wrongKey.status, wrongKey.json]).toEqual([
		403,
		{
			status: 'rejected',
			message:
				'Notification could not be decrypted: the secret key in the credential differs from the one in ClickBank, or the notification was altered',
		},
	]);

	const tamperedEnvelope = JSON.parse(insBody({ ...sale, receipt: 'TAMPERED' }));
	const bytes = Buffer.from(tamperedEnvelope.notification, 'base64');
	bytes[bytes.length - 1] ^= 0x01;
	tamperedEnvelope.notification = bytes.toString('base64');
	const tampered = await post(JSON.stringify(tamperedEnvelope));
	refusals.push(tampered);
	expect(tampered.status).toBe(403);

	const notJson = await post('receipt=ABC&transactionType=SALE', 'text/plain');
	expect([notJson.status, notJson.json]).toEqual([
		400,
		{
			status: 'rejected',
			message: 'Request body is not JSON: ClickBank INS v6 and later post JSON',
		},
	]);
	// Declared JSON that is not: n8n's own body parser refuses it before the node runs.
	const brokenJson = await post('{"notification": "abc", ');
	expect(brokenJson.status).toBe(422);

	const empty = await post('');
	expect([empty.status, empty.json?.message]).toEqual([
		400,
		'Empty request: ClickBank INS posts {"notification": ..., "iv": ...}',
	]);

	const badBase64 = await post(JSON.stringify({ notification: 'not*base64!', iv: 'AAAA' }));
	expect([badBase64.status, badBase64.json?.message]).toEqual([
		400,
		'"notification" or "iv" is not valid base64',
	]);

	const oversized = await post(
		JSON.stringify({ notification: 'A'.repeat(300 * 1024), iv: 'AAECAwQFBgcICQoLDA0ODw==' }),
	);
	expect([oversized.status, oversized.json?.message]).toEqual([
		413,
		`Request too large: over ${256 * 1024} bytes is not an INS notification`,
	]);

	const refund = await post(insBody({ ...sale, transactionType: 'RFND', receipt: 'E2ERFND1' }));
	expect([refund.status, refund.json]).toEqual([
		200,
		{ status: 'ignored', transactionType: 'RFND' },
	]);

	const accepted = await post(insBody(sale));
	expect(accepted.status).toBe(200);
	const testNotification = await post(
		insBody({ transactionType: 'TEST', receipt: 'E2ETEST1', version: 8.0, attemptCount: 1 }),
	);
	expect(testNotification.status).toBe(200);

	// Only the two accepted notifications started the workflow.
	const runs = await executions(2);
	expect(runs).toHaveLength(2);
	expect(runs.map((run) => [run.mode, run.status]).sort()).toEqual([
		['webhook', 'success'],
		['webhook', 'success'],
	]);
	const items = runs.map(emitted);
	const saleItems = items.find((list) => list[0].receipt === 'E2ESALE1');
	const testItems = items.find((list) => list[0].receipt === 'E2ETEST1');
	expect(saleItems).toEqual([
		{
			receipt: 'E2ESALE1',
			transactionType: 'SALE',
			test: false,
			transactionTime: '20261126T101530-0800',
			transactionTimeIso: '2026-11-26T10:15:30-08:00',
			amount: 49.95,
			currency: 'USD',
			taxAmount: 2.5,
			shippingAmount: 0,
			accountAmount: 21.45,
			customerEmail: 'e2e-buyer@example.com',
			affiliate: 'pinaffiliate',
			vendor: 'acmevendor',
			role: 'VENDOR',
			trackingCodes: ['pin_spring_01'],
			vendorVariables: { traffic_source: 'pinterest', campaign_id: '626736533506' },
			trafficSource: 'pinterest',
			trackingParameters: {
				tid: 'pin_spring_01',
				traffic_source: 'pinterest',
				campaign_id: '626736533506',
			},
			lineItems: [
				{
					itemNo: '1',
					productTitle: 'Garden Planner',
					lineItemType: 'ORIGINAL',
					quantity: 1,
					productPrice: 47.45,
					productDiscount: 0,
					taxAmount: 2.5,
					shippingAmount: 0,
					accountAmount: 21.45,
					affiliatePayout: 23.72,
					recurring: false,
					shippable: false,
				},
			],
			insVersion: 8,
			attemptCount: 1,
			notification: sale,
		},
	]);
	expect(testItems).toHaveLength(1);
	expect(testItems[0]).toMatchObject({
		receipt: 'E2ETEST1',
		transactionType: 'TEST',
		test: true,
		amount: null,
		customerEmail: null,
		trafficSource: null,
		trackingParameters: {},
		lineItems: [],
	});
	expect(runs.every((run) => emitted(run).length === 1)).toBe(true);

	// Refusals are logged at debug level only (anyone can post to the URL and must not fill the
	// log), and with their reason only: never the secret key or a buyer's email.
	const log = server.log();
	expect(log).not.toContain('ClickBank Trigger refused a notification');
	expect(log).not.toContain(SECRET_KEY);
	expect(log).not.toContain('e2e-buyer@example.com');
	expect(refusals.every((answer) => !answer.text.includes(SECRET_KEY))).toBe(true);
});

test('a key of spaces lets nobody in: every request gets 500, no execution starts, one log line', async () => {
	const blankUrl = `${server.url}/webhook/${BLANK_WEBHOOK_ID}/clickbank-ins`;
	const logBefore = server.log().length;
	// Publishing waits with empty requests: those are refused the same way.
	const blank = await publish(
		triggerWorkflow({ credential: BLANK_CREDENTIAL, webhookId: BLANK_WEBHOOK_ID }),
		blankUrl,
	);
	// A SALE forged with the key a trimmed blank would give (SHA-1 of ""), then two more requests.
	const answers = [
		await post(insBody({ ...sale, receipt: 'FORGED01' }, ''), 'application/json', blankUrl),
		await post(insBody({ ...sale, receipt: 'FORGED02' }, ''), 'application/json', blankUrl),
		await post('{}', 'application/json', blankUrl),
	];
	expect(answers.map((answer) => [answer.status, answer.json])).toEqual(
		Array(3).fill([
			500,
			{
				status: 'rejected',
				message:
					'The ClickBank Trigger cannot check notifications: the secret key of its credential in n8n is not usable',
			},
		]),
	);
	// A moment for an execution to show up, had one started.
	await new Promise((resolve) => setTimeout(resolve, 2000));
	expect(await executions(0, blank)).toHaveLength(0);
	// The owner learns why, once however often strangers post (more lines would flood the log).
	const lines = server
		.log()
		.slice(logBefore)
		.split('\n')
		.filter((line) => line.includes('ClickBank Trigger cannot accept notifications'));
	expect(lines).toHaveLength(1);
	expect(lines[0]).toContain(
		'ClickBank Trigger cannot accept notifications: The secret key is empty or only spaces, so the ClickBank Trigger refuses every notification until it is fixed: copy it from Vendor Settings → My Site → Advanced Tools',
	);
	expect(lines[0]).not.toMatch(/FORGED|e2e-buyer/);
});

test('the credential test checks the secret key has the form ClickBank requires', async () => {
	const test = (secretKey) =>
		server.rest('POST', '/credentials/test', {
			credentials: { ...CREDENTIAL, type: 'clickBankInsApi', data: { secretKey } },
		});
	expect((await test(SECRET_KEY)).body.data).toEqual({
		status: 'OK',
		message: 'The secret key has the form ClickBank uses',
	});
	expect((await test('lower-case key!')).body.data).toEqual({
		status: 'Error',
		message:
			'ClickBank secret keys are 1 to 16 uppercase letters and digits, so the ClickBank Trigger refuses every notification until it is fixed: copy it again from Vendor Settings → My Site',
	});
	// n8n's "required" check lets a key of spaces through; the credential test does not.
	expect((await test('   ')).body.data).toEqual({
		status: 'Error',
		message:
			'The secret key is empty or only spaces, so the ClickBank Trigger refuses every notification until it is fixed: copy it from Vendor Settings → My Site → Advanced Tools',
	});
});
