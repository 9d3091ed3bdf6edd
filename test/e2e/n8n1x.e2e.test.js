// n8n 1.x compatibility: the package installed into the newest n8n 1.x (runtime-1x/, on Node 22)
// the way n8n installs a community package, then one spend pull, one conversion batch and one
// ClickBank notification, against the same fake Pinterest API and contract proxy as the 2.41 tests.
// The 1.x runtime is installed on first use, like the 2.41 one (scripts/n8n-runtime.js).
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const { freePort } = require('../../scripts/free-port');
const { installPackageInto } = require('../../scripts/install-package');
const { runtime1x } = require('../../scripts/n8n-runtime');
const { startN8nServer } = require('../../scripts/n8n-server');
const { insBody, saleNotification } = require('../harness/clickbankIns');
const { e2eContext, freshPinterestForEachTest } = require('../harness/e2eContext');
const {
	PACKAGE,
	adSpendNode,
	selectedAccounts,
	conversionsNode,
	workflowId,
	workflowWith,
} = require('../harness/fixtures');
const { N8nCli, createUserFolder, importAndExecute, n8nEnv } = require('../../scripts/n8n-cli');
const { daysAgo, expectedDailyRows, totalMicros } = require('./spendExpectations');

const ctx = e2eContext();
const runtime = runtime1x();
const US = '549755885175';
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
/** A clean install downloads about 1,300 packages and compiles sqlite3. */
const INSTALL_TIMEOUT_MS = 10 * 60_000;

let userFolder;
let cli;

beforeAll(async () => {
	if (!runtime.probe().ok) {
		const started = Date.now();
		await runtime.ensureN8nRuntime();
		process.stderr.write(
			`n8n ${runtime.N8N_VERSION} runtime installed in ${Math.round((Date.now() - started) / 1000)} s\n`,
		);
	}
	// Its own user folder: a 1.x database must not be opened by 2.41 (or the other way round).
	userFolder = createUserFolder();
	installPackageInto(userFolder, { skipBuild: true });
	cli = new N8nCli(userFolder, { runtime, brokerPort: await freePort() });
}, INSTALL_TIMEOUT_MS);

freshPinterestForEachTest(ctx, { importCredentials: (list) => cli.importCredentials(list) });
beforeEach(() => ctx.fake.clearRequests());

test('n8n 1.x on Node 22 loads every node of the package', async () => {
	expect([runtime.N8N_VERSION, runtime.NODE_VERSION]).toEqual(['1.123.81', '22.23.3']);
	const { stdout } = await cli.runOrThrow(['--version']);
	expect(stdout.trim()).toBe('1.123.81');
	const file = join(userFolder, 'nodes-1x.json');
	await cli.runOrThrow(['export:nodes', `--output=${file}`]);
	const ours = JSON.parse(readFileSync(file, 'utf8'))
		.filter((node) => node.name.startsWith(`${PACKAGE}.`))
		.map((node) => node.name)
		.sort();
	expect(ours).toEqual(
		[
			'clickBankTrigger',
			'pinterestAdSpend',
			'pinterestAdSpendTool',
			'pinterestConversions',
			'pinterestConversionsTool',
		].map((name) => `${PACKAGE}.${name}`),
	);
});

test('spend pull: every campaign row of the range, exact to the micro', async () => {
	const range = { startDate: daysAgo(3), endDate: daysAgo(1) };
	const result = await importAndExecute(
		cli,
		workflowWith(
			adSpendNode({
				...selectedAccounts(US),
				level: 'campaign',
				datePreset: 'custom',
				startDate: `${range.startDate}T00:00:00`,
				endDate: `${range.endDate}T00:00:00`,
			}),
		),
	);
	expect(result.error).toBeUndefined();
	expect(result.code).toBe(0);
	const rows = result.output('Pinterest Ad Spend');
	const state = await ctx.fake.state();
	expect(rows).toEqual(expectedDailyRows(state, { adAccountId: US, level: 'campaign', ...range }));
	expect(totalMicros(rows)).toBe(
		totalMicros(expectedDailyRows(state, { adAccountId: US, level: 'adAccount', ...range })),
	);
	expect(totalMicros(rows)).toBeGreaterThan(0);
	const requests = await ctx.fake.requests();
	expect(requests.filter((r) => r.path.endsWith('/analytics'))).toHaveLength(2);
});

