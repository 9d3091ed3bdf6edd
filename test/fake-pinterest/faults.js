// Injected faults: each rule answers the next `times` matching requests instead of the fake.

/** Header values of null are left out of the answer (see send in server.js). */
const NO_RATE_LIMIT_HEADERS = {
	'X-RateLimit-Limit': null,
	'X-RateLimit-Remaining': null,
	'X-RateLimit-Reset': null,
};
/** The rule for this request: method, path and (with `bodyPattern`) raw body matching, with uses left. */
function faultFor(state, method, path, body = '') {
	const rule = state.faults.find(
		(r) =>
			r.times > 0 &&
			(!r.method || r.method === method) &&
			(!r.pathPattern || new RegExp(r.pathPattern).test(path)) &&
			(!r.bodyPattern || new RegExp(r.bodyPattern).test(body)),
	);
	if (rule) rule.times--;
	return rule;
}

/** Answers per the rule; resolves true when the request is fully handled. */
async function applyFault(rule, state, req, res, send, error) {
	switch (rule.kind) {
		case 'rateLimit':
			send(
				res,
				429,
				{
					code: 8,
					message:
						'This request exceeded a rate limit. This can happen if the client exceeds one of the published rate limits within a short time window.',
				},
				{
					'X-RateLimit-Remaining': '0',
					'X-RateLimit-Reset': String(rule.resetSeconds ?? 1),
				},
			);
			return true;
		case 'rateLimitNoHeaders':
			// A 429 with no X-RateLimit-* headers at all (a proxy or gateway in front of Pinterest may drop them).
			send(
				res,
				429,
				{ code: 8, message: 'This request exceeded a rate limit.' },
				NO_RATE_LIMIT_HEADERS,
			);
			return true;
		case 'rateLimitCode8':
			// Pinterest's rate-limit code in the body of another status, without rate-limit headers.
			send(
				res,
				rule.status ?? 400,
				{ code: 8, message: 'This request exceeded a rate limit.' },
				NO_RATE_LIMIT_HEADERS,
			);
			return true;
		case 'stall':
			// Accepts the request and never answers; the socket is dropped after `stallMs` so nothing leaks.
			setTimeout(() => req.socket.destroy(), rule.stallMs ?? 30_000).unref();
			return true;
		case 'truncated': {
			// Promises a longer body than it sends, then drops the connection mid-body.
			const partial = '{"items": [{"id": "1';
			res.writeHead(200, {
				'Content-Type': 'application/json',
				'Content-Length': String(Buffer.byteLength(partial) + 1000),
			});
			res.write(partial);
			setTimeout(() => req.socket.destroy(), 50).unref();
			return true;
		}
		case 'retryAfter400':
			error(
				res,
				400,
				1,
				`Too many analytics requests. Retry after ${rule.retryAfterSeconds ?? 1} seconds.`,
			);
			return true;
		case 'serverError':
			if ((rule.status ?? 500) === 503)
				error(
					res,
					503,
					4197,
					'The endpoint has been ramped down and is currently not accepting any traffic.',
				);
			else
				error(
					res,
					rule.status ?? 500,
					rule.status ?? 500,
					'Something went wrong on our end. Sorry about that.',
				);
			return true;
		case 'unauthorized':
			// The access token expired server-side: only a refresh helps.
			if (rule.expireToken) state.tokens.access.clear();
			error(res, 401, 2, 'Authentication failed.');
			return true;
		case 'forbidden':
			error(res, 403, 29, 'You are not permitted to access that resource.');
			return true;
		case 'malformed':
			send(res, 200, '{"items": [{"id": "1');
			return true;
		case 'connectionReset':
			req.socket.destroy();
			return true;
		case 'recordThenReset':
			// The request is handled (events recorded), then the connection drops before the answer.
			req.resetAfterHandling = true;
			return false;
		case 'recordThenMalformed':
			// The request is handled (events recorded), then the answer is half a JSON document.
			req.garbleAfterHandling = 'malformed';
			return false;
		case 'recordThenCutOff':
			// The request is handled (events recorded), then the transfer stops mid-body and the connection drops.
			req.garbleAfterHandling = 'cutOff';
			return false;
		case 'fewerResults':
			// The request is handled, but the answer lists `drop` fewer per-event results than events sent.
			req.dropResults = rule.drop ?? 1;
			return false;
		case 'redirect':
			// A proxy or open redirect pointing elsewhere: the same path and query on `locationBase` (another server).
			send(
				res,
				rule.status ?? 307,
				{ message: 'Moved' },
				{ Location: `${rule.locationBase}${req.url}` },
			);
			return true;
		case 'answer':
			// An answer of the wrong shape (a repeating bookmark, a non-digit id, an object instead of rows): `body`
			// as JSON, or `rawBody` as it is ('' for an empty answer). Prism refuses such answers, so a test that
			// injects one points its credential straight at the fake.
			send(res, rule.status ?? 200, rule.rawBody ?? rule.body);
			return true;
		case 'endlessPages':
			// A list that always has one more page, each with a new bookmark.
			rule.pagesServed = (rule.pagesServed ?? 0) + 1;
			send(res, 200, { items: [], bookmark: `page-${rule.pagesServed + 1}` });
			return true;
		case 'windowUsedUp':
			// Answered as usual, with headers saying the rate-limit window is used up until it resets.
			req.extraHeaders = {
				'X-RateLimit-Remaining': '0',
				'X-RateLimit-Reset': String(rule.resetSeconds ?? 1),
			};
			return false;
		case 'slow':
			await new Promise((r) => setTimeout(r, rule.delayMs ?? 1000));
			return false;
		default:
			throw new Error(`unknown fault kind ${rule.kind}`);
	}
}

module.exports = { faultFor, applyFault };
