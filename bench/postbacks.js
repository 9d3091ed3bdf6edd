// Live postbacks: the same load (count postbacks, inFlight at once) fired at several targets — the
// postback template in a single n8n process, an n8n webhook that only answers, a plain Node forwarder,
// and the template in n8n's queue mode with 1 and 2 workers — each measured by the same row code.
const { spawn } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { createInterface } = require('node:readline');

const { fireLoad, percentile } = require('./loadGenerator.js');
const { publicApiOf, publish } = require('./n8nAdmin.js');
const { sampleTreeRss, treeRssKiB } = require('./processMemory.js');

const { installPackageInto, repoRoot } = require('../scripts/install-package.js');
const { startN8nServer } = require('../scripts/n8n-server.js');
const { createUserFolder, n8nEnv } = require('../scripts/n8n-cli.js');

const QUEUE_MODE_MODULE = join(repoRoot, 'scripts', 'queue-mode.js');
const TEMPLATE = JSON.parse(
	readFileSync(join(repoRoot, 'workflows', 'pinterest-purchase-postback.json'), 'utf8'),
);
const AD_ACCOUNT = '549755885175';
const CONVERSION_TOKEN = 'conv-token-1';
const SECRET = 'bench-postback-secret-5d1c9a';
const TEMPLATE_PATH = 'pinterest-postback';
const EMPTY_PATH = 'bench-empty';
/** Arrivals still in flight when the last answer came (e.g. after a timed-out postback) get this long. */
const SETTLE_MS = 2000;

/** The query of postback `orderId`, as a network sends it (see the template's sticky note). */
function postbackQuery(orderId, i) {
	return new URLSearchParams({
		secret: SECRET,
		order_id: orderId,
		value: String(10 + (i % 90)),
		currency: 'USD',
		email: ` Buyer${i}@Example.com `,
		ip: '203.0.113.7',
		user_agent: 'Mozilla/5.0 (X11; Linux x86_64)',
		click_id: 'dj0yJnU9epik',
		traffic_source: 'pinterest',
	}).toString();
}

/** The template as a user has it: the conversions credential picked and Settings edited. */
function configuredTemplate(credential) {
	const { id, active, pinData, tags, ...workflow } = structuredClone(TEMPLATE);
	for (const node of workflow.nodes) {
		if (node.credentials?.pinterestConversionsApi)
			node.credentials = { pinterestConversionsApi: credential };
		if (node.name === 'Settings') {
			for (const assignment of node.parameters.assignments.assignments)
				assignment.value = assignment.name === 'secret' ? SECRET : 'pinterest';
		}
	}
	return {
		name: workflow.name,
		nodes: workflow.nodes,
		connections: workflow.connections,
		settings: workflow.settings ?? {},
	};
}

/** A webhook that only answers: n8n's own cost per request. */
const EMPTY_WORKFLOW = {
	name: 'Benchmark: webhook that only answers',
	nodes: [
		{
			id: 'empty-webhook',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			parameters: { path: EMPTY_PATH, responseMode: 'responseNode', options: {} },
			webhookId: 'bench-empty-0001',
		},
		{
			id: 'empty-answer',
			name: 'Answer',
			type: 'n8n-nodes-base.respondToWebhook',
			typeVersion: 1.1,
			position: [200, 0],
			parameters: { respondWith: 'json', responseBody: '={{ { status: "ok" } }}', options: {} },
		},
	],
	connections: { Webhook: { main: [[{ node: 'Answer', type: 'main', index: 0 }]] } },
	settings: {},
};

/** Creates the conversions credential (pointing at the fake) and publishes the chosen workflow. */
async function setUpWorkflow(publicApi, { fakeUrl, which, webhookUrl }) {
	if (which === 'empty') {
		await publish(publicApi, EMPTY_WORKFLOW, webhookUrl(EMPTY_PATH));
		return;
	}
	const credential = await publicApi('POST', '/credentials', {
		name: 'Pinterest Conversions (benchmark)',
		type: 'pinterestConversionsApi',
		data: {
			accessToken: CONVERSION_TOKEN,
			adAccountId: AD_ACCOUNT,
			environment: 'custom',
			customBaseUrl: `${fakeUrl}/v5`,
		},
	});
	const template = configuredTemplate({ id: credential.id, name: credential.name });
	// Without the secret the template answers 403 once its webhook is registered.
	await publish(publicApi, template, webhookUrl(TEMPLATE_PATH));
}

