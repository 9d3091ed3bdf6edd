// A deterministic fake of the Pinterest API v5 (the endpoints this package uses) for end-to-end
// tests: data from dataset.js, Pinterest's limits, fault injection and a record of every request.
// Control API under /__fake/ (reset, config, faults, requests, state); report files under /__downloads/.
const http = require('node:http');

const { analyticsRows, daysBetween } = require('./analytics');
const { buildDataset } = require('./dataset');
const { receiveEvents, dropLastResults } = require('./events');
const limits = require('./limits');
const { handleOauthToken } = require('./oauth');
const { faultFor, applyFault } = require('./faults');
const scenarios = require('./spendScenarios');
const { restateSpend } = require('./restatements');

const LEVELS = {
	campaigns: {
		level: 'campaign',
		idsParam: 'campaign_ids',
		idColumn: 'CAMPAIGN_ID',
		list: 'campaigns',
	},
	ad_groups: {
		level: 'adGroup',
		idsParam: 'ad_group_ids',
		idColumn: 'AD_GROUP_ID',
		list: 'adGroups',
	},
	ads: { level: 'ad', idsParam: 'ad_ids', idColumn: 'AD_ID', list: 'ads' },
};
const REPORT_LEVELS = {
	ADVERTISER: { level: 'adAccount', idColumn: 'AD_ACCOUNT_ID' },
	CAMPAIGN: { level: 'campaign', idColumn: 'CAMPAIGN_ID', list: 'campaigns' },
	AD_GROUP: { level: 'adGroup', idColumn: 'AD_GROUP_ID', list: 'adGroups' },
	PIN_PROMOTION: { level: 'ad', idColumn: 'PIN_PROMOTION_ID', list: 'ads' },
};

function freshState(datasetOptions = {}) {
	return {
		dataset: buildDataset(datasetOptions),
		config: {
			latencyMs: 0,
			todayUtc: undefined,
			reportPollsBeforeFinished: 1,
			forbiddenAdAccounts: {},
			...scenarios.scenarioDefaults(),
		},
		tokens: {
			access: new Set(['access-1']),
			refresh: 'refresh-1',
			conversion: new Set(['conv-token-1']),
			issued: 1,
		},
		faults: [],
		requests: [],
		downloads: [],
		// The Authorization header of each download: none, since the link itself is the permission.
		downloadAuthorizations: [],
		reports: new Map(),
		failNextReports: [],
		conversions: [],
		// Every event received, duplicates included, with when its request arrived (benchmarks).
		eventArrivals: [],
		seenEventKeys: new Set(),
		privacyViolations: [],
		ridCounter: 0,
	};
}

/** Query values as lists: repeated parameters and comma-joined values are both accepted. */
function queryList(query, name) {
	return query
		.getAll(name)
		.flatMap((v) => v.split(','))
		.filter((v) => v !== '');
}

/** campaign_ids / ad_group_ids / ad_ids filters: an entity matches its own id or its parent's. */
function matchesIdFilters(entity, kind, query) {
	const own = { campaigns: 'campaign_ids', ad_groups: 'ad_group_ids', ads: 'ad_ids' }[kind];
	return ['campaign_ids', 'ad_group_ids', 'ad_ids'].every((param) => {
		const ids = queryList(query, param);
		if (ids.length === 0) return true;
		const value = param === own ? entity.id : entity[param.replace(/_ids$/, '_id')];
		return ids.includes(value);
	});
}

/** A page of a list; `maxPageSize` (config) makes pages smaller than asked, so a test sees a second page. */
function paginate(items, query, maxPageSize = Infinity) {
	const pageSize = Math.min(Number(query.get('page_size') ?? 25), maxPageSize);
	const offset = Number(
		query.get('bookmark') ? Buffer.from(query.get('bookmark'), 'base64url').toString() : 0,
	);
	const page = items.slice(offset, offset + pageSize);
	const next =
		offset + pageSize < items.length
			? Buffer.from(String(offset + pageSize)).toString('base64url')
			: null;
	return { items: page, bookmark: next };
}

