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

/**
 * The orders of the Conversions fault tests (three per run, `order-1` … `order-3`), sold ten minutes ago, and the
 * node's fields mapped from them as users map them.
 */
function faultOrder(n, overrides = {}) {
	return {
		orderId: `order-${n}`,
		email: `buyer${n}@example.com`,
		amount: 10 + n,
		ip: '203.0.113.7',
		ua: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0',
		epik: `dj0yJnU9epik${n}`,
		time: Math.floor(Date.now() / 1000) - 600,
		...overrides,
	};
}

const FAULT_ORDER_MAPPING = {
	eventName: 'checkout',
	eventId: '={{ $json.orderId }}',
	eventTime: '={{ $json.time }}',
	userData: {
		email: '={{ $json.email }}',
		clientIpAddress: '={{ $json.ip }}',
		clientUserAgent: '={{ $json.ua }}',
		clickId: '={{ $json.epik }}',
	},
	customData: { value: '={{ $json.amount }}', currency: 'USD', orderId: '={{ $json.orderId }}' },
};

/**
 * A template as a user has it after import: credentials picked (the ClickBank one when given), the _Settings_ node's
 * values set.
 */
function asConfigured(template, { settings, clickBankCredential } = {}) {
	const { id, active, pinData, ...workflow } = structuredClone(template);
	workflow.nodes = workflow.nodes.map((node) => {
		if (node.credentials?.clickBankInsApi && clickBankCredential)
			node.credentials = { clickBankInsApi: clickBankCredential };
		if (node.credentials?.pinterestAdsOAuth2Api)
			node.credentials = { pinterestAdsOAuth2Api: OAUTH_CREDENTIAL };
		if (node.credentials?.pinterestConversionsApi)
			node.credentials = { pinterestConversionsApi: CONVERSIONS_CREDENTIAL };
		if (node.name === 'Settings' && settings) {
			for (const assignment of node.parameters.assignments.assignments) {
				if (assignment.name in settings) assignment.value = settings[assignment.name];
			}
		}
		return node;
	});
	return workflow;
}

module.exports = {
	credentials,
	faultOrder,
	FAULT_ORDER_MAPPING,
	asConfigured,
	workflowWith,
	workflowId,
	adSpendNode,
	selectedAccounts,
	conversionsNode,
	OAUTH_CREDENTIAL,
	CONVERSIONS_CREDENTIAL,
	PACKAGE,
};
