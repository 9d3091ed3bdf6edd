// The release path n8n's verification requires: CI runs the README's test command, and a version tag
// publishes from GitHub Actions with an npm provenance statement and no stored npm token.
const { execFileSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const { parse } = require('yaml');

const root = join(__dirname, '..', '..', '..');
const read = (path) => readFileSync(join(root, path), 'utf8');
const workflow = (name) => parse(read(`.github/workflows/${name}`));
const commands = (w) =>
	Object.values(w.jobs).flatMap((job) => job.steps.flatMap((step) => (step.run ? [step.run] : [])));

/** The README's test command: the line of its first code block that runs `npm test`. */
function readmeTestCommand() {
	const line = read('README.md')
		.split('\n')
		.find((l) => /npm test\b/.test(l) && !l.startsWith('|'));
	return (line ?? '').split('#')[0].trim();
}

describe('ci.yml', () => {
	it('runs exactly the README test command', () => {
		expect(readmeTestCommand()).toBe('npm install && npm test');
		expect(commands(workflow('ci.yml'))).toContain(readmeTestCommand());
	});
});

describe('publish.yml', () => {
	const publish = workflow('publish.yml');

	it('runs only for version tags, with an OpenID Connect token for trusted publishing', () => {
		expect(publish.on).toEqual({ push: { tags: ['v*.*.*'] } });
		expect(publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
	});

	it('lints, builds and runs the scanner checks before publishing with provenance', () => {
		const runs = commands(publish);
		const at = (command) => runs.indexOf(command);
		expect(at('npm run lint')).toBeGreaterThan(at('npm ci'));
		expect(at('npm run build')).toBeGreaterThan(at('npm run lint'));
		expect(at('npm run scan')).toBeGreaterThan(at('npm run build'));
		expect(runs[runs.length - 1]).toBe('npm publish --provenance --access public');
	});

	it('uses no stored npm token', () => {
		expect(read('.github/workflows/publish.yml')).not.toMatch(
			/secrets\.|NODE_AUTH_TOKEN|NPM_TOKEN/,
		);
	});
});

describe('npm pack', () => {
	it('ships only what n8n needs: dist, workflows, index.js, README, LICENSE and package.json', () => {
		const [packed] = JSON.parse(
			execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
				cwd: root,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'ignore'],
			}),
		);
		const topLevel = new Set(packed.files.map((f) => f.path.split('/')[0]));
		topLevel.delete('dist'); // absent before the first build
		expect([...topLevel].sort()).toEqual([
			'LICENSE',
			'README.md',
			'index.js',
			'package.json',
			'workflows',
		]);
	});
});
