// The spend sync and the purchase postback in n8n's queue mode: a main process and two workers
// sharing Redis (the job queue) and PostgreSQL (workflows, credentials, executions and the
// templates' data tables), all started on loopback by this file and stopped after it. The template
// scenarios and their assertions are the single-process ones (templateScenarios.js); on top, every
// execution must have run on exactly one worker, and a burst of postbacks must reach both.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const net = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const { e2eContext, freshPinterestForEachTest } = require('../harness/e2eContext');
const { startQueueMode } = require('../../scripts/queue-mode');
const { postgresBinDir } = require('../../scripts/queue-services');
const { templateApi, describeSpendSync, describePostback, SECRET } = require('./templateScenarios');

const POSTBACK_TEMPLATE = require('../../workflows/pinterest-purchase-postback.json');
const { e2eLane } = require('../harness/lane');
const WORKERS = 2;
const CONCURRENCY = 5;

const ctx = e2eContext();
let queue;
const api = templateApi(() => queue.main);
const scratch = mkdtempSync(join(tmpdir(), 'n8n-queue-e2e-'));

/** Credentials go into the shared PostgreSQL, where main and the workers read them. */
async function importCredentials(credentials) {
	const file = join(scratch, 'credentials.json');
	writeFileSync(file, JSON.stringify(credentials));
	const result = await queue.runCli(['import:credentials', `--input=${file}`]);
	if (result.code !== 0) throw new Error(`import:credentials failed\n${result.stderr}`);
}
freshPinterestForEachTest(ctx, { importCredentials });

beforeAll(async () => {
	queue = await startQueueMode({
		workers: WORKERS,
		concurrency: CONCURRENCY,
		packageFrom: e2eLane().userFolder,
	});
}, 600_000);

afterAll(async () => {
	await queue?.stop();
	rmSync(scratch, { recursive: true, force: true });
}, 120_000);

/** Which worker logged starting each execution id: { id: ['worker-1', ...] }. */
function whoRan(ids) {
	const ran = Object.fromEntries(ids.map((id) => [id, []]));
	for (const worker of queue.workers) {
		for (const id of worker.executions()) if (id in ran) ran[id].push(worker.name);
	}
	return ran;
}

