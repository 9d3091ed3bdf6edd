// Tokens never follow a redirect: the fake Pinterest answers 307 pointing to a second server on loopback, and that
// server receives nothing, whichever node, credential or call was redirected (API calls, the report download, the
// ad-account picker, n8n's own credential test). Credentials point straight at the fake: Prism, in front of it
// elsewhere, would follow the redirect itself.
const { startN8nServer } = require('../../scripts/n8n-server');
const { laneN8nEnv } = require('../harness/lane');
const { e2eContext, noContractViolationsAfterEach } = require('../harness/e2eContext');
const {
	credentials,
	workflowWith,
	adSpendNode,
	selectedAccounts,
	conversionsNode,
	OAUTH_CREDENTIAL,
} = require('../harness/fixtures');
const { startRecordingServer } = require('../harness/recordingServer');
const { daysAgo } = require('./spendExpectations');

const ctx = e2eContext();
const US = '549755885175';
const SPEND = 'Pinterest Ad Spend';
const CONVERSIONS = 'Pinterest Conversions';

let server;
let elsewhere;
beforeAll(async () => {
	elsewhere = await startRecordingServer();
	server = await startN8nServer({ env: laneN8nEnv() });
});
afterAll(async () => {
	await server?.stop();
	await elsewhere?.close();
});
beforeEach(async () => {
	await ctx.fake.reset();
	elsewhere.requests.length = 0;
	await ctx.cli.importCredentials(credentials(ctx.fakeUrl));
});
afterEach(async () => {
	// Whatever was redirected, the other server saw nothing: no token, no event, no report request.
	expect(elsewhere.requests).toEqual([]);
});
afterAll(() => ctx.cli.importCredentials(credentials(ctx.proxyUrl)));
noContractViolationsAfterEach(ctx);

const redirect = (pathPattern, extra = {}) =>
	ctx.fake.faults([{ kind: 'redirect', pathPattern, locationBase: elsewhere.url, ...extra }]);
const refusal = (what) =>
	`Refused to follow a redirect to 127.0.0.1:${elsewhere.port} (HTTP 307) while trying to ${what}`;
const calls = async () => (await ctx.fake.requests()).map((r) => `${r.method} ${r.path}`);

describe('Pinterest Ad Spend (Pinterest Ads OAuth2 API)', () => {
	test('an API call answered 307: one clear error naming the call and the host, nothing sent there', async () => {
		await redirect(`^/ad_accounts/${US}$`);
		const result = await ctx.run(
			workflowWith(
				adSpendNode({ ...selectedAccounts(US), level: 'adAccount', datePreset: 'yesterday' }),
			),
		);
		expect(result.code).toBe(1);
		const error = result.nodeError(SPEND);
		expect(error.message).toBe(refusal(`read its name and currency for ad account ${US}`));
		expect(error.description).toMatch(
			new RegExp(
				`^Requests to Pinterest never follow a redirect, .* nothing was sent to 127\\.0\\.0\\.1:${elsewhere.port}\\.`,
			),
		);
		// Not retried: asking again would only be redirected again.
		expect(await calls()).toEqual([`GET /ad_accounts/${US}`]);
	});

	test('the list of ad accounts answered 307 ("All Ad Accounts"): refused, nothing sent there', async () => {
		await redirect('^/ad_accounts$');
		const result = await ctx.run(
			workflowWith(
				adSpendNode({ adAccountSelection: 'all', level: 'adAccount', datePreset: 'yesterday' }),
			),
		);
		expect(result.nodeError(SPEND).message).toBe(refusal('list ad accounts'));
		expect(await calls()).toEqual(['GET /ad_accounts']);
	});

	test('the report download answered 307: refused, so the report-host check cannot be stepped around', async () => {
		await redirect('^/__downloads/');
		const result = await ctx.run(
			workflowWith(
				adSpendNode({
					...selectedAccounts(US),
					level: 'campaign',
					datePreset: 'custom',
					startDate: `${daysAgo(3)}T00:00:00`,
					endDate: `${daysAgo(1)}T00:00:00`,
					options: { strategy: 'async' },
				}),
			),
		);
		const error = result.nodeError(SPEND);
		expect(error.message).toBe(refusal(`download the spend report for ad account ${US}`));
		expect(error.description).toContain(
			`Missing: the campaign rows of ${daysAgo(3)} to ${daysAgo(1)} of ad account ${US}; no rows of this account are output.`,
		);
		expect((await ctx.fake.state()).downloads).toEqual(['report-1']);
	});

	test("the ad-account picker's list answered 307: an error, nothing sent there", async () => {
		await redirect('^/ad_accounts$');
		const answer = await server.rest('POST', '/dynamic-node-parameters/resource-locator-results', {
			nodeTypeAndVersion: { name: 'n8n-nodes-pinterest-ads.pinterestConversions', version: 1 },
			credentials: { pinterestAdsOAuth2Api: OAUTH_CREDENTIAL },
			path: 'adAccount',
			methodName: 'searchAdAccounts',
			filter: '',
			currentNodeParameters: { operation: 'sendEvent', authentication: 'oAuth2' },
		});
		expect(answer.status).toBeGreaterThanOrEqual(400);
		expect(JSON.stringify(answer.body)).toContain(refusal('list ad accounts'));
		expect(await calls()).toEqual(['GET /ad_accounts']);
	});
});

describe('Pinterest Conversions', () => {
	const event = {
		eventName: 'checkout',
		eventId: 'order-1',
		eventTime: '={{ Math.floor(Date.now() / 1000) - 60 }}',
		userData: { email: 'buyer@example.com', clientIpAddress: '203.0.113.7' },
	};

	test.each([
		['Pinterest Conversions API (conversion token)', 'token'],
		['Pinterest Ads OAuth2 API', 'oauth'],
	])(
		'%s: the events request answered 307 is refused; no event or token sent there',
		async (name, credential) => {
			await redirect('/events$');
			const result = await ctx.run(
				workflowWith(
					conversionsNode(
						{ ...event, adAccount: { __rl: true, mode: 'id', value: US } },
						{ credential },
					),
					{
						inputItems: [{}],
					},
				),
			);
			expect(result.code).toBe(1);
			const error = result.nodeError(CONVERSIONS);
			expect(`${error.message} ${error.description}`).toContain(
				refusal(`send conversion events for ad account ${US}`),
			);
			expect(await calls()).toEqual([`POST /ad_accounts/${US}/events`]);
			expect((await ctx.fake.state()).conversions).toEqual([]);
		},
	);

	test("n8n's credential test of the conversion token does not follow a 307", async () => {
		await redirect('/events$');
		const stored = credentials(ctx.fakeUrl)[1];
		const answer = await server.rest('POST', '/credentials/test', { credentials: stored });
		expect(answer.body.data).toEqual({ status: 'Error', message: 'Temporary Redirect' });
		expect(await calls()).toEqual([`POST /ad_accounts/${US}/events`]);
	});
});
