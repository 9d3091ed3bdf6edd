// Fires a fixed number of HTTP GETs at a loopback server with a fixed number in flight, recording
// when each was sent and answered. Bounded in count and in time, and refuses any other host.
const http = require('node:http');

const MAX_REQUESTS = 100_000;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

const nowMs = () => performance.timeOrigin + performance.now();

/**
 * @param urlFor (i) => the URL of request i (loopback only)
 * @param count how many requests (1 to MAX_REQUESTS)
 * @param inFlight how many are open at once
 * @param deadlineMs no request is sent after this much time; the run then ends
 * @param requestTimeoutMs a request not answered within this is recorded as status 0
 * @returns {{ wallMs, results: { i, sentAtMs, answeredAtMs, status }[], notSent }}
 */
async function fireLoad({
	urlFor,
	count,
	inFlight,
	deadlineMs = 30 * 60_000,
	requestTimeoutMs = 60_000,
}) {
	if (!Number.isInteger(count) || count < 1 || count > MAX_REQUESTS)
		throw new Error(`count must be 1 to ${MAX_REQUESTS}, got ${count}`);
	for (const url of [urlFor(0), urlFor(count - 1)]) {
		if (!LOOPBACK.has(new URL(url).hostname))
			throw new Error(`the load generator targets loopback only, not ${new URL(url).hostname}`);
	}
	const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
	const results = [];
	const started = nowMs();
	let next = 0;
	const one = (i) =>
		new Promise((resolve) => {
			const record = { i, sentAtMs: nowMs(), answeredAtMs: undefined, status: 0 };
			results.push(record);
			const req = http.get(urlFor(i), { agent, timeout: requestTimeoutMs }, (res) => {
				res.resume();
				res.on('end', () => {
					record.answeredAtMs = nowMs();
					record.status = res.statusCode;
					resolve();
				});
			});
			req.on('timeout', () => req.destroy(new Error('timeout')));
			req.on('error', () => resolve());
		});
	async function lane() {
		while (next < count && nowMs() - started < deadlineMs) await one(next++);
	}
	await Promise.all(Array.from({ length: Math.min(inFlight, count) }, lane));
	const wallMs = nowMs() - started;
	agent.destroy();
	return { wallMs, results, notSent: count - results.length };
}

/** The p-th percentile (nearest rank) of numbers, or undefined when there are none. */
function percentile(values, p) {
	if (values.length === 0) return undefined;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

module.exports = { MAX_REQUESTS, fireLoad, percentile };
