// n8n in queue mode on one machine, the way it scales out in production: Redis (the job queue),
// PostgreSQL (the one database every process shares), an n8n main process (editor, API, webhooks,
// schedules: it enqueues executions) and `n8n worker` processes that run them. Each n8n process has
// its own user folder with this package installed, as separate machines would. Everything runs on
// loopback on free ports; stop() ends it all and removes the temporary folders, and a watchdog does
// the same if the starting process dies without calling stop(). Redis and PostgreSQL take only this
// run's random passwords (queue-services.js), which the n8n processes get in their environment.
const { execFile, spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const { ensureN8nRuntime, runtimePaths } = require('./n8n-runtime');
const { startN8nServer, localN8nEnv } = require('./n8n-server');
const { freePort } = require('./free-port');
const { installPackageInto } = require('./install-package');
const { ensureQueueServices, startRedis, startPostgres, endChild } = require('./queue-services');
const { writePrivateFile } = require('./private-file');

/** Every n8n process (main, workers, CLI) gets these, so they share one queue and one database. */
function sharedEnv({ redis, postgres, encryptionKey }) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		QUEUE_BULL_REDIS_PASSWORD: redis.password,
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		// Workers decrypt the credentials main stored: one key for all.
		N8N_ENCRYPTION_KEY: encryptionKey,
		// "Execute workflow" in the editor runs on a worker too, as it will from n8n 3.
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_LOG_LEVEL: 'info',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
	};
}

async function waitForHealth(url, child, log, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) {
			throw new Error(`n8n worker exited early with code ${child.exitCode}\n${log().slice(-4000)}`);
		}
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`n8n worker was not ready after ${timeoutMs} ms\n${log().slice(-4000)}`);
}

