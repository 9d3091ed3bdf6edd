import {
	attemptTimeoutMs,
	decideRetry,
	LIVE_BUDGET,
	SCHEDULED_BUDGET,
	waitFits,
	type AttemptOutcome,
	type RetryBudget,
} from '../../../../shared/transport/retryPolicy';

/**
 * Plays a call against a Pinterest that fails every attempt the same way, each attempt taking
 * `attemptMs` (or its whole timeout when it stalls): the attempts made and the time spent.
 */
function playOut(
	budget: RetryBudget,
	outcome: AttemptOutcome,
	jitter: number,
	attemptMs: 'stall' | number,
) {
	let spentMs = 0;
	let waitedMs = 0;
	for (let retries = 0; ; retries++) {
		const timeoutMs = attemptTimeoutMs(budget, spentMs);
		const took = attemptMs === 'stall' ? timeoutMs : Math.min(attemptMs, timeoutMs);
		spentMs += took;
		const counted = budget.countsAttemptTime ? spentMs : waitedMs;
		const decision = decideRetry(outcome, retries, counted, jitter, budget);
		if (!decision.retry) return { attempts: retries + 1, spentMs, waitedMs, decision };
		spentMs += decision.waitMs;
		waitedMs += decision.waitMs;
	}
}

describe('the live budget (a webhook waiting for its answer)', () => {
	it('is 20 s for the whole call, attempts included, each attempt at most 8 s', () => {
		expect(LIVE_BUDGET).toEqual({
			maxRetries: 6,
			maxTotalMs: 20_000,
			countsAttemptTime: true,
			baseDelayMs: 500,
			maxDelayMs: 4000,
			requestTimeoutMs: 8000,
			minAttemptMs: 2000,
		});
	});

	it('a stalled Pinterest: three attempts (8 s, 8 s, the 3.25 s left), 20 s in all', () => {
		const played = playOut(LIVE_BUDGET, { networkErrorCode: 'ECONNABORTED' }, 0, 'stall');
		expect(played).toEqual({
			attempts: 3,
			spentMs: 20_000,
			waitedMs: 750,
			decision: { retry: false, budgetExhausted: true, suggestedWaitMs: 1000 },
		});
		for (const jitter of [0.3, 0.7, 1 - 1e-9]) {
			const worst = playOut(LIVE_BUDGET, { networkErrorCode: 'ECONNABORTED' }, jitter, 'stall');
			expect(worst.spentMs).toBeLessThanOrEqual(20_000);
		}
	});

	it('Pinterest down (fast 503s): 7 attempts, waits of 0.25 to 2 s, at most 15.5 s of waiting', () => {
		expect(playOut(LIVE_BUDGET, { statusCode: 503 }, 0, 0)).toEqual({
			attempts: 7,
			spentMs: 7750,
			waitedMs: 7750,
			decision: { retry: false, budgetExhausted: true, suggestedWaitMs: 2000 },
		});
		const slowest = playOut(LIVE_BUDGET, { statusCode: 503 }, 1 - 1e-9, 0);
		expect([slowest.attempts, slowest.waitedMs]).toEqual([7, 15_500]);
	});

	it('Pinterest answering 503 after 3 s each time: the attempts count, so it stops after 5 (18.75 s)', () => {
		expect(playOut(LIVE_BUDGET, { statusCode: 503 }, 0, 3000)).toEqual({
			attempts: 5,
			spentMs: 18_750,
			waitedMs: 3750,
			decision: { retry: false, budgetExhausted: true, suggestedWaitMs: 2000 },
		});
	});

	it('waits for a rate-limit window that fits and gives up at once on one that does not', () => {
		expect(
			decideRetry({ statusCode: 429, rateLimitResetSeconds: 3 }, 0, 0, 0, LIVE_BUDGET),
		).toEqual({ retry: true, waitMs: 3000 });
		expect(
			decideRetry({ statusCode: 429, rateLimitResetSeconds: 60 }, 0, 400, 0, LIVE_BUDGET),
		).toEqual({ retry: false, budgetExhausted: true, suggestedWaitMs: 60_000 });
		// No header: exponential backoff from 0.5 s.
		expect(decideRetry({ statusCode: 429 }, 0, 0, 0, LIVE_BUDGET)).toEqual({
			retry: true,
			waitMs: 250,
		});
		expect(decideRetry({ statusCode: 400, pinterestCode: 8 }, 2, 0, 0, LIVE_BUDGET)).toEqual({
			retry: true,
			waitMs: 1000,
		});
	});

	it('honours "Retry after N seconds" only while it leaves 2 s for the attempt', () => {
		const busy = { statusCode: 400, pinterestCode: 1, message: 'Retry after 7 seconds.' };
		expect(decideRetry(busy, 1, 11_000, 0, LIVE_BUDGET)).toEqual({ retry: true, waitMs: 7000 });
		expect(decideRetry(busy, 1, 11_001, 0, LIVE_BUDGET)).toEqual({
			retry: false,
			budgetExhausted: true,
			suggestedWaitMs: 7000,
		});
		// The same wait late in a scheduled run's budget is still taken.
		expect(decideRetry(busy, 1, 11_001, 0, SCHEDULED_BUDGET)).toEqual({
			retry: true,
			waitMs: 7000,
		});
	});

	it('bounds each attempt by what is left of the 20 s', () => {
		expect(attemptTimeoutMs(LIVE_BUDGET, 0)).toBe(8000);
		expect(attemptTimeoutMs(LIVE_BUDGET, 15_000)).toBe(5000);
		expect(attemptTimeoutMs(LIVE_BUDGET, 19_999)).toBe(1);
		expect(attemptTimeoutMs(LIVE_BUDGET, 25_000)).toBe(1);
	});

	it('a wait asked for before the next call must leave 2 s for it', () => {
		expect(waitFits(LIVE_BUDGET, 5000, 13_000)).toBe(true);
		expect(waitFits(LIVE_BUDGET, 5000, 13_001)).toBe(false);
		expect(waitFits(SCHEDULED_BUDGET, 0, 300_000)).toBe(true);
		expect(waitFits(SCHEDULED_BUDGET, 0, 300_001)).toBe(false);
	});
});

