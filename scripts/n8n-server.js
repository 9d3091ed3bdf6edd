// Starts a real n8n server (the runtime from n8n-runtime.js) on loopback, with its owner account
// given in the environment (n8n 2.x applies it before it listens, so nobody else can claim the
// instance through first-run setup) and signed in, so the public API and the internal REST API are
// usable. n8n 1.x has no such setting: there the owner is set up through first-run setup right after
// n8n is ready, which only the 1.x compatibility test does, on a throwaway instance.
const { spawn } = require('node:child_process');
const { join } = require('node:path');

const { defaultRuntime } = require('./n8n-runtime');
const { freePort } = require('./free-port');

/** The tests' owner: a throwaway instance, so a fixed password does no harm there. */
const TEST_OWNER = {
	email: 'owner@example.com',
	password: 'Pinterest-e2e-owner-1',
	firstName: 'Test',
	lastName: 'Owner',
};

/**
 * The settings that differ between n8n majors, in one place (https://docs.n8n.io/2-0-breaking-changes/):
 * every environment given to an n8n includes these for its runtime.
 */
function versionEnv(runtime = defaultRuntime) {
	if (runtime.N8N_MAJOR >= 2) {
		// 2.x: the MCP registry module reaches out to the network; 1.x rejects the name as unknown.
		return { N8N_DISABLED_MODULES: 'mcp-registry' };
	}
	return {};
}

function ownerEnv(owner, runtime) {
	// bcryptjs ships inside n8n; the owner's password is given to n8n as a hash.
	const bcrypt = require(join(runtime.runtimePaths().modulesDir, 'bcryptjs'));
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: owner.email,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(owner.password, 10),
		N8N_INSTANCE_OWNER_FIRST_NAME: owner.firstName,
		N8N_INSTANCE_OWNER_LAST_NAME: owner.lastName,
	};
}

async function waitUntilReady(url, child, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n exited early with code ${child.exitCode}`);
		try {
			// n8n 1.x reports ready before its REST routes exist: wait for the public settings too.
			const response = await fetch(`${url}/healthz/readiness`);
			if (response.ok && (await fetch(`${url}/rest/settings`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`n8n at ${url} was not ready after ${timeoutMs} ms`);
}

/**
 * @param env the base environment for n8n (user folder, encryption key…), see n8nEnv in scripts/n8n-cli.js
 * @param owner the owner account set from the environment (2.x) or through first-run setup (1.x)
 *   and signed in; null leaves the owner to n8n's first-run setup and signs nobody in
 * @param host the name in the URLs n8n gives out; n8n listens on 127.0.0.1 whatever it is
 * @param runtime which pinned n8n to run (scripts/n8n-runtime.js); `env` must be built for it
 * @returns {{ url, rest, asOwner, publicApi, stop, log, child }}
 */
async function startN8nServer({
	env,
	port,
	brokerPort,
	owner = TEST_OWNER,
	host = '127.0.0.1',
	timeoutMs = 120_000,
	inheritOutput = false,
	runtime = defaultRuntime,
}) {
	const { nodeBin, n8nBin } = runtime.runtimePaths();
	port ??= await freePort();
	brokerPort ??= await freePort();
	const url = `http://${host}:${port}`;
	// n8n 1.x has no N8N_INSTANCE_OWNER_* settings: there the owner goes through first-run setup.
	const ownerFromEnv = runtime.N8N_MAJOR >= 2;
	const child = spawn(nodeBin, [n8nBin, 'start'], {
		env: {
			...env,
			...(owner && ownerFromEnv ? ownerEnv(owner, runtime) : {}),
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: host,
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_EDITOR_BASE_URL: url,
			WEBHOOK_URL: `${url}/`,
		},
		stdio: ['ignore', inheritOutput ? 'inherit' : 'pipe', inheritOutput ? 'inherit' : 'pipe'],
	});
	// However this process ends, the n8n it started ends with it.
	const killOnExit = () => child.kill('SIGKILL');
	process.once('exit', killOnExit);
	let log = '';
	child.stdout?.on('data', (chunk) => (log += chunk));
	child.stderr?.on('data', (chunk) => (log += chunk));
	try {
		await waitUntilReady(url, child, timeoutMs);
	} catch (error) {
		child.kill('SIGKILL');
		throw new Error(`${error.message}\n${log.slice(-4000)}`);
	}

	let cookie = '';
	if (owner) {
		if (!ownerFromEnv) await setUpOwnerOnce(owner);
		const login = await call('/rest', 'POST', '/login', {
			emailOrLdapLoginId: owner.email,
			password: owner.password,
		});
		cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
	}

	async function call(base, method, path, body, headers) {
		const response = await fetch(`${url}${base}${path}`, {
			method,
			headers: { 'Content-Type': 'application/json', ...headers },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		return { status: response.status, body: json, text, headers: response.headers };
	}
	async function setUpOwnerOnce({ email, password, firstName, lastName }) {
		const settings = await call('/rest', 'GET', '/settings');
		if (!settings.body?.data?.userManagement?.showSetupOnFirstLoad) return;
		const setup = await call('/rest', 'POST', '/owner/setup', {
			email,
			password,
			firstName,
			lastName,
		});
		if (setup.status !== 200) throw new Error(`owner setup failed: HTTP ${setup.status}`);
	}
	const rest = (method, path, body) => call('/rest', method, path, body, { Cookie: cookie });
	/** Any path of the editor's server (e.g. /types/nodes.json), signed in as the owner. */
	const asOwner = (path) => call('', 'GET', path, undefined, { Cookie: cookie });

	let apiKey;
	async function publicApi(method, path, body) {
		if (!apiKey) {
			const scopes = (await rest('GET', '/api-keys/scopes')).body.data;
			const created = await rest('POST', '/api-keys', {
				label: `local-${Date.now()}`,
				scopes,
				expiresAt: null,
			});
			apiKey = created.body.data.rawApiKey;
		}
		return call('/api/v1', method, path, body, { 'X-N8N-API-KEY': apiKey });
	}

	async function stop() {
		if (child.exitCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
		await exited;
		clearTimeout(timer);
		process.removeListener('exit', killOnExit);
	}

	return { url, call, rest, asOwner, publicApi, stop, log: () => log, owner, child };
}

/** The environment of a local n8n for a person (`npm start`, screenshots): quiet and offline-safe. */
function localN8nEnv(userFolder, runtime = defaultRuntime) {
	return {
		PATH: `${join(runtime.runtimePaths().nodeBin, '..')}:${process.env.PATH}`,
		HOME: process.env.HOME,
		N8N_USER_FOLDER: userFolder,
		GENERIC_TIMEZONE: process.env.GENERIC_TIMEZONE ?? 'UTC',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		...versionEnv(runtime),
	};
}

module.exports = { startN8nServer, localN8nEnv, versionEnv, TEST_OWNER };
