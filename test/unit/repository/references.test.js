// Comments and docs that name a file of this repository must name one that exists: a renamed file
// otherwise leaves readers looking for something that is gone.
const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { basename, dirname, join, normalize } = require('node:path');

const root = join(__dirname, '..', '..', '..');
const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
	.split('\n')
	.filter((file) => file !== '' && existsSync(join(root, file)));
const trackedSet = new Set(tracked);
const trackedNames = new Set(tracked.map((file) => basename(file)));
const OUR_FOLDERS =
	/^(\.\/|\.\.\/)*(nodes|shared|credentials|test|scripts|bench|docs|workflows|\.github|\.ci)\//;
const PATH =
	/(?<![\w@/.:>-])((?:\.{1,2}\/)*[\w.-]+(?:\/[\w.-]+)*\.(?:ts|js|json|md|sh|yml))(?![\w/])/g;

/** Paths named in comment lines (and anywhere in Markdown) that point at no file of the repository. */
function missingReferences(file) {
	const text = readFileSync(join(root, file), 'utf8');
	const isMarkdown = file.endsWith('.md');
	const missing = [];
	text.split('\n').forEach((line, index) => {
		if (!isMarkdown && !/^\s*(\/\/|\*|\/\*|#)|\s\/\/\s/.test(line)) return;
		for (const [, path] of line.matchAll(PATH)) {
			const inRepo = OUR_FOLDERS.test(path);
			// A bare TypeScript file name is ours; bare .js names are often n8n's own files.
			const bareOurs = !path.includes('/') && path.endsWith('.ts');
			if (!inRepo && !bareOurs) continue;
			const candidates = [normalize(path), normalize(join(dirname(file), path))];
			if (candidates.some((candidate) => trackedSet.has(candidate))) continue;
			if (bareOurs && trackedNames.has(path)) continue;
			missing.push(`${file}:${index + 1} ${path}`);
		}
	});
	return missing;
}

test('every file a comment or document names exists in the repository', () => {
	const sources = tracked.filter(
		(file) =>
			/\.(ts|js|mjs|md|sh|yml)$/.test(file) &&
			!file.startsWith('test/fixtures/') &&
			file !== 'CHANGELOG.md',
	);
	expect(sources.length).toBeGreaterThan(100);
	expect(sources.flatMap(missingReferences)).toEqual([]);
});
