// The real n8n that `npm start`, the end-to-end tests and the benchmarks run this package in.
// n8n 2.41 needs Node 24 while the machine may have an older Node, so both come from the npm
// registry: `runtime/package-lock.json` pins n8n's whole tree and the `node-<platform>-<arch>`
// package (Node 24's binary and headers). `npm ci` installs it into a cache folder outside the
// clone, and sqlite3, the one native module n8n needs without a prebuilt binary in its tarball,
// is compiled from source (prebuilt binaries would be downloaded from outside the registry).
//
// A second pinned runtime, `runtime-1x/` (the newest n8n 1.x on Node 22), is installed the same way
// into its own folder for the compatibility test: `createRuntime('runtime-1x')`. Everything below
// works per runtime; the module's own exports are the default runtime's (runtime/, n8n 2.41).
//
// A runtime is only used after a probe under its own Node shows that n8n is there at the pinned
// version, that its CLI answers and that sqlite3's native binding loads. The probe runs on every
// use (about 0.15 s), so a cache broken by an interrupted install or a deleted file is repaired,
// not trusted.
const { spawn, spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const { homedir } = require('node:os');
const { basename, join } = require('node:path');

const nodePackage = `node-${process.platform}-${process.arch}`;
/**
 * What an install takes on disk (measured: 2.8 GB for 2.41, 1.9 GB for 1.123), with room for npm's
 * temporary files.
 */
const REQUIRED_FREE_BYTES = 4 * 1024 ** 3;

const cacheRoot =
	process.env.N8N_PINTEREST_RUNTIME_DIR ??
	join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'n8n-nodes-pinterest-ads');

/** A failure the user can act on: `message` is one sentence with the fix, never a stack trace. */
class RuntimeError extends Error {
	constructor(message) {
		super(message);
		this.stack = message;
	}
}

const log = (line) => process.stderr.write(`${line}\n`);
const seconds = (ms) => {
	const s = Math.round(ms / 1000);
	return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
};

/** npm_config_* names of the settings in this repository's own .npmrc (e.g. ignore-scripts). */
const projectNpmSettings = fs
	.readFileSync(join(__dirname, '..', '.npmrc'), 'utf8')
	.split('\n')
	.map((line) => /^\s*([\w-]+)\s*=/.exec(line)?.[1])
	.filter(Boolean)
	.map((key) => `npm_config_${key.replace(/-/g, '_')}`.toLowerCase());

/**
 * The environment for child processes. Run from an npm script, this process carries npm's view of
 * this repository: its .npmrc settings as npm_config_* (ignore-scripts would silently skip the
 * sqlite3 build), its folder as npm_config_local_prefix, and the script's own npm_package_* and
 * npm_lifecycle_* values. Those are removed; the user's own npm settings (registry, proxy, cache)
 * stay. Every setting a child npm call depends on is a flag on its own command line.
 */
function cleanEnv(extra = {}) {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		const name = key.toLowerCase();
		const fromProject =
			projectNpmSettings.includes(name) ||
			name === 'npm_config_local_prefix' ||
			name === 'init_cwd' ||
			/^npm_(package_|lifecycle_|command$|execpath$|node_execpath$)/.test(name);
		if (!fromProject) env[key] = value;
	}
	return { ...env, ...extra };
}

function freeBytes(dir) {
	let existing = dir;
	while (!fs.existsSync(existing)) existing = join(existing, '..');
	const stats = fs.statfsSync(existing);
	return stats.bavail * stats.bsize;
}

/**
 * Runs npm with its output in the install log, and a progress line every 15 s while it runs.
 * `step` is the line shown when it starts; `doing` says what npm was doing, for the failure.
 */
