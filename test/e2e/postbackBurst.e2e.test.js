// The purchase postback template freshly imported into an n8n that has never run it (no Data Table yet), then a
// burst of first postbacks: 50 orders at 20 in flight. Every postback must get one of the template's documented
// answers (never n8n's 500 "Error in workflow"), and every order must reach Pinterest exactly once, however the
// first postbacks race to find or create the template's table.
const { e2eContext, noContractViolationsAfterEach } = require('../harness/e2eContext');
const { e2eLane } = require('../harness/lane');
const { asConfigured, credentials } = require('../harness/fixtures');
const { installPackageInto } = require('../../scripts/install-package');
const { N8nCli, createUserFolder, n8nEnv } = require('../../scripts/n8n-cli');
const { startN8nServer } = require('../../scripts/n8n-server');

const ctx = e2eContext();
noContractViolationsAfterEach(ctx);

const POSTBACK_TEMPLATE = require('../../workflows/pinterest-purchase-postback.json');
const SECRET = 'postback-secret-for-the-burst-test-5d2e';
const ORDERS = 50;
const IN_FLIGHT = 20;

let server;

beforeAll(async () => {
	// An n8n of its own: the lane's database already holds the table from other files' postbacks.
	const userFolder = createUserFolder();
	installPackageInto(userFolder, { skipBuild: true });
	await new N8nCli(userFolder, { brokerPort: e2eLane().cliBrokerPort }).importCredentials(
		credentials(ctx.proxyUrl),
	);
	server = await startN8nServer({ env: n8nEnv(userFolder) });
	const created = await server.publicApi(
		'POST',
		'/workflows',
		asConfigured(POSTBACK_TEMPLATE, { settings: { secret: SECRET } }),
	);
	expect([created.status, created.body.message]).toEqual([200, undefined]);
	const activated = await server.publicApi('POST', `/workflows/${created.body.id}/activate`);
	expect([activated.status, activated.body.active]).toEqual([200, true]);
	for (let i = 0; i < 40; i++) {
		// Without a secret: answered 403 once registered, and nothing else happens.
		const probe = await fetch(`${server.url}/webhook/pinterest-postback?probe=1`);
		if (probe.status !== 404) break;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	await ctx.fake.reset();
});

afterAll(async () => await server?.stop());

async function postback(orderId) {
	const query = new URLSearchParams({
		secret: SECRET,
		order_id: orderId,
		value: '49.90',
		currency: 'USD',
		email: `buyer-${orderId}@example.com`,
		traffic_source: 'pinterest',
	});
	const response = await fetch(`${server.url}/webhook/pinterest-postback?${query}`);
	return { orderId, status: response.status, body: await response.json().catch(() => undefined) };
}

test(`the first ${ORDERS} postbacks after import, ${IN_FLIGHT} at a time: each answered "sent" and recorded by Pinterest once`, async () => {
	const orders = Array.from({ length: ORDERS }, (_, i) => `burst-${i + 1}`);
	const answers = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: IN_FLIGHT }, async () => {
			while (next < orders.length) answers.push(await postback(orders[next++]));
		}),
	);
	answers.sort((a, b) => orders.indexOf(a.orderId) - orders.indexOf(b.orderId));
	expect(answers.map(({ orderId, status, body }) => [orderId, status, body])).toEqual(
		orders.map((orderId) => [orderId, 200, { status: 'sent', eventId: orderId }]),
	);
	const recorded = (await ctx.fake.state()).conversions.map((c) => c.event.event_id).sort();
	expect(recorded).toEqual([...orders].sort());
}, 170_000);
