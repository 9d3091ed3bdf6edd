// Installs (once) and locates the real n8n the tests and `npm start` run this package in.
// n8n 2.41 needs Node 24; the machine may only have an older Node, so Node 24 comes from the npm
// registry's `node-<platform>-<arch>` package (binary and headers), n8n is installed without
// install scripts, and sqlite3, the one native module without a usable prebuilt binary offline,
// is compiled against those Node 24 headers. Everything lives in a cache folder outside
// node_modules, so a fresh clone pays for it once per machine.
const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync, writeFileSync, rmSync } = require('node:fs');
const { homedir } = require('node:os');
const { join } = require('node:path');

const N8N_VERSION = '2.41.1';
const NODE_VERSION = '24.21.0';

const cacheRoot =
	process.env.N8N_PINTEREST_RUNTIME_DIR ??
	join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'n8n-nodes-pinterest-ads');

const runtimeDir = join(cacheRoot, `n8n-${N8N_VERSION}-node-${NODE_VERSION}`);
const nodePackage = `node-${process.platform}-${process.arch}`;
const nodeHome = join(runtimeDir, 'node', 'node_modules', nodePackage);
const nodeBin = join(nodeHome, 'bin', 'node');
const n8nBin = join(runtimeDir, 'n8n', 'node_modules', 'n8n', 'bin', 'n8n');
const readyMarker = join(runtimeDir, '.ready');

function npm(args, cwd, extraEnv = {}) {
	execFileSync('npm', args, {
		cwd,
		stdio: ['ignore', 'inherit', 'inherit'],
		env: { ...process.env, ...extraEnv },
	});
}

function installInto(dir, spec, extraArgs, extraEnv) {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true }));
	npm(['install', spec, '--no-audit', '--no-fund', '--loglevel=error', ...extraArgs], dir, extraEnv);
}

/** Makes sure Node 24 and n8n are installed; returns their paths. Idempotent. */
function ensureN8nRuntime({ log = (m) => process.stderr.write(`${m}\n`) } = {}) {
	if (existsSync(readyMarker)) return { nodeBin, n8nBin, runtimeDir };
	const started = Date.now();
	log(`Installing n8n ${N8N_VERSION} on Node ${NODE_VERSION} into ${runtimeDir} (once per machine, a few minutes)…`);
	installInto(join(runtimeDir, 'node'), `${nodePackage}@${NODE_VERSION}`, ['--ignore-scripts']);
	const node24Env = {
		PATH: `${join(nodeHome, 'bin')}:${process.env.PATH}`,
		npm_config_nodedir: nodeHome,
	};
	installInto(join(runtimeDir, 'n8n'), `n8n@${N8N_VERSION}`, ['--ignore-scripts'], node24Env);
	npm(['rebuild', 'sqlite3', '--loglevel=error'], join(runtimeDir, 'n8n'), node24Env);
	writeFileSync(readyMarker, new Date().toISOString());
	log(`n8n runtime ready in ${Math.round((Date.now() - started) / 1000)} s`);
	return { nodeBin, n8nBin, runtimeDir };
}

module.exports = { N8N_VERSION, NODE_VERSION, runtimeDir, nodeBin, n8nBin, ensureN8nRuntime };

if (require.main === module) {
	ensureN8nRuntime();
}
