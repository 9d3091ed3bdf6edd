// A second server on loopback that records every request it receives and answers 200: where a redirect from the
// fake Pinterest points, so a test can assert that nothing (no token, no event, no report request) reached it.
const http = require('node:http');

/** @returns {Promise<{ url: string, port: number, requests: object[], close(): Promise<void> }>} */
function startRecordingServer() {
	const requests = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			requests.push({
				method: req.method,
				url: req.url,
				authorization: req.headers.authorization ?? null,
				body,
			});
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end('{"items":[],"bookmark":null}');
		});
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			resolve({
				url: `http://127.0.0.1:${port}`,
				port,
				requests,
				close: () =>
					new Promise((done) => {
						server.closeAllConnections?.();
						server.close(() => done());
					}),
			});
		});
	});
}

module.exports = { startRecordingServer };
