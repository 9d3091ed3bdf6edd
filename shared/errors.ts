import { isRateLimited, type AttemptOutcome } from './transport/retryPolicy';

/**
 * The one error vocabulary of this package's operations: a problem the user can act on, `message` saying what
 * happened and `fix` what to do. Plain data, thrown anywhere below an operation, worded by the node it is about;
 * shared/operations.ts turns it into n8n's error, in one place.
 */
export class ActionableError extends Error {
	constructor(
		message: string,
		readonly fix: string,
		/** The input item it is about, when the operation covers all items at once. */
		readonly itemIndex?: number,
	) {
		super(message);
	}
}

/** What the failing call was for, in the user's terms. */
export interface CallContext {
	/** e.g. "list campaigns" */
	label: string;
	adAccountId?: string;
	/** A pre-signed file link: its 403/404 means the link expired, not that the account is closed. */
	fileDownload?: boolean;
	/** What the run loses when this call fails, in the calling node's words; ends the error's description. */
	lost?: string;
}

/**
 * A call to Pinterest that failed, or was refused before anything was sent. Told apart from other problems: it
 * becomes n8n's NodeApiError carrying Pinterest's status, code and request id, and `httpCode` decides what else
 * it rules out (an ad account Pinterest refused, a revoked token).
 */
export class PinterestCallError extends ActionableError {
	constructor(
		message: string,
		fix: string,
		readonly call: CallContext,
		/** What Pinterest answered, when it was asked. */
		readonly failure?: FinalFailure,
	) {
		super(message, fix);
	}

	get httpCode(): string | undefined {
		return this.failure?.statusCode !== undefined ? String(this.failure.statusCode) : undefined;
	}

	/** The same error with more said after its fix (e.g. what earlier requests of the run delivered). */
	withMoreFix(more: string): PinterestCallError {
		return new PinterestCallError(
			this.message,
			`${this.fix} ${more}`.trim(),
			this.call,
			this.failure,
		);
	}
}

export interface FinalFailure extends AttemptOutcome {
	/** x-pinterest-rid: Pinterest support asks for it. */
	requestId?: string;
	attempts: number;
	/** Set when retries stopped because the wait budget ran out. */
	retryAfterMs?: number;
	/** Set when a write Pinterest may have recorded was not sent again, since it would count twice. */
	notRetriedMaybeRecorded?: boolean;
	/** Set when n8n could not renew the OAuth access token (invalid_grant: refresh token expired or revoked). */
	tokenRefreshFailed?: boolean;
	/** Set when the answer was a redirect (not followed): the host and port it pointed to. */
	redirectTo?: string;
}

// Error codes from the spec's examples and https://developers.pinterest.com/docs/reference/error-codes/
const INSUFFICIENT_SCOPE_CODE = 3;
const NO_ACCESS_CODE = 29;

/** How the calling node words what is its own: the role its calls need, why a write is not sent again. */
export interface CallWording {
	/** e.g. "the Admin, Analyst or Campaign Manager role" */
	neededRole?: string;
	/** Set for a write that is not sent again after an unconfirmed attempt, e.g. "Pinterest does not deduplicate offline events". */
	notResentBecause?: string;
}

interface Explanation {
	message: string;
	description: string;
}

