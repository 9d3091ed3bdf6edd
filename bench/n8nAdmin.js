// Sets a running n8n (single process or queue mode) up for a benchmark through its own public API:
// credentials and workflows.

/**
 * The public API of a server started by scripts/n8n-server.js (signed in as its owner, which also holds
 * for queue mode's main), as `(method, path, body) => json` that throws on an error answer.
 */
function publicApiOf(server) {
	return async (method, path, body) => {
		const answer = await server.publicApi(method, path, body);
		if (answer.status >= 300)
			throw new Error(`${method} ${path} answered ${answer.status}: ${answer.text.slice(0, 500)}`);
		return answer.body;
	};
}

/**
 * Creates and activates `workflow`, then waits until its production webhook answers (anything but
 * 404) at `probeUrl`. Returns the workflow id.
 */
async function publish(publicApi, workflow, probeUrl) {
	const { id } = await publicApi('POST', '/workflows', workflow);
	await publicApi('POST', `/workflows/${id}/activate`);
	for (let i = 0; i < 240; i++) {
		const probe = await fetch(probeUrl).catch(() => undefined);
		if (probe && probe.status !== 404) return id;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`the webhook at ${probeUrl} was not registered within 60 s`);
}

module.exports = { publicApiOf, publish };
