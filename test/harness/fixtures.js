// Credentials and workflow shapes shared by the end-to-end tests.
const OAUTH_CREDENTIAL = { id: 'pinOAuthCred0001', name: 'Pinterest Ads (fake)' };
const CONVERSIONS_CREDENTIAL = { id: 'pinConvCred00001', name: 'Pinterest Conversions (fake)' };
const PACKAGE = 'n8n-nodes-pinterest-ads';

/** The fake's client and tokens (test/fake-pinterest/oauth.js and server.js), stored the way n8n stores them. */
function credentials(
	proxyUrl,
	{
		accessToken = 'access-1',
		refreshToken = 'refresh-1',
		conversionToken = 'conv-token-1',
		adAccountId = '549755885175',
	} = {},
) {
	return [
		{
			...OAUTH_CREDENTIAL,
			type: 'pinterestAdsOAuth2Api',
			data: {
				clientId: 'client-id-1',
				clientSecret: 'client-secret-1',
				environment: 'custom',
				customBaseUrl: proxyUrl,
				oauthTokenData: {
					access_token: accessToken,
					refresh_token: refreshToken,
					token_type: 'bearer',
					expires_in: 2592000,
					scope: 'ads:read,ads:write,user_accounts:read',
				},
			},
		},
		{
			...CONVERSIONS_CREDENTIAL,
			type: 'pinterestConversionsApi',
			data: {
				accessToken: conversionToken,
				adAccountId,
				environment: 'custom',
				customBaseUrl: proxyUrl,
			},
		},
	];
}

let workflowCounter = 0;

/** A workflow id n8n accepts (16 characters), unique within the test run. */
function workflowId(prefix = 'wf') {
	workflowCounter++;
	return `${prefix}${String(Date.now()).slice(-8)}${String(workflowCounter).padStart(6, '0')}`.slice(
		0,
		16,
	);
}

/**
 * Manual Trigger → [Input] → node under test, a workflow `n8n execute` can run. `inputItems`, when
 * given, are produced by a Code node (pinned data is ignored by CLI executions).
 */
function workflowWith(nodeUnderTest, { name = 'e2e', inputItems } = {}) {
	const id = workflowId();
	const nodes = [
		{
			id: 'trigger',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	];
	const connections = {};
	let previous = 'Start';
	if (inputItems) {
		nodes.push({
			id: 'input',
			name: 'Input',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [200, 0],
			parameters: { jsCode: `return ${JSON.stringify(inputItems.map((json) => ({ json })))};` },
		});
		connections.Start = { main: [[{ node: 'Input', type: 'main', index: 0 }]] };
		previous = 'Input';
	}
	nodes.push({ id: 'under-test', position: [400, 0], ...nodeUnderTest });
	connections[previous] = { main: [[{ node: nodeUnderTest.name, type: 'main', index: 0 }]] };
	return {
		id,
		name: `${name} ${id}`,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

/** Ad Spend; select accounts with `selectedAccounts`. */
function adSpendNode(parameters, { name = 'Pinterest Ad Spend', ...nodeSettings } = {}) {
	return {
		name,
		type: `${PACKAGE}.pinterestAdSpend`,
		typeVersion: 1,
		parameters: { operation: 'get', ...parameters },
		credentials: { pinterestAdsOAuth2Api: OAUTH_CREDENTIAL },
		...nodeSettings,
	};
}

/** Ad Spend's "Selected Ad Accounts": one picker per id, given By ID. */
function selectedAccounts(...ids) {
	return {
		adAccountSelection: 'selected',
		adAccounts: {
			account: ids.map((id) => ({ adAccount: { __rl: true, mode: 'id', value: id } })),
		},
	};
}

function conversionsNode(
	parameters,
	{ name = 'Pinterest Conversions', credential = 'oauth', ...nodeSettings } = {},
) {
	return {
		name,
		type: `${PACKAGE}.pinterestConversions`,
		typeVersion: 1,
		parameters: {
			operation: 'sendEvent',
			authentication: credential === 'oauth' ? 'oAuth2' : 'conversionToken',
			...parameters,
		},
		credentials:
			credential === 'oauth'
				? { pinterestAdsOAuth2Api: OAUTH_CREDENTIAL }
				: { pinterestConversionsApi: CONVERSIONS_CREDENTIAL },
		...nodeSettings,
	};
}

module.exports = {
	credentials,
	workflowWith,
	workflowId,
	adSpendNode,
	selectedAccounts,
	conversionsNode,
	OAUTH_CREDENTIAL,
	CONVERSIONS_CREDENTIAL,
	PACKAGE,
};
