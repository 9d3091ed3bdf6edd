// scripts/install-queue-services.sh decides whether to install Redis and PostgreSQL and how: run
// here with stand-in `id`, `sudo` and `apt-get` commands on PATH and stand-in package folders, so
// nothing is installed on this machine.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const script = join(__dirname, '..', '..', '..', 'scripts', 'install-queue-services.sh');

let dir;
beforeEach(() => {
	dir = fs.mkdtempSync(join(tmpdir(), 'queue-services-test-'));
	fs.mkdirSync(join(dir, 'bin'));
	fs.mkdirSync(join(dir, 'lib', 'postgresql'), { recursive: true });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function stub(name, body) {
	const file = join(dir, 'bin', name);
	fs.writeFileSync(file, `#!/bin/sh\n${body}\n`);
	fs.chmodSync(file, 0o755);
}

function installed({ redis, postgres }) {
	if (redis) stub('redis-server', 'exit 0');
	if (postgres) {
		fs.mkdirSync(join(dir, 'lib', 'postgresql', '15', 'bin'), { recursive: true });
		const file = join(dir, 'lib', 'postgresql', '15', 'bin', 'postgres');
		fs.writeFileSync(file, '#!/bin/sh\n');
		fs.chmodSync(file, 0o755);
	}
}

/** Runs the script as user `uid` (a stand-in `id`); `sudo` says whether passwordless sudo works. */
function run({ uid, sudo = false }) {
	stub('id', `echo ${uid}`);
	stub('sudo', sudo ? 'shift; exec "$@"' : 'exit 1');
	// apt-get logs its arguments, the frontend and whether services were kept from starting.
	stub(
		'apt-get',
		`echo "$DEBIAN_FRONTEND $* policy=$(sh "${join(dir, 'policy-rc.d')}"; echo $?)" >> "${join(dir, 'apt.log')}"`,
	);
	const result = spawnSync('bash', [script], {
		encoding: 'utf8',
		env: {
			PATH: `${join(dir, 'bin')}:/usr/bin:/bin`,
			QUEUE_SERVICES_REDIS_BIN: join(dir, 'bin', 'redis-server'),
			QUEUE_SERVICES_POSTGRES_LIB: join(dir, 'lib', 'postgresql'),
			QUEUE_SERVICES_POLICY_RC_D: join(dir, 'policy-rc.d'),
		},
	});
	const aptLog = fs.existsSync(join(dir, 'apt.log'))
		? fs.readFileSync(join(dir, 'apt.log'), 'utf8').trim().split('\n')
		: [];
	return { code: result.status, stderr: result.stderr.trim(), aptLog };
}

test('installs nothing and says nothing when both are there', () => {
	installed({ redis: true, postgres: true });
	expect(run({ uid: 1000 })).toEqual({ code: 0, stderr: '', aptLog: [] });
});

test('without root or sudo: one sentence with the command to run, and no install', () => {
	installed({ redis: false, postgres: true });
	expect(run({ uid: 1000 })).toEqual({
		code: 1,
		stderr:
			"Queue mode needs redis-server: run 'sudo apt-get install -y --no-install-recommends redis-server' once, then run again.",
		aptLog: [],
	});
});

test('as root: apt-get update, then only the missing packages, with their services kept stopped', () => {
	const result = run({ uid: 0 });
	expect(result.code).toBe(0);
	expect(result.aptLog).toEqual([
		'noninteractive update -qq policy=101',
		'noninteractive install -y -qq --no-install-recommends redis-server postgresql policy=101',
	]);
	// The policy file was the script's own: it is gone again.
	expect(fs.existsSync(join(dir, 'policy-rc.d'))).toBe(false);
	expect(result.stderr).toMatch(/^Installing redis-server postgresql from Debian packages/);
	expect(result.stderr).toMatch(/Installed redis-server postgresql in \d+ s\.$/);
});

test('through passwordless sudo when not root, and an existing policy file is left alone', () => {
	installed({ redis: true, postgres: false });
	fs.writeFileSync(join(dir, 'policy-rc.d'), '#!/bin/sh\nexit 101\n');
	const result = run({ uid: 1000, sudo: true });
	expect(result.code).toBe(0);
	expect(result.aptLog).toEqual([
		'noninteractive update -qq policy=101',
		'noninteractive install -y -qq --no-install-recommends postgresql policy=101',
	]);
	expect(fs.readFileSync(join(dir, 'policy-rc.d'), 'utf8')).toBe('#!/bin/sh\nexit 101\n');
});
