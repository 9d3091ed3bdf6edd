// A plain Node HTTP forwarder doing the postback template's job without n8n, as a child process of
// the benchmark: check the secret, normalise and SHA-256 hash the email, send one event per postback
// to the Conversions API, answer 200 when Pinterest processed it, 422 when refused, 503 otherwise.
// Usage: FORWARDER_TOKEN=<conversion token> FORWARDER_SECRET=<postback secret> \
//   node forwarder.js <api base URL, e.g. http://127.0.0.1:1234/v5> <ad account>
// The token and the secret come from the environment, which only this user can read, never from the
// command line, which every local user sees in `ps`.
// Prints the URL it listens on (loopback, a free port) as its first line.
const { createHash } = require('node:crypto');
const http = require('node:http');

const [apiBase, adAccountId] = process.argv.slice(2);
const { FORWARDER_TOKEN: token, FORWARDER_SECRET: secret } = process.env;
if (!token || !secret) {
	process.stderr.write(
		'The forwarder needs FORWARDER_TOKEN and FORWARDER_SECRET in its environment.\n',
	);
	process.exit(2);
}
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const agent = new http.Agent({ keepAlive: true });

function post(url, body) {
	return new Promise((resolve, reject) => {
		const req = http.request(
			url,
			{
				method: 'POST',
				agent,
				timeout: 30_000,
				headers: {
					Authorization: `Bearer ${token}`,
					'Content-Type': 'application/json',
					'Content-Length': Buffer.byteLength(body),
				},
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => (text += chunk));
				res.on('end', () => resolve({ status: res.statusCode, text }));
			},
		);
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', reject);
		req.end(body);
	});
}

async function handle(query) {
	if (query.get('secret') !== secret) return [403, { status: 'forbidden' }];
	const orderId = (query.get('order_id') ?? '').trim();
	if (!orderId) return [422, { status: 'failed', reason: 'order_id is missing' }];
	const email = (query.get('email') ?? '').trim().toLowerCase();
	const event = {
		event_name: query.get('event') ?? 'checkout',
		action_source: 'web',
		event_time: Number(query.get('event_time')) || Math.floor(Date.now() / 1000),
		event_id: orderId,
		user_data: {
			...(email ? { em: [sha256(email)] } : {}),
			client_ip_address: query.get('ip') ?? undefined,
			client_user_agent: query.get('user_agent') ?? undefined,
			click_id: query.get('click_id') ?? undefined,
		},
		custom_data: {
			currency: (query.get('currency') ?? 'USD').toUpperCase(),
			value: String(Number(query.get('value') ?? 0)),
			order_id: orderId,
		},
	};
	try {
		const answer = await post(
			`${apiBase}/ad_accounts/${adAccountId}/events`,
			JSON.stringify({ data: [event] }),
		);
		if (answer.status === 200) return [200, { status: 'sent', eventId: orderId }];
		if (answer.status === 422 || answer.status === 400)
			return [422, { status: 'failed', reason: `Pinterest answered ${answer.status}` }];
		return [503, { status: 'retry' }];
	} catch {
		return [503, { status: 'retry' }];
	}
}

const server = http.createServer((req, res) => {
	req.resume();
	req.on('end', async () => {
		const [status, body] = await handle(new URL(req.url, 'http://forwarder').searchParams);
		res.writeHead(status, { 'Content-Type': 'application/json' });
		res.end(JSON.stringify(body));
	});
});
server.listen(0, '127.0.0.1', () => {
	process.stdout.write(`http://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
