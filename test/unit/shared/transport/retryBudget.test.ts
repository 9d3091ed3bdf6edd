import {
	attemptTimeoutMs,
	decideRetry,
	LIVE_BUDGET,
	SCHEDULED_BUDGET,
	waitFits,
} from '../../../../shared/transport/retryPolicy';

// How the budgets play out over a whole call (attempts, waits) is shown by the real client on n8n's engine:
// test/engine/transport/retryBudget.engine.test.ts.

describe('the live budget (a webhook waiting for its answer)', () => {
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
