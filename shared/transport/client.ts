import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { resolveBaseUrl, type PinterestEnvironmentSettings } from '../environment';
import {
	callFailed,
	PinterestCallError,
	type CallContext,
	type CallWording,
	type FinalFailure,
} from '../errors';
import {
	attemptTimeoutMs,
	cappedWaitMs,
	decideRetry,
	mayHaveBeenRecorded,
	SCHEDULED_BUDGET,
	waitFits,
	type AttemptOutcome,
	type RetryBudget,
} from './retryPolicy';
import { nextPage } from './pagination';
import { reportUrlProblem } from './reportUrl';
import { parseJsonKeepingIds } from './safeJson';

export type PinterestCredentialType = 'pinterestAdsOAuth2Api' | 'pinterestConversionsApi';

type PinterestContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface PinterestCall extends CallContext {
	method: IHttpRequestMethods;
	/** Path below the base URL, e.g. `/ad_accounts/123/campaigns`. */
	path: string;
	/**
	 * A pre-signed link outside the API (an async report file): fetched as is, without the
	 * credential, because the link itself is the permission.
	 */
	presignedUrl?: string;
	/**
	 * Error statuses whose body the caller reads itself (a 422 from the Conversions API lists which
	 * events failed) instead of an error being thrown.
	 */
	acceptErrorStatuses?: number[];
	/**
	 * Whether a failed attempt that Pinterest may have recorded (5xx, reset connection) is sent again. Default true;
	 * false for a write that Pinterest would count twice (conversion events it does not deduplicate). Failures it
	 * cannot have recorded (429, connection refused) are retried either way.
	 */
	retryWhenMaybeRecorded?: boolean;
	/** Arrays are sent as repeated parameters (`ids=1&ids=2`), as the spec's default style says. */
	qs?: IDataObject;
	body?: IDataObject;
}

interface RawResponse {
	body: unknown;
	headers: Record<string, unknown>;
	statusCode: number;
}

/** Pinterest's largest page (query_page_size maximum). */
export const MAX_PAGE_SIZE = 250;

function headerNumber(headers: Record<string, unknown> | undefined, name: string) {
	const value = Number(headers?.[name]);
	return headers?.[name] !== undefined && Number.isFinite(value) ? value : undefined;
}

function parseBody(body: unknown): { ok: true; value: unknown } | { ok: false } {
	if (typeof body !== 'string') return { ok: true, value: body };
	if (body.trim() === '') return { ok: true, value: undefined };
	try {
		return { ok: true, value: parseJsonKeepingIds(body) };
	} catch {
		return { ok: false };
	}
}

/** The OAuth client's own error codes (@n8n/client-oauth2), thrown only by the token endpoint. */
const TOKEN_ENDPOINT_ERROR_CODES = new Set(['EAUTH', 'ESTATUS']);

/**
 * Whether n8n failed to refresh the OAuth token after a 401: its "needs to be reconnected" error (the token endpoint
 * said invalid_grant), or the OAuth client's error for any other refusal by the token endpoint.
 */
function isTokenRefreshFailure(err: { code?: string; message?: string; response?: unknown }) {
	if (typeof err?.message === 'string' && /needs to be reconnected/i.test(err.message)) return true;
	return TOKEN_ENDPOINT_ERROR_CODES.has(err?.code ?? '') && err?.response === undefined;
}

/** A failed attempt as the retry policy sees it, with what the error message needs. */
type FailedAttempt = AttemptOutcome & {
	requestId?: string;
	/** Set for a 3xx: the host and port it pointed to. */
	redirectTo?: string;
};

/**
 * Where a redirect pointed: host and port only (the query of a pre-signed link is a credential), resolved against
 * the URL the request went to, as a relative Location would be.
 */
export function redirectTarget(location: unknown, requestUrl: string): string {
	if (typeof location !== 'string' || location.trim() === '')
		return 'no address (no Location header)';
	try {
		return new URL(location, requestUrl).host || 'an address without a host';
	} catch {
		return 'an address that is not a URL';
	}
}

/** What a thrown request error says about the attempt, without its request options (they hold the token). */
function describeError(error: unknown, requestUrl: string): FailedAttempt & { body?: unknown } {
	const err = error as { cause?: unknown; code?: string; message?: string; response?: unknown };
	const cause = (err?.cause ?? err) as {
		code?: string;
		response?: { status: number; headers: Record<string, unknown>; data: unknown };
	};
	const response = cause?.response;
	if (isTokenRefreshFailure(err) || isTokenRefreshFailure(cause as typeof err))
		return { tokenRefreshFailed: true };
	if (!response) {
		return {
			networkErrorCode: cause?.code ?? err?.code,
			message: cause?.code ? undefined : err?.message,
		};
	}
	const requestId = response.headers?.['x-pinterest-rid'] as string | undefined;
	// Redirects are never followed (disableFollowRedirect), so n8n reports each 3xx as an error.
	if (response.status >= 300 && response.status < 400) {
		const redirectTo = redirectTarget(response.headers?.location, requestUrl);
		return { statusCode: response.status, redirectTo, requestId };
	}
	// A success status in an error: the transfer broke off mid-body (Pinterest may have acted on the request).
	if (response.status < 400) return { statusCode: response.status, malformedBody: true, requestId };
	const parsed = parseBody(response.data);
	const body = (parsed.ok ? parsed.value : undefined) as
		| { code?: unknown; message?: unknown }
		| undefined;
	return {
		statusCode: response.status,
		pinterestCode: typeof body?.code === 'number' ? body.code : undefined,
		message: typeof body?.message === 'string' ? body.message : undefined,
		rateLimitResetSeconds: headerNumber(response.headers, 'x-ratelimit-reset'),
		requestId,
		body,
	};
}

