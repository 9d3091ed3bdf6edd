// A test run that fails leaves nothing running: the contract proxy (Prism, in its own process
// group) ends with the process that started it, even when that process dies of an error.
const { execFile } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { promisify } = require('node:util');

const { startFakePinterest } = require('../fake-pinterest/server');
const { e2eContext, noContractViolationsAfterEach } = require('../harness/e2eContext');

// Nothing here calls Pinterest; the check still runs, as in every end-to-end file.
noContractViolationsAfterEach(e2eContext());

/** Alive and not a zombie (a killed process whose parent is gone waits for init to reap it). */
const isRunning = (pid) => {
	try {
		return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
	} catch {
		return false;
	}
};

test('Prism goes when the process that started it crashes', async () => {
	const fake = await startFakePinterest();
	try {
		const script = `
			const { startContractProxy } = require(${JSON.stringify(join(__dirname, '..', 'harness', 'contractProxy'))});
			startContractProxy({ upstreamUrl: ${JSON.stringify(fake.url)} }).then((proxy) => {
				console.log(proxy.prismPid);
				throw new Error('a failing global setup');
			});`;
		const result = await promisify(execFile)('node', ['-e', script]).catch((error) => error);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('a failing global setup');
		const prismPid = Number(result.stdout.trim());
		expect(prismPid).toBeGreaterThan(0);
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(isRunning(prismPid)).toBe(false);
	} finally {
		await fake.close();
	}
}, 120_000);
