// Redis and PostgreSQL for n8n's queue mode, from the machine's Debian packages: installed once
// when missing (install-queue-services.sh), then started as throwaway instances on free loopback
// ports with their data in temporary folders. PostgreSQL refuses to run as root, so under root it
// runs as the `postgres` user the Debian package creates.
//
// Loopback is shared by every user of the machine, so neither service is open: each start makes a
// random password, which reaches the services through files only their owner can read (Redis's
// config file, initdb's password file) and the clients through their environment, never through a
// command line (any local user can read those in `ps`).
const { spawn, spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const { join } = require('node:path');

const { freePort } = require('./free-port');
const { writePrivateFile } = require('./private-file');

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

/** A password for one run of a service: 48 hex characters, no quoting needed anywhere. */
const randomServicePassword = () => randomBytes(24).toString('hex');

/** Redis's configuration: loopback only, nothing kept on disk, the password required. */
function redisConfig({ port, dir, password }) {
	return [
		`port ${port}`,
		'bind 127.0.0.1',
		'protected-mode yes',
		`dir ${JSON.stringify(dir)}`,
		'save ""',
		'appendonly no',
		`requirepass ${password}`,
		'',
	].join('\n');
}

/** Whether Redis answers PING once signed in with `password`. */
function redisPing(port, password) {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		let answer = '';
		socket.setTimeout(1000, () => socket.destroy());
		socket.on('error', () => resolve(false));
		socket.on('connect', () => socket.write(`AUTH ${password}\r\nPING\r\n`));
		socket.on('data', (data) => {
			answer += data;
			if (!answer.includes('\r\n', answer.indexOf('\r\n') + 2)) return;
			resolve(answer === '+OK\r\n+PONG\r\n');
			socket.end();
		});
		socket.on('close', () => resolve(false));
	});
}

/** A Redis on 127.0.0.1 that keeps nothing on disk and takes only `password` (made when not given). */
async function startRedis({ dir, password = randomServicePassword(), timeoutMs = 30_000 }) {
	const port = await freePort();
	const configFile = join(dir, 'redis.conf');
	writePrivateFile(configFile, redisConfig({ port, dir, password }));
	const child = spawn(redisBin(), [configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
	const log = capture(child);
	await waitFor(() => redisPing(port, password), child, 'redis-server', timeoutMs, log);
	return { child, port, password, log, stop: () => endChild(child, 'SIGTERM') };
}

/**
 * Who may connect, and how: password (SCRAM) only, over the socket in the service's private folder
 * and over IPv4 loopback (the only address it listens on); no `trust` line, so no local user gets in
 * without the password.
 */
function pgHbaConf() {
	return [
		'# TYPE  DATABASE  USER  ADDRESS       METHOD',
		'local   all       all                 scram-sha-256',
		'host    all       all   127.0.0.1/32  scram-sha-256',
		'',
	].join('\n');
}

/** initdb's arguments: the superuser's password is read from `passwordFile`, not given here. */
function initdbArgs({ dataDir, passwordFile }) {
	return [
		'-D',
		dataDir,
		'-U',
		'postgres',
		'--auth=scram-sha-256',
		`--pwfile=${passwordFile}`,
		'-E',
		'UTF8',
		'--no-sync',
	];
}

function postgresArgs({ dataDir, port, socketDir }) {
	return [
		'-D',
		dataDir,
		'-p',
		String(port),
		'-h',
		'127.0.0.1',
		'-k',
		socketDir,
		'-c',
		'max_connections=200',
		'-c',
		'password_encryption=scram-sha-256',
	];
}

/**
 * A PostgreSQL on 127.0.0.1 with a fresh cluster in `dir` (the `postgres` role with `password`,
 * made when not given; loopback only) and an empty database `database`.
 */
async function startPostgres({
	dir,
	database = 'n8n',
	password = randomServicePassword(),
	timeoutMs = 60_000,
}) {
	const bin = postgresBinDir();
	const user = postgresUser();
	const asPostgres = user ? { uid: user.uid, gid: user.gid } : {};
	fs.chmodSync(dir, 0o700);
	if (user) fs.chownSync(dir, user.uid, user.gid);
	const dataDir = join(dir, 'data');
	const env = { PATH: process.env.PATH, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
	const passwordFile = join(dir, 'superuser-password');
	writePrivateFile(passwordFile, `${password}\n`);
	if (user) fs.chownSync(passwordFile, user.uid, user.gid);
	const init = spawnSync(join(bin, 'initdb'), initdbArgs({ dataDir, passwordFile }), {
		...asPostgres,
		env,
		encoding: 'utf8',
		cwd: dir,
	});
	fs.rmSync(passwordFile, { force: true });
	if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
	// initdb's own pg_hba.conf also lets in replication connections: this one says all there is.
	fs.writeFileSync(join(dataDir, 'pg_hba.conf'), pgHbaConf());

	const port = await freePort();
	// Spawned directly as the postgres user (not through runuser), so the pid is the postmaster's
	// own and stop() or a dying test process can end it with one signal.
	const child = spawn(join(bin, 'postgres'), postgresArgs({ dataDir, port, socketDir: dir }), {
		...asPostgres,
		env,
		cwd: dir,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
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
		['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '--no-password', database],
		{ env: { ...env, PGPASSWORD: password }, encoding: 'utf8' },
	);
	if (created.status !== 0) {
		await endChild(child, 'SIGINT');
		throw new Error(`createdb failed: ${created.stderr}`);
	}
	// SIGINT is PostgreSQL's fast shutdown: open sessions are ended, nothing is waited for.
	return {
		child,
		port,
		database,
		user: 'postgres',
		password,
		log,
		stop: () => endChild(child, 'SIGINT'),
	};
}

module.exports = {
	ensureQueueServices,
	startRedis,
	startPostgres,
	endChild,
	postgresBinDir,
	QueueServicesError,
	redisConfig,
	pgHbaConf,
	initdbArgs,
	postgresArgs,
};
