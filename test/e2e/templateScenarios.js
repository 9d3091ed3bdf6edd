// The spend sync and purchase postback templates doing their job in a running n8n against the fake
// Pinterest API. The same scenarios, with the same assertions, run in single-process n8n
// (workflowTemplates.e2e.test.js) and in queue mode with workers (queueMode.e2e.test.js).
const { createHash } = require('node:crypto');

const { asConfigured } = require('../harness/fixtures');
const { adDelivery } = require('../fake-pinterest/dataset');
const { expectedDailyRows, daysAgo } = require('./spendExpectations');

const SPEND_TEMPLATE = require('../../workflows/pinterest-ad-spend-every-15-minutes.json');
const POSTBACK_TEMPLATE = require('../../workflows/pinterest-purchase-postback.json');
const ACCOUNTS = ['549755885175', '549755885176', '549755885177'];
const SECRET = 'postback-secret-for-the-tests-7f3a';

/**
 * Helpers on a running n8n server (startN8nServer's handle; `server` returns it, as it is only
 * started in beforeAll). `executionIds` collects every execution started through runFromTrigger.
 */
function templateApi(server) {
	const executionIds = [];

	async function createWorkflow(workflow) {
		const created = await server().publicApi('POST', '/workflows', workflow);
		expect([created.status, created.body.message]).toEqual([200, undefined]);
		return created.body.id;
	}

	async function publish(workflow) {
		const id = await createWorkflow(workflow);
		const activated = await server().publicApi('POST', `/workflows/${id}/activate`);
		expect([activated.status, activated.body.active]).toEqual([200, true]);
		// Production webhooks are registered shortly after activation.
		for (let i = 0; i < 40; i++) {
			// Without a secret: answered 403 once registered, and nothing else happens.
			const probe = await fetch(`${server().url}/webhook/pinterest-postback?probe=1`);
			if (probe.status !== 404) break;
			await new Promise((r) => setTimeout(r, 250));
		}
		return id;
	}

	/** Ids of a workflow's saved executions (newest first). */
	async function workflowExecutionIds(workflowId) {
		const ids = [];
		let cursor;
		do {
			const page = await server().publicApi(
				'GET',
				`/executions?workflowId=${workflowId}&limit=250${cursor ? `&cursor=${cursor}` : ''}`,
			);
			expect(page.status).toBe(200);
			ids.push(...page.body.data.map((execution) => String(execution.id)));
			cursor = page.body.nextCursor;
		} while (cursor);
		return ids;
	}

	async function unpublish(id) {
		// Its executions go with the workflow: their ids are kept for the checks that follow.
		executionIds.push(...(await workflowExecutionIds(id)));
		await server().publicApi('POST', `/workflows/${id}/deactivate`);
		await server().publicApi('DELETE', `/workflows/${id}`);
	}

	/** Runs a workflow as the editor's "Execute workflow" button does, from its (schedule) trigger. */
	async function runFromTrigger(id, triggerName) {
		const started = await server().rest('POST', `/workflows/${id}/run`, {
			triggerToStartFrom: { name: triggerName },
		});
		expect(started.status).toBe(200);
		const executionId = started.body.data.executionId;
		expect(executionId).toBeDefined();
		executionIds.push(String(executionId));
		for (let i = 0; i < 600; i++) {
			const execution = await server().publicApi(
				'GET',
				`/executions/${executionId}?includeData=true`,
			);
			if (execution.status === 200 && execution.body.finished !== undefined) {
				if (['success', 'error', 'crashed', 'canceled'].includes(execution.body.status))
					return execution.body;
			}
			await new Promise((r) => setTimeout(r, 250));
		}
		throw new Error(`execution ${executionId} did not finish`);
	}

	async function findTable(name) {
		const list = await server().publicApi(
			'GET',
			`/data-tables?filter=${encodeURIComponent(JSON.stringify({ name }))}`,
		);
		expect(list.status).toBe(200);
		return list.body.data.find((table) => table.name === name);
	}

	async function dropTable(name) {
		const table = await findTable(name);
		if (table)
			expect([200, 204]).toContain(
				(await server().publicApi('DELETE', `/data-tables/${table.id}`)).status,
			);
	}

	/** Every row of a data table, without n8n's own columns. */
	async function tableRows(name) {
		const table = await findTable(name);
		if (!table) return undefined;
		const rows = [];
		let cursor;
		do {
			const page = await server().publicApi(
				'GET',
				`/data-tables/${table.id}/rows?limit=250${cursor ? `&cursor=${cursor}` : ''}`,
			);
			expect(page.status).toBe(200);
			rows.push(...page.body.data);
			cursor = page.body.nextCursor;
		} while (cursor);
		return rows.map(({ id, createdAt, updatedAt, ...row }) => row);
	}

	async function insertRows(name, rows) {
		const table = await findTable(name);
		const inserted = await server().publicApi('POST', `/data-tables/${table.id}/rows`, {
			data: rows,
			returnType: 'count',
		});
		expect(inserted.status).toBe(200);
	}

	function nodeError(execution) {
		return execution.data?.resultData?.error?.message;
	}

	return {
		url: () => server().url,
		publicApi: (...args) => server().publicApi(...args),
		executionIds,
		asConfigured,
		createWorkflow,
		publish,
		unpublish,
		workflowExecutionIds,
		runFromTrigger,
		findTable,
		dropTable,
		tableRows,
		insertRows,
		nodeError,
	};
}