function explain(
	failure: FinalFailure,
	call: CallContext,
	wording: CallWording,
	nowMs: number,
): Explanation {
	const account = call.adAccountId ? ` for ad account ${call.adAccountId}` : '';
	const what = `${call.label}${account}`;
	const said = failure.message ? ` Pinterest said: "${failure.message}".` : '';
	if (failure.tokenRefreshFailed) {
		// Pinterest's or n8n's wording is left out: it is about the token, and the fix is the same either way.
		return {
			message: `Reconnect the Pinterest credential: Pinterest refused to renew its access (${what})`,
			description:
				'The access token expired and Pinterest refused the refresh token (invalid_grant): it was revoked, or was not used for 60 days. Open the Pinterest Ads OAuth2 API credential in n8n and click Reconnect to sign in to Pinterest again, then run the workflow again.',
		};
	}
	if (failure.redirectTo !== undefined) {
		return {
			message: `Refused to follow a redirect to ${failure.redirectTo} (HTTP ${failure.statusCode}) while trying to ${what}`,
			description: `Requests to Pinterest never follow a redirect, so that no token, event or report link can be handed to another host; nothing was sent to ${failure.redirectTo}. If the credential's environment is Custom, give the URL at which the proxy serves the API itself (ending in /v5), and have the proxy forward requests instead of redirecting them.`,
		};
	}
	if (
		call.fileDownload &&
		failure.statusCode !== undefined &&
		failure.statusCode >= 400 &&
		failure.statusCode < 500
	) {
		return {
			message: `Could not ${what}: the report link was refused (HTTP ${failure.statusCode})`,
			description: `Pinterest's report links are valid for five minutes; this one was refused or had expired. Run the workflow again.${said}`,
		};
	}
	if (failure.statusCode === 401 || failure.statusCode === 403) {
		if (failure.pinterestCode === INSUFFICIENT_SCOPE_CODE) {
			return {
				message: `The Pinterest credential lacks a permission needed to ${what}`,
				description: `Reconnect the credential and approve every requested scope (ads:read, ads:write, user_accounts:read).${said}`,
			};
		}
	}
	if (failure.statusCode === 401) {
		return {
			message: `Pinterest rejected the credential's token (${what})`,
			description: `The token is invalid, expired or revoked. Reconnect the Pinterest credential, or generate a new conversion access token in Ads Manager.${said}`,
		};
	}
	if (failure.statusCode === 403 || failure.pinterestCode === NO_ACCESS_CODE) {
		return {
			message: `This Pinterest login has no access to ad account ${call.adAccountId ?? '(unknown)'} (${call.label})`,
			description: `Check Business Access in Pinterest Business Manager: the user needs ${wording.neededRole ?? 'a role that allows this'} on this ad account, or pick another ad account.${said}`,
		};
	}
	if (failure.statusCode === 404) {
		return {
			message: `Pinterest could not find what was asked for (${what})`,
			description: `Check the ad account ID: it must be the number shown in Ads Manager and belong to this login.${said}`,
		};
	}
	if (failure.notRetriedMaybeRecorded) {
		// The socket error code goes in the description: n8n replaces messages that contain one.
		const answer =
			failure.statusCode !== undefined
				? `Pinterest answered HTTP ${failure.statusCode}`
				: `The connection failed (${failure.networkErrorCode ?? failure.message ?? 'no response'})`;
		return {
			message: `Pinterest may have recorded the request to ${what} but did not confirm it; it was not sent again`,
			description: `${answer}. Sending it again could count it twice${wording.notResentBecause ? `, since ${wording.notResentBecause}` : ''}: check Ads Manager for it before sending it again.${said}`,
		};
	}
	if (failure.retryAfterMs !== undefined) {
		const reason = isRateLimited(failure) ? 'Pinterest rate limit reached' : 'Pinterest is busy';
		const retryAt = new Date(nowMs + failure.retryAfterMs).toISOString();
		return {
			message: `${reason} while trying to ${what}; ${failure.attempts > 0 ? `gave up after ${failure.attempts} attempts` : 'not sent'}`,
			description: `Run the workflow again after ${retryAt} (UTC). Spread schedules of workflows that use the same Pinterest login.${said}`,
		};
	}
	if (failure.statusCode === undefined) {
		// The socket error code goes in the description: n8n replaces messages that contain one.
		return {
			message: `Could not reach Pinterest to ${what}`,
			description: `The connection failed (${failure.networkErrorCode ?? failure.message ?? 'no response'}) ${failure.attempts} times. Check this n8n instance's network connection and the credential's environment / base URL.`,
		};
	}
	if (failure.malformedBody) {
		return {
			message: `Pinterest sent an unreadable response to "${call.label}"${account}`,
			description: `Tried ${failure.attempts} times. Run the workflow again later.`,
		};
	}
	if (failure.statusCode >= 500) {
		return {
			message: `Pinterest failed to ${what} (HTTP ${failure.statusCode}) after ${failure.attempts} attempts`,
			description: `This is on Pinterest's side; run the workflow again later.${said}`,
		};
	}
	return {
		message: `Pinterest refused the request to ${what} (HTTP ${failure.statusCode})`,
		description: `Check the node's parameters.${said}`,
	};
}

/**
 * The error a failed call ends with. Built from Pinterest's code, message and request id, never from request
 * headers, so no token can leak into it.
 */
export function callFailed(
	failure: FinalFailure,
	call: CallContext,
	wording: CallWording,
	nowMs: number,
): PinterestCallError {
	const { message, description } = explain(failure, call, wording, nowMs);
	const lost = call.lost ? ` ${call.lost}` : '';
	const requestId = failure.requestId ? ` Pinterest request ID: ${failure.requestId}.` : '';
	return new PinterestCallError(message, `${description}${lost}${requestId}`, call, failure);
}
