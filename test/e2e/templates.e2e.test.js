// The bundled templates: well-formed, shipped, importable into a real n8n, and doing their job when run.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { runInNewContext } = require('node:vm');

const { e2eContext, freshPinterestForEachTest } = require('../harness/e2eContext');
const { templateProblems } = require('../harness/templateCheck');
const { workflowId, OAUTH_CREDENTIAL, PACKAGE } = require('../harness/fixtures');
const { expectedDailyRows, daysAgo } = require('./spendExpectations');
const { adDelivery } = require('../fake-pinterest/dataset');
const packageJson = require('../../package.json');
const { e2eLane } = require('../harness/lane');

const ctx = e2eContext();
const workflowsDir = join(__dirname, '..', '..', 'workflows');
const templates = readdirSync(workflowsDir)
	.filter((file) => file.endsWith('.json'))
	.map((file) => ({ file, workflow: JSON.parse(readFileSync(join(workflowsDir, file), 'utf8')) }));

freshPinterestForEachTest(ctx);

/** Every node type n8n loaded, with this package's nodes as built (exported by test/harness/globalSetup.js). */
const loadedNodeTypes = () =>
	JSON.parse(readFileSync(join(e2eLane().userFolder, 'nodes.json'), 'utf8'));

test('templates ship in the package and carry no credential ids or instance data', () => {
	expect(packageJson.files).toContain('workflows');
	expect(templates.map((t) => t.file).sort()).toEqual([
		'clickbank-ins-to-pinterest.json',
		'pinterest-ad-spend-every-15-minutes.json',
		'pinterest-purchase-postback.json',
		'pinterest-roi-by-campaign-and-ad.json',
	]);
	expect(new Set(templates.map((t) => t.workflow.id)).size).toBe(templates.length);
	const nodeTypes = packageJson.n8n.nodes.map(
		(path) =>
			`${PACKAGE}.${path
				.split('/')
				.pop()
				.replace('.node.js', '')
				.replace(/^./, (c) => c.toLowerCase())}`,
	);
	for (const { workflow } of templates) {
		expect(workflow.meta?.instanceId).toBeUndefined();
		expect(workflow.nodes.some((node) => node.type === 'n8n-nodes-base.stickyNote')).toBe(true);
		for (const node of workflow.nodes) {
			if (node.type.startsWith(`${PACKAGE}.`)) expect(nodeTypes).toContain(node.type);
			for (const credential of Object.values(node.credentials ?? {}))
				expect(credential.id).toBe('');
		}
	}
});

test('every template uses only node types, versions, operations, parameters and choices n8n and the package define', () => {
	const nodeTypes = loadedNodeTypes();
	for (const { file, workflow } of templates) {
		expect({ file, problems: templateProblems(workflow, nodeTypes) }).toEqual({
			file,
			problems: [],
		});
	}
});

