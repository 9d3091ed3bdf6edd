// The retry budgets (shared/transport/retryPolicy.ts) played out by the real client (shared/transport/client.ts)
// inside the nodes, against a Pinterest that fails every attempt, on the fake clock.
import { runNode } from '../harness/engine';
import { waits } from '../harness/fakeClock';
import { fakePinterestForEachTest } from '../harness/pinterest';
import { runConversions, webhookParent } from '../conversions/conversionsRun';
import { pickedAccounts } from '../spend/spendRun';

const pinterest = fakePinterestForEachTest();

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const down = (pathPattern: string) => ({
	kind: 'serverError',
	status: 503,
	times: 100,
	pathPattern,
});

describe('the live budget (a webhook waiting for its answer)', () => {
	it('Pinterest down (fast 503s): 7 attempts, waits of 0.25 to 2 s, 7.75 s of waiting, then the time-limit error', async () => {
		await pinterest.faults([down('/events$')]);
		// Test mode: Pinterest records nothing, so a 503 may be sent again.
		const { error } = await runConversions(
			pinterest,
			[{ json: { orderId: 'order-0', email: 'buyer0@example.com', time: '2026-11-26T10:15:00Z' } }],
			{
				eventName: 'checkout',
				eventId: '={{ $json.orderId }}',
				eventTime: '={{ $json.time }}',
				actionSource: 'web',
				userData: { email: '={{ $json.email }}' },
				testMode: true,
			},
			{ mode: 'webhook', parents: [webhookParent('lastNode')] },
		);
		expect(await pinterest.requests()).toHaveLength(7);
		expect(waits()).toEqual([250, 500, 1000, 2000, 2000, 2000]);
		expect(sum(waits())).toBe(7750);
		expect(error?.description).toContain(
			'Stopped after 7 attempts: a live webhook run gives Pinterest at most 20 seconds',
		);
	});
});

describe('the scheduled budget (nobody waits for the answer)', () => {
	it('Pinterest down: 7 attempts and 31.5 s of waiting (1 s base, doubling)', async () => {
		await pinterest.faults([down('/campaigns/analytics$')]);
		const { error } = await runNode({
			node: 'pinterestAdSpend',
			parameters: {
				...pickedAccounts('549755885175'),
				level: 'campaign',
				datePreset: 'custom',
				startDate: '2026-11-20',
				endDate: '2026-11-22',
			},
			credentials: pinterest.credentials(),
			mode: 'trigger',
		});
		const analytics = (await pinterest.requests()).filter((r) =>
			r.path.endsWith('/campaigns/analytics'),
		);
		expect(analytics).toHaveLength(7);
		expect(waits()).toEqual([500, 1000, 2000, 4000, 8000, 16_000]);
		expect(sum(waits())).toBe(31_500);
		expect(error?.message).toContain('gave up after 7 attempts');
	});
});
