// Starts, once for all end-to-end test files, one lane per jest worker (lane.js): the fake Pinterest API, the
// contract-checking proxy in front of it, and an n8n user folder with this package installed. Whatever it started
// is stopped again if a later step fails, so a failed run leaves nothing behind.
const { installPackageInto } = require('../../scripts/install-package');
const { ensureN8nRuntime } = require('../../scripts/n8n-runtime');
const { freePort } = require('../../scripts/free-port');
const { startContractProxy } = require('./contractProxy');
const { startFakePinterest } = require('../fake-pinterest/server');
const { N8nCli, createUserFolder } = require('../../scripts/n8n-cli');

async function startLane(started, brokerPorts) {
	const fake = await startFakePinterest();
	started.push(fake);
	const proxy = await startContractProxy({ upstreamUrl: fake.url });
	started.push(proxy);
	const userFolder = createUserFolder();
	installPackageInto(userFolder);
	// The broker port is only bound while a CLI command runs, so a port given to another lane could come again.
	let cliBrokerPort = await freePort();
	while (brokerPorts.includes(cliBrokerPort)) cliBrokerPort = await freePort();
	brokerPorts.push(cliBrokerPort);
	const lane = { fakeUrl: fake.url, proxyUrl: proxy.url, userFolder, cliBrokerPort };
	// The first CLI command creates the database; later ones start faster.
	await new N8nCli(userFolder, { brokerPort: lane.cliBrokerPort }).runOrThrow([
		'export:nodes',
		`--output=${userFolder}/nodes.json`,
	]);
	return lane;
}

module.exports = async function globalSetup(globalConfig) {
	const started = [];
	globalThis.__PINTEREST_E2E__ = started;
	try {
		await ensureN8nRuntime();
		const lanes = [];
		const brokerPorts = [];
		for (let i = 0; i < Math.max(1, globalConfig.maxWorkers); i++) {
			lanes.push(await startLane(started, brokerPorts));
		}
		process.env.PINTEREST_E2E = JSON.stringify({ lanes });
	} catch (error) {
		await require('./globalTeardown')();
		throw error;
	}
};
