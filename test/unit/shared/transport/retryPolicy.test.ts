import {
	cappedWaitMs,
	decideRetry,
	mayHaveBeenRecorded,
	MAX_REQUESTED_WAIT_MS,
	RETRY_LIMITS,
} from '../../../../shared/transport/retryPolicy';

describe('decideRetry', () => {
	it('waits for the rate-limit window named by X-RateLimit-Reset on HTTP 429', () => {
		expect(
			decideRetry({ statusCode: 429, pinterestCode: 8, rateLimitResetSeconds: 3 }, 0, 0, 0),
		).toEqual({
			retry: true,
			waitMs: 3000,
		});
		expect(decideRetry({ statusCode: 429, rateLimitResetSeconds: 3 }, 0, 0, 0.999)).toEqual({
			retry: true,
			waitMs: 3250,
		});
	});

	it('treats body code 8 as a rate limit whatever the status', () => {
		expect(decideRetry({ statusCode: 400, pinterestCode: 8 }, 2, 0, 0)).toEqual({
			retry: true,
			waitMs: 2000,
		});
	});

	it('honours "Retry after N seconds" in a 400 message', () => {
		expect(
			decideRetry(
				{ statusCode: 400, pinterestCode: 1, message: 'Too many calls. Retry after 7 seconds.' },
				0,
				0,
				0.5,
			),
		).toEqual({ retry: true, waitMs: 7000 });
	});

	it('backs off exponentially with jitter on 5xx, capped at a minute', () => {
		const waits = [0, 1, 2, 3, 6].map((retries) =>
			decideRetry({ statusCode: 503 }, retries, 0, 1 - 1e-9),
		);
		expect(waits).toEqual([
			{ retry: true, waitMs: 1000 },
			{ retry: true, waitMs: 2000 },
			{ retry: true, waitMs: 4000 },
			{ retry: true, waitMs: 8000 },
			{ retry: false, budgetExhausted: true, suggestedWaitMs: 59999.99997 },
		]);
		expect(decideRetry({ statusCode: 500 }, 1, 0, 0)).toEqual({ retry: true, waitMs: 1000 });
	});

	it('retries connection resets and time-outs, and a cut-off body', () => {
		expect(decideRetry({ networkErrorCode: 'ECONNRESET' }, 0, 0, 0)).toEqual({
			retry: true,
			waitMs: 500,
		});
		expect(decideRetry({ networkErrorCode: 'ETIMEDOUT' }, 0, 0, 0)).toEqual({
			retry: true,
			waitMs: 500,
		});
		expect(decideRetry({ statusCode: 200, malformedBody: true }, 0, 0, 0)).toEqual({
			retry: true,
			waitMs: 500,
		});
	});

	it('never repeats requests that cannot succeed unchanged', () => {
		for (const outcome of [
			{ statusCode: 400, pinterestCode: 1, message: 'Invalid parameters.' },
			{ statusCode: 401, pinterestCode: 2 },
			{ statusCode: 403, pinterestCode: 29 },
			{ statusCode: 404 },
			{ statusCode: 422, pinterestCode: 953 },
			{ networkErrorCode: 'ENOTFOUND' },
		]) {
			expect(decideRetry(outcome, 0, 0, 0)).toEqual({ retry: false, budgetExhausted: false });
		}
	});

	it('stops when the wait would exceed the total budget and says how long to wait', () => {
		// A daily limit: the window resets in 18.6 hours.
		expect(decideRetry({ statusCode: 429, rateLimitResetSeconds: 67150 }, 0, 0, 0)).toEqual({
			retry: false,
			budgetExhausted: true,
			suggestedWaitMs: 67150000,
		});
		expect(
			decideRetry(
				{ statusCode: 429, rateLimitResetSeconds: 10 },
				1,
				RETRY_LIMITS.maxTotalWaitMs - 9000,
				0,
			),
		).toEqual({
			retry: false,
			budgetExhausted: true,
			suggestedWaitMs: 10000,
		});
	});
});

describe('mayHaveBeenRecorded: whether sending a write again could count it twice', () => {
	it.each([
		[{ statusCode: 429, pinterestCode: 8 }, false],
		[{ statusCode: 400, message: 'Retry after 3 seconds' }, false],
		[{ networkErrorCode: 'ECONNREFUSED' }, false],
		[{ networkErrorCode: 'ENOTFOUND' }, false],
		[{ networkErrorCode: 'EAI_AGAIN' }, false],
		[{ statusCode: 500 }, true],
		[{ statusCode: 503, pinterestCode: 4197 }, true],
		[{ statusCode: 200, malformedBody: true }, true],
		[{ networkErrorCode: 'ECONNRESET' }, true],
		[{ networkErrorCode: 'ETIMEDOUT' }, true],
		[{ networkErrorCode: undefined, message: 'socket hang up' }, true],
	])('%p → %p', (outcome, expected) => {
		expect(mayHaveBeenRecorded(outcome)).toBe(expected);
	});
});

describe('waits Pinterest asks for are capped before any time is computed from them', () => {
	it('cappedWaitMs: seconds to milliseconds, within one day, NaN and negatives as 0', () => {
		expect(MAX_REQUESTED_WAIT_MS).toBe(86_400_000);
		expect(cappedWaitMs(3)).toBe(3000);
		expect(cappedWaitMs(0.25)).toBe(250);
		expect(cappedWaitMs(86_400)).toBe(86_400_000);
		expect(cappedWaitMs(86_401)).toBe(86_400_000);
		expect(cappedWaitMs(1e20)).toBe(86_400_000);
		expect(cappedWaitMs(Number.MAX_VALUE)).toBe(86_400_000);
		expect(cappedWaitMs(Infinity)).toBe(86_400_000);
		expect(cappedWaitMs(-5)).toBe(0);
		expect(cappedWaitMs(Number.NaN)).toBe(0);
	});

	it('a huge X-RateLimit-Reset gives up at once with a one-day wait that is a valid date', () => {
		const decision = decideRetry({ statusCode: 429, rateLimitResetSeconds: 1e20 }, 0, 0, 0);
		expect(decision).toEqual({ retry: false, budgetExhausted: true, suggestedWaitMs: 86_400_000 });
		const nowMs = Date.UTC(2026, 10, 26, 12, 0, 0);
		const waitMs = (decision as { suggestedWaitMs: number }).suggestedWaitMs;
		expect(new Date(nowMs + waitMs).toISOString()).toBe('2026-11-27T12:00:00.000Z');
	});

	it('a huge "Retry after N seconds" is capped the same way', () => {
		expect(
			decideRetry(
				{ statusCode: 400, message: 'Retry after 99999999999999999999999 seconds.' },
				0,
				0,
				0.5,
			),
		).toEqual({ retry: false, budgetExhausted: true, suggestedWaitMs: 86_400_000 });
	});

	it('a negative reset is no wait beyond the jitter', () => {
		expect(decideRetry({ statusCode: 429, rateLimitResetSeconds: -30 }, 0, 0, 0.999)).toEqual({
			retry: true,
			waitMs: 250,
		});
	});
});
