/**
 * When to try a Pinterest call again, and how long to wait first. Pure: the caller measures
 * the outcome, sleeps and counts.
 *
 * Sources: rate limits and headers https://developers.pinterest.com/docs/reference/rate-limits/ ;
 * code 8 = rate limit, 400 "Retry after N seconds" and code 12 = transient: what Pinterest answers under load,
 * and how Airbyte's Pinterest source connector treats them too.
 */

export interface AttemptOutcome {
	/** HTTP status; undefined when no response arrived. */
	statusCode?: number;
	/** `code` from Pinterest's error body. */
	pinterestCode?: number;
	/** `message` from Pinterest's error body. */
	message?: string;
	/** X-RateLimit-Reset: seconds until the rate-limit window resets. */
	rateLimitResetSeconds?: number;
	/** Node's socket error code (ECONNRESET…) when no response arrived. */
	networkErrorCode?: string;
	/** A 2xx whose body was not valid JSON (a cut-off transfer). */
	malformedBody?: boolean;
	/** n8n could not refresh the OAuth token after a 401: no request can succeed until the credential is reconnected. */
	tokenRefreshFailed?: boolean;
}

export const RETRY_LIMITS = {
	/** Retries after the first attempt. */
	maxRetries: 6,
	/** Total time one call may spend waiting between attempts: a scheduled run must end. */
	maxTotalWaitMs: 5 * 60 * 1000,
	baseDelayMs: 1000,
	maxDelayMs: 60 * 1000,
} as const;

/** How long one call may keep trying, and how each attempt and wait is bounded. */
export interface RetryBudget {
	/** Retries after the first attempt. */
	maxRetries: number;
	/** Time one call may spend: on waits between attempts, or on waits and attempts together (see below). */
	maxTotalMs: number;
	/** Whether the time attempts take counts against maxTotalMs (someone is waiting for the whole call). */
	countsAttemptTime: boolean;
	baseDelayMs: number;
	maxDelayMs: number;
	/** The longest one attempt may take before it is abandoned (a stalled socket). */
	requestTimeoutMs: number;
	/** No retry starts with less time than this left for it: an attempt cut short would only waste a request. */
	minAttemptMs: number;
}

/** Scheduled, manual and bulk runs: nobody waits for the answer, so Pinterest gets minutes to recover. */
export const SCHEDULED_BUDGET: RetryBudget = {
	maxRetries: RETRY_LIMITS.maxRetries,
	maxTotalMs: RETRY_LIMITS.maxTotalWaitMs,
	countsAttemptTime: false,
	baseDelayMs: RETRY_LIMITS.baseDelayMs,
	maxDelayMs: RETRY_LIMITS.maxDelayMs,
	requestTimeoutMs: 120_000,
	minAttemptMs: 0,
};

/**
 * A live webhook (a postback waiting for its answer): 20 s for the whole call, attempts included, so the webhook
 * answers well within the 30 s after which networks and proxies give up; the sender then retries the postback.
 */
export const LIVE_BUDGET: RetryBudget = {
	maxRetries: 6,
	maxTotalMs: 20_000,
	countsAttemptTime: true,
	baseDelayMs: 500,
	maxDelayMs: 4000,
	requestTimeoutMs: 8000,
	minAttemptMs: 2000,
};

/**
 * The longest wait a header (X-RateLimit-Reset) or message ("Retry after N seconds") is taken at: Pinterest's
 * longest rate-limit window is a day. Applied before anything is computed from the number, so a huge or corrupt
 * value (1e20 seconds) can neither overflow a Date nor keep a run asleep; the call then gives up at once, since
 * a day is beyond RETRY_LIMITS.maxTotalWaitMs, and says to run again a day later.
 */
export const MAX_REQUESTED_WAIT_MS = 24 * 60 * 60 * 1000;

/** Seconds asked for by Pinterest as milliseconds, within [0, MAX_REQUESTED_WAIT_MS]; NaN and negatives are 0. */
export function cappedWaitMs(seconds: number): number {
	if (!(seconds > 0)) return 0;
	return Math.min(seconds * 1000, MAX_REQUESTED_WAIT_MS);
}

