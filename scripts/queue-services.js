// Redis and PostgreSQL for n8n's queue mode, from the machine's Debian packages: installed once
// when missing (install-queue-services.sh), then started as throwaway instances on free loopback
// ports with their data in temporary folders. PostgreSQL refuses to run as root, so under root it
// runs as the `postgres` user the Debian package creates.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const { join } = require('node:path');

const { freePort } = require('./free-port');

const installScript = join(__dirname, 'install-queue-services.sh');

class QueueServicesError extends Error {
	constructor(message) {
		super(message);
		this.stack = message;
	}
}

/** The newest PostgreSQL the Debian packages installed (15 on Debian 12), as its bin folder. */
function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root)
		? fs
				.readdirSync(root)
				.filter((v) => fs.existsSync(join(root, v, 'bin', 'postgres')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	return versions.length ? join(root, versions[0], 'bin') : undefined;
}

const redisBin = () =>
	fs.existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : undefined;

/**
 * Installs redis-server and postgresql when one is missing (root only; otherwise one sentence on
 * what to install). Returns how long the install took in ms (0 when nothing was missing).
 */
function ensureQueueServices() {
	if (redisBin() && postgresBinDir()) return 0;
	const started = Date.now();
	const result = spawnSync('bash', [installScript], { stdio: ['ignore', 'inherit', 'pipe'] });
	const stderr = String(result.stderr ?? '');
	process.stderr.write(stderr);
	if (result.status !== 0 || !redisBin() || !postgresBinDir()) {
		const reason = stderr.trim().split('\n').pop();
		throw new QueueServicesError(
			reason || 'Installing redis-server and postgresql failed; install them with apt-get.',
		);
	}
	return Date.now() - started;
}

/** The uid and gid of the `postgres` user when this process is root (else undefined). */
function postgresUser() {
	if (process.getuid?.() !== 0) return undefined;
	const id = (flag) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout);
	const uid = id('-u');
	if (!uid) throw new QueueServicesError('The postgres user is missing: reinstall postgresql.');
	return { uid, gid: id('-g') };
}

function waitFor(check, child, what, timeoutMs, log) {
	const deadline = Date.now() + timeoutMs;
	return new Promise((resolve, reject) => {
		const attempt = async () => {
			if (child.exitCode !== null || child.signalCode !== null)
				return reject(new Error(`${what} exited early (${child.exitCode})\n${log().slice(-2000)}`));
			if (await check().catch(() => false)) return resolve();
			if (Date.now() > deadline)
				return reject(
					new Error(`${what} was not ready after ${timeoutMs} ms\n${log().slice(-2000)}`),
				);
			setTimeout(attempt, 200);
		};
		attempt();
	});
}

function capture(child) {
	let log = '';
	child.stdout?.on('data', (chunk) => (log += chunk));
	child.stderr?.on('data', (chunk) => (log += chunk));
	return () => log;
}

/** Ends a child: `signal`, then SIGKILL if it is still running after `graceMs`. */
async function endChild(child, signal = 'SIGTERM', graceMs = 15_000) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill(signal);
	const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
}

function redisPing(port) {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.setTimeout(1000, () => socket.destroy());
		socket.on('error', () => resolve(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (data) => {
			resolve(String(data).startsWith('+PONG'));
			socket.end();
		});
		socket.on('close', () => resolve(false));
	});
}

/** A Redis on 127.0.0.1 that keeps nothing on disk. */
async function startRedis({ dir, timeoutMs = 30_000 }) {
	const port = await freePort();
	const child = spawn(
		redisBin(),
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
		],
		{ stdio: ['ignore', 'pipe', 'pipe'] },
	);
	const log = capture(child);
	await waitFor(() => redisPing(port), child, 'redis-server', timeoutMs, log);
	return { child, port, log, stop: () => endChild(child, 'SIGTERM') };
}

/**
 * A PostgreSQL on 127.0.0.1 with a fresh cluster in `dir` (trust authentication for the
 * `postgres` role, loopback only) and an empty database `database`.
 */
async function startPostgres({ dir, database = 'n8n', timeoutMs = 60_000 }) {
	const bin = postgresBinDir();
	const user = postgresUser();
	const asPostgres = user ? { uid: user.uid, gid: user.gid } : {};
	if (user) fs.chownSync(dir, user.uid, user.gid);
	const dataDir = join(dir, 'data');
	const env = { PATH: process.env.PATH, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
	const init = spawnSync(
		join(bin, 'initdb'),
		['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'],
		{ ...asPostgres, env, encoding: 'utf8', cwd: dir },
	);
	if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);

	const port = await freePort();
	// Spawned directly as the postgres user (not through runuser), so the pid is the postmaster's
	// own and stop() or a dying test process can end it with one signal.
	const child = spawn(
		join(bin, 'postgres'),
		['-D', dataDir, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'max_connections=200'],
		{ ...asPostgres, env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	const log = capture(child);
	const ready = () =>
		new Promise((resolve) => {
			const probe = spawn(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)], {
				stdio: 'ignore',
			});
			probe.on('exit', (code) => resolve(code === 0));
		});
	await waitFor(ready, child, 'postgres', timeoutMs, log);
	const created = spawnSync(
		join(bin, 'createdb'),
		['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', database],
		{ env, encoding: 'utf8' },
	);
	if (created.status !== 0) {
		await endChild(child, 'SIGINT');
		throw new Error(`createdb failed: ${created.stderr}`);
	}
	// SIGINT is PostgreSQL's fast shutdown: open sessions are ended, nothing is waited for.
	return { child, port, database, user: 'postgres', log, stop: () => endChild(child, 'SIGINT') };
}

module.exports = {
	ensureQueueServices,
	startRedis,
	startPostgres,
	endChild,
	postgresBinDir,
	QueueServicesError,
};