function startFakePinterest({ port = 0, host = '127.0.0.1' } = {}) {
	let state = freshState();
	let baseUrl;
	const todayUtc = () => state.config.todayUtc ?? new Date().toISOString().slice(0, 10);

	/** A header given as null is left out (a 429 without rate-limit headers). */
	function send(res, status, body, headers = {}) {
		if (res.req?.resetAfterHandling) return res.req.socket.destroy();
		state.ridCounter++;
		const all = {
			'Content-Type': 'application/json',
			'x-pinterest-rid': `fake-rid-${String(state.ridCounter).padStart(6, '0')}`,
			'X-RateLimit-Limit': '1000',
			'X-RateLimit-Remaining': '999',
			'X-RateLimit-Reset': '60',
			...headers,
			...res.req?.extraHeaders,
		};
		const given = Object.fromEntries(Object.entries(all).filter(([, value]) => value !== null));
		const restated = restateSpend(state, res.req, body);
		const text = typeof restated === 'string' ? restated : JSON.stringify(restated);
		if (res.req?.garbleAfterHandling) return garbleAnswer(res, status, given, text);
		res.writeHead(status, given);
		res.end(text);
	}

	/** The answer was computed (events recorded), then the transfer goes wrong (faults.js `recordThen…`). */
	function garbleAnswer(res, status, headers, text) {
		const kind = res.req.garbleAfterHandling;
		const half = text.slice(0, Math.floor(text.length / 2));
		if (res.req.headers['x-fake-garbled-by-proxy']) {
			// Prism turns an unreadable answer into its own 500 and waits for ever on a broken transfer, so the
			// contract proxy in front of it garbles the checked answer instead (test/harness/contractProxy.js).
			res.writeHead(status, { ...headers, 'x-fake-garble': `${kind}:${Buffer.byteLength(half)}` });
			return res.end(text);
		}
		if (kind === 'malformed') {
			res.writeHead(status, headers);
			return res.end(half);
		}
		// Cut off mid-body: the announced length never arrives, then the connection drops.
		res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(text)) });
		res.write(half, () => setTimeout(() => res.req.socket.destroy(), 50));
	}
	const error = (res, status, code, message) => send(res, status, { code, message });

	function authorize(req, res, adAccountId, { conversionTokenAllowed = false } = {}) {
		const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
		const valid =
			state.tokens.access.has(token) ||
			(conversionTokenAllowed && state.tokens.conversion.has(token));
		if (!valid) return (error(res, 401, 2, 'Authentication failed.'), false);
		if (adAccountId && !state.dataset.account(adAccountId))
			return (error(res, 404, 2, 'AdAccount not found.'), false);
		if (adAccountId && (state.config.forbiddenAdAccounts[token] ?? []).includes(adAccountId)) {
			return (error(res, 403, 29, 'You are not permitted to access that resource.'), false);
		}
		const refusal =
			adAccountId &&
			scenarios.accountRefusal(state, adAccountId, new URL(req.url, 'http://fake').pathname);
		if (refusal) return (error(res, refusal.status, refusal.code, refusal.message), false);
		return true;
	}

	const routes = [
		[
			'POST',
			/^\/oauth\/token$/,
			(req, res, m, ctx) => handleOauthToken(state, req, ctx.body, send, error, res),
		],
		[
			'GET',
			/^\/user_account$/,
			(req, res) =>
				authorize(req, res) &&
				send(res, 200, { account_type: 'BUSINESS', username: 'fake-advertiser' }),
		],
		[
			'GET',
			/^\/ad_accounts$/,
			(req, res, m, { query }) => {
				if (!authorize(req, res)) return;
				const includeShared = query.get('include_shared_accounts') !== 'false';
				const accounts = state.dataset.accounts.filter((a) => includeShared || !a.shared);
				send(
					res,
					200,
					paginate(
						accounts.map(({ shared, ...a }) => ({ ...a, country: 'US' })),
						query,
						state.config.maxPageSize,
					),
				);
			},
		],
		[
			'GET',
			/^\/ad_accounts\/(\d+)$/,
			(req, res, [, id]) => {
				if (!authorize(req, res, id)) return;
				const { shared, ...account } = state.dataset.account(id);
				send(res, 200, { ...account, country: 'US' });
			},
		],
		[
			'GET',
			/^\/ad_accounts\/(\d+)\/(campaigns|ad_groups|ads)$/,
			(req, res, [, id, kind], { query }) => {
				if (!authorize(req, res, id)) return;
				const statuses = queryList(query, 'entity_statuses');
				const wanted = statuses.length ? statuses : ['ACTIVE', 'PAUSED'];
				const items = state.dataset[LEVELS[kind].list].filter(
					(e) =>
						e.ad_account_id === id &&
						wanted.includes(e.status) &&
						matchesIdFilters(e, kind, query) &&
						!scenarios.isHidden(state, e.id),
				);
				send(res, 200, paginate(items, query));
			},
		],
		[
			'GET',
			/^\/ad_accounts\/(\d+)(?:\/(campaigns|ad_groups|ads))?\/analytics$/,
			(req, res, [, id, kind], { query }) => {
				if (!authorize(req, res, id)) return;
				const spec = kind ? LEVELS[kind] : { level: 'adAccount', idColumn: 'AD_ACCOUNT_ID' };
				const ids = kind ? queryList(query, spec.idsParam) : [id];
				const range = {
					startDate: query.get('start_date'),
					endDate: query.get('end_date'),
					granularity: query.get('granularity'),
				};
				const problem =
					(ids.length > limits.MAX_IDS_PER_CALL &&
						`At most ${limits.MAX_IDS_PER_CALL} ids per request.`) ||
					(ids.length === 0 && `${spec.idsParam} is required.`) ||
					limits.checkSyncAnalytics({ ...range, todayUtc: todayUtc() });
				if (problem) return error(res, 400, 1, problem);
				const ownIds = ids.filter((e) => !kind || state.dataset.entity(e)?.ad_account_id === id);
				const rows = analyticsRows(state.dataset, {
					...spec,
					...range,
					ids: ownIds,
					columns: queryList(query, 'columns'),
					delivery: scenarios.deliveryFor(state, todayUtc()),
					accountOnlyMicros: kind ? 0 : scenarios.accountOnlyMicros(state, id),
				});
				// Numbers configured to move do so after this call has been answered.
				scenarios.noteAnalyticsCall(state, range, todayUtc());
				send(res, 200, rows);
			},
		],
		[
			'POST',
			/^\/ad_accounts\/(\d+)\/reports$/,
			(req, res, [, id], { json }) => {
				if (!authorize(req, res, id)) return;
				const spec = REPORT_LEVELS[json?.level];
				const problem =
					(!spec && `Unsupported level ${json?.level}.`) ||
					limits.checkReport({
						startDate: json.start_date,
						endDate: json.end_date,
						todayUtc: todayUtc(),
					});
				if (problem) return error(res, 400, 1, problem);
				const token = `report-${state.reports.size + 1}`;
				state.reports.set(token, {
					adAccountId: id,
					request: json,
					spec,
					polls: 0,
					outcome: state.failNextReports.shift() ?? 'FINISHED',
				});
				// The numbers as they are when Pinterest builds the report.
				state.reports.get(token).file = reportFile(token);
				scenarios.noteAnalyticsCall(
					state,
					{ startDate: json.start_date, endDate: json.end_date },
					todayUtc(),
				);
				send(res, 200, { report_status: 'IN_PROGRESS', token, message: null });
			},
		],
		[
			'GET',
			/^\/ad_accounts\/(\d+)\/reports$/,
			(req, res, [, id], { query }) => {
				if (!authorize(req, res, id)) return;
				const report = state.reports.get(query.get('token'));
				if (!report || report.adAccountId !== id)
					return send(res, 200, { report_status: 'DOES_NOT_EXIST', url: null, size: null });
				report.polls++;
				if (report.polls <= state.config.reportPollsBeforeFinished)
					return send(res, 200, { report_status: 'IN_PROGRESS', url: null, size: null });
				if (report.outcome !== 'FINISHED')
					return send(res, 200, { report_status: report.outcome, url: null, size: null });
				send(res, 200, {
					report_status: 'FINISHED',
					// reportUrlBase: a test hands out a link to another host (that the node must refuse).
					url: `${state.config.reportUrlBase ?? baseUrl}/__downloads/${query.get('token')}.json`,
					size: 1,
				});
			},
		],
		[
			'POST',
			/^\/ad_accounts\/(\d+)\/events$/,
			(req, res, [, id], { json, query }) => {
				if (!authorize(req, res, id, { conversionTokenAllowed: true })) return;
				const events = json?.data ?? [];
				if (events.length < 1 || events.length > limits.MAX_EVENTS_PER_REQUEST) {
					return error(
						res,
						400,
						4196,
						`data must hold 1 to ${limits.MAX_EVENTS_PER_REQUEST} events.`,
					);
				}
				for (const event of events)
					state.eventArrivals.push({ eventId: event?.event_id, receivedAtMs: req.receivedAtMs });
				const answer = receiveEvents(state, id, events, {
					test: query.get('test') === 'true',
					nowSeconds: Math.floor(Date.now() / 1000),
				});
				send(res, answer.status, dropLastResults(answer.body, req.dropResults ?? 0));
			},
		],
	];

	/** The report file: keyed by entity id, with ids as bare 18-digit numbers like real files. */
	function reportFile(token) {
		const { adAccountId, request, spec } = state.reports.get(token);
		const ids = spec.list
			? state.dataset[spec.list].filter((e) => e.ad_account_id === adAccountId).map((e) => e.id)
			: [adAccountId];
		const columns = (request.columns ?? []).filter((c) => !/_ID$/.test(c));
		const rows = analyticsRows(state.dataset, {
			level: spec.level,
			idColumn: spec.idColumn,
			ids,
			startDate: request.start_date,
			endDate: request.end_date,
			granularity: request.granularity,
			columns,
			delivery: scenarios.deliveryFor(state, todayUtc()),
			accountOnlyMicros: spec.list ? 0 : scenarios.accountOnlyMicros(state, adAccountId),
			hourShape: state.config.reportHourShape,
		});
		// Keyed by entity id (primary_sort BY_ID, the default) or by date (BY_DATE).
		const byDate = request.primary_sort === 'BY_DATE';
		const file = {};
		for (const row of rows) {
			const entity = state.dataset.entity(row[spec.idColumn]);
			if (entity?.campaign_id && spec.level !== 'campaign') row.CAMPAIGN_ID = entity.campaign_id;
			if (entity?.ad_group_id) row.AD_GROUP_ID = entity.ad_group_id;
			(file[byDate ? String(row.DATE).slice(0, 10) : row[spec.idColumn]] ??= []).push(row);
		}
		return JSON.stringify(file).replace(/"(\w+_ID)":"(\d+)"/g, '"$1":$2');
	}

	async function handle(req, res, raw) {
		const url = new URL(req.url, 'http://fake');
		if (url.pathname.startsWith('/__fake/')) return control(req, res, url.pathname.slice(8), raw);
		if (url.pathname.startsWith('/__downloads/')) {
			const token = url.pathname.slice(13).replace(/\.json$/, '');
			state.downloads.push(token);
			state.downloadAuthorizations.push(req.headers.authorization ?? null);
			const refused = faultFor(state, req.method, url.pathname);
			if (refused && (await applyFault(refused, state, req, res, send, error))) return;
			return state.reports.has(token)
				? send(res, 200, state.reports.get(token).file)
				: error(res, 404, 404, 'Not found');
		}
		const path = url.pathname.replace(/^\/v5/, '');
		let json;
		try {
			json =
				raw && (req.headers['content-type'] ?? '').includes('json') ? JSON.parse(raw) : undefined;
		} catch {
			return error(res, 400, 1, 'Body is not valid JSON.');
		}
		state.requests.push({
			// When the request arrived (ms): the tests measure the waits between attempts with it.
			at: Date.now(),
			method: req.method,
			path,
			query: url.search.slice(1),
			authorization: req.headers.authorization ?? null,
			contentType: req.headers['content-type'] ?? null,
			body: raw,
			json: json ?? null,
		});
		if (state.config.latencyMs) await new Promise((r) => setTimeout(r, state.config.latencyMs));
		const fault = faultFor(state, req.method, path, raw);
		if (fault && (await applyFault(fault, state, req, res, send, error))) return;
		for (const [method, pattern, handler] of routes) {
			const match = req.method === method && pattern.exec(path);
			if (match) return handler(req, res, match, { query: url.searchParams, json, body: raw });
		}
		error(res, 404, 404, `The fake does not serve ${req.method} ${path}.`);
	}

	function control(req, res, what, raw) {
		const body = raw ? JSON.parse(raw) : {};
		if (what === 'reset' && req.method === 'POST') state = freshState(body);
		else if (what === 'config' && req.method === 'POST') {
			Object.assign(state.config, body);
			if (body.failNextReports) state.failNextReports = [...body.failNextReports];
		} else if (what === 'faults' && req.method === 'POST')
			state.faults.push(...body.rules.map((r) => ({ times: 1, ...r })));
		else if (what === 'requests' && req.method === 'DELETE') state.requests = [];
		else if (what === 'requests') return send(res, 200, state.requests);
		else if (what === 'state') {
			return send(res, 200, {
				conversions: state.conversions,
				privacyViolations: state.privacyViolations,
				downloads: state.downloads,
				downloadAuthorizations: state.downloadAuthorizations,
				tokens: { access: [...state.tokens.access], refresh: state.tokens.refresh },
				reports: [...state.reports.entries()].map(([token, r]) => ({
					token,
					...r,
					spec: undefined,
					file: undefined,
				})),
				adAccounts: state.dataset.accounts,
				campaigns: state.dataset.campaigns,
				adGroups: state.dataset.adGroups,
				ads: state.dataset.ads,
			});
		} else return error(res, 404, 404, `Unknown control ${req.method} ${what}`);
		send(res, 200, { ok: true });
	}

	const server = http.createServer((req, res) => {
		let raw = '';
		req.setEncoding('utf8');
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			// When the whole request had arrived, before any configured latency.
			req.receivedAtMs = performance.timeOrigin + performance.now();
			handle(req, res, raw).catch((e) => error(res, 500, 500, `fake crashed: ${e.stack}`));
		});
	});
	// The test harness and Prism reuse connections; idle ones stay open so that a test which blocks
	// its event loop for a while never finds one closed under it (close() ends them all).
	server.keepAliveTimeout = 0;
	return new Promise((resolve) => {
		server.listen(port, host, () => {
			baseUrl = `http://${host}:${server.address().port}`;
			resolve({
				url: baseUrl,
				port: server.address().port,
				close: () =>
					new Promise((r) => {
						server.closeAllConnections?.();
						server.close(() => r());
					}),
				state: () => state,
				daysBetween,
			});
		});
	});
}

/**
 * The control API of a running fake (/__fake/…), as the tests steer it: a fresh fake (`reset`, with a dataset or
 * none), settings, fault rules, the requests it received and its state.
 */
function fakeControl(fakeUrl) {
	async function control(method, path, body) {
		const response = await fetch(`${fakeUrl}/__fake/${path}`, {
			method,
			headers: body ? { 'Content-Type': 'application/json' } : {},
			body: body ? JSON.stringify(body) : undefined,
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`fake ${method} ${path}: ${response.status} ${text}`);
		return text ? JSON.parse(text) : undefined;
	}
	return {
		reset: (dataset) => control('POST', 'reset', dataset),
		config: (settings) => control('POST', 'config', settings),
		faults: (rules) => control('POST', 'faults', { rules }),
		requests: () => control('GET', 'requests'),
		clearRequests: () => control('DELETE', 'requests'),
		state: () => control('GET', 'state'),
	};
}

module.exports = { startFakePinterest, fakeControl };
