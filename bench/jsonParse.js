// Parsing a 20 MB async report file: the package's parseJsonKeepingIds (which keeps 18-digit ids
// exact) next to JSON.parse on the same text, in the same process, so the ratio is not skewed by
// what else the machine runs. Run as a child process on each Node.js that matters (the benchmark's
// and n8n's own); prints one JSON line. Needs the built package (dist/).
// Usage: node jsonParse.js [megabytes, default 20]
const { join } = require('node:path');

const { parseJsonKeepingIds } = require(
	join(__dirname, '..', 'dist', 'shared', 'transport', 'safeJson.js'),
);

const RUNS = 7;
const FIRST_AD_ID = 687194767360100001n;

/**
 * A report file as Pinterest's async reports look (keyed by ad id, ids as bare 18-digit numbers,
 * metrics as numbers, dates as strings), `megabytes` long or just over.
 */
function reportText(megabytes) {
	const target = megabytes * 1_000_000;
	const parts = ['{'];
	let length = 1;
	for (let ad = 0; length < target; ad++) {
		const id = String(FIRST_AD_ID + BigInt(ad));
		const rows = [];
		for (let day = 1; day <= 7; day++) {
			rows.push(
				`{"PIN_PROMOTION_ID":${id},"DATE":"2026-11-0${day}","SPEND_IN_MICRO_DOLLAR":${(ad * 7919 + day * 104729) % 90_000_000},` +
					`"IMPRESSION_1":${(ad * 31 + day) % 50_000},"CLICKTHROUGH_1":${(ad + day) % 900},"CAMPAIGN_ID":${FIRST_AD_ID - 90_000n + BigInt(ad % 20)},` +
					`"AD_GROUP_ID":${FIRST_AD_ID - 80_000n + BigInt(ad % 200)},"CTR":${((ad % 97) / 1000).toFixed(4)}}`,
			);
		}
		const entry = `${ad ? ',' : ''}"${id}":[${rows.join(',')}]`;
		parts.push(entry);
		length += entry.length;
	}
	parts.push('}');
	return parts.join('');
}

/** The median wall time of `RUNS` calls, in ms (after one warm-up call). */
function medianMs(fn) {
	fn();
	const times = [];
	for (let i = 0; i < RUNS; i++) {
		const started = process.hrtime.bigint();
		fn();
		times.push(Number(process.hrtime.bigint() - started) / 1e6);
	}
	return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

const text = reportText(Number(process.argv[2] ?? 20));
const parsed = parseJsonKeepingIds(text);
const firstId = String(FIRST_AD_ID);
const exact = parsed[firstId][0].PIN_PROMOTION_ID === firstId;
process.stdout.write(
	`${JSON.stringify({
		node: process.version,
		megabytes: Math.round(text.length / 100_000) / 10,
		rows: Object.values(parsed).reduce((sum, rows) => sum + rows.length, 0),
		jsonParseMs: medianMs(() => JSON.parse(text)),
		keepingIdsMs: medianMs(() => parseJsonKeepingIds(text)),
		exact,
	})}\n`,
);
