module.exports = async function globalTeardown() {
	const { fake, proxy } = globalThis.__PINTEREST_E2E__ ?? {};
	await proxy?.stop();
	await fake?.close();
};
