// Installs this package into an n8n user folder the way n8n installs a community package: the
// `npm pack` tarball unpacked into <user folder>/.n8n/nodes/node_modules/<name>, so node types are
// `n8n-nodes-pinterest-ads.<node>` exactly as for a user who installed it from npm.
const { execFileSync } = require('node:child_process');
const { mkdirSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const repoRoot = join(__dirname, '..');
const { name: packageName } = require('../package.json');

function build() {
	execFileSync('npm', ['run', '--silent', 'build'], {
		cwd: repoRoot,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
}

/** Packs the built package; returns the tarball path (in a fresh temporary folder). */
function pack() {
	const destination = mkdtempSync(join(tmpdir(), 'pinterest-pack-'));
	const output = execFileSync('npm', ['pack', '--silent', '--pack-destination', destination], {
		cwd: repoRoot,
		encoding: 'utf8',
	});
	return join(destination, output.trim().split('\n').pop());
}

function installPackageInto(userFolder, { skipBuild = false } = {}) {
	if (!skipBuild) build();
	const tarball = pack();
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const target = join(nodesDir, 'node_modules', packageName);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
	// n8n lists installed community packages from this manifest's folder.
	writeFileSync(
		join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true }),
	);
	return { tarball, target };
}

module.exports = { build, pack, installPackageInto, packageName, repoRoot };
