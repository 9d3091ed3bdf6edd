// A Conversions request that outlasts its attempt: the attempt is abandoned by the HTTP client's own socket timer,
// which no fake clock reaches, so this file runs on real time (real Date, real waits: about 10 s) and asserts the
// live budget's 8 s attempts as they happen.
import { sleepMock, waits } from '../harness/fakeClock';
import { fakePinterestForEachTest } from '../harness/pinterest';
import { expectEachItemOnce, IDS, recorded, send } from './faultRun';

/** n8n-workflow's own sleep (setup.ts mocks it for the fake clock): real waits here. */
const realSleep = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow').sleep;

/** Time the engine and the fake in between may add to a wait (a loaded machine): never subtracted. */
const SLACK_MS = 1500;

// Registered before the fake's own hooks, so it runs first.
beforeAll(() => {
	jest.useRealTimers();
	sleepMock.mockImplementation(realSleep);
});
const pinterest = fakePinterestForEachTest();
afterEach(async () => {
	expect((await pinterest.state()).privacyViolations).toEqual([]);
});

it('timeout mid-request (Pinterest answers after 10 s; attempts of 8 s): resent, recorded once though both arrived', async () => {
	await pinterest.faults([{ kind: 'slow', delayMs: 10_000, pathPattern: '/events$' }]);
	const run = await send(pinterest, { parameters: { options: { retryTimeLimit: 'short' } } });
	expectEachItemOnce(run, { sent: IDS });
	expect(run.eventIds).toEqual([IDS, IDS]);
	// The first attempt was given up after its 8 s, then the backoff (0.25 s: no jitter here).
	expect(waits()).toEqual([250]);
	expect(run.gapsMs[0]).toBeGreaterThanOrEqual(8250);
	expect(run.gapsMs[0]).toBeLessThan(8250 + SLACK_MS);
	// The first request still reaches Pinterest's handler once its 10 s are up: it must not count twice.
	await realSleep(Math.max(0, run.requests[0].at + 10_500 - Date.now()));
	expect(await recorded(pinterest)).toEqual(IDS);
}, 60_000);