/** A fresh n8n user folder with this package installed (already built by the benchmark). */
function freshUserFolder() {
	const folder = createUserFolder();
	installPackageInto(folder, { skipBuild: true });
	return folder;
}

// ---- Targets: each start() resolves to { urlFor(orderId, i), pids(), stop() } ----

function singleProcessTarget(which) {
	return async ({ fakeUrl }) => {
		const server = await startN8nServer({ env: n8nEnv(freshUserFolder()) });
		try {
			const publicApi = publicApiOf(server);
			const webhookUrl = (path) => `${server.url}/webhook/${path}`;
			await setUpWorkflow(publicApi, { fakeUrl, which, webhookUrl });
			const path = which === 'empty' ? EMPTY_PATH : TEMPLATE_PATH;
			return {
				urlFor: (orderId, i) => `${webhookUrl(path)}?${postbackQuery(orderId, i)}`,
				pids: () => [server.child.pid],
				stop: () => server.stop(),
			};
		} catch (error) {
			await server.stop();
			throw error;
		}
	};
}

function queueModeTarget(workers) {
	return async ({ fakeUrl }) => {
		const { startQueueMode } = require(QUEUE_MODE_MODULE);
		// The module gives each n8n process its own user folder, ports and database settings, and main its
		// owner: only the package this benchmark built is passed in (no second build).
		const queue = await startQueueMode({
			workers,
			packageFrom: freshUserFolder(),
			skipBuild: true,
		});
		try {
			const publicApi = publicApiOf(queue.main);
			const webhookUrl = (path) => queue.webhookUrl(path);
			await setUpWorkflow(publicApi, { fakeUrl, which: 'template', webhookUrl });
			return {
				urlFor: (orderId, i) => `${webhookUrl(TEMPLATE_PATH)}?${postbackQuery(orderId, i)}`,
				// n8n's processes (main and workers), not Redis or PostgreSQL.
				pids: () =>
					queue.processes.filter((p) => !/redis|postgres/i.test(p.role)).map((p) => p.pid),
				stop: () => queue.stop(),
			};
		} catch (error) {
			await queue.stop();
			throw error;
		}
	};
}

/** How the forwarder is started: the token and the secret in its environment, not its arguments. */
function forwarderLaunch(fakeUrl) {
	return {
		args: [join(repoRoot, 'bench', 'forwarder.js'), `${fakeUrl}/v5`, AD_ACCOUNT],
		env: { ...process.env, FORWARDER_TOKEN: CONVERSION_TOKEN, FORWARDER_SECRET: SECRET },
	};
}

async function forwarderTarget({ fakeUrl }) {
	const { args, env } = forwarderLaunch(fakeUrl);
	const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
	const killOnExit = () => child.kill('SIGKILL');
	process.once('exit', killOnExit);
	const url = await new Promise((resolve, reject) => {
		createInterface({ input: child.stdout }).once('line', resolve);
		child.once('exit', (code) => reject(new Error(`the forwarder exited with code ${code}`)));
	});
	return {
		urlFor: (orderId, i) => `${url}/?${postbackQuery(orderId, i)}`,
		pids: () => [child.pid],
		stop: async () => {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await exited;
			process.removeListener('exit', killOnExit);
		},
	};
}

// ---- The one row measurement, shared by every target ----

/**
 * Starts the target, warms it up with `inFlight` postbacks, then fires `count` postbacks with
 * `inFlight` at once while sampling the memory of its processes; counts what reached the fake.
 */
