// The package in a real n8n 2.41: its credentials and nodes load, calls go through each credential to the
// fake Pinterest API (checked against Pinterest's OpenAPI description), and an expired access
// token is refreshed once and the rotated tokens are stored.
const { e2eContext } = require('../harness/e2eContext');
const { credentials, workflowWith, adSpendNode, OAUTH_CREDENTIAL } = require('../harness/fixtures');
const { startN8nServer } = require('../../scripts/n8n-server');
const { laneN8nEnv } = require('../harness/lane');
const { adDelivery } = require('../fake-pinterest/dataset');

const ctx = e2eContext();
const todayUtc = new Date().toISOString().slice(0, 10);

/** What the fake's data says an account spent on a day: the expected value, computed independently. */
async function accountSpendMicros(adAccountId, day) {
	const { ads } = await ctx.fake.state();
	return ads
		.filter((ad) => ad.ad_account_id === adAccountId)
		.reduce((sum, ad) => sum + adDelivery(ad.id, day).spendMicros, 0);
}

beforeAll(async () => {
	await ctx.fake.reset();
	await ctx.cli.importCredentials(credentials(ctx.proxyUrl));
	await ctx.contractViolations({ clear: true });
});

afterEach(async () => {
	expect(await ctx.contractViolations({ clear: true })).toEqual([]);
});

test('n8n loads exactly the credential types and nodes of the package', async () => {
	const server = await startN8nServer({
		env: laneN8nEnv(),
	});
	try {
		const credentialTypes = (await server.asOwner('/types/credentials.json')).body;
		// Credential type names carry no package prefix; n8n itself ships none starting with these words.
		const ours = credentialTypes
			.filter((type) => /^(pinterest|clickBank)/.test(type.name))
			.map((type) => [type.name, type.displayName]);
		expect(ours.sort()).toEqual([
			['clickBankInsApi', 'ClickBank INS API'],
			['pinterestAdsOAuth2Api', 'Pinterest Ads OAuth2 API'],
			['pinterestConversionsApi', 'Pinterest Conversions API'],
		]);
		const nodeTypes = (await server.asOwner('/types/nodes.json')).body;
		expect(
			nodeTypes
				.filter((type) => type.name.startsWith('n8n-nodes-pinterest-ads.'))
				.map((type) => [type.name, type.displayName, type.version])
				.sort(),
		).toEqual([
			['n8n-nodes-pinterest-ads.clickBankTrigger', 'ClickBank Trigger', 1],
			['n8n-nodes-pinterest-ads.pinterestAdSpend', 'Pinterest Ad Spend', 1],
			// n8n adds an AI-agent tool variant of every node marked `usableAsTool`.
			['n8n-nodes-pinterest-ads.pinterestAdSpendTool', 'Pinterest Ad Spend Tool', 1],
			['n8n-nodes-pinterest-ads.pinterestConversions', 'Pinterest Conversions', 1],
			['n8n-nodes-pinterest-ads.pinterestConversionsTool', 'Pinterest Conversions Tool', 1],
		]);

		// The conversion-token credential's own test really calls the (fake) Conversions API.
		await ctx.fake.clearRequests();
		const stored = credentials(ctx.proxyUrl)[1];
		const tested = await server.rest('POST', '/credentials/test', {
			credentials: { id: stored.id, name: stored.name, type: stored.type, data: stored.data },
		});
		expect(tested.body.data).toEqual({ status: 'OK', message: 'Connection successful!' });
		const [request] = await ctx.fake.requests();
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/ad_accounts/549755885175/events');
		expect(request.query).toBe('test=true');
		expect(request.authorization).toBe('Bearer conv-token-1');
		expect(request.json.data[0].event_name).toBe('page_visit');
		expect(Math.abs(request.json.data[0].event_time - Date.now() / 1000)).toBeLessThan(120);
		expect((await ctx.fake.state()).conversions).toEqual([]);

		const revoked = await server.rest('POST', '/credentials/test', {
			credentials: {
				id: stored.id,
				name: stored.name,
				type: stored.type,
				data: { ...stored.data, accessToken: 'revoked-token' },
			},
		});
		expect(revoked.body.data.status).toBe('Error');

		// The editor's ad account picker loads from the API through the OAuth2 credential.
		const picker = (nodeName, body) =>
			server.rest('POST', '/dynamic-node-parameters/resource-locator-results', {
				nodeTypeAndVersion: { name: `n8n-nodes-pinterest-ads.${nodeName}`, version: 1 },
				credentials: { pinterestAdsOAuth2Api: OAUTH_CREDENTIAL },
				methodName: 'searchAdAccounts',
				...body,
			});
		const everyAccount = await picker('pinterestAdSpend', {
			path: 'adAccounts.account[0].adAccount',
			currentNodeParameters: { operation: 'get', adAccountSelection: 'selected' },
		});
		expect(everyAccount.body.data.results).toEqual([
			{ name: 'Acme US (549755885175, USD)', value: '549755885175' },
			{ name: 'Acme EU (549755885176, EUR)', value: '549755885176' },
			{ name: 'Acme JP (549755885177, JPY)', value: '549755885177' },
		]);
		const search = await picker('pinterestConversions', {
			path: 'adAccount',
			filter: 'eu',
			currentNodeParameters: { authentication: 'oAuth2', operation: 'sendEvent' },
		});
		expect(search.body.data.results).toEqual([
			{ name: 'Acme EU (549755885176, EUR)', value: '549755885176' },
		]);
		// Ad Spend uses the same picker, once per selected account.
		const spendSearch = await picker('pinterestAdSpend', {
			path: 'adAccounts.account[0].adAccount',
			filter: 'JP',
			currentNodeParameters: { operation: 'get', adAccountSelection: 'selected' },
		});
		expect(spendSearch.body.data.results).toEqual([
			{ name: 'Acme JP (549755885177, JPY)', value: '549755885177' },
		]);

		// The schedule template through the public API: created and published, so its trigger runs.
		const {
			id,
			active,
			pinData,
			...template
		} = require('../../workflows/pinterest-ad-spend-every-15-minutes.json');
		// As a user does after importing it, the template's credential is set to an existing one.
		template.nodes = template.nodes.map((node) =>
			node.credentials
				? { ...node, credentials: { pinterestAdsOAuth2Api: OAUTH_CREDENTIAL } }
				: node,
		);
		const created = await server.publicApi('POST', '/workflows', template);
		expect(created.status).toBe(200);
		const activated = await server.publicApi('POST', `/workflows/${created.body.id}/activate`);
		expect([activated.status, activated.body.active, activated.body.message]).toEqual([
			200,
			true,
			undefined,
		]);
		// Left published, its schedule would pull spend from the fake whenever a later test starts an n8n on this
		// lane's database.
		const deactivated = await server.publicApi('POST', `/workflows/${created.body.id}/deactivate`);
		expect([deactivated.status, deactivated.body.active]).toEqual([200, false]);
	} finally {
		await server.stop();
	}
});

