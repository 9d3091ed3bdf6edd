// Runs the checks of n8n's community-package scanner (@n8n/scan-community-package) on this
// repository's sources and on the unpacked `npm pack` tarball, the two things the scanner lints
// when n8n verifies a published package. (Provenance needs a published version and is not checked.)
const { execFileSync } = require('node:child_process');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const { pack, repoRoot } = require('./install-package.js');

const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

async function main() {
	// The scanner is published as an ES module only.
	const { analyzePackage, SOURCE_FILE_PATTERNS } =
		await import('@n8n/scan-community-package/scanner/scanner.mjs');
	const tarballDir = mkdtempSync(join(tmpdir(), 'pinterest-scan-'));
	execFileSync('tar', ['-xzf', pack(), '-C', tarballDir, '--strip-components=1']);

	let failed = false;
	for (const [what, dir, patterns] of [
		['source tree', repoRoot, SOURCE_FILE_PATTERNS],
		['npm tarball', tarballDir, TARBALL_FILE_PATTERNS],
	]) {
		const result = await analyzePackage(dir, patterns);
		process.stdout.write(`scanner checks on the ${what}: ${result.passed ? 'passed' : 'FAILED'}\n`);
		if (!result.passed) {
			failed = true;
			process.stdout.write(`${result.message ?? ''}\n${result.details ?? ''}\n`);
		}
	}
	process.exit(failed ? 1 : 0);
}

main();
