module.exports = async function globalTeardown() {
	for (const server of (globalThis.__PINTEREST_E2E__ ?? []).reverse()) {
		await (server.stop ?? server.close).call(server);
	}
};
