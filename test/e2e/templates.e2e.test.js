// The bundled templates: well-formed, shipped, importable into a real n8n, and doing their job when run.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const { e2eContext, freshPinterestForEachTest } = require('../harness/e2eContext');
const { templateProblems } = require('../harness/templateCheck');
const { credentials, workflowId, OAUTH_CREDENTIAL, PACKAGE } = require('../harness/fixtures');
const { expectedDailyRows, daysAgo } = require('./spendExpectations');
const { adDelivery } = require('../fake-pinterest/dataset');
const packageJson = require('../../package.json');

const ctx = e2eContext();
const workflowsDir = join(__dirname, '..', '..', 'workflows');
const templates = readdirSync(workflowsDir)
	.filter((file) => file.endsWith('.json'))
	.map((file) => ({ file, workflow: JSON.parse(readFileSync(join(workflowsDir, file), 'utf8')) }));

freshPinterestForEachTest(ctx);

/** Every node type n8n loaded, with this package's nodes as built (exported by globalSetup.js). */
const loadedNodeTypes = () =>
	JSON.parse(
		readFileSync(join(JSON.parse(process.env.PINTEREST_E2E).userFolder, 'nodes.json'), 'utf8'),
	);

test('templates ship in the package and carry no credential ids or instance data', () => {
	expect(packageJson.files).toContain('workflows');
	expect(templates.map((t) => t.file)).toEqual(
		expect.arrayContaining([
			'pinterest-ad-spend-every-15-minutes.json',
			'pinterest-purchase-postback.json',
			'pinterest-roi-by-campaign-and-ad.json',
		]),
	);
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