async function measureRow({ label, start, sendsToFake, count, inFlight, fake, resetFake }) {
	const startedAt = Date.now();
	const target = await start({ fakeUrl: fake.url });
	try {
		const run = `${label.key}-${Date.now().toString(36)}`;
		await fireLoad({
			urlFor: (i) => target.urlFor(`warmup-${run}-${i}`, i),
			count: inFlight,
			inFlight,
		});
		await resetFake();
		const idleMiB = Math.round(treeRssKiB(target.pids()) / 1024);
		const memory = sampleTreeRss(target.pids());
		const orderId = (i) => `${run}-${i}`;
		const load = await fireLoad({ urlFor: (i) => target.urlFor(orderId(i), i), count, inFlight });
		const peakMiB = memory.stop();
		await new Promise((r) => setTimeout(r, SETTLE_MS));
		const arrivals = fake.state().eventArrivals;
		const statuses = {};
		for (const r of load.results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
		const answered = load.results.filter((r) => r.status !== 0);
		const sentAt = new Map(load.results.map((r) => [orderId(r.i), r.sentAtMs]));
		const firstArrival = new Map();
		for (const a of arrivals)
			if (!firstArrival.has(a.eventId)) firstArrival.set(a.eventId, a.receivedAtMs);
		const arrivalMs = [...firstArrival]
			.filter(([id]) => sentAt.has(id))
			.map(([id, at]) => at - sentAt.get(id));
		const answerMs = answered.map((r) => r.answeredAtMs - r.sentAtMs);
		return {
			label,
			ran: true,
			count,
			sent: load.results.length,
			wallMs: load.wallMs,
			perSecond: (load.results.length / load.wallMs) * 1000,
			answerMs: [50, 95, 99].map((p) => percentile(answerMs, p)),
			arrivalMs: sendsToFake ? [50, 95, 99].map((p) => percentile(arrivalMs, p)) : undefined,
			statuses,
			idleMiB,
			peakMiB,
			sendsToFake,
			recorded: arrivals.length,
			distinct: firstArrival.size,
			foreign: [...firstArrival.keys()].filter((id) => !sentAt.has(id)).length,
			rowMs: Date.now() - startedAt,
		};
	} finally {
		await target.stop();
	}
}

const POSTBACK_ROWS = [
	{ key: 'empty', name: 'n8n, webhook that only answers (baseline)', sendsToFake: false },
	{ key: 'single', name: 'n8n, postback template, single process', sendsToFake: true },
	{ key: 'forwarder', name: 'plain Node forwarder (child process)', sendsToFake: true },
	{
		key: 'queue1',
		name: 'n8n queue mode, 1 worker, postback template',
		sendsToFake: true,
		workers: 1,
	},
	{
		key: 'queue2',
		name: 'n8n queue mode, 2 workers, postback template',
		sendsToFake: true,
		workers: 2,
	},
];

function startFor(row) {
	if (row.key === 'empty') return singleProcessTarget('empty');
	if (row.key === 'single') return singleProcessTarget('template');
	if (row.key === 'forwarder') return forwarderTarget;
	return queueModeTarget(row.workers);
}

/** Measures every row in turn; a row that cannot run says why instead of stopping the others. */
async function runPostbackBench({ fake, resetFake, count, inFlight, onlyRows, log = () => {} }) {
	const rows = [];
	for (const label of POSTBACK_ROWS.filter((row) => !onlyRows || onlyRows.includes(row.key))) {
		if (label.workers && !existsSync(QUEUE_MODE_MODULE)) {
			rows.push({ label, ran: false, why: 'not run (queue mode module missing)' });
			log(`${label.name}: not run (queue mode module missing)`);
			continue;
		}
		log(`${label.name}: ${count} postbacks, ${inFlight} in flight…`);
		try {
			const row = await measureRow({
				label,
				start: startFor(label),
				sendsToFake: label.sendsToFake,
				count,
				inFlight,
				fake,
				resetFake,
			});
			log(`${label.name}: ${row.perSecond.toFixed(1)}/s, ${Math.round(row.wallMs)} ms`);
			rows.push(row);
		} catch (error) {
			const why = `not run (failed: ${String(error.message).split('\n')[0].slice(0, 200)})`;
			log(`${label.name}: ${why}`);
			rows.push({ label, ran: false, why });
		}
	}
	return rows;
}

module.exports = { POSTBACK_ROWS, runPostbackBench, forwarderLaunch, CONVERSION_TOKEN, SECRET };