/** The scheduled ad spend sync: its table created, then restated by a second run. */
function describeSpendSync(ctx, api) {
	describe('scheduled ad spend sync', () => {
		test('creates its table, and a second run restates the rows instead of adding any', async () => {
			await api.dropTable('pinterest_ad_spend');
			const id = await api.createWorkflow(api.asConfigured(SPEND_TEMPLATE));
			const first = await api.runFromTrigger(id, 'Every 15 Minutes');
			expect([first.status, api.nodeError(first)]).toEqual(['success', undefined]);

			const state = await ctx.fake.state();
			const range = { startDate: daysAgo(1), endDate: daysAgo(0) };
			const expected = (factor) =>
				ACCOUNTS.flatMap((adAccountId) =>
					expectedDailyRows(state, { adAccountId, level: 'ad', ...range }),
				).map((row) => {
					const delivery = adDelivery(row.adId, row.date);
					return {
						date: row.date,
						adAccountId: row.adAccountId,
						adAccountName: row.adAccountName,
						currency: row.currency,
						campaignId: row.campaignId,
						campaignName: row.campaignName,
						adGroupId: row.adGroupId,
						adGroupName: row.adGroupName,
						adId: row.adId,
						adName: row.adName,
						spend: (row.spendMicros * factor) / 1e6,
						spendMicros: row.spendMicros * factor,
						impressions: delivery.impressions,
						pinClicks: delivery.pinClicks,
					};
				});
			const byKey = (rows) =>
				[...rows].sort((a, b) =>
					`${a.date}|${a.adAccountId}|${a.adId}`.localeCompare(
						`${b.date}|${b.adAccountId}|${b.adId}`,
					),
				);
			const firstRows = await api.tableRows('pinterest_ad_spend');
			const expectedFirst = expected(1);
			expect(expectedFirst.length).toBeGreaterThan(20);
			expect(byKey(firstRows)).toEqual(byKey(expectedFirst));

			// Pinterest restates: the same days now carry twice the spend.
			await ctx.fake.config({ spendFactor: 2 });
			const second = await api.runFromTrigger(id, 'Every 15 Minutes');
			expect([second.status, api.nodeError(second)]).toEqual(['success', undefined]);
			const secondRows = await api.tableRows('pinterest_ad_spend');
			expect(secondRows).toHaveLength(expectedFirst.length);
			expect(new Set(secondRows.map((r) => `${r.date}|${r.adAccountId}|${r.adId}`)).size).toBe(
				expectedFirst.length,
			);
			expect(byKey(secondRows)).toEqual(byKey(expected(2)));
			await api.publicApi('DELETE', `/workflows/${id}`);
		});
	});
}

