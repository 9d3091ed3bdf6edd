// Secrets go only where they belong: a Custom base URL that is neither https nor this machine gets
// no token, neither from the nodes nor from n8n's own credential test; and an OAuth login can be
// asked for read-only access.
const { startN8nServer } = require('../../scripts/n8n-server');
const { credentials, workflowWith, adSpendNode } = require('../harness/fixtures');
const { e2eContext, noContractViolationsAfterEach } = require('../harness/e2eContext');
const { laneN8nEnv } = require('../harness/lane');

const ctx = e2eContext();
// Refused by the rule's spelling (not https, not written as localhost or 127.x.x.x) yet it reaches
// the fake on this machine, so a guard that let it through would show as a recorded request.
const UNSAFE_URL = ctx.proxyUrl.replace('127.0.0.1', '127.1');
const RULE =
	'The Custom Base URL must start with https:// (plain http:// only for localhost, 127.x.x.x or [::1]), because your tokens are sent to it. Fix it in the credential.';

const USER_INFO_RULE =
	'The Custom Base URL must not contain a user name or password before an @ (like https://api.pinterest.com@proxy.example/v5): the host after the @ would receive your tokens. Give the address alone, such as https://pinterest-proxy.example.com/v5. Fix it in the credential.';

let server;
beforeAll(async () => {
	server = await startN8nServer({ env: laneN8nEnv() });
});
afterAll(() => server?.stop());
beforeEach(() => ctx.fake.reset());
noContractViolationsAfterEach(ctx);

/** Ad Spend's error when its OAuth2 credential has this Custom base URL (the stored credentials are restored). */
async function adSpendErrorWith(customBaseUrl) {
	const [oauth, conversion] = credentials(ctx.proxyUrl);
	oauth.data.customBaseUrl = customBaseUrl;
	await ctx.cli.importCredentials([oauth, conversion]);
	try {
		const result = await ctx.run(
			workflowWith(
				adSpendNode({ adAccountSelection: 'all', level: 'adAccount', dateRange: 'yesterday' }),
			),
		);
		expect(result.code).toBe(1);
		return result.nodeError('Pinterest Ad Spend');
	} finally {
		await ctx.cli.importCredentials(credentials(ctx.proxyUrl));
	}
}

test('Ad Spend refuses a plain-http Custom base URL before sending anything', async () => {
	expect((await adSpendErrorWith(UNSAFE_URL)).message).toBe(RULE);
	expect(await ctx.fake.requests()).toEqual([]);
});

test.each([
	['http://user@127.0.0.1', (url) => url.replace('http://', 'http://user@')],
	[
		'https://api.pinterest.com@127.0.0.1',
		(url) => url.replace('http://', 'https://api.pinterest.com@'),
	],
])(
	'a Custom base URL with user info (%s…) is refused before any request, by the node and by the credential test',
	async (name, withUserInfo) => {
		// Each host after the @ is the fake (through the proxy): a request let through would be recorded.
		const customBaseUrl = withUserInfo(ctx.proxyUrl);
		expect((await adSpendErrorWith(customBaseUrl)).message).toBe(USER_INFO_RULE);
		const conversion = credentials(ctx.proxyUrl)[1];
		const tested = await server.rest('POST', '/credentials/test', {
			credentials: { ...conversion, data: { ...conversion.data, customBaseUrl } },
		});
		expect(tested.body.data).toEqual({ status: 'Error', message: 'ENOTFOUND' });
		expect(await ctx.fake.requests()).toEqual([]);
	},
);

test("n8n's own credential test sends the conversion token nowhere for a plain-http Custom URL", async () => {
	const stored = credentials(ctx.proxyUrl)[1];
	const test = (customBaseUrl) =>
		server.rest('POST', '/credentials/test', {
			credentials: { ...stored, data: { ...stored.data, customBaseUrl } },
		});
	const refused = await test(UNSAFE_URL);
	expect(refused.body.data.status).toBe('Error');
	// n8n's answer is the resolver's code for the refused placeholder host, *.invalid.
	expect(refused.body.data.message).toBe('ENOTFOUND');
	expect(await ctx.fake.requests()).toEqual([]);

	const allowed = await test(ctx.proxyUrl);
	expect(allowed.body.data).toEqual({ status: 'OK', message: 'Connection successful!' });
	expect((await ctx.fake.requests()).length).toBe(1);
});

test('the OAuth2 credential asks Pinterest for read-only scopes when set to Spend Only', async () => {
	const [oauth] = credentials(ctx.proxyUrl);
	const authUrlFor = async (access) => {
		const id = `pinAccess${access.slice(0, 7)}`.padEnd(16, '0');
		await ctx.cli.importCredentials([
			{ ...oauth, id, name: `Pinterest ${access}`, data: { ...oauth.data, access } },
		]);
		const answer = await server.rest('GET', `/oauth2-credential/auth?id=${id}`);
		return new URL(answer.body.data);
	};
	const readOnly = await authUrlFor('spendOnly');
	expect(readOnly.origin + readOnly.pathname).toBe('https://www.pinterest.com/oauth/');
	expect(readOnly.searchParams.get('scope')).toBe('ads:read,user_accounts:read');
	const full = await authUrlFor('spendAndConversions');
	expect(full.searchParams.get('scope')).toBe('ads:read,ads:write,user_accounts:read');
});
