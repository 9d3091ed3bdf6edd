// Faults of "Get ad spend" whose proof needs long waits (a request that stalls, a report that never finishes),
// on n8n's engine with the fake clock: the waits are the shipped ones, taken at once.
import { warnings } from '../harness/engine';
import { waits } from '../harness/fakeClock';
import { fakePinterestForEachTest } from '../harness/pinterest';
import { SCHEDULED_BUDGET } from '../../../shared/transport/retryPolicy';
import {
	ANALYTICS,
	campaignSpend as pull,
	expectCompleteRows,
	SCOPE,
	US,
	withRepeats,
} from './faultRun';

// A stalled socket is abandoned by the HTTP client's own socket timer, which no fake clock reaches: the one
// timing this file shortens, so the stall costs 300 ms instead of the scheduled budget's 2 minutes. The budget is
// changed on the module the nodes already use (setup.ts's mock without jitter): a jest.mock of it in this file would
// come after the nodes were loaded, and change nothing.
const SHIPPED_TIMEOUT_MS = SCHEDULED_BUDGET.requestTimeoutMs;
const TIMEOUT_MS = 300;
beforeAll(() => (SCHEDULED_BUDGET.requestTimeoutMs = TIMEOUT_MS));
afterAll(() => (SCHEDULED_BUDGET.requestTimeoutMs = SHIPPED_TIMEOUT_MS));

const pinterest = fakePinterestForEachTest();

const campaignSpend = (options = {}) => pull(pinterest, options);

describe('a request that stalls past the timeout', () => {
	it('is abandoned after the request timeout, retried once, then every row', async () => {
		const STALL_MS = 20_000;
		await pinterest.faults([
			{ kind: 'stall', stallMs: STALL_MS, pathPattern: '/campaigns/analytics$' },
		]);
		const started = performance.now();
		await expectCompleteRows(pinterest, await campaignSpend());
		// The client gave up on its own, long before the fake dropped the stalled socket.
		expect(performance.now() - started).toBeLessThan(STALL_MS / 4);
		expect(SHIPPED_TIMEOUT_MS).toBe(120_000);
		expect(await pinterest.calls()).toEqual(withRepeats(ANALYTICS, 2));
		// One backoff of the first retry: base 1 s times (0.5 + jitter/2), jitter 0 here.
		expect(waits()).toEqual([500]);
		expect(warnings()).toEqual([
			'Pinterest: retrying "get campaigns analytics" in 500 ms (attempt 1, HTTP ECONNABORTED)',
		]);
	});
});

describe('a report that never finishes', () => {
	it('polling stops within its 15-minute budget, asked once, no rows', async () => {
		await pinterest.config({ reportPollsBeforeFinished: 1e9 });
		const run = await campaignSpend({ strategy: 'async' });
		expect(run.json).toEqual([]);
		// Waits of 1, 2, 4, 8 and 16 s, then 30 s each while the total stays within 15 minutes: 871 s, 33 checks.
		const expectedWaits = [1000, 2000, 4000, 8000, 16_000, ...Array(28).fill(30_000)];
		expect(waits()).toEqual(expectedWaits);
		expect(expectedWaits.reduce((a, b) => a + b, 0)).toBe(871_000);
		expect(run.error?.message).toBe(
			`Pinterest's spend report for ad account ${US} was still running after 871 seconds (33 checks)`,
		);
		expect(run.error?.description).toContain(`Missing: ${SCOPE}`);
		const requests = await pinterest.requests();
		expect({
			created: requests.filter((r) => r.method === 'POST' && r.path.endsWith('/reports')).length,
			polled: requests.filter((r) => r.method === 'GET' && r.path.endsWith('/reports')).length,
		}).toEqual({ created: 1, polled: 33 });
		expect((await pinterest.state()).downloads).toEqual([]);
	});
});