async function startWorker({ env, concurrency, timeoutMs }) {
	const { nodeBin, n8nBin } = runtimePaths();
	const healthPort = await freePort();
	const brokerPort = await freePort();
	const child = spawn(nodeBin, [n8nBin, 'worker', `--concurrency=${concurrency}`], {
		env: {
			...env,
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let log = '';
	child.stdout.on('data', (chunk) => (log += chunk));
	child.stderr.on('data', (chunk) => (log += chunk));
	const logText = () => log;
	try {
		await waitForHealth(
			`http://127.0.0.1:${healthPort}/healthz/readiness`,
			child,
			logText,
			timeoutMs,
		);
	} catch (error) {
		child.kill('SIGKILL');
		throw error;
	}
	return { child, healthPort, log: logText, stop: () => endChild(child, 'SIGTERM', 20_000) };
}

/** A user folder with this package installed: copied from `packageFrom`, or built and packed. */
function userFolderWithPackage(root, name, packageFrom, skipBuild) {
	const folder = join(root, name);
	fs.mkdirSync(join(folder, '.n8n'), { recursive: true });
	if (packageFrom) {
		fs.cpSync(join(packageFrom, '.n8n', 'nodes'), join(folder, '.n8n', 'nodes'), {
			recursive: true,
		});
	} else {
		installPackageInto(folder, { skipBuild });
	}
	return folder;
}

/** Execution ids a worker's log says it started ("Worker started execution 12 (job 7)"). */
function executionsIn(log) {
	return [...log.matchAll(/Worker started execution (\S+) \(job/g)].map((m) => m[1]);
}

/**
 * @param workers how many `n8n worker` processes
 * @param env overrides for every n8n process (e.g. a fake Pinterest's URL)
 * @param concurrency executions each worker runs at once (n8n's default: 10)
 * @param packageFrom a user folder that has the package installed already (the e2e tests'); when
 *   not given, the package is built and packed as for any other install
 * @returns {{ baseUrl, webhookUrl, processes, main, workers, runCli, services, stop }}
 */
async function startQueueMode({
	workers = 2,
	env = {},
	concurrency = 10,
	packageFrom,
	skipBuild = false,
	timeoutMs = 180_000,
} = {}) {
	const installMs = ensureQueueServices();
	await ensureN8nRuntime();

	const root = fs.mkdtempSync(join(tmpdir(), 'n8n-queue-mode-'));
	const pgDir = fs.mkdtempSync(join(tmpdir(), 'n8n-queue-pg-'));
	const stateFile = join(
		tmpdir(),
		`n8n-queue-mode-${process.pid}-${randomBytes(4).toString('hex')}.json`,
	);
	const state = { pids: [], dirs: [root, pgDir, stateFile] };
	const track = (pid) => {
		state.pids.push(pid);
		fs.writeFileSync(stateFile, JSON.stringify(state));
	};
	// The watchdog acts on what this file lists: only this user may write it (the watchdog checks).
	writePrivateFile(stateFile, JSON.stringify(state));
	spawn(
		process.execPath,
		[join(__dirname, 'queue-mode-watchdog.js'), String(process.pid), stateFile],
		{
			detached: true,
			stdio: 'ignore',
		},
	).unref();

	const stoppers = [];
	let stopped = false;
	async function stop() {
		if (stopped) return;
		stopped = true;
		// Workers first (they finish what they run), then main, then the services under them.
		for (const step of stoppers.reverse()) await step().catch(() => undefined);
		process.removeListener('exit', killAllOnExit);
		for (const dir of state.dirs) fs.rmSync(dir, { recursive: true, force: true });
	}
	// However this process ends, what it started ends with it (the watchdog covers a SIGKILL).
	function killAllOnExit() {
		for (const pid of state.pids) {
			try {
				process.kill(pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}
	}
	process.once('exit', killAllOnExit);

	try {
		const redis = await startRedis({ dir: root });
		track(redis.child.pid);
		stoppers.push(redis.stop);
		const postgres = await startPostgres({ dir: pgDir });
		track(postgres.child.pid);
		stoppers.push(postgres.stop);

		const common = {
			...sharedEnv({ redis, postgres, encryptionKey: randomBytes(24).toString('hex') }),
		};
		const envFor = (userFolder) => ({ ...localN8nEnv(userFolder), ...common, ...env });

		const mainFolder = userFolderWithPackage(root, 'main', packageFrom, skipBuild);
		const main = await startN8nServer({ env: envFor(mainFolder), timeoutMs });
		track(main.child.pid);
		stoppers.push(main.stop);

		// Workers start side by side; each has its own user folder and ports.
		const workerFolders = Array.from({ length: workers }, (_, i) =>
			userFolderWithPackage(root, `worker-${i + 1}`, mainFolder, true),
		);
		const started = await Promise.allSettled(
			workerFolders.map((folder) => startWorker({ env: envFor(folder), concurrency, timeoutMs })),
		);
		for (const result of started) {
			if (result.status === 'fulfilled') {
				track(result.value.child.pid);
				stoppers.push(result.value.stop);
			}
		}
		const failed = started.find((r) => r.status === 'rejected');
		if (failed) throw failed.reason;
		const workerHandles = started.map((r, i) => ({
			pid: r.value.child.pid,
			name: `worker-${i + 1}`,
			log: r.value.log,
			executions: () => executionsIn(r.value.log()),
		}));

		/** Runs an n8n CLI command (import:credentials…) against the shared database. */
		function runCli(args, { timeoutMs: cliTimeoutMs = 170_000 } = {}) {
			const { nodeBin, n8nBin } = runtimePaths();
			return new Promise((resolve) => {
				execFile(
					nodeBin,
					[n8nBin, ...args],
					{ env: envFor(mainFolder), timeout: cliTimeoutMs, maxBuffer: 64 * 1024 * 1024 },
					(error, stdout, stderr) =>
						resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }),
				);
			});
		}

		return {
			baseUrl: main.url,
			webhookUrl: (path) => `${main.url}/webhook/${path.replace(/^\//, '')}`,
			processes: [
				{ role: 'main', pid: main.child.pid, log: main.log },
				...workerHandles.map(({ pid, log }) => ({ role: 'worker', pid, log })),
			],
			main,
			workers: workerHandles,
			runCli,
			services: {
				redisPort: redis.port,
				redisPid: redis.child.pid,
				postgresPort: postgres.port,
				postgresPid: postgres.child.pid,
				installMs,
			},
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

module.exports = { startQueueMode, executionsIn, sharedEnv };
