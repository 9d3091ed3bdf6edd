// The bundled templates: well-formed, shipped, importable into a real n8n, and doing their job when run.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const { e2eContext } = require('../harness/e2eContext');
const { credentials, workflowId, OAUTH_CREDENTIAL, PACKAGE } = require('../harness/fixtures');
const { expectedDailyRows, daysAgo } = require('./spendExpectations');
const packageJson = require('../../package.json');

const ctx = e2eContext();
const workflowsDir = join(__dirname, '..', '..', 'workflows');
const templates = readdirSync(workflowsDir)
	.filter((file) => file.endsWith('.json'))
	.map((file) => ({ file, workflow: JSON.parse(readFileSync(join(workflowsDir, file), 'utf8')) }));

beforeAll(async () => {
	await ctx.fake.reset();
	await ctx.cli.importCredentials(credentials(ctx.proxyUrl));
});

test('templates ship in the package and carry no credential ids or instance data', () => {
	expect(packageJson.files).toContain('workflows');
	expect(templates.map((t) => t.file)).toContain('pinterest-ad-spend-every-15-minutes.json');
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

test('the ad spend template imports, and its Pinterest node pulls today and yesterday at ad level for every account', async () => {
	const { workflow } = templates.find((t) => t.file === 'pinterest-ad-spend-every-15-minutes.json');
	const id = workflowId('tpl');
	await ctx.cli.importWorkflow({ ...workflow, id });
	const exported = await ctx.cli.run(['export:workflow', `--id=${id}`]);
	expect(exported.code).toBe(0);
	const schedule = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.scheduleTrigger');
	expect(schedule.parameters.rule.interval).toEqual([{ field: 'minutes', minutesInterval: 15 }]);

	// `n8n execute` starts from a Manual Trigger: the same workflow with the schedule swapped for one.
	const runnable = {
		...workflow,
		id: workflowId('tpl'),
		nodes: workflow.nodes.map((node) =>
			node.id === schedule.id
				? { ...node, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} }
				: { ...node, credentials: node.credentials && { pinterestAdsOAuth2Api: OAUTH_CREDENTIAL } },
		),
	};
	const result = await ctx.run(runnable);
	expect(result.code).toBe(0);
	const state = await ctx.fake.state();
	const range = { startDate: daysAgo(1), endDate: daysAgo(0) };
	const expected = ['549755885175', '549755885176', '549755885177'].flatMap((adAccountId) =>
		expectedDailyRows(state, { adAccountId, level: 'ad', ...range }),
	);
	expect(result.output('Pinterest Ad Spend')).toEqual(expected);
});