test('the template check finds a made-up node type, operation, parameter, option and a credential id', () => {
	const nodeTypes = loadedNodeTypes();
	const { workflow } = templates.find((t) => t.file === 'pinterest-purchase-postback.json');
	const spoil = (change) => {
		const copy = structuredClone(workflow);
		const node = copy.nodes.find((n) => n.name === 'Pinterest Conversions');
		change(node, copy);
		return templateProblems(copy, nodeTypes);
	};
	expect(spoil((node) => (node.type = `${PACKAGE}.pinterestRefunds`))).toEqual([
		`Pinterest Conversions: no node type ${PACKAGE}.pinterestRefunds version 1`,
	]);
	// (the operation's own parameters are then reported as unused too)
	expect(spoil((node) => (node.parameters.operation = 'sendRefund'))[0]).toMatch(
		/^Pinterest Conversions\.operation: "sendRefund" is not one of \["sendEvent"/,
	);
	expect(spoil((node) => (node.parameters.refundPolicy = 'all'))).toEqual([
		`Pinterest Conversions: ${PACKAGE}.pinterestConversions defines no parameter "refundPolicy"`,
	]);
	expect(spoil((node) => (node.parameters.userData.loyaltyCard = '1'))).toEqual([
		'Pinterest Conversions.userData.loyaltyCard: the node defines no such option',
	]);
	expect(spoil((node) => (node.parameters.actionSource = 'fax'))).toEqual([
		expect.stringMatching(/^Pinterest Conversions\.actionSource: "fax" is not one of/),
	]);
	expect(
		spoil((node) => (node.credentials.pinterestConversionsApi.id = 'aB3dE5fG7hJ9kL1m')),
	).toEqual(['Pinterest Conversions: credential id "aB3dE5fG7hJ9kL1m" is set']);
	expect(spoil((node) => (node.typeVersion = 2))).toEqual([
		`Pinterest Conversions: no node type ${PACKAGE}.pinterestConversions version 2`,
	]);
});

test('Pinterest Ad Spend has one version: a template of a version 2 node is refused', () => {
	const { workflow } = templates.find((t) => t.file === 'pinterest-ad-spend-every-15-minutes.json');
	const copy = structuredClone(workflow);
	const node = copy.nodes.find((n) => n.name === 'Pinterest Ad Spend');
	expect(node.typeVersion).toBe(1);
	node.typeVersion = 2;
	expect(templateProblems(copy, loadedNodeTypes())).toEqual([
		`Pinterest Ad Spend: no node type ${PACKAGE}.pinterestAdSpend version 2`,
	]);
});

test('every template imports into n8n', async () => {
	for (const { workflow } of templates) {
		const id = workflowId('imp');
		await ctx.cli.importWorkflow({ ...workflow, id });
		const file = join(ctx.cli.scratch, `exported-${id}.json`);
		const exported = await ctx.cli.run(['export:workflow', `--id=${id}`, `--output=${file}`]);
		expect(exported.code).toBe(0);
		const [stored] = JSON.parse(readFileSync(file, 'utf8'));
		expect(stored.nodes.map((node) => [node.name, node.type, node.typeVersion])).toEqual(
			workflow.nodes.map((node) => [node.name, node.type, node.typeVersion]),
		);
		expect(stored.connections).toEqual(workflow.connections);
	}
});

test('the ad spend template imports, and its Pinterest node pulls today and yesterday at ad level for every account', async () => {
	const { workflow } = templates.find((t) => t.file === 'pinterest-ad-spend-every-15-minutes.json');
	const id = workflowId('tpl');
	await ctx.cli.importWorkflow({ ...workflow, id });
	const exported = await ctx.cli.run(['export:workflow', `--id=${id}`]);
	expect(exported.code).toBe(0);
	const schedule = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.scheduleTrigger');
	expect(schedule.parameters.rule.interval).toEqual([{ field: 'minutes', minutesInterval: 15 }]);

	// `n8n execute` starts from a Manual Trigger: the schedule swapped for one, straight into the
	// Pinterest node. The CLI runs without n8n's data table module ("the module is disabled"), so the
	// whole template, data table included, runs in a server: workflowTemplates.e2e.test.js.
	const spendNode = workflow.nodes.find((node) => node.name === 'Pinterest Ad Spend');
	const runnable = {
		...workflow,
		id: workflowId('tpl'),
		nodes: [
			{ ...schedule, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
			{ ...spendNode, credentials: { pinterestAdsOAuth2Api: OAUTH_CREDENTIAL } },
		],
		connections: {
			[schedule.name]: { main: [[{ node: spendNode.name, type: 'main', index: 0 }]] },
		},
	};
	const result = await ctx.run(runnable);
	expect({ code: result.code, error: result.error?.message }).toEqual({
		code: 0,
		error: undefined,
	});
	const state = await ctx.fake.state();
	const range = { startDate: daysAgo(1), endDate: daysAgo(0) };
	const expected = ['549755885175', '549755885176', '549755885177'].flatMap((adAccountId) =>
		expectedDailyRows(state, { adAccountId, level: 'ad', ...range }).map((row) => ({
			...row,
			impressions: adDelivery(row.adId, row.date).impressions,
			pinClicks: adDelivery(row.adId, row.date).pinClicks,
		})),
	);
	expect(result.output('Pinterest Ad Spend')).toEqual(expected);
});

// The JavaScript of the templates' Code nodes, run outside n8n with the few `$` helpers it uses, on
// cases the end-to-end runs do not reach.
describe("the templates' Code nodes", () => {
	const codeOf = (file, name) =>
		templates.find((t) => t.file === file).workflow.nodes.find((node) => node.name === name)
			.parameters.jsCode;

	/** Runs a Code node's source with `$(name)` answering from `outputs`. */
	function runCode(code, outputs) {
		const $ = (name) => ({
			all: () => (outputs[name] ?? []).map((json) => ({ json })),
			first: () => ({ json: (outputs[name] ?? [])[0] }),
			item: { json: (outputs[name] ?? [])[0] },
		});
		return runInNewContext(`(function () {\n${code}\n})()`, { $ });
	}

	const today = new Date().toISOString().slice(0, 10);
	function roi(spend, conversions, days = 30) {
		const result = runCode(codeOf('pinterest-roi-by-campaign-and-ad.json', 'Compute ROI'), {
			Settings: [{ days }],
			'Read Spend': spend,
			'Read Conversions': conversions,
		});
		return Object.fromEntries(result.map(({ json }) => [json.key, json]));
	}
	const spendRow = (overrides) => ({
		date: today,
		currency: 'USD',
		campaignId: 'C1',
		adId: 'A1',
		spendMicros: 10_000_000,
		impressions: 1000,
		pinClicks: 20,
		...overrides,
	});
	const sale = (overrides) => ({
		date: today,
		status: 'sent',
		campaignId: 'C1',
		adId: 'A1',
		value: 25,
		currency: 'USD',
		...overrides,
	});

	test('ROI: no conversion, no spend, other currencies, statuses and the window', () => {
		// Spend and no conversion: ROI -100 %, no CPA.
		expect(roi([spendRow({})], [])[`${today}|C1`]).toMatchObject({
			spend: 10,
			conversions: 0,
			revenue: 0,
			cpa: null,
			roas: 0,
			roi: -1,
			cpc: 0.5,
			cpm: 10,
			ctr: 0.02,
			currencyMismatch: false,
		});
		// A conversion without spend: no ratio over zero spend.
		expect(roi([], [sale({ value: 40 })])[`${today}|C1|A1`]).toMatchObject({
			spend: 0,
			conversions: 1,
			revenue: 40,
			currency: 'USD',
			cpa: null,
			roas: null,
			roi: null,
			cpc: null,
			cpm: null,
			ctr: null,
		});
		// Two currencies are never added; no clicks or impressions pulled: no CPC, CPM, CTR.
		const yen = roi(
			[
				spendRow({
					currency: 'JPY',
					spendMicros: 3_000_000_000,
					impressions: null,
					pinClicks: null,
				}),
			],
			[sale({ value: 4000, currency: 'JPY' }), sale({ value: 10, currency: 'EUR' })],
		);
		expect(yen[`${today}|C1`]).toMatchObject({
			currency: 'JPY',
			spend: 3000,
			conversions: 2,
			revenue: null,
			roas: null,
			roi: null,
			cpa: 1500,
			currencyMismatch: true,
			revenueByCurrency: 'JPY 4000; EUR 10',
			impressions: null,
			clicks: null,
			cpc: null,
			cpm: null,
			ctr: null,
		});
		// Clicks a tracker counted, where the user added them to the spend table, replace pin clicks.
		expect(roi([spendRow({ trackedClicks: 40 })], [])[`${today}|C1|A1`]).toMatchObject({
			clicks: 40,
			cpc: 0.25,
			ctr: 0.04,
		});
		// Only sent conversions of known campaigns inside the window count.
		const old = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
		const windowed = roi(
			[spendRow({}), spendRow({ date: old })],
			[
				sale({ status: 'failed' }),
				sale({ status: 'test' }),
				sale({ status: 'not delivered' }),
				sale({ campaignId: '', adId: '' }),
				sale({ campaignId: '', adId: 'unknown-ad' }),
				sale({ date: old }),
			],
			3,
		);
		expect(Object.keys(windowed).sort()).toEqual([`${today}|C1`, `${today}|C1|A1`]);
		expect(windowed[`${today}|C1`]).toMatchObject({ conversions: 0, revenue: 0 });
	});

	test('Read Postback: body over query, repeated parameters, event times, secrets and traffic sources', () => {
		const read = (request, settings = { secret: 's3cret', trafficSource: 'pinterest' }) =>
			runCode(codeOf('pinterest-purchase-postback.json', 'Read Postback'), {
				Settings: [settings],
				Postback: [request],
			}).json;
		expect(
			read({
				query: {
					secret: 's3cret',
					order_id: ['o-1', 'o-2'],
					traffic_source: 'PINTEREST',
					value: '1',
				},
				body: { value: '12.5', currency: 'eur', event_time: '2026-11-20T10:00:00Z' },
			}),
		).toMatchObject({
			decision: 'send',
			orderId: 'o-1',
			event: 'checkout',
			value: '12.5',
			valueNumber: 12.5,
			currency: 'EUR',
			eventTime: 1795168800,
			date: '2026-11-20',
		});
		const base = { secret: 's3cret', order_id: 'o', traffic_source: 'pinterest' };
		expect(read({ query: { ...base, event_time: '1795168800000' } })).toMatchObject({
			eventTime: 1795168800,
			date: '2026-11-20',
		});
		// Unreadable: passed on as given, for the node to refuse with its reason.
		expect(read({ query: { ...base, event_time: 'yesterday-ish' } })).toMatchObject({
			decision: 'send',
			eventTime: 'yesterday-ish',
		});
		for (const secret of ['REPLACE-WITH-A-LONG-RANDOM-SECRET', '  ']) {
			expect(
				read({ query: { secret, order_id: 'o' } }, { secret, trafficSource: '' }),
			).toMatchObject({
				decision: 'answer',
				httpStatus: 403,
			});
		}
		expect(
			read({ query: { secret: 's3cret', order_id: 'o' } }, { secret: 's3cret', trafficSource: '' }),
		).toMatchObject({ decision: 'send' });
	});
});