/** " for ad account …" when the call is about one. */
function accountOf(call: CallContext) {
	return call.adAccountId ? ` for ad account ${call.adAccountId}` : '';
}

/**
 * The one door to the Pinterest API v5: base URL from the credential's environment, JSON in and
 * out with ids kept exact, bounded retries with backoff on rate limits and transient faults, and
 * every failure translated once into an error the user can act on.
 */
export class PinterestClient {
	/** API requests sent, retries included: the cost of a job in Pinterest's rate limits. */
	requestCount = 0;

	/** Set when Pinterest said the rate-limit window is used up: the next call waits for it. */
	private waitBeforeNextMs = 0;

	private constructor(
		private readonly ctx: PinterestContext,
		private readonly credentialType: PinterestCredentialType,
		readonly baseUrl: string,
		private readonly budget: RetryBudget,
		private readonly wording: CallWording,
	) {}

	/**
	 * @param options.budget how long each call may keep trying (retryPolicy.ts): short for a live webhook
	 * @param options.wording what the calling node says in its errors about its own calls
	 */
	static async create(
		ctx: PinterestContext,
		credentialType: PinterestCredentialType,
		{
			budget = SCHEDULED_BUDGET,
			wording = {},
		}: { budget?: RetryBudget; wording?: CallWording } = {},
	) {
		const settings = (await ctx.getCredentials(credentialType)) as PinterestEnvironmentSettings;
		return new PinterestClient(ctx, credentialType, resolveBaseUrl(settings), budget, wording);
	}

	async request<T>(call: PinterestCall): Promise<T> {
		if (call.presignedUrl !== undefined) this.refuseUnsafeLink(call, call.presignedUrl);
		const startedAt = Date.now();
		let waitedMs = 0;
		const spentMs = () => (this.budget.countsAttemptTime ? Date.now() - startedAt : waitedMs);
		for (let attempt = 1; ; attempt++) {
			if (this.waitBeforeNextMs > 0) {
				if (!waitFits(this.budget, spentMs(), this.waitBeforeNextMs)) {
					// The window resets too late for this run (a daily limit resets hours later).
					const failure = {
						statusCode: 429,
						attempts: attempt - 1,
						retryAfterMs: this.waitBeforeNextMs,
					};
					throw this.finalError(failure, call, true);
				}
				await sleep(this.waitBeforeNextMs);
				waitedMs += this.waitBeforeNextMs;
				this.waitBeforeNextMs = 0;
			}
			const outcome = await this.attempt(call, attemptTimeoutMs(this.budget, spentMs()));
			if ('value' in outcome) return outcome.value as T;
			// Asking again would only be redirected again.
			if (outcome.redirectTo !== undefined)
				throw this.finalError({ ...outcome, attempts: attempt }, call, false);
			const decision = decideRetry(outcome, attempt - 1, spentMs(), Math.random(), this.budget);
			const unsafe =
				decision.retry && call.retryWhenMaybeRecorded === false && mayHaveBeenRecorded(outcome);
			if (!decision.retry || unsafe) {
				const failure: FinalFailure = { ...outcome, attempts: attempt };
				if (unsafe) failure.notRetriedMaybeRecorded = true;
				if (!decision.retry && decision.budgetExhausted)
					failure.retryAfterMs = decision.suggestedWaitMs;
				throw this.finalError(failure, call, !decision.retry && decision.budgetExhausted);
			}
			this.ctx.logger.warn(
				`Pinterest: retrying "${call.label}" in ${decision.waitMs} ms (attempt ${attempt}, HTTP ${outcome.statusCode ?? outcome.networkErrorCode ?? 'invalid body'})`,
				{ adAccountId: call.adAccountId, requestId: outcome.requestId },
			);
			this.waitBeforeNextMs = decision.waitMs;
		}
	}

	/** The error a call ends with; under a budget that counts attempt time, it says the time limit stopped it. */
	private finalError(failure: FinalFailure, call: PinterestCall, stoppedByBudget: boolean) {
		const error = callFailed(failure, call, this.wording, Date.now());
		if (!stoppedByBudget || !this.budget.countsAttemptTime) return error;
		const seconds = Math.round(this.budget.maxTotalMs / 1000);
		return error.withMoreFix(
			`Stopped after ${failure.attempts} ${failure.attempts === 1 ? 'attempt' : 'attempts'}: a live webhook run gives Pinterest at most ${seconds} seconds, so that the webhook answers in time and the sender can send it again later.`,
		);
	}