function runNpm({ step, doing }, args, { cwd, env, logFile, progress }) {
	const started = Date.now();
	log(`  ${step}…`);
	const fd = fs.openSync(logFile, 'a');
	fs.writeSync(fd, `\n$ npm ${args.join(' ')}\n`);
	return new Promise((resolve, reject) => {
		const child = spawn('npm', args, { cwd, env, stdio: ['ignore', fd, fd] });
		const ticker = setInterval(() => {
			log(`    ${seconds(Date.now() - started)}${progress ? `, ${progress()}` : ''}`);
		}, 15_000);
		child.on('error', () => finish(false));
		child.on('exit', (code) => finish(code === 0));
		function finish(succeeded) {
			clearInterval(ticker);
			fs.closeSync(fd);
			if (!succeeded) return reject(explainNpmFailure(doing, logFile));
			log(`    done in ${seconds(Date.now() - started)}`);
			resolve();
		}
	});
}

const NETWORK_ERROR =
	/E(NOTFOUND|AI_AGAIN|CONNREFUSED|CONNRESET|TIMEDOUT|NETUNREACH|HOSTUNREACH)|network|socket hang up/i;

function explainNpmFailure(doing, logFile) {
	const output = fs.readFileSync(logFile, 'utf8');
	if (/ENOSPC/.test(output)) {
		return new RuntimeError(
			`The disk ran full while ${doing}. Free some space (about 4 GB) or set N8N_PINTEREST_RUNTIME_DIR ` +
				'to a folder on a larger disk, then run again.',
		);
	}
	if (NETWORK_ERROR.test(output)) {
		return new RuntimeError(
			`Could not reach the npm registry while ${doing}. Check the network connection (and npm's ` +
				`registry or proxy settings: npm config get registry), then run again. Details: ${logFile}`,
		);
	}
	return new RuntimeError(
		`npm failed while ${doing}; the last lines of ${logFile} say why. Fix that, then run again.`,
	);
}

const created = new Map();

/**
 * One pinned runtime: `lockFolder` is a folder of this repository holding its package.json
 * (n8n in dependencies, the Node packages in optionalDependencies) and package-lock.json.
 * It installs into its own folder under the cache, named by versions and lockfile hash.
 */
