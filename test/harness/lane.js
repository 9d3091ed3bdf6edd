// The end-to-end run's lanes: globalSetup.js starts one fake Pinterest API, contract proxy and n8n user folder per
// jest worker, so the test files of two workers running side by side never share a fake, a database or a port.
const { n8nEnv } = require('../../scripts/n8n-cli');

/** This test file's lane: { fakeUrl, proxyUrl, userFolder, cliBrokerPort }. */
function e2eLane() {
	const { lanes } = JSON.parse(process.env.PINTEREST_E2E);
	// Jest numbers its workers from 1; a run in band is worker 1.
	const worker = Number(process.env.JEST_WORKER_ID ?? 1);
	return lanes[(worker - 1) % lanes.length];
}

/** n8n's environment for this lane's user folder (n8n-cli.js's n8nEnv). */
function laneN8nEnv(extra = {}) {
	const lane = e2eLane();
	return n8nEnv(lane.userFolder, { N8N_RUNNERS_BROKER_PORT: String(lane.cliBrokerPort), ...extra });
}

module.exports = { e2eLane, laneN8nEnv };
