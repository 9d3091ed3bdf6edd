// scripts/install-queue-services.sh decides whether to install Redis and PostgreSQL and how: run
// here with stand-in `id`, `sudo` and `apt-get` commands on PATH and stand-in package folders, so
// nothing is installed on this machine.
const { spawn, spawnSync } = require('node:child_process');
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

/** Stand-ins for `id`, `sudo` and `apt-get`; `aptInstall` is the body apt-get runs for `install`. */
function stubCommands({ uid, sudo, aptInstall = '' }) {
	stub('id', `echo ${uid}`);
	stub('sudo', sudo ? 'shift; exec "$@"' : 'exit 1');
	// apt-get logs its arguments, the frontend and whether services were kept from starting.
	stub(
		'apt-get',
		`echo "$DEBIAN_FRONTEND $* policy=$(sh "$QUEUE_SERVICES_POLICY_RC_D"; echo $?)" >> "${join(dir, 'apt.log')}"
[ "$1" = install ] && { ${aptInstall || ':'}; }
exit 0`,
	);
}

function scriptEnv(policy) {
	return {
		PATH: `${join(dir, 'bin')}:/usr/bin:/bin`,
		QUEUE_SERVICES_REDIS_BIN: join(dir, 'bin', 'redis-server'),
		QUEUE_SERVICES_POSTGRES_LIB: join(dir, 'lib', 'postgresql'),
		QUEUE_SERVICES_POLICY_RC_D: policy,
	};
}

function aptLog() {
	return fs.existsSync(join(dir, 'apt.log'))
		? fs.readFileSync(join(dir, 'apt.log'), 'utf8').trim().split('\n')
		: [];
}

/** Runs the script as user `uid` (a stand-in `id`); `sudo` says whether passwordless sudo works. */
function run({ uid, sudo = false, policy = join(dir, 'policy-rc.d'), aptInstall }) {
	stubCommands({ uid, sudo, aptInstall });
	const result = spawnSync('bash', [script], {
		encoding: 'utf8',
		cwd: dir,
		env: scriptEnv(policy),
	});
	return { code: result.status, stderr: result.stderr.trim(), aptLog: aptLog() };
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

test('a policy path with shell characters in it is used as a path, never run', () => {
	const policy = join(dir, 'policy $(touch injected) rc.d');
	const result = run({ uid: 0, policy });
	expect(result.code).toBe(0);
	expect(result.aptLog).toEqual([
		'noninteractive update -qq policy=101',
		'noninteractive install -y -qq --no-install-recommends redis-server postgresql policy=101',
	]);
	expect(fs.existsSync(join(dir, 'injected'))).toBe(false);
	expect(fs.existsSync(policy)).toBe(false);
});

test('the policy file goes when the install fails', () => {
	const result = run({ uid: 0, aptInstall: 'exit 100' });
	expect(result.code).toBe(100);
	expect(result.aptLog).toHaveLength(2);
	expect(fs.readdirSync(dir).sort()).toEqual(['apt.log', 'bin', 'lib']);
});

test('the policy file goes when writing it fails half-way', () => {
	// The file is written, then making it executable fails.
	stub('chmod', 'exit 1');
	const result = run({ uid: 0 });
	expect(result.code).toBe(1);
	expect(result.aptLog).toEqual([]);
	expect(fs.readdirSync(dir).sort()).toEqual(['bin', 'lib']);
});

test('the policy file goes when the script is stopped during the install (Ctrl+C)', async () => {
	stubCommands({ uid: 0, sudo: false, aptInstall: `touch "${join(dir, 'installing')}"; sleep 30` });
	// A process group of its own, as a terminal gives a command: Ctrl+C signals the whole group.
	const child = spawn('bash', [script], {
		cwd: dir,
		env: scriptEnv(join(dir, 'policy-rc.d')),
		stdio: 'ignore',
		detached: true,
	});
	const exited = new Promise((resolve) =>
		child.on('exit', (code, signal) => resolve({ code, signal })),
	);
	while (!fs.existsSync(join(dir, 'installing'))) await new Promise((r) => setTimeout(r, 50));
	expect(fs.existsSync(join(dir, 'policy-rc.d'))).toBe(true);
	process.kill(-child.pid, 'SIGINT');
	expect(await exited).toEqual({ code: 130, signal: null });
	expect(fs.existsSync(join(dir, 'policy-rc.d'))).toBe(false);
}, 20_000);