test('a workflow reads every ad account through the OAuth2 credential', async () => {
	await ctx.fake.clearRequests();
	const result = await ctx.run(
		workflowWith(adSpendNode({ level: 'adAccount', datePreset: 'today', granularity: 'DAY' })),
	);
	expect(result.code).toBe(0);
	const rows = result.output('Pinterest Ad Spend');
	const expected = [];
	for (const [adAccountId, adAccountName, currency] of [
		['549755885175', 'Acme US', 'USD'],
		['549755885176', 'Acme EU', 'EUR'],
		['549755885177', 'Acme JP', 'JPY'],
	]) {
		const micros = await accountSpendMicros(adAccountId, todayUtc);
		expected.push({
			adAccountId,
			adAccountName,
			currency,
			level: 'adAccount',
			date: todayUtc,
			spend: micros / 1e6,
			spendMicros: micros,
		});
	}
	expect(rows).toEqual(expected);
	const requests = await ctx.fake.requests();
	expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
		'GET /ad_accounts',
		'GET /ad_accounts/549755885175/analytics',
		'GET /ad_accounts/549755885176/analytics',
		'GET /ad_accounts/549755885177/analytics',
	]);
	expect(new Set(requests.map((r) => r.authorization))).toEqual(new Set(['Bearer access-1']));
});

test('a 401 refreshes the token once against /oauth/token, retries, and n8n stores the rotated tokens', async () => {
	await ctx.fake.clearRequests();
	await ctx.fake.faults([
		{ kind: 'unauthorized', expireToken: true, pathPattern: '^/ad_accounts$', times: 1 },
	]);
	const result = await ctx.run(
		workflowWith(
			adSpendNode({ level: 'adAccount', datePreset: 'today', adAccountSelection: 'all' }),
		),
	);
	expect(result.code).toBe(0);
	expect(result.output('Pinterest Ad Spend')).toHaveLength(3);
	const requests = await ctx.fake.requests();
	expect(requests.slice(0, 3).map((r) => [r.method, r.path, r.authorization])).toEqual([
		['GET', '/ad_accounts', 'Bearer access-1'],
		[
			'POST',
			'/oauth/token',
			`Basic ${Buffer.from('client-id-1:client-secret-1').toString('base64')}`,
		],
		['GET', '/ad_accounts', 'Bearer access-2'],
	]);
	expect(Object.fromEntries(new URLSearchParams(requests[1].body))).toEqual({
		grant_type: 'refresh_token',
		refresh_token: 'refresh-1',
	});
	const stored = (await ctx.cli.exportCredentials()).find(
		(c) => c.type === 'pinterestAdsOAuth2Api',
	);
	expect(stored.data.oauthTokenData).toMatchObject({
		access_token: 'access-2',
		refresh_token: 'refresh-2',
	});
	expect(JSON.stringify(result.run)).not.toContain('access-2');
});