function createRuntime(lockFolder = 'runtime') {
	if (created.has(lockFolder)) return created.get(lockFolder);
	const lockDir = join(__dirname, '..', lockFolder);
	const lockText = fs.readFileSync(join(lockDir, 'package-lock.json'), 'utf8');
	const pinned = JSON.parse(fs.readFileSync(join(lockDir, 'package.json'), 'utf8'));

	const N8N_VERSION = pinned.dependencies.n8n;
	const N8N_MAJOR = Number(N8N_VERSION.split('.')[0]);
	const NODE_VERSION =
		pinned.optionalDependencies[nodePackage] ?? Object.values(pinned.optionalDependencies)[0];
	const nodeName = `Node ${NODE_VERSION.split('.')[0]}`;

	const lockHash = createHash('sha256').update(lockText).digest('hex').slice(0, 12);
	const runtimeDir = join(cacheRoot, `n8n-${N8N_VERSION}-node-${NODE_VERSION}-${lockHash}`);
	const modulesDir = join(runtimeDir, 'node_modules');
	const nodeBin = join(modulesDir, nodePackage, 'bin', 'node');
	const n8nBin = join(modulesDir, 'n8n', 'bin', 'n8n');

	/**
	 * Under the runtime's Node: its version, n8n's version, whether sqlite3's binding loads, and
	 * whether the n8n CLI answers `--version` (together about 0.15 s).
	 */
	function probe(dir = runtimeDir) {
		const bin = join(dir, 'node_modules', nodePackage, 'bin', 'node');
		const broken = (problem, detail) => ({ ok: false, problem, detail });
		if (!fs.existsSync(bin)) return broken('missing', `${nodeName} is not installed`);
		const script = `
			const out = { node: process.version };
			try { out.n8n = require(${JSON.stringify(join(dir, 'node_modules', 'n8n', 'package.json'))}).version; } catch {}
			try { require(${JSON.stringify(join(dir, 'node_modules', 'sqlite3'))}); out.sqlite3 = 'ok'; }
			catch (error) { out.sqlite3 = String(error.message).split('\\n')[0]; }
			process.stdout.write(JSON.stringify(out));`;
		const run = (args) =>
			spawnSync(bin, args, { encoding: 'utf8', timeout: 30_000, env: cleanEnv() });
		let found;
		try {
			found = JSON.parse(run(['-e', script]).stdout);
		} catch {
			return broken('missing', `${nodeName} does not run`);
		}
		if (found.node !== `v${NODE_VERSION}`) {
			return broken('missing', `Node ${found.node} found, ${NODE_VERSION} expected`);
		}
		if (found.n8n !== N8N_VERSION) {
			return broken('missing', found.n8n ? `n8n ${found.n8n} found` : 'n8n is not installed');
		}
		if (found.sqlite3 !== 'ok') {
			return broken('sqlite3', `sqlite3's native binding does not load (${found.sqlite3})`);
		}
		if (
			run([join(dir, 'node_modules', 'n8n', 'bin', 'n8n'), '--version']).stdout?.trim() !==
			N8N_VERSION
		) {
			return broken('missing', 'the n8n CLI does not answer with its version');
		}
		return { ok: true };
	}

	const topLevelPackages = Object.keys(JSON.parse(lockText).packages).filter((key) =>
		/^node_modules\/(@[^/]+\/)?[^/]+$/.test(key),
	);
	/** How many of the lockfile's top-level packages are unpacked (a progress figure, not exact). */
	const countUnpacked = (dir) =>
		topLevelPackages.filter((key) => fs.existsSync(join(dir, key, 'package.json'))).length;

	/** Compiles sqlite3 from source against the runtime's Node, install scripts explicitly on. */
	function buildSqlite3(dir, logFile, step = 'Building sqlite3 from source (about 1–2 minutes)') {
		const home = join(dir, 'node_modules', nodePackage);
		return runNpm(
			{ step, doing: 'building sqlite3' },
			[
				'rebuild',
				'sqlite3',
				'--ignore-scripts=false',
				'--build-from-source',
				`--nodedir=${home}`,
				'--foreground-scripts',
			],
			{
				cwd: dir,
				logFile,
				// The flag alone is not enough for every npm: an inherited setting must not turn it off.
				env: cleanEnv({
					PATH: `${join(home, 'bin')}:${process.env.PATH}`,
					npm_config_ignore_scripts: 'false',
				}),
			},
		);
	}

	async function install(logFile) {
		if (!pinned.optionalDependencies[nodePackage]) {
			throw new RuntimeError(
				`The local n8n runs on Linux (x64 or arm64); this is ${process.platform}-${process.arch}. ` +
					'Use a Linux machine or container.',
			);
		}
		const free = freeBytes(cacheRoot);
		if (free < REQUIRED_FREE_BYTES) {
			throw new RuntimeError(
				`Not enough disk space to install n8n: about 4 GB is needed in ${cacheRoot}, ` +
					`${(free / 1024 ** 3).toFixed(1)} GB is free. Free some space or set ` +
					'N8N_PINTEREST_RUNTIME_DIR to a folder on a larger disk, then run again.',
			);
		}
		// Installed beside its final place and renamed once it works: an interrupted install leaves
		// at most a staging folder, which the next run removes.
		const staging = `${runtimeDir}.staging-${process.pid}`;
		fs.rmSync(staging, { recursive: true, force: true });
		fs.mkdirSync(staging, { recursive: true });
		fs.copyFileSync(join(lockDir, 'package.json'), join(staging, 'package.json'));
		fs.copyFileSync(join(lockDir, 'package-lock.json'), join(staging, 'package-lock.json'));
		const started = Date.now();
		log(
			`Installing n8n ${N8N_VERSION} on Node ${NODE_VERSION} into ${runtimeDir} ` +
				'(once per machine; about 4 minutes, longer on a slow network):',
		);
		try {
			await runNpm(
				{
					step: `[1/3] Installing n8n and Node ${NODE_VERSION} from the lockfile (${topLevelPackages.length} packages)`,
					doing: 'installing n8n',
				},
				['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=warn'],
				{
					cwd: staging,
					logFile,
					env: cleanEnv(),
					progress: () =>
						`${countUnpacked(staging)} of ${topLevelPackages.length} packages unpacked`,
				},
			);
			await buildSqlite3(
				staging,
				logFile,
				`[2/3] Building sqlite3 from source for ${nodeName} (about 1 minute)`,
			);
			log(`  [3/3] Checking that n8n answers and sqlite3 loads under ${nodeName}…`);
			const found = probe(staging);
			if (!found.ok) {
				throw new RuntimeError(
					`The installed n8n does not work: ${found.detail}. Details: ${logFile}`,
				);
			}
			fs.rmSync(runtimeDir, { recursive: true, force: true });
			fs.renameSync(staging, runtimeDir);
		} finally {
			fs.rmSync(staging, { recursive: true, force: true });
		}
		log(`n8n runtime ready in ${seconds(Date.now() - started)}.`);
	}

	/** The runtime's paths, for callers that ran ensureN8nRuntime() first. */
	function runtimePaths() {
		return { nodeBin, n8nBin, runtimeDir, modulesDir };
	}

	/**
	 * Makes sure the runtime works, installing or repairing it as needed, and returns its paths.
	 * Throws RuntimeError (one sentence with the fix) when it cannot.
	 */
	async function ensureN8nRuntime() {
		const found = probe();
		if (found.ok) return runtimePaths();
		fs.mkdirSync(cacheRoot, { recursive: true });
		// Only this runtime's own leftovers: another runtime may be installing beside it.
		for (const name of fs.readdirSync(cacheRoot)) {
			if (name.startsWith(`${basename(runtimeDir)}.staging-`))
				fs.rmSync(join(cacheRoot, name), { recursive: true, force: true });
		}
		const logFile = join(
			cacheRoot,
			`install-${new Date().toISOString().replace(/[:.]/g, '-')}.log`,
		);
		if (fs.existsSync(runtimeDir) && found.problem === 'sqlite3') {
			log(`The n8n runtime in ${runtimeDir} is broken: ${found.detail}. Repairing it:`);
			await buildSqlite3(runtimeDir, logFile);
			if (probe().ok) return runtimePaths();
			log('Repair did not help; reinstalling the runtime.');
		} else if (fs.existsSync(runtimeDir)) {
			log(`The n8n runtime in ${runtimeDir} is incomplete (${found.detail}); reinstalling it.`);
		}
		await install(logFile);
		return runtimePaths();
	}

	const runtime = {
		lockFolder,
		N8N_VERSION,
		N8N_MAJOR,
		NODE_VERSION,
		ensureN8nRuntime,
		runtimePaths,
		probe,
	};
	created.set(lockFolder, runtime);
	return runtime;
}

const defaultRuntime = createRuntime('runtime');
/** The newest n8n 1.x, for the compatibility test (runtime-1x/). */
const runtime1x = () => createRuntime('runtime-1x');

module.exports = {
	N8N_VERSION: defaultRuntime.N8N_VERSION,
	NODE_VERSION: defaultRuntime.NODE_VERSION,
	RuntimeError,
	ensureN8nRuntime: defaultRuntime.ensureN8nRuntime,
	runtimePaths: defaultRuntime.runtimePaths,
	probe: defaultRuntime.probe,
	cleanEnv,
	createRuntime,
	defaultRuntime,
	runtime1x,
};

if (require.main === module) {
	// `node scripts/n8n-runtime.js [lock folder]`: the default runtime, or e.g. runtime-1x.
	const runtime = createRuntime(process.argv[2] ?? 'runtime');
	runtime.ensureN8nRuntime().then(
		() => log(`n8n ${runtime.N8N_VERSION} runtime OK: ${runtime.runtimePaths().runtimeDir}`),
		(error) => {
			log(
				error instanceof RuntimeError
					? error.message
					: `Installing the n8n runtime failed: ${error.message}`,
			);
			process.exitCode = 1;
		},
	);
}