	/**
	 * Every item of a bookmark-paginated list, at the largest page size. Paging is bounded (see pagination.ts): a
	 * broken proxy or API that repeats a bookmark ends in an error, not in a run that reads until memory runs out.
	 */
	async requestAllPages<T>(call: PinterestCall): Promise<T[]> {
		const items: T[] = [];
		const bookmarks = new Set<string>();
		let bookmark: string | undefined;
		do {
			const page = await this.request<unknown>({
				...call,
				qs: { ...call.qs, page_size: MAX_PAGE_SIZE, ...(bookmark ? { bookmark } : {}) },
			});
			const step = nextPage<T>(page, bookmarks, bookmarks.size + 1);
			if ('problem' in step) throw this.unexpectedAnswer(call, step.problem);
			items.push(...step.items);
			bookmark = step.bookmark;
			if (bookmark !== undefined) bookmarks.add(bookmark);
		} while (bookmark !== undefined);
		return items;
	}

	/**
	 * The error for an answer this package cannot use (the wrong shape, an id that is not one, a list that never
	 * ends): nothing more is asked for it.
	 * @param problem what is wrong, after "Pinterest's answer to …", e.g. "is a string, not a list of rows"
	 */
	unexpectedAnswer(call: PinterestCall, problem: string) {
		return this.callError(
			call,
			`Pinterest's answer to "${call.label}"${accountOf(call)} ${problem}`,
			"This is not an answer Pinterest's API gives, so nothing more was asked for it. If the credential's environment is Custom, check that the proxy passes Pinterest's answers on unchanged; otherwise run the workflow again later.",
		);
	}

	/** An error about a call nothing more is asked for, saying first what the run loses by it (CallContext.lost). */
	private callError(call: PinterestCall, message: string, fix: string) {
		return new PinterestCallError(message, call.lost ? `${call.lost} ${fix}` : fix, call);
	}

	private async attempt(
		call: PinterestCall,
		timeoutMs: number,
	): Promise<{ value: unknown } | FailedAttempt> {
		const url = call.presignedUrl ?? `${this.baseUrl}${call.path}`;
		const options: IHttpRequestOptions = {
			method: call.method,
			url,
			qs: call.qs,
			arrayFormat: 'repeat',
			headers: { Accept: 'application/json' },
			// Read as text so long ids can be parsed exactly (see safeJson.ts).
			encoding: 'text',
			json: false,
			returnFullResponse: true,
			timeout: timeoutMs,
			// n8n would follow a redirect with the Authorization header, even to another host and over plain http
			// (sendCredentialsOnCrossOriginRedirect defaults to true; n8n 1.x copies it unconditionally), and a
			// followed report link would step around its host check. A 3xx becomes an error instead (describeError).
			disableFollowRedirect: true,
		};
		if (call.body !== undefined) {
			options.body = JSON.stringify(call.body);
			options.headers = { ...options.headers, 'Content-Type': 'application/json' };
		}
		if (call.presignedUrl === undefined) this.requestCount++;
		let response: RawResponse;
		try {
			response = (
				call.presignedUrl === undefined
					? await this.ctx.helpers.httpRequestWithAuthentication.call(
							this.ctx,
							this.credentialType,
							options,
						)
					: await this.ctx.helpers.httpRequest(options)
			) as RawResponse;
		} catch (error) {
			const failure = describeError(error, url);
			const accepted =
				failure.statusCode !== undefined && call.acceptErrorStatuses?.includes(failure.statusCode);
			return accepted ? { value: failure.body } : failure;
		}
		this.noteRateLimit(response.headers);
		const parsed = parseBody(response.body);
		if (!parsed.ok) {
			return {
				statusCode: response.statusCode,
				malformedBody: true,
				requestId: response.headers?.['x-pinterest-rid'] as string | undefined,
			};
		}
		return { value: parsed.value };
	}

	/** A report link is fetched only from Pinterest's report storage (see reportUrl.ts); nothing is sent otherwise. */
	private refuseUnsafeLink(call: PinterestCall, link: string) {
		const problem = reportUrlProblem(link, this.baseUrl);
		if (problem === undefined) return;
		throw this.callError(
			call,
			`Refused to ${call.label}${accountOf(call)}: ${problem}`,
			"Report files are downloaded only over https from Pinterest's report storage (pinterest-….s3.<region>.amazonaws.com), so a wrong link cannot make n8n fetch from another host; nothing was requested from it. If the credential's environment is Custom, the proxy must pass Pinterest's report links on unchanged. For ranges in the last 89 days, Strategy: Synchronous needs no report file.",
		);
	}

	private noteRateLimit(headers: Record<string, unknown> | undefined) {
		const remaining = headerNumber(headers, 'x-ratelimit-remaining');
		const resetSeconds = headerNumber(headers, 'x-ratelimit-reset');
		if (remaining === 0 && resetSeconds !== undefined) {
			this.waitBeforeNextMs = cappedWaitMs(resetSeconds);
		}
	}
}