/** The filtered purchase postback answering networks over HTTP. */
function describePostback(ctx, api) {
	describe('filtered purchase postback', () => {
		const url = () => `${api.url()}/webhook/pinterest-postback`;
		const sha256 = (text) => createHash('sha256').update(text).digest('hex');

		async function get(query) {
			const response = await fetch(`${url()}?${new URLSearchParams(query)}`);
			return { status: response.status, body: await response.json().catch(() => undefined) };
		}
		async function postJson(body) {
			const response = await fetch(url(), {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
			});
			return { status: response.status, body: await response.json().catch(() => undefined) };
		}
		async function postForm(body) {
			const response = await fetch(url(), {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams(body).toString(),
			});
			return { status: response.status, body: await response.json().catch(() => undefined) };
		}
		const eventRequests = async () =>
			(await ctx.fake.requests()).filter((r) => /\/events$/.test(r.path));
		const records = async (orderId) =>
			((await api.tableRows('pinterest_conversions')) ?? []).filter(
				(row) => row.orderId === orderId,
			);

		const run = Date.now().toString(36);
		const order = (name) => `${name}-${run}`;
		const postback = (orderId, extra = {}) => ({
			secret: SECRET,
			order_id: orderId,
			value: '49.90',
			currency: 'USD',
			email: 'Buyer@Example.com',
			ip: '203.0.113.7',
			user_agent: 'Mozilla/5.0 (X11; Linux x86_64)',
			click_id: 'dj0yJnU9epik',
			traffic_source: 'pinterest',
			campaign_id: '687194767360000101',
			ad_id: '687194767360000301',
			...extra,
		});

		test('while the secret is the placeholder every postback gets 403 and nothing is sent', async () => {
			const id = await api.publish(api.asConfigured(POSTBACK_TEMPLATE));
			try {
				const placeholder = await get(
					postback(order('placeholder'), { secret: 'REPLACE-WITH-A-LONG-RANDOM-SECRET' }),
				);
				expect(placeholder.status).toBe(403);
				expect(placeholder.body.status).toBe('unauthorised');
				expect(placeholder.body.reason).toMatch(/Set your own secret in the Settings node/);
				const other = await postJson(postback(order('placeholder-2'), { secret: 'anything' }));
				expect(other.status).toBe(403);
				expect(other.body.reason).toMatch(/Set your own secret/);
				expect(await eventRequests()).toEqual([]);
				expect(await records(order('placeholder'))).toEqual([]);
			} finally {
				await api.unpublish(id);
			}
		});

		describe('with the secret set', () => {
			let workflowId;
			beforeAll(async () => {
				workflowId = await api.publish(
					api.asConfigured(POSTBACK_TEMPLATE, {
						settings: { secret: SECRET, trafficSource: 'pinterest' },
					}),
				);
			});
			afterAll(async () => {
				if (workflowId) await api.unpublish(workflowId);
			});

			test('a wrong or missing secret gets 403 and nothing is sent or recorded', async () => {
				const wrong = await get(postback(order('wrong'), { secret: 'not-the-secret' }));
				expect(wrong).toEqual({
					status: 403,
					body: { status: 'unauthorised', reason: 'Wrong or missing secret.' },
				});
				const { secret, ...withoutSecret } = postback(order('missing'));
				const missing = await postJson(withoutSecret);
				expect(missing.status).toBe(403);
				expect(await eventRequests()).toEqual([]);
				expect(await records(order('wrong'))).toEqual([]);
				expect(await records(order('missing'))).toEqual([]);
			});

			test('another traffic source is answered 200 ignored and nothing is sent', async () => {
				const ignored = await get(postback(order('google'), { traffic_source: 'google' }));
				expect(ignored).toEqual({ status: 200, body: { status: 'ignored' } });
				const { traffic_source, ...untagged } = postback(order('untagged'));
				expect(await postForm(untagged)).toEqual({ status: 200, body: { status: 'ignored' } });
				expect(await eventRequests()).toEqual([]);
				expect(await records(order('google'))).toEqual([]);
			});

			test('accepted postbacks (GET, POST JSON, POST form) are sent and recorded without email or IP', async () => {
				const viaGet = await get(postback(order('get'), { traffic_source: 'Pinterest' }));
				expect(viaGet).toEqual({ status: 200, body: { status: 'sent', eventId: order('get') } });
				const viaJson = await postJson(
					postback(order('json'), { value: 120, currency: 'eur', event: 'checkout' }),
				);
				expect(viaJson).toEqual({ status: 200, body: { status: 'sent', eventId: order('json') } });
				const eventTime = Math.floor(Date.now() / 1000) - 3600;
				const viaForm = await postForm(
					postback(order('form'), { value: '15', event_time: String(eventTime) }),
				);
				expect(viaForm).toEqual({ status: 200, body: { status: 'sent', eventId: order('form') } });

				const requests = await eventRequests();
				expect(requests).toHaveLength(3);
				const events = requests.map((r) => r.json.data[0]);
				expect(events.map((e) => [e.event_id, e.event_name, e.action_source])).toEqual([
					[order('get'), 'checkout', 'web'],
					[order('json'), 'checkout', 'web'],
					[order('form'), 'checkout', 'web'],
				]);
				expect(
					events.map((e) => [e.custom_data.value, e.custom_data.currency, e.custom_data.order_id]),
				).toEqual([
					['49.9', 'USD', order('get')],
					['120', 'EUR', order('json')],
					['15', 'USD', order('form')],
				]);
				expect(events[2].event_time).toBe(eventTime);
				expect(events[0].user_data.em).toEqual([sha256('buyer@example.com')]);
				expect(events[0].user_data.client_ip_address).toBe('203.0.113.7');
				expect(events[0].user_data.click_id).toBe('dj0yJnU9epik');
				expect((await ctx.fake.state()).conversions.map((c) => c.event.event_id)).toEqual([
					order('get'),
					order('json'),
					order('form'),
				]);

				const today = new Date().toISOString().slice(0, 10);
				const formDate = new Date(eventTime * 1000).toISOString().slice(0, 10);
				const recorded = [
					...(await records(order('get'))),
					...(await records(order('json'))),
					...(await records(order('form'))),
				];
				const common = {
					event: 'checkout',
					campaignId: '687194767360000101',
					adId: '687194767360000301',
					status: 'sent',
					reason: '',
				};
				expect(recorded).toEqual([
					{ date: today, orderId: order('get'), value: 49.9, currency: 'USD', ...common },
					{ date: today, orderId: order('json'), value: 120, currency: 'EUR', ...common },
					{ date: formDate, orderId: order('form'), value: 15, currency: 'USD', ...common },
				]);
				// No raw email or IP anywhere in the table.
				const everything = JSON.stringify(
					await api.tableRows('pinterest_conversions'),
				).toLowerCase();
				expect(everything).not.toContain('buyer@example.com');
				expect(everything).not.toContain('203.0.113.7');
			});

			test('a repeated order id is answered without a second conversion', async () => {
				const first = await postJson(postback(order('repeat')));
				expect(first).toEqual({ status: 200, body: { status: 'sent', eventId: order('repeat') } });
				const again = await get(postback(order('repeat')));
				expect(again).toEqual({
					status: 200,
					body: { status: 'duplicate', eventId: order('repeat') },
				});
				const third = await postForm(postback(order('repeat'), { value: '99' }));
				expect(third.body.status).toBe('duplicate');
				expect(await eventRequests()).toHaveLength(1);
				expect((await ctx.fake.state()).conversions).toHaveLength(1);
				const recorded = await records(order('repeat'));
				expect(recorded).toHaveLength(1);
				expect([recorded[0].status, recorded[0].value]).toEqual(['sent', 49.9]);
			});

			test('invalid postbacks get 422 with the reason and are not sent', async () => {
				const { order_id, ...withoutOrder } = postback('unused');
				expect(await get(withoutOrder)).toEqual({
					status: 422,
					body: { status: 'failed', reason: 'order_id is required.' },
				});
				// Neither an email nor IP address and user agent: Pinterest could never match it.
				const anonymous = await postJson(
					postback(order('anonymous'), { email: '', ip: '', user_agent: '' }),
				);
				expect(anonymous.status).toBe(422);
				expect(anonymous.body.status).toBe('failed');
				expect(anonymous.body.reason).toMatch(/email|IP/i);
				const badValue = await get(postback(order('bad-value'), { value: 'lots' }));
				expect(badValue.status).toBe(422);
				expect(badValue.body.reason).toMatch(/value/i);
				expect(await eventRequests()).toEqual([]);
				const recorded = await records(order('anonymous'));
				expect(recorded.map((r) => [r.status, r.reason])).toEqual([
					['failed', anonymous.body.reason],
				]);
			});

			test("a postback Pinterest refuses gets 422 with Pinterest's reason and is recorded as failed", async () => {
				await ctx.fake.config({ rejectEventIds: [order('refused')] });
				const refused = await get(postback(order('refused')));
				expect(refused).toEqual({
					status: 422,
					body: {
						status: 'failed',
						reason: 'Invalid custom_data: the event was refused (configured in the fake).',
					},
				});
				expect(await eventRequests()).toHaveLength(1);
				expect((await ctx.fake.state()).conversions).toEqual([]);
				expect((await records(order('refused'))).map((r) => r.status)).toEqual(['failed']);
				// A refused order may be sent again once fixed: it is not a duplicate.
				await ctx.fake.config({ rejectEventIds: [] });
				expect(await get(postback(order('refused')))).toEqual({
					status: 200,
					body: { status: 'sent', eventId: order('refused') },
				});
				expect((await records(order('refused'))).map((r) => r.status)).toEqual(['sent']);
			});

			test('Pinterest down: 503 so the network retries, and the retry is sent once', async () => {
				await ctx.fake.faults([
					{ method: 'POST', pathPattern: '/events$', kind: 'serverError', status: 503, times: 20 },
				]);
				const response = await fetch(`${url()}?${new URLSearchParams(postback(order('down')))}`);
				const down = { status: response.status, body: await response.json() };
				expect(down.status).toBe(503);
				expect(response.headers.get('retry-after')).toBe('300');
				expect(down.body.status).toBe('retry');
				expect(down.body.reason).toMatch(/^Pinterest .*send conversion events/);
				const attempts = (await eventRequests()).length;
				expect(attempts).toBeGreaterThan(1);
				expect((await records(order('down'))).map((r) => r.status)).toEqual(['not delivered']);
				expect((await ctx.fake.state()).conversions).toEqual([]);

				// Pinterest is back (a fresh fake): the network's retry goes through, once.
				await ctx.fake.reset();
				expect(await get(postback(order('down')))).toEqual({
					status: 200,
					body: { status: 'sent', eventId: order('down') },
				});
				expect(await eventRequests()).toHaveLength(1);
				expect((await ctx.fake.state()).conversions).toHaveLength(1);
				expect((await records(order('down'))).map((r) => r.status)).toEqual(['sent']);
			}, 240_000);
		});
	});
}

module.exports = { templateApi, describeSpendSync, describePostback, SECRET };