describe('queue mode', () => {
	test('a main process and two workers run on one Redis and one PostgreSQL on loopback', async () => {
		expect(queue.processes.map((p) => p.role)).toEqual(['main', 'worker', 'worker']);
		expect(new Set(queue.processes.map((p) => p.pid)).size).toBe(3);
		expect(queue.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(queue.webhookUrl('pinterest-postback')).toBe(
			`${queue.baseUrl}/webhook/pinterest-postback`,
		);
		for (const worker of queue.workers) {
			expect(worker.log()).toContain('n8n worker is now ready');
			expect(worker.log()).toContain(` * Concurrency: ${CONCURRENCY}`);
		}
		// Both nodes are loaded in main (the editor's node list) from its own user folder.
		const types = await queue.main.asOwner('/types/nodes.json');
		const names = types.body.map((node) => node.name);
		expect(names).toEqual(
			expect.arrayContaining([
				'n8n-nodes-pinterest-ads.pinterestAdSpend',
				'n8n-nodes-pinterest-ads.pinterestConversions',
			]),
		);
	});
});

/** What Redis on `port` answers to `commands` (inline commands, one per line). */
function redisAnswer(port, commands) {
	return new Promise((resolve, reject) => {
		const socket = net.connect(port, '127.0.0.1');
		let answer = '';
		socket.on('error', reject);
		socket.on('connect', () => socket.write(`${commands.join('\r\n')}\r\n`));
		socket.on('data', (data) => {
			answer += data;
			if (answer.split('\r\n').length > commands.length) socket.end();
		});
		socket.on('close', () => resolve(answer));
	});
}

/** Exit code and error of `psql` connecting to the shared PostgreSQL as postgres with `password`. */
function psql(password) {
	const result = spawnSync(
		`${postgresBinDir()}/psql`,
		[
			'-h',
			'127.0.0.1',
			'-p',
			String(queue.services.postgresPort),
			'-U',
			'postgres',
			'-w',
			'-d',
			'n8n',
			'-tAc',
			'select 1',
		],
		{
			encoding: 'utf8',
			env: { PATH: process.env.PATH, ...(password ? { PGPASSWORD: password } : {}) },
		},
	);
	return { code: result.status, out: result.stdout.trim(), err: result.stderr.trim() };
}

describe('the services are not open to other local users', () => {
	// The passwords as main has them, from its environment (readable by this user only).
	const mainEnv = () =>
		Object.fromEntries(
			readFileSync(`/proc/${queue.processes[0].pid}/environ`, 'utf8')
				.split('\0')
				.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
		);

	test('Redis answers only once signed in with the password main was given', async () => {
		const password = mainEnv().QUEUE_BULL_REDIS_PASSWORD;
		expect(password).toMatch(/^[0-9a-f]{48}$/);
		const { redisPort } = queue.services;
		expect(await redisAnswer(redisPort, ['PING'])).toMatch(/^-NOAUTH /);
		expect(await redisAnswer(redisPort, ['AUTH wrong-password', 'PING'])).toMatch(
			/^-WRONGPASS .*\r\n-NOAUTH /s,
		);
		expect(await redisAnswer(redisPort, [`AUTH ${password}`, 'PING'])).toBe('+OK\r\n+PONG\r\n');
	});

	test('PostgreSQL refuses a connection without the password main was given', () => {
		const password = mainEnv().DB_POSTGRESDB_PASSWORD;
		expect(password).toMatch(/^[0-9a-f]{48}$/);
		expect(psql(undefined)).toMatchObject({
			code: 2,
			err: expect.stringContaining('no password supplied'),
		});
		expect(psql('wrong-password')).toMatchObject({
			code: 2,
			err: expect.stringContaining('password authentication failed for user "postgres"'),
		});
		expect(psql(password)).toEqual({ code: 0, out: '1', err: '' });
	});

	test('no process has a password in its command line', () => {
		const { QUEUE_BULL_REDIS_PASSWORD, DB_POSTGRESDB_PASSWORD } = mainEnv();
		const pids = [
			...queue.processes.map((p) => p.pid),
			queue.services.redisPid,
			queue.services.postgresPid,
		];
		for (const pid of pids) {
			const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
			expect(cmdline).not.toContain(QUEUE_BULL_REDIS_PASSWORD);
			expect(cmdline).not.toContain(DB_POSTGRESDB_PASSWORD);
		}
	});
});

describeSpendSync(ctx, api);
describePostback(ctx, api);

describe('executions on the workers', () => {
	test('every spend run and postback above ran on exactly one worker, none on main', () => {
		// Spend: 2 runs; postback: at least one execution per request the scenarios sent.
		expect(api.executionIds.length).toBeGreaterThan(20);
		const ran = whoRan(api.executionIds);
		const notOnExactlyOne = Object.entries(ran).filter(([, workers]) => workers.length !== 1);
		expect(notOnExactlyOne).toEqual([]);
		expect(queue.processes[0].log()).not.toMatch(/Worker started execution/);
	});

	test('a burst of postbacks is shared by both workers, and each is sent to Pinterest once', async () => {
		const id = await api.publish(
			api.asConfigured(POSTBACK_TEMPLATE, {
				settings: { secret: SECRET, trafficSource: 'pinterest' },
			}),
		);
		const burst = 3 * CONCURRENCY;
		// Pinterest answers each event after 1.5 s, so one worker alone can hold only CONCURRENCY
		// postbacks at a time and the rest must wait for the other worker.
		await ctx.fake.faults([
			{ method: 'POST', pathPattern: '/events$', kind: 'slow', delayMs: 1500, times: burst },
		]);
		const run = Date.now().toString(36);
		const orderIds = Array.from({ length: burst }, (_, i) => `burst-${run}-${i}`);
		const answers = await Promise.all(
			orderIds.map(async (orderId) => {
				const query = new URLSearchParams({
					secret: SECRET,
					order_id: orderId,
					value: '10',
					currency: 'USD',
					email: 'buyer@example.com',
					traffic_source: 'pinterest',
				});
				const response = await fetch(`${queue.webhookUrl('pinterest-postback')}?${query}`);
				return { status: response.status, body: await response.json() };
			}),
		);
		expect(answers).toEqual(
			orderIds.map((eventId) => ({ status: 200, body: { status: 'sent', eventId } })),
		);
		const sent = (await ctx.fake.state()).conversions.map((c) => c.event.event_id);
		expect([...sent].sort()).toEqual([...orderIds].sort());

		// A worker records an execution just after its answer went out: wait (at most 15 s) until all are listed.
		let executions = await api.workflowExecutionIds(id);
		for (let wait = 0; wait < 30 && executions.length < burst; wait++) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			executions = await api.workflowExecutionIds(id);
		}
		await api.unpublish(id);
		const ran = whoRan(executions);
		expect(Object.values(ran).filter((workers) => workers.length !== 1)).toEqual([]);
		const perWorker = queue.workers.map(
			(worker) => Object.values(ran).filter(([name]) => name === worker.name).length,
		);
		// The burst plus the activation probe(s) publish() sends.
		expect(perWorker.reduce((a, b) => a + b, 0)).toBe(executions.length);
		expect(executions.length).toBeGreaterThanOrEqual(burst);
		for (const count of perWorker) expect(count).toBeGreaterThan(0);
	}, 240_000);
});