describe('the scheduled budget (nobody waits for the answer)', () => {
	it('is the long one: 6 retries, 5 minutes of waits (attempts not counted), 2-minute attempts', () => {
		expect(SCHEDULED_BUDGET).toEqual({
			maxRetries: 6,
			maxTotalMs: 300_000,
			countsAttemptTime: false,
			baseDelayMs: 1000,
			maxDelayMs: 60_000,
			requestTimeoutMs: 120_000,
			minAttemptMs: 0,
		});
		expect(attemptTimeoutMs(SCHEDULED_BUDGET, 299_000)).toBe(120_000);
	});

	it('Pinterest down: 7 attempts and 31.5 to 63 s of waiting; a stalled Pinterest: 7 attempts of 2 minutes', () => {
		expect(playOut(SCHEDULED_BUDGET, { statusCode: 503 }, 0, 0)).toMatchObject({
			attempts: 7,
			waitedMs: 31_500,
		});
		expect(playOut(SCHEDULED_BUDGET, { statusCode: 503 }, 1 - 1e-9, 0)).toMatchObject({
			attempts: 7,
			waitedMs: 63_000,
		});
		expect(
			playOut(SCHEDULED_BUDGET, { networkErrorCode: 'ECONNABORTED' }, 0, 'stall'),
		).toMatchObject({ attempts: 7, spentMs: 7 * 120_000 + 31_500 });
	});

	it('is the default of decideRetry: 7 s more after 11 s still fits, where the live budget gives up', () => {
		const outcome = { statusCode: 400, message: 'Retry after 7 seconds' };
		expect(decideRetry(outcome, 1, 11_001, 0)).toEqual({ retry: true, waitMs: 7000 });
		expect(decideRetry(outcome, 1, 11_001, 0, LIVE_BUDGET)).toEqual({
			retry: false,
			budgetExhausted: true,
			suggestedWaitMs: 7000,
		});
	});
});
