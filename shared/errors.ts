import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { isRateLimited, type AttemptOutcome } from './transport/retryPolicy';

/** What the failing call was for, in the user's terms. */
export interface CallContext {
	/** e.g. "list campaigns" */
	label: string;
	adAccountId?: string;
	/** A pre-signed file link: its 403/404 means the link expired, not that the account is closed. */
	fileDownload?: boolean;
	/** What the run lacks when this call fails, e.g. "the campaign rows of 2026-11-20 to 2026-11-22". */
	missing?: string;
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

interface Explanation {
	message: string;
	description: string;
}

function explain(failure: FinalFailure, call: CallContext, nowMs: number): Explanation {
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
			description: `Check Business Access in Pinterest Business Manager: the user needs the Admin, Analyst or Campaign Manager role on this ad account (Audience role for conversions), or pick another ad account.${said}`,
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
			description: `${answer}. Sending it again could count its events twice, since Pinterest does not deduplicate offline events: check them in Ads Manager before sending them again.${said}`,
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

/** "Missing: … of ad account …; no rows of this account are output." for a call whose failure loses rows. */
export function missingNote(call: Pick<CallContext, 'missing' | 'adAccountId'>): string {
	if (!call.missing) return '';
	const account = call.adAccountId ? ` of ad account ${call.adAccountId}` : '';
	return `Missing: ${call.missing}${account}; no rows of this account are output.`;
}

/**
 * The only place a Pinterest failure becomes an n8n error. The error body it is built from holds
 * Pinterest's code, message and request id, never request headers, so no token can leak into it.
 */
export function toPinterestApiError(
	node: INode,
	failure: FinalFailure,
	call: CallContext,
	nowMs: number,
): NodeApiError {
	const { message, description } = explain(failure, call, nowMs);
	const missing = call.missing ? ` ${missingNote(call)}` : '';
	const requestId = failure.requestId ? ` Pinterest request ID: ${failure.requestId}.` : '';
	const body: JsonObject = {
		httpCode: failure.statusCode ?? null,
		code: failure.pinterestCode ?? null,
		message: failure.message ?? null,
		requestId: failure.requestId ?? null,
		call: call.label,
		adAccountId: call.adAccountId ?? null,
		fileDownload: call.fileDownload === true,
	};
	return new NodeApiError(node, body, {
		message,
		description: `${description}${missing}${requestId}`,
		httpCode: failure.statusCode !== undefined ? String(failure.statusCode) : undefined,
	});
}
