// Starts, once for all end-to-end test files: the fake Pinterest API, the contract-checking proxy in
// front of it, and an n8n user folder with this package installed and the test credentials imported.
// Whatever it started is stopped again if a later step fails, so a failed run leaves nothing behind.
const { installPackageInto } = require('../../scripts/install-package');
const { ensureN8nRuntime } = require('../../scripts/n8n-runtime');
const { freePort } = require('../../scripts/free-port');
const { startContractProxy } = require('./contractProxy');
const { startFakePinterest } = require('../fake-pinterest/server');
const { N8nCli, createUserFolder } = require('../../scripts/n8n-cli');

module.exports = async function globalSetup() {
	const started = {};
	globalThis.__PINTEREST_E2E__ = started;
	try {
		await ensureN8nRuntime();
		started.fake = await startFakePinterest();
		started.proxy = await startContractProxy({ upstreamUrl: started.fake.url });
		const userFolder = createUserFolder();
		installPackageInto(userFolder);
		process.env.PINTEREST_E2E = JSON.stringify({
			fakeUrl: started.fake.url,
			proxyUrl: started.proxy.url,
			userFolder,
			cliBrokerPort: await freePort(),
		});
		// The first CLI command creates the database; later ones start faster.
		await new N8nCli(userFolder).runOrThrow(['export:nodes', `--output=${userFolder}/nodes.json`]);
	} catch (error) {
		await require('./globalTeardown')();
		throw error;
	}
};
