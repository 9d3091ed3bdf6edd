// Checks every request the nodes send, and every answer the fake gives, against Pinterest's
// official OpenAPI description: Stoplight Prism runs as a validating proxy (`--errors`) in front
// of the fake, and a thin recorder in front of Prism keeps each contract violation Prism reports
// so tests can assert there were none (GET /__contract/violations; DELETE clears).
const http = require('node:http');
const { spawn } = require('node:child_process');
const { join } = require('node:path');

const { freePort } = require('../../scripts/free-port');

const repoRoot = join(__dirname, '..', '..');
const SPEC = join(repoRoot, 'test', 'fixtures', 'pinterest-openapi', 'openapi.json');
const PRISM = join(repoRoot, 'node_modules', '.bin', 'prism');
const PRISM_ERROR_TYPE = 'https://stoplight.io/prism/errors#';

async function startPrism(upstreamUrl) {
	const port = await freePort();
	const child = spawn(
		PRISM,
		['proxy', SPEC, `${upstreamUrl}/v5`, '--errors', '-p', String(port), '-h', '127.0.0.1'],
		{
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	// Prism runs in its own process group; it goes with this process, however this process ends.
	const killPrism = () => {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			// already gone
		}
	};
	process.once('exit', killPrism);
	let log = '';
	child.stdout.on('data', (chunk) => (log += chunk));
	child.stderr.on('data', (chunk) => (log += chunk));
	const deadline = Date.now() + 180_000;
	while (!/Prism is listening/.test(log)) {
		if (child.exitCode !== null || Date.now() > deadline) {
			killPrism();
			throw new Error(`Prism did not start:\n${log.slice(-3000)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return { port, child, killPrism };
}

/**
 * An answer the fake asked to garble after Prism checked it whole (test/fake-pinterest/faults.js recordThenMalformed / recordThenCutOff):
 * `malformed:<n>` sends its first n bytes as a complete answer, `cutOff:<n>` announces the whole length, sends n bytes
 * and drops the connection.
 */
function sendGarbled(req, res, status, { 'transfer-encoding': _, ...headers }, garble, parts) {
	const [kind, bytes] = garble.split(':');
	const whole = Buffer.concat(parts);
	const part = whole.subarray(0, Number(bytes));
	if (kind === 'malformed') {
		res.writeHead(status, { ...headers, 'content-length': String(part.length) });
		return res.end(part);
	}
	res.writeHead(status, { ...headers, 'content-length': String(whole.length) });
	res.write(part, () => setTimeout(() => req.socket.destroy(), 50));
}

function startRecorder(prismPort, violations) {
	const server = http.createServer((req, res) => {
		if (req.url.startsWith('/__contract/violations')) {
			if (req.method === 'DELETE') violations.length = 0;
			res.writeHead(200, { 'Content-Type': 'application/json' });
			return res.end(JSON.stringify(violations));
		}
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			const upstream = http.request(
				{
					host: '127.0.0.1',
					port: prismPort,
					method: req.method,
					path: req.url,
					// The fake leaves garbled answers to this proxy (sendGarbled).
					headers: { ...req.headers, 'x-fake-garbled-by-proxy': '1' },
				},
				(answer) => {
					const parts = [];
					answer.on('data', (chunk) => parts.push(chunk));
					answer.on('end', () => {
						const text = Buffer.concat(parts).toString('utf8');
						if (
							(answer.headers['content-type'] ?? '').includes('problem+json') &&
							text.includes(PRISM_ERROR_TYPE)
						) {
							violations.push({
								method: req.method,
								url: req.url,
								status: answer.statusCode,
								problem: JSON.parse(text),
							});
						}
						const { 'x-fake-garble': garble, ...headers } = answer.headers;
						if (garble) return sendGarbled(req, res, answer.statusCode, headers, garble, parts);
						res.writeHead(answer.statusCode, answer.headers);
						res.end(Buffer.concat(parts));
					});
				},
			);
			// A connection reset by the fake reaches the client as a reset too.
			upstream.on('error', () => req.socket.destroy());
			upstream.end(body);
		});
	});
	// Idle connections stay open: a test that blocks the event loop for a while (copying the runtime)
	// must not find its kept-alive connection closed under it (ECONNRESET). stop() closes them all.
	server.keepAliveTimeout = 0;
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** @returns {Promise<{ url: string, violations(): Promise<object[]>, clearViolations(), stop() }>} */
async function startContractProxy({ upstreamUrl }) {
	const violations = [];
	const prism = await startPrism(upstreamUrl);
	const recorder = await startRecorder(prism.port, violations);
	const url = `http://127.0.0.1:${recorder.address().port}`;
	return {
		url,
		prismPid: prism.child.pid,
		violations: async () => [...violations],
		clearViolations: async () => void (violations.length = 0),
		async stop() {
			recorder.closeAllConnections?.();
			await new Promise((resolve) => recorder.close(resolve));
			prism.killPrism();
		},
	};
}

module.exports = { startContractProxy };