export const RATE_LIMIT_ERROR_CODE = 8;
const TEMPORARY_ERROR_CODE = 12;
const RETRY_AFTER_MESSAGE = /retry after (\d+) seconds?/i;
const TRANSIENT_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ERR_BAD_RESPONSE',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** Network failures where the request never reached Pinterest. */
const NEVER_DELIVERED_NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Whether Pinterest may have acted on a request that failed: false only when it cannot have (it answered with a
 * 4xx such as 429, which refuses the whole request, or the request never reached it). A 5xx, a reset or timed-out
 * connection and an unreadable 2xx answer may all follow a request Pinterest recorded.
 */
export function mayHaveBeenRecorded(outcome: AttemptOutcome): boolean {
	if (outcome.statusCode !== undefined)
		return outcome.statusCode < 400 || outcome.statusCode >= 500;
	return !NEVER_DELIVERED_NETWORK_CODES.has(outcome.networkErrorCode ?? '');
}

export type RetryDecision =
	| { retry: true; waitMs: number }
	| { retry: false; budgetExhausted: boolean; suggestedWaitMs?: number };

export function isRateLimited(outcome: AttemptOutcome): boolean {
	return outcome.statusCode === 429 || outcome.pinterestCode === RATE_LIMIT_ERROR_CODE;
}

/** The wait the outcome asks for, or undefined when repeating the call cannot help. */
export function requestedWaitMs(
	outcome: AttemptOutcome,
	retriesSoFar: number,
	jitter: number,
	budget: RetryBudget = SCHEDULED_BUDGET,
) {
	const backoffMs =
		Math.min(budget.maxDelayMs, budget.baseDelayMs * 2 ** retriesSoFar) * (0.5 + jitter / 2);
	if (isRateLimited(outcome)) {
		return outcome.rateLimitResetSeconds !== undefined
			? cappedWaitMs(outcome.rateLimitResetSeconds) + Math.round(jitter * 250)
			: backoffMs;
	}
	const retryAfter = outcome.message ? RETRY_AFTER_MESSAGE.exec(outcome.message) : null;
	if (retryAfter) return cappedWaitMs(Number(retryAfter[1]));
	const transient =
		(outcome.statusCode !== undefined && outcome.statusCode >= 500) ||
		outcome.pinterestCode === TEMPORARY_ERROR_CODE ||
		outcome.malformedBody === true ||
		(outcome.statusCode === undefined &&
			TRANSIENT_NETWORK_CODES.has(outcome.networkErrorCode ?? ''));
	return transient ? backoffMs : undefined;
}

/**
 * @param spentMsSoFar what the call has used of `budget.maxTotalMs`: the time waited between attempts, plus the
 *   time the attempts took when `budget.countsAttemptTime`
 * @param jitter a number in [0, 1) that spreads concurrent retries apart
 */
export function decideRetry(
	outcome: AttemptOutcome,
	retriesSoFar: number,
	spentMsSoFar: number,
	jitter: number,
	budget: RetryBudget = SCHEDULED_BUDGET,
): RetryDecision {
	const waitMs = requestedWaitMs(outcome, retriesSoFar, jitter, budget);
	if (waitMs === undefined) return { retry: false, budgetExhausted: false };
	if (
		retriesSoFar >= budget.maxRetries ||
		spentMsSoFar + waitMs + budget.minAttemptMs > budget.maxTotalMs
	) {
		return { retry: false, budgetExhausted: true, suggestedWaitMs: waitMs };
	}
	return { retry: true, waitMs: Math.round(waitMs) };
}

/** Whether a wait asked for before the next attempt (the rate-limit window is used up) still fits the budget. */
export function waitFits(budget: RetryBudget, spentMsSoFar: number, waitMs: number): boolean {
	return spentMsSoFar + waitMs + budget.minAttemptMs <= budget.maxTotalMs;
}

/** The timeout of the next attempt: never past the end of a budget that counts attempt time. */
export function attemptTimeoutMs(budget: RetryBudget, spentMsSoFar: number): number {
	if (!budget.countsAttemptTime) return budget.requestTimeoutMs;
	return Math.max(1, Math.min(budget.requestTimeoutMs, budget.maxTotalMs - spentMsSoFar));
}
