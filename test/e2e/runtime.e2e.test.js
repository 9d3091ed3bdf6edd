// The runtime check: a broken n8n runtime is found before use, said in one line, and repaired.
// Works on a hard-linked copy of the installed runtime, with the parts it breaks copied for real,
// so the runtime the other tests use is never touched.
const { execFile, execFileSync } = require('node:child_process');
const { cpSync, mkdtempSync, renameSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { basename, join } = require('node:path');
const { promisify } = require('node:util');

const { probe, runtimePaths } = require('../../scripts/n8n-runtime');
const { e2eContext, noContractViolationsAfterEach } = require('../harness/e2eContext');

// Nothing here calls Pinterest; the check still runs, as in every end-to-end file.
noContractViolationsAfterEach(e2eContext());

const repoRoot = join(__dirname, '..', '..');
const { runtimeDir } = runtimePaths();
let cacheCopy;
let copy;

beforeEach(() => {
	cacheCopy = mkdtempSync(join(tmpdir(), 'n8n-runtime-copy-'));
	copy = join(cacheCopy, basename(runtimeDir));
	execFileSync('cp', ['-al', runtimeDir, copy]);
});
afterEach(() => rmSync(cacheCopy, { recursive: true, force: true }));

/** Replaces a hard-linked folder of the copy by a real copy, so changing it leaves the original. */
function detach(relativePath) {
	rmSync(join(copy, relativePath), { recursive: true });
	cpSync(join(runtimeDir, relativePath), join(copy, relativePath), { recursive: true });
}

test('a working runtime passes the check', () => {
	expect(probe(copy)).toEqual({ ok: true });
});

test('a runtime whose sqlite3 binding is missing is reported and repaired', async () => {
	detach('node_modules/sqlite3');
	rmSync(join(copy, 'node_modules/sqlite3/build'), { recursive: true });
	expect(probe(copy)).toMatchObject({ ok: false, problem: 'sqlite3' });

	const { stdout, stderr } = await promisify(execFile)(
		'node',
		[join(repoRoot, 'scripts', 'n8n-runtime.js')],
		{ env: { ...process.env, N8N_PINTEREST_RUNTIME_DIR: cacheCopy }, timeout: 600_000 },
	);
	expect(stdout).toBe('');
	const lines = stderr.trim().split('\n');
	expect(lines[0]).toBe(
		`The n8n runtime in ${copy} is broken: sqlite3's native binding does not load ` +
			'(Could not locate the bindings file. Tried:). Repairing it:',
	);
	expect(lines.at(-1)).toBe(`n8n 2.41.1 runtime OK: ${copy}`);
	expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
	expect(probe(copy)).toEqual({ ok: true });
}, 600_000);

test('a runtime without n8n is reported as incomplete, not used', () => {
	renameSync(join(copy, 'node_modules/n8n'), join(copy, 'node_modules/n8n-moved'));
	expect(probe(copy)).toEqual({ ok: false, problem: 'missing', detail: 'n8n is not installed' });
});
