// Sets a running n8n (single process or queue mode) up for a benchmark through its own APIs: signs
// the owner in, creates an API key, then credentials and workflows through the public API.
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { runtimePaths } = require('../scripts/n8n-runtime.js');
const { TEST_OWNER } = require('../scripts/n8n-server.js');

/** The environment that makes n8n create TEST_OWNER on start (as scripts/n8n-server.js does). */
export function ownerEnv(owner = TEST_OWNER) {
	const bcrypt = require(join(runtimePaths().modulesDir, 'bcryptjs'));
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: owner.email,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(owner.password, 10),
		N8N_INSTANCE_OWNER_FIRST_NAME: owner.firstName,
		N8N_INSTANCE_OWNER_LAST_NAME: owner.lastName,
	};
}

async function call(url, method, body, headers = {}) {
	const response = await fetch(url, {
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
	if (response.status >= 300)
		throw new Error(`${method} ${url} answered ${response.status}: ${text.slice(0, 500)}`);
	return { json, headers: response.headers };
}

/** Signs TEST_OWNER in at `baseUrl`; returns a public API client `(method, path, body) => json`. */
export async function publicApiFor(baseUrl, owner = TEST_OWNER) {
	const login = await call(`${baseUrl}/rest/login`, 'POST', {
		emailOrLdapLoginId: owner.email,
		password: owner.password,
	});
	const Cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
	const scopes = (await call(`${baseUrl}/rest/api-keys/scopes`, 'GET', undefined, { Cookie })).json
		.data;
	const created = await call(
		`${baseUrl}/rest/api-keys`,
		'POST',
		{ label: `bench-${Date.now()}`, scopes, expiresAt: null },
		{ Cookie },
	);
	const apiKey = created.json.data.rawApiKey;
	return async (method, path, body) =>
		(await call(`${baseUrl}/api/v1${path}`, method, body, { 'X-N8N-API-KEY': apiKey })).json;
}

/**
 * Creates and activates `workflow`, then waits until its production webhook answers (anything but
 * 404) at `probeUrl`. Returns the workflow id.
 */
export async function publish(publicApi, workflow, probeUrl) {
	const { id } = await publicApi('POST', '/workflows', workflow);
	await publicApi('POST', `/workflows/${id}/activate`);
	for (let i = 0; i < 240; i++) {
		const probe = await fetch(probeUrl).catch(() => undefined);
		if (probe && probe.status !== 404) return id;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`the webhook at ${probeUrl} was not registered within 60 s`);
}
