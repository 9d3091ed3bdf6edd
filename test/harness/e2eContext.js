// What a test file needs to reach the shared fake API, the proxy and n8n (its lane, set up by globalSetup.js).
const { credentials } = require('./fixtures');
const { N8nCli, importAndExecute } = require('../../scripts/n8n-cli');
const { e2eLane } = require('./lane');
const { fakeControl } = require('../fake-pinterest/server');

function e2eContext() {
	const { fakeUrl, proxyUrl, userFolder, cliBrokerPort } = e2eLane();
	const cli = new N8nCli(userFolder, { brokerPort: cliBrokerPort });

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
		fake: fakeControl(fakeUrl),
		contractViolations,
		run: (workflow) => importAndExecute(cli, workflow),
	};
}

/**
 * Jest hooks for a test file: before each test a fresh fake (default data) and the test credentials in n8n's
 * store as the fixtures give them; after each, no contract violation may have been seen.
 *
 * Importing credentials boots the n8n CLI (about 6 s), so they are imported again only when the store may differ
 * from the fixtures: before the file's first test, after a test imported credentials of its own, and after n8n
 * renewed an OAuth token (the fake then holds other tokens than the ones it starts with, and n8n stored them).
 * With `importCredentials` (another store, e.g. queue mode's PostgreSQL) they are imported before every test.
 */
function freshPinterestForEachTest(ctx, { importCredentials } = {}) {
	let storeAsImported = false;
	let fakeTokensAtImport;
	const importToCli = ctx.cli.importCredentials.bind(ctx.cli);
	ctx.cli.importCredentials = async (testCredentials) => {
		storeAsImported = false;
		await importToCli(testCredentials);
	};
	beforeEach(async () => {
		if (storeAsImported && !importCredentials) {
			const { tokens } = await ctx.fake.state();
			storeAsImported = JSON.stringify(tokens) === fakeTokensAtImport;
		}
		await ctx.fake.reset();
		if (!storeAsImported || importCredentials) {
			const testCredentials = credentials(ctx.proxyUrl);
			await (importCredentials ? importCredentials(testCredentials) : importToCli(testCredentials));
			fakeTokensAtImport = JSON.stringify((await ctx.fake.state()).tokens);
			storeAsImported = true;
		}
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
