// Starts, once for all end-to-end test files: the fake Pinterest API, the contract-checking proxy in
// front of it, and an n8n user folder with this package installed and the test credentials imported.
const { installPackageInto } = require('../../scripts/install-package');
const { ensureN8nRuntime } = require('../../scripts/n8n-runtime');
const { startContractProxy } = require('./contractProxy');
const { startFakePinterest } = require('../fake-pinterest/server');
const { N8nCli, createUserFolder } = require('./n8n');

module.exports = async function globalSetup() {
	ensureN8nRuntime();
	const fake = await startFakePinterest();
	const proxy = await startContractProxy({ upstreamUrl: fake.url });
	const userFolder = createUserFolder();
	installPackageInto(userFolder);
	// The first CLI command creates the database; later ones start faster.
	await new N8nCli(userFolder).runOrThrow(['export:nodes', `--output=${userFolder}/nodes.json`]);
	globalThis.__PINTEREST_E2E__ = { fake, proxy };
	process.env.PINTEREST_E2E = JSON.stringify({
		fakeUrl: fake.url,
		proxyUrl: proxy.url,
		userFolder,
	});
};
