// What a test file needs to reach the shared fake API, the proxy and n8n (set up by globalSetup.js).
const { credentials } = require('./fixtures');
const { N8nCli, importAndExecute } = require('../../scripts/n8n-cli');

function e2eContext() {
	const { fakeUrl, proxyUrl, userFolder } = JSON.parse(process.env.PINTEREST_E2E);
	const cli = new N8nCli(userFolder);

	async function fakeControl(method, path, body) {
		const response = await fetch(`${fakeUrl}/__fake/${path}`, {
			method,
			headers: body ? { 'Content-Type': 'application/json' } : {},
			body: body ? JSON.stringify(body) : undefined,
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`fake ${method} ${path}: ${response.status} ${text}`);
		return text ? JSON.parse(text) : undefined;
	}

	/** What Prism found wrong in requests or answers, per Pinterest's OpenAPI description. */
	async function contractViolations({ clear = false } = {}) {
		const response = await fetch(`${proxyUrl}/__contract/violations`, {
			method: clear ? 'DELETE' : 'GET',
		});
		return response.json();
	}

	return {
		fakeUrl,
		proxyUrl,
		cli,
		fake: {
			reset: (dataset) => fakeControl('POST', 'reset', dataset),
			config: (settings) => fakeControl('POST', 'config', settings),
			faults: (rules) => fakeControl('POST', 'faults', { rules }),
			requests: () => fakeControl('GET', 'requests'),
			clearRequests: () => fakeControl('DELETE', 'requests'),
			state: () => fakeControl('GET', 'state'),
		},
		contractViolations,
		run: (workflow) => importAndExecute(cli, workflow),
	};
}

/**
 * Jest hooks for a test file: before each test a fresh fake (default data) and the test credentials
 * imported anew (into the shared user folder's database, or by `importCredentials` elsewhere, e.g.
 * queue mode's PostgreSQL); after each, no contract violation may have been seen.
 */
function freshPinterestForEachTest(ctx, { importCredentials } = {}) {
	beforeEach(async () => {
		await ctx.fake.reset();
		const testCredentials = credentials(ctx.proxyUrl);
		await (importCredentials
			? importCredentials(testCredentials)
			: ctx.cli.importCredentials(testCredentials));
		await ctx.contractViolations({ clear: true });
	});
	noContractViolationsAfterEach(ctx);
}

/** After each test: no request or answer broke Pinterest's contract (for files with no fresh fake). */
function noContractViolationsAfterEach(ctx) {
	afterEach(async () => {
		expect(await ctx.contractViolations({ clear: true })).toEqual([]);
	});
}

module.exports = { e2eContext, freshPinterestForEachTest, noContractViolationsAfterEach };
