// The live-postback section of BENCHMARKS.md: the table, and sentences computed from its numbers only.
const ms = (value) => (value === undefined ? '' : `${Math.round(value)}`);
const triple = (values) => (values ? values.map(ms).join(' / ') : 'n/a');
// Three significant digits: the ratios here span from thousandths to thousands.
const ratio = (a, b) => String(Number((a / b).toPrecision(3)));
/** Ratio of two latencies as the table shows them (whole milliseconds), so a reader can check it. */
const msRatio = (a, b) => ratio(Math.round(a), Math.round(b));
const statusList = (statuses) =>
	Object.entries(statuses)
		.map(([status, n]) => `${status === '0' ? 'no answer' : status}: ${n}`)
		.join(', ');

/** Lost = postbacks sent whose event never reached the fake; duplicated = events recorded beyond one each. */
function delivery(row) {
	return { lost: row.sent - row.distinct, duplicated: row.recorded - row.distinct };
}

function tableRow(row) {
	if (!row.ran) return `| ${row.label.name} | ${row.why} | | | | | | | |`;
	const atFake = row.sendsToFake ? `${row.distinct} / ${row.recorded}` : 'n/a (sends nothing)';
	return `| ${row.label.name} | ${row.perSecond.toFixed(1)} | ${ms(row.wallMs)} ms | ${triple(row.answerMs)} | ${triple(row.arrivalMs)} | ${row.idleMiB} MiB | ${row.peakMiB} MiB | ${statusList(row.statuses)} | ${atFake} |`;
}

function conclusions(rows) {
	const by = Object.fromEntries(rows.filter((r) => r.ran).map((r) => [r.label.key, r]));
	const lines = [];
	const senders = rows.filter((r) => r.ran && r.sendsToFake);
	const faulty = senders.filter((r) => {
		const { lost, duplicated } = delivery(r);
		return lost !== 0 || duplicated !== 0 || r.foreign !== 0;
	});
	const clean = senders.filter((r) => !faulty.includes(r));
	if (clean.length)
		lines.push(
			`No postback lost or duplicated at the fake: ${clean.map((r) => `${r.label.name} (${r.distinct} distinct event ids, ${r.recorded} events recorded, of ${r.sent} sent)`).join('; ')}.`,
		);
	for (const r of faulty) {
		const { lost, duplicated } = delivery(r);
		lines.push(
			`${r.label.name}: ${lost} postbacks lost and ${duplicated} events duplicated at the fake (${r.distinct} distinct of ${r.sent} sent, ${r.recorded} recorded${r.foreign ? `, ${r.foreign} unknown event ids` : ''}).`,
		);
	}
	for (const r of rows.filter((row) => row.ran && row.sent < row.count)) {
		lines.push(
			`${r.label.name}: only ${r.sent} of ${r.count} postbacks were sent before the row's time limit.`,
		);
	}
	for (const r of rows.filter((row) => row.ran)) {
		const other = r.sent - (r.statuses[200] ?? 0);
		if (other)
			lines.push(
				`${r.label.name}: ${other} of ${r.sent} postbacks were not answered 200 (${statusList(r.statuses)}).`,
			);
	}
	const n8n = by.single;
	const plain = by.forwarder;
	if (n8n && plain) {
		lines.push(
			`Postback template in n8n vs the plain forwarder: ${ratio(n8n.perSecond, plain.perSecond)}× the postbacks per second; answer latency ${msRatio(n8n.answerMs[0], plain.answerMs[0])}× at p50, ${msRatio(n8n.answerMs[1], plain.answerMs[1])}× at p95 and ${msRatio(n8n.answerMs[2], plain.answerMs[2])}× at p99; arrival at the fake ${msRatio(n8n.arrivalMs[0], plain.arrivalMs[0])}× at p50 and ${msRatio(n8n.arrivalMs[2], plain.arrivalMs[2])}× at p99; peak memory ${ratio(n8n.peakMiB, plain.peakMiB)}× (${n8n.peakMiB} vs ${plain.peakMiB} MiB).`,
		);
	}
	if (n8n && by.empty) {
		lines.push(
			`Postback template vs the webhook that only answers, both in one n8n process: ${ratio(n8n.perSecond, by.empty.perSecond)}× the postbacks per second, ${ratio(n8n.wallMs, by.empty.wallMs)}× the wall time, answer p50 ${ms(n8n.answerMs[0])} vs ${ms(by.empty.answerMs[0])} ms; peak memory ${n8n.peakMiB - by.empty.peakMiB >= 0 ? '+' : ''}${n8n.peakMiB - by.empty.peakMiB} MiB over the baseline's ${by.empty.peakMiB} MiB.`,
		);
	}
	for (const key of ['queue1', 'queue2']) {
		const q = by[key];
		if (q && n8n)
			lines.push(
				`${q.label.name} vs single process: ${ratio(q.perSecond, n8n.perSecond)}× the postbacks per second, answer p50 ${msRatio(q.answerMs[0], n8n.answerMs[0])}× and p99 ${msRatio(q.answerMs[2], n8n.answerMs[2])}×, peak memory of the n8n processes ${q.peakMiB} vs ${n8n.peakMiB} MiB.`,
			);
	}
	if (by.queue1 && by.queue2)
		lines.push(
			`Queue mode, 2 workers vs 1: ${ratio(by.queue2.perSecond, by.queue1.perSecond)}× the postbacks per second.`,
		);
	return lines.map((line) => `- ${line}`).join('\n');
}

function postbackSection(rows, { count, inFlight, latencyMs, focused }) {
	const ran = rows.filter((r) => r.ran);
	const minutes = (ran.reduce((sum, r) => sum + r.rowMs, 0) / 60_000).toFixed(1);
	return `## Live postbacks: ${count.toLocaleString('en-US')} postbacks, ${inFlight} in flight

Each target gets the same load from the same generator in the benchmark process: ${count} GET postbacks (secret,
order id, value, currency, email, IP, user agent, click id, traffic source), ${inFlight} in flight, over keep-alive
connections on loopback, after ${inFlight} warm-up postbacks. The template and the forwarder send one event per
postback to the fake Pinterest API (${latencyMs} ms per request, in the benchmark process), which timestamps each
event's arrival; latencies are matched by event id (the order id). Every n8n row is a fresh n8n with its defaults
(SQLite, executions saved). Memory is the summed RSS of the target's process tree (n8n with its task runner; the
main and worker processes in queue mode, without Redis and PostgreSQL), sampled every 250 ms.

| target | postbacks/s | wall time | answer p50 / p95 / p99 (ms) | arrival at fake p50 / p95 / p99 (ms) | RSS before load | peak RSS | answers | event ids at fake: distinct / recorded |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |
${rows.map(tableRow).join('\n')}

${conclusions(rows)}

The rows that ran took ${minutes} minutes together (start-up, set-up, warm-up and load).${focused ? '\n\nThis section alone was measured again with `BENCH_ONLY=postbacks npm run bench` (the other sections are from\nthe last full run).' : ''}

`;
}

module.exports = { postbackSection };
