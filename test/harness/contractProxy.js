// Checks every request the nodes send, and every answer the fake gives, against Pinterest's
// OpenAPI description: Stoplight Prism runs as a validating proxy (`prism proxy … --errors`) in
// front of the fake. With --errors Prism refuses an invalid request with 422 (not forwarded) and
// replaces an invalid upstream answer with a 500; both are problem+json bodies naming each broken
// rule. Prism's log only says "Request terminated with error: <type>" without those details, so a
// thin recorder in front of Prism keeps the problem bodies, and the log is a safety net.
//
//   client ──► recorder (url) ──► prism (prismUrl) ──► fake (upstreamUrl + /v5)
//
// Paths on `url` have no /v5 prefix (the spec's server is https://api.pinterest.com/v5).
// Other processes (jest workers) read the problems at GET <url>/__contract/violations (DELETE clears).
const http = require('node:http');
const net = require('node:net');
const { spawn } = require('node:child_process');
const { join } = require('node:path');

const REPO_ROOT = join(__dirname, '..', '..');
const SPEC = join(REPO_ROOT, 'test', 'fixtures', 'pinterest-openapi', 'openapi.json');
const PRISM = join(REPO_ROOT, 'node_modules', '.bin', 'prism');
const PRISM_ERROR = 'https://stoplight.io/prism/errors#';
const MAX_LOG_LINES = 20_000;
const MAX_UNPAIRED = 1_000;
// The recorder re-frames each answer, so framing headers are not copied.
const FRAMING_HEADERS = ['connection', 'keep-alive', 'transfer-encoding', 'content-length'];

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer().once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * A Prism log line about a request it refused or an answer it replaced, or undefined:
 * "[HTTP SERVER] get /ad_accounts ✖ error Request terminated with error: <type url>: <title>".
 */
function parseLogLine(line) {
	const match = /\[HTTP SERVER\] (\w+) (\S+) .*Request terminated with error: (\S+?): (.*)$/.exec(
		line,
	);
	if (!match) return undefined;
	const [, method, path, typeUrl, title] = match;
	return { method: method.toUpperCase(), path, typeUrl, title };
}

/** One readable block per problem, one line per broken rule, for test failure messages. */
function formatViolations(list) {
	return list
		.map((v) => {
			const rules = (v.validation ?? []).map(
				(r) => `\n    - ${(r.location ?? []).join('.')} [${r.code ?? r.severity}] ${r.message}`,
			);
			return `${v.method} ${v.url ?? v.path} → ${v.status ?? '?'} ${v.type}: ${v.title}${rules.join('')}`;
		})
		.join('\n');
}

/**
 * Problems from both sources, each request counted once. A log line can arrive before or after
 * the recorder sees the answer (even after a clear), so each side waits for its partner; a log
 * line without a partner (a request sent to prismUrl directly) is a problem of its own.
 */
function createLedger() {
	let sequence = 0;
	const current = []; // recorder problems since the last clear
	const unpairedRecorded = []; // recorder problems whose log line has not arrived yet
	const unpairedLogged = []; // log problems whose answer the recorder has not seen yet
	const sameRequest = (a) => (b) =>
		a.method === b.method && a.path === b.path && a.typeUrl === b.typeUrl;
	const takePartner = (list, item) => {
		const i = list.findIndex(sameRequest(item));
		return i !== -1 && list.splice(i, 1).length === 1;
	};
	const cap = (list) => list.length > MAX_UNPAIRED && list.shift();
	return {
		recorded(entry) {
			const problem = { seq: ++sequence, ...entry };
			current.push(problem);
			if (problem.typeUrl && !takePartner(unpairedLogged, problem)) unpairedRecorded.push(problem);
			cap(unpairedRecorded);
		},
		logged(problem) {
			if (!problem.typeUrl.startsWith(PRISM_ERROR)) return; // an upstream failure, not the contract
			if (takePartner(unpairedRecorded, problem)) return;
			const type = problem.typeUrl.slice(PRISM_ERROR.length);
			unpairedLogged.push({ seq: ++sequence, source: 'log', type, validation: [], ...problem });
			cap(unpairedLogged);
		},
		list: () => [...current, ...unpairedLogged].sort((a, b) => a.seq - b.seq),
		clear() {
			current.length = 0;
			unpairedLogged.length = 0;
		},
	};
}

