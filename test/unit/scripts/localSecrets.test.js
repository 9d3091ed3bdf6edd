// The local scripts' passwords: Redis and PostgreSQL for queue mode take a password that reaches
// them through private files, the n8n processes get it in their environment, and no command line
// (which every local user can read in `ps`) carries a password, token or secret.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const {
	redisConfig,
	pgHbaConf,
	initdbArgs,
	postgresArgs,
} = require('../../../scripts/queue-services');
const { sharedEnv } = require('../../../scripts/queue-mode');
const { writePrivateFile } = require('../../../scripts/private-file');
const { forwarderLaunch, CONVERSION_TOKEN, SECRET } = require('../../../bench/postbacks');

const PASSWORD = 'a3f9c0e1b2d4a3f9c0e1b2d4a3f9c0e1b2d4a3f9c0e1b2d4';

let dir;
beforeEach(() => {
	dir = fs.mkdtempSync(join(tmpdir(), 'local-secrets-test-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Redis for queue mode', () => {
	test('its configuration requires the password, on loopback, keeping nothing on disk', () => {
		expect(redisConfig({ port: 6390, dir: '/tmp/q r', password: PASSWORD })).toBe(
			[
				'port 6390',
				'bind 127.0.0.1',
				'protected-mode yes',
				'dir "/tmp/q r"',
				'save ""',
				'appendonly no',
				`requirepass ${PASSWORD}`,
				'',
			].join('\n'),
		);
	});
});

describe('PostgreSQL for queue mode', () => {
	test('pg_hba.conf lets in only password (SCRAM) connections, on the socket and IPv4 loopback', () => {
		const lines = pgHbaConf()
			.split('\n')
			.filter((line) => line && !line.startsWith('#'))
			.map((line) => line.split(/\s+/));
		expect(lines).toEqual([
			['local', 'all', 'all', 'scram-sha-256'],
			['host', 'all', 'all', '127.0.0.1/32', 'scram-sha-256'],
		]);
		expect(pgHbaConf()).not.toMatch(/trust|peer|ident|password\s*$/m);
	});

	test('initdb sets password authentication and reads the password from a file, not its arguments', () => {
		const args = initdbArgs({
			dataDir: '/tmp/pg/data',
			passwordFile: '/tmp/pg/superuser-password',
		});
		expect(args).toEqual([
			'-D',
			'/tmp/pg/data',
			'-U',
			'postgres',
			'--auth=scram-sha-256',
			'--pwfile=/tmp/pg/superuser-password',
			'-E',
			'UTF8',
			'--no-sync',
		]);
		expect(args.join(' ')).not.toContain('trust');
	});

	test('the server listens on IPv4 loopback and its socket in the private folder, with no password in its arguments', () => {
		expect(postgresArgs({ dataDir: '/tmp/pg/data', port: 5440, socketDir: '/tmp/pg' })).toEqual([
			'-D',
			'/tmp/pg/data',
			'-p',
			'5440',
			'-h',
			'127.0.0.1',
			'-k',
			'/tmp/pg',
			'-c',
			'max_connections=200',
			'-c',
			'password_encryption=scram-sha-256',
		]);
	});
});

describe('the n8n processes in queue mode', () => {
	test('get both passwords in their environment', () => {
		const env = sharedEnv({
			redis: { port: 6390, password: 'redis-pass' },
			postgres: { port: 5440, database: 'n8n', user: 'postgres', password: 'pg-pass' },
			encryptionKey: 'key',
		});
		expect(env).toMatchObject({
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: '6390',
			QUEUE_BULL_REDIS_PASSWORD: 'redis-pass',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: '5440',
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: 'pg-pass',
		});
	});
});

describe('writePrivateFile', () => {
	test('creates the file with mode 0600 whatever the umask', () => {
		const file = join(dir, 'redis.conf');
		const umask = process.umask(0);
		try {
			writePrivateFile(file, 'requirepass x\n');
		} finally {
			process.umask(umask);
		}
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
		expect(fs.readFileSync(file, 'utf8')).toBe('requirepass x\n');
	});

	test('never writes into an existing file or through a link someone put there', () => {
		const target = join(dir, 'elsewhere');
		fs.writeFileSync(target, 'kept');
		fs.symlinkSync(target, join(dir, 'link'));
		expect(() => writePrivateFile(join(dir, 'link'), 'secret')).toThrow(/EEXIST/);
		expect(() => writePrivateFile(target, 'secret')).toThrow(/EEXIST/);
		expect(fs.readFileSync(target, 'utf8')).toBe('kept');
	});
});

describe('the benchmark forwarder', () => {
	test('gets the conversion token and the postback secret in its environment, not its arguments', () => {
		const { args, env } = forwarderLaunch('http://127.0.0.1:1234');
		expect(args.slice(1)).toEqual(['http://127.0.0.1:1234/v5', '549755885175']);
		expect(args.join(' ')).not.toContain(CONVERSION_TOKEN);
		expect(args.join(' ')).not.toContain(SECRET);
		expect(env).toMatchObject({ FORWARDER_TOKEN: CONVERSION_TOKEN, FORWARDER_SECRET: SECRET });
	});

	test('runs with neither in its command line, and checks the secret from its environment', async () => {
		const { args, env } = forwarderLaunch('http://127.0.0.1:9');
		const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
		try {
			const url = await new Promise((resolve) =>
				child.stdout.once('data', (d) => resolve(String(d).trim())),
			);
			const cmdline = fs.readFileSync(`/proc/${child.pid}/cmdline`, 'utf8');
			expect(cmdline).not.toContain(CONVERSION_TOKEN);
			expect(cmdline).not.toContain(SECRET);
			expect((await fetch(`${url}/?secret=wrong&order_id=1`)).status).toBe(403);
			expect((await fetch(`${url}/?secret=${SECRET}`)).status).toBe(422);
		} finally {
			child.kill('SIGTERM');
		}
	});

	test('refuses to start without them, in one sentence', async () => {
		const child = spawn(process.execPath, forwarderLaunch('http://127.0.0.1:9').args, {
			env: { PATH: process.env.PATH },
		});
		let stderr = '';
		child.stderr.on('data', (chunk) => (stderr += chunk));
		expect(await new Promise((resolve) => child.on('close', resolve))).toBe(2);
		expect(stderr).toBe(
			'The forwarder needs FORWARDER_TOKEN and FORWARDER_SECRET in its environment.\n',
		);
	});
});

describe('the queue-mode watchdog', () => {
	/** Runs the watchdog for a starter that is gone already; returns whether it removed `victim`. */
	async function watchdogRemoves(stateMode) {
		const victim = fs.mkdtempSync(join(dir, 'victim-'));
		const stateFile = join(dir, 'state.json');
		writePrivateFile(stateFile, JSON.stringify({ pids: [], dirs: [victim] }));
		fs.chmodSync(stateFile, stateMode);
		const gone = spawn(process.execPath, ['-e', '']);
		await new Promise((resolve) => gone.on('exit', resolve));
		const watchdog = spawn(process.execPath, [
			join(__dirname, '..', '..', '..', 'scripts', 'queue-mode-watchdog.js'),
			String(gone.pid),
			stateFile,
		]);
		await new Promise((resolve) => watchdog.on('exit', resolve));
		return !fs.existsSync(victim);
	}

	test('cleans up after a starter that died, from a state file only its user may write', async () => {
		expect(await watchdogRemoves(0o600)).toBe(true);
	}, 15_000);

	test('does nothing with a state file other users may write', async () => {
		expect(await watchdogRemoves(0o666)).toBe(false);
	}, 15_000);
});