test('conversion batch: one request, every event hashed and recorded once', async () => {
	const time = Math.floor(Date.now() / 1000) - 3600;
	const orders = [1, 2, 3].map((n) => ({
		orderId: `order-${n}`,
		email: ` Buyer${n}@Example.COM `,
		phone: `+1 (650) 555-120${n}`,
		amount: 19.99 + n,
	}));
	const result = await importAndExecute(
		cli,
		workflowWith(
			conversionsNode(
				{
					eventName: 'checkout',
					eventId: '={{ $json.orderId }}',
					eventTime: String(time),
					userData: { email: '={{ $json.email }}', phone: '={{ $json.phone }}' },
					customData: { value: '={{ $json.amount }}', currency: 'USD' },
				},
				{ credential: 'token' },
			),
			{ inputItems: orders },
		),
	);
	expect(result.error).toBeUndefined();
	const requests = (await ctx.fake.requests()).filter((r) => r.path.endsWith('/events'));
	expect(requests.map((r) => [r.path, r.authorization])).toEqual([
		[`/ad_accounts/${US}/events`, 'Bearer conv-token-1'],
	]);
	expect(requests[0].json.data).toEqual(
		[1, 2, 3].map((n) => ({
			event_name: 'checkout',
			action_source: 'web',
			event_time: time,
			event_id: `order-${n}`,
			user_data: {
				em: [sha256(`buyer${n}@example.com`)],
				ph: [sha256(`1650555120${n}`)],
			},
			custom_data: { value: String(19.99 + n), currency: 'USD' },
		})),
	);
	expect(
		result.output('Pinterest Conversions', 0).map((item) => [item.status, item.eventId]),
	).toEqual([
		['sent', 'order-1'],
		['sent', 'order-2'],
		['sent', 'order-3'],
	]);
	expect(result.output('Pinterest Conversions', 1)).toEqual([]);
	const state = await ctx.fake.state();
	expect(state.conversions.map((c) => c.event.event_id)).toEqual(['order-1', 'order-2', 'order-3']);
	expect(state.privacyViolations).toEqual([]);
});

describe('ClickBank notification through a published trigger', () => {
	const SECRET_KEY = 'E2ESECRETKEY42';
	const CREDENTIAL = { id: 'cbInsCred1x00001', name: 'ClickBank INS (1.x test)' };
	const WEBHOOK_ID = '7d1e2f3a-4b5c-4d6e-8f70-1a2b3c4d5e6f';
	let server;
	let workflow;

	beforeAll(async () => {
		await cli.importCredentials([
			{ ...CREDENTIAL, type: 'clickBankInsApi', data: { secretKey: SECRET_KEY } },
		]);
		server = await startN8nServer({ env: n8nEnv(userFolder, {}, runtime), runtime });
		const created = await server.publicApi('POST', '/workflows', {
			name: `ClickBank 1.x ${workflowId('cb')}`,
			nodes: [
				{
					id: 'cb-trigger',
					name: 'ClickBank Trigger',
					type: `${PACKAGE}.clickBankTrigger`,
					typeVersion: 1,
					position: [0, 0],
					webhookId: WEBHOOK_ID,
					parameters: { transactionTypes: ['SALE'] },
					credentials: { clickBankInsApi: CREDENTIAL },
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
		});
		expect(created.status).toBe(200);
		workflow = created.body;
		const activated = await server.publicApi('POST', `/workflows/${workflow.id}/activate`);
		expect([activated.status, activated.body.active]).toEqual([200, true]);
	});

	afterAll(async () => {
		await server?.stop();
	});

	test('a SALE is decrypted, answered 200 and emitted once', async () => {
		const sale = saleNotification();
		const post = () =>
			fetch(`${server.url}/webhook/${WEBHOOK_ID}/clickbank-ins`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: insBody(sale, SECRET_KEY),
			});
		// Activation registers the production webhook a moment after the API answers.
		let answer = await post();
		const deadline = Date.now() + 30_000;
		while (answer.status === 404 && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 250));
			answer = await post();
		}
		expect(answer.status).toBe(200);

		let runs = [];
		const runsDeadline = Date.now() + 60_000;
		while (Date.now() < runsDeadline) {
			const listed = await server.publicApi(
				'GET',
				`/executions?workflowId=${workflow.id}&includeData=true&limit=10`,
			);
			runs = listed.body?.data ?? [];
			if (runs.length > 0 && runs.every((run) => run.finished || run.status === 'error')) break;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		expect(runs.map((run) => [run.mode, run.status])).toEqual([['webhook', 'success']]);
		const items = runs[0].data.resultData.runData['ClickBank Trigger'][0].data.main[0];
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			receipt: 'E2ESALE1',
			transactionType: 'SALE',
			test: false,
			transactionTimeIso: '2026-11-26T10:15:30-08:00',
			amount: 49.95,
			currency: 'USD',
			customerEmail: 'e2e-buyer@example.com',
			trackingParameters: {
				tid: 'pin_spring_01',
				traffic_source: 'pinterest',
				campaign_id: '626736533506',
			},
			notification: sale,
		});
		expect(server.log()).not.toContain(SECRET_KEY);
	});
});