/** Spawns Prism in its own process group (so stop() ends it and anything it started). */
function spawnPrism({ upstreamUrl, port, onLine }) {
	const upstream = `${upstreamUrl.replace(/\/$/, '')}/v5`;
	const args = ['proxy', SPEC, upstream, '--errors', '-p', String(port), '-h', '127.0.0.1'];
	const child = spawn(PRISM, args, {
		cwd: REPO_ROOT,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
	});
	let partial = '';
	const onData = (chunk) => {
		const lines = (partial + chunk).split('\n');
		partial = lines.pop();
		lines.forEach((line) => onLine(line.replace(/\x1b\[[0-9;]*m/g, '')));
	};
	child.stdout.setEncoding('utf8').on('data', onData);
	child.stderr.setEncoding('utf8').on('data', onData);
	return child;
}

async function waitUntilListening({ child, startedAt, readyTimeoutMs, isListening, logTail }) {
	while (!isListening()) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(
				`Prism exited (${child.exitCode ?? child.signalCode}) before listening:\n${logTail()}`,
			);
		}
		if (Date.now() - startedAt > readyTimeoutMs) {
			throw new Error(`Prism did not listen within ${readyTimeoutMs} ms:\n${logTail()}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** Forwards one request to Prism; resolves with { status, headers, body }, rejects on a reset. */
function forward(req, body, prismPort) {
	return new Promise((resolve, reject) => {
		const options = {
			host: '127.0.0.1',
			port: prismPort,
			method: req.method,
			path: req.url,
			headers: req.headers,
		};
		const upstream = http.request(options, (answer) => {
			const chunks = [];
			answer.on('data', (chunk) => chunks.push(chunk));
			answer.on('error', reject);
			answer.on('end', () =>
				resolve({
					status: answer.statusCode,
					headers: answer.headers,
					body: Buffer.concat(chunks),
				}),
			);
		});
		upstream.on('error', reject);
		upstream.end(body);
	});
}

function parseJson(text, fallback) {
	try {
		return JSON.parse(text);
	} catch {
		return fallback;
	}
}

/**
 * Prism cannot pass on a connection reset or a body that is not JSON (it answers 500 FetchError).
 * The fake does that only when a test injected the fault, so the client gets the fault itself.
 */
function replayUpstreamFault(problem, req, res) {
	if (/socket hang up|ECONNRESET/.test(problem.title)) return (req.socket.destroy(), true);
	if (!/invalid json response body/.test(problem.title)) return false;
	res.writeHead(200, {
		'content-type': 'application/json',
		'x-contract-proxy': 'upstream-invalid-json',
	});
	res.end('{"items": [{"id": "5497');
	return true;
}

/** The recorder: forwards to Prism, notes every problem answer, serves /__contract/…. */
function createRecorder({ prismPort, ledger, upstreamErrors, logLines }) {
	async function relay(req, res, body) {
		let answer;
		try {
			answer = await forward(req, body, prismPort);
		} catch {
			return req.socket.destroy();
		}
		const entry = {
			method: req.method,
			url: req.url,
			path: req.url.split('?')[0],
			status: answer.status,
		};
		const isProblem = String(answer.headers['content-type']).includes('problem+json');
		const problem = isProblem ? parseJson(answer.body.toString('utf8'), {}) : {};
		if (String(problem.type).startsWith(PRISM_ERROR)) {
			const { type, title, detail, validation = [] } = problem;
			ledger.recorded({
				...entry,
				source: 'response',
				typeUrl: type,
				type: type.slice(PRISM_ERROR.length),
				title,
				detail,
				validation,
			});
		} else if (problem.type === 'FetchError') {
			upstreamErrors.push({ ...entry, title: problem.title });
			if (replayUpstreamFault(problem, req, res)) return;
		} else if (answer.headers['sl-violations']) {
			// Violations below error level: Prism passed the answer on but flagged it.
			const validation = parseJson(answer.headers['sl-violations'], [
				{ message: answer.headers['sl-violations'] },
			]);
			ledger.recorded({
				...entry,
				source: 'header',
				type: 'VIOLATIONS',
				title: 'Flagged in sl-violations',
				validation,
			});
		}
		const headers = Object.entries(answer.headers).filter(
			([name]) => !FRAMING_HEADERS.includes(name),
		);
		res.writeHead(answer.status, {
			...Object.fromEntries(headers),
			'content-length': answer.body.length,
		});
		res.end(answer.body);
	}
	function contractEndpoint(req, res) {
		if (req.method === 'DELETE') ledger.clear();
		const body = req.url.startsWith('/__contract/log') ? logLines.slice(-500) : ledger.list();
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end(JSON.stringify(body));
	}
	return http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			if (req.url.startsWith('/__contract/')) contractEndpoint(req, res);
			else relay(req, res, Buffer.concat(chunks));
		});
	});
}

/**
 * Starts Prism (validating proxy) in front of the fake, and the recorder in front of Prism.
 * @param {{ upstreamUrl: string, port?: number, host?: string, readyTimeoutMs?: number }} options
 *   upstreamUrl: the fake's base URL without /v5; port: the recorder's port (0 = a free one).
 */
async function startContractProxy({
	upstreamUrl,
	port = 0,
	host = '127.0.0.1',
	readyTimeoutMs = 120_000,
}) {
	const logLines = [];
	const ledger = createLedger();
	const upstreamErrors = [];
	let listening = false;
	const prismPort = await freePort();
	const startedAt = Date.now();
	const child = spawnPrism({
		upstreamUrl,
		port: prismPort,
		onLine(line) {
			if (logLines.push(line) > MAX_LOG_LINES) logLines.shift();
			if (/Prism is listening/.test(line)) listening = true;
			const problem = parseLogLine(line);
			if (problem) ledger.logged(problem);
		},
	});
	const killGroup = (signal = 'SIGTERM') => {
		try {
			process.kill(-child.pid, signal);
		} catch {
			// already gone
		}
	};
	process.once('exit', killGroup); // never leave Prism behind, even if stop() is not called
	try {
		const logTail = () => logLines.slice(-40).join('\n');
		await waitUntilListening({
			child,
			startedAt,
			readyTimeoutMs,
			isListening: () => listening,
			logTail,
		});
	} catch (error) {
		killGroup('SIGKILL');
		process.removeListener('exit', killGroup);
		throw error;
	}
	const startupMs = Date.now() - startedAt;
	const recorder = createRecorder({ prismPort, ledger, upstreamErrors, logLines });
	await new Promise((resolve, reject) =>
		recorder.once('error', reject).listen(port, host, resolve),
	);
	const publicPort = recorder.address().port;
	return {
		url: `http://${host}:${publicPort}`,
		port: publicPort,
		prismUrl: `http://127.0.0.1:${prismPort}`,
		prismPort,
		startupMs,
		/** Contract problems seen so far (requests Prism refused, answers it replaced or flagged). */
		violations: () => ledger.list(),
		clearViolations() {
			ledger.clear();
			upstreamErrors.length = 0;
		},
		formatViolations: (list = ledger.list()) => formatViolations(list),
		/** Faults Prism could not pass on (connection reset, invalid JSON): not contract problems. */
		upstreamErrors: () => [...upstreamErrors],
		log: () => logLines.join('\n'),
		async stop() {
			recorder.closeAllConnections();
			await new Promise((resolve) => recorder.close(() => resolve()));
			process.removeListener('exit', killGroup);
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			killGroup('SIGTERM');
			const timer = setTimeout(() => killGroup('SIGKILL'), 5_000);
			await exited;
			clearTimeout(timer);
		},
	};
}

module.exports = { startContractProxy, formatViolations, parseLogLine, SPEC, PRISM };
