// The "Parse a 20 MB report file" section: bench/jsonParse.js run as a child process on each Node.js
// given (one after the other, so they do not share the cores), and its table for BENCHMARKS.md.
const { execFileSync } = require('node:child_process');
const { cpus, loadavg } = require('node:os');
const { join } = require('node:path');

const REPORT_MEGABYTES = 20;
const MARKER = '## Parse a 20 MB report file';

/** `runtimes`: [{ label, nodeBin }]. Returns one measurement per runtime. */
function measureJsonParse(runtimes) {
	const loadBefore = loadavg()[0];
	const results = runtimes.map(({ label, nodeBin }) => ({
		label,
		...JSON.parse(
			execFileSync(nodeBin, [join(__dirname, 'jsonParse.js'), String(REPORT_MEGABYTES)], {
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'inherit'],
			}),
		),
	}));
	return { results, loadBefore };
}

function jsonSection({ results, loadBefore }) {
	const ms = (value) => `${Math.round(value)} ms`;
	const rows = results.map(
		(r) =>
			`| ${r.node} (${r.label}) | ${ms(r.jsonParseMs)} | ${ms(r.keepingIdsMs)} | ${(r.keepingIdsMs / r.jsonParseMs).toFixed(2)}× | ${r.exact ? 'yes' : 'no'} |`,
	);
	return [
		MARKER,
		'',
		`An async report file of ${results[0].megabytes} MB (${results[0].rows.toLocaleString('en-US')} rows keyed by ad id; each row with its ad, campaign and ad group ids as`,
		"bare 18-digit numbers, as Pinterest sends them) parsed by the nodes' parser (`parseJsonKeepingIds` in",
		'shared/transport/safeJson.ts, which keeps the ids exact) and by plain `JSON.parse` (which rounds them), one after the',
		'other in the same process: the median of 7 runs each. n8n 2.41 runs the nodes on Node.js 24, n8n 1.x on Node.js 22.',
		`Load average ${loadBefore.toFixed(1)} on ${cpus().length} cores when this section started: the ratio, measured in the same process, is what to compare.`,
		'`BENCH_ONLY=json npm run bench` measures this section alone in well under a minute.',
		'',
		'| Node.js | JSON.parse | parseJsonKeepingIds | ratio | ids exact |',
		'| --- | ---: | ---: | ---: | --- |',
		...rows,
		'',
		'',
	].join('\n');
}

module.exports = { measureJsonParse, jsonSection, MARKER };
