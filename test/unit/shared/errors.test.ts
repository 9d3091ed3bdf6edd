import { lostRows } from '../../../nodes/PinterestAdSpend/core/levels';
import { callFailed, type CallWording, type FinalFailure } from '../../../shared/errors';

const call = { label: 'list campaigns', adAccountId: '549755885175' };
const NOW_MS = Date.parse('2026-01-02T03:04:05.000Z');

const CONVERSIONS_WORDING: CallWording = {
	neededRole: 'the Audience role',
	notResentBecause: 'Pinterest does not deduplicate offline events',
};

function explain(failure: Partial<FinalFailure>, wording: CallWording = {}) {
	const error = callFailed({ attempts: 1, requestId: 'rid-1', ...failure }, call, wording, NOW_MS);
	return { message: error.message, description: error.fix, httpCode: error.httpCode ?? null };
}

describe('callFailed', () => {
	it('401: reconnect the credential', () => {
		expect(
			explain({ statusCode: 401, pinterestCode: 2, message: 'Authentication failed.' }),
		).toEqual({
			message:
				"Pinterest rejected the credential's token (list campaigns for ad account 549755885175)",
			description:
				'The token is invalid, expired or revoked. Reconnect the Pinterest credential, or generate a new conversion access token in Ads Manager. Pinterest said: "Authentication failed.". Pinterest request ID: rid-1.',
			httpCode: '401',
		});
	});

	it('403 or code 29: no access to the ad account, check Business Access for the role the node names', () => {
		expect(explain({ statusCode: 403, pinterestCode: 29 }, CONVERSIONS_WORDING)).toMatchObject({
			message: 'This Pinterest login has no access to ad account 549755885175 (list campaigns)',
			description:
				'Check Business Access in Pinterest Business Manager: the user needs the Audience role on this ad account, or pick another ad account. Pinterest request ID: rid-1.',
		});
		expect(explain({ statusCode: 403 }).description).toMatch(
			/^Check Business Access in Pinterest Business Manager: the user needs a role that allows this on this ad account/,
		);
	});

	it.each<[string, Partial<FinalFailure>, string]>([
		[
			'code 3: a missing scope',
			{ statusCode: 401, pinterestCode: 3 },
			'The Pinterest credential lacks a permission needed to list campaigns for ad account 549755885175',
		],
		[
			'a window Pinterest said was used up, too far away to wait for: the call is not sent',
			{ statusCode: 429, attempts: 0, retryAfterMs: 60_000_000 },
			'Pinterest rate limit reached while trying to list campaigns for ad account 549755885175; not sent',
		],
		[
			'5xx after retries',
			{ statusCode: 503, attempts: 7 },
			'Pinterest failed to list campaigns for ad account 549755885175 (HTTP 503) after 7 attempts',
		],
	])('%s', (_case, failure, message) => {
		expect(explain(failure).message).toBe(message);
	});

	it('404: check the ad account id', () => {
		expect(
			explain({ statusCode: 404, pinterestCode: 2, message: 'AdAccount not found.' }),
		).toMatchObject({
			message:
				'Pinterest could not find what was asked for (list campaigns for ad account 549755885175)',
			httpCode: '404',
		});
	});

	it('rate limit beyond the wait budget: when to run again, in UTC', () => {
		expect(
			explain({ statusCode: 429, pinterestCode: 8, attempts: 3, retryAfterMs: 3_600_000 }),
		).toMatchObject({
			message:
				'Pinterest rate limit reached while trying to list campaigns for ad account 549755885175; gave up after 3 attempts',
			description:
				'Run the workflow again after 2026-01-02T04:04:05.000Z (UTC). Spread schedules of workflows that use the same Pinterest login. Pinterest request ID: rid-1.',
		});
	});

	it('connection failures after retries', () => {
		expect(explain({ networkErrorCode: 'ECONNRESET', attempts: 7 })).toMatchObject({
			message: 'Could not reach Pinterest to list campaigns for ad account 549755885175',
			description: expect.stringMatching(/^The connection failed \(ECONNRESET\) 7 times\./),
		});
	});

	it('a write Pinterest may have recorded, not sent again: says why, and what to check', () => {
		expect(
			explain(
				{ networkErrorCode: 'ECONNRESET', notRetriedMaybeRecorded: true },
				CONVERSIONS_WORDING,
			),
		).toEqual({
			message:
				'Pinterest may have recorded the request to list campaigns for ad account 549755885175 but did not confirm it; it was not sent again',
			description:
				'The connection failed (ECONNRESET). Sending it again could count it twice, since Pinterest does not deduplicate offline events: check Ads Manager for it before sending it again. Pinterest request ID: rid-1.',
			httpCode: null,
		});
		expect(explain({ statusCode: 500, notRetriedMaybeRecorded: true }).description).toBe(
			'Pinterest answered HTTP 500. Sending it again could count it twice: check Ads Manager for it before sending it again. Pinterest request ID: rid-1.',
		);
	});

	it('keeps only Pinterest code, message and request id as the error body', () => {
		const error = callFailed(
			{
				statusCode: 400,
				pinterestCode: 1,
				message: 'Invalid parameters.',
				attempts: 1,
				requestId: 'rid-9',
			},
			call,
			{},
			NOW_MS,
		);
		expect(error.message).toBe(
			'Pinterest refused the request to list campaigns for ad account 549755885175 (HTTP 400)',
		);
		expect(JSON.stringify(error)).not.toMatch(/Bearer|authorization/i);
	});
});

describe('callFailed: a refused token refresh and the rows a failure leaves missing', () => {
	it('a refused refresh (invalid_grant) asks to reconnect the credential, whatever else was known', () => {
		expect(explain({ tokenRefreshFailed: true, requestId: undefined })).toEqual({
			message:
				'Reconnect the Pinterest credential: Pinterest refused to renew its access (list campaigns for ad account 549755885175)',
			description:
				'The access token expired and Pinterest refused the refresh token (invalid_grant): it was revoked, or was not used for 60 days. Open the Pinterest Ads OAuth2 API credential in n8n and click Reconnect to sign in to Pinterest again, then run the workflow again.',
			httpCode: null,
		});
	});

	it('says what the caller loses by the failed call, after the fix and before the request id', () => {
		const error = callFailed(
			{ attempts: 7, statusCode: 502, requestId: 'rid-9' },
			{
				label: 'get campaigns analytics',
				adAccountId: '549755885175',
				lost: lostRows(
					'campaign',
					{ startDate: '2026-01-01', endDate: '2026-01-03' },
					'549755885175',
				),
			},
			{},
			NOW_MS,
		);
		expect([error.message, error.fix]).toEqual([
			'Pinterest failed to get campaigns analytics for ad account 549755885175 (HTTP 502) after 7 attempts',
			"This is on Pinterest's side; run the workflow again later. Missing: the campaign rows of 2026-01-01 to 2026-01-03 of ad account 549755885175; no rows of this account are output. Pinterest request ID: rid-9.",
		]);
	});

	it('a rate-limit wait capped at a day gives a valid retry time', () => {
		expect(explain({ statusCode: 429, retryAfterMs: 86_400_000 }).description).toBe(
			'Run the workflow again after 2026-01-03T03:04:05.000Z (UTC). Spread schedules of workflows that use the same Pinterest login. Pinterest request ID: rid-1.',
		);
	});

	it('a redirect: names the call and the host it pointed to, and says nothing was sent there', () => {
		expect(explain({ statusCode: 307, redirectTo: '127.0.0.1:4567' })).toEqual({
			message:
				'Refused to follow a redirect to 127.0.0.1:4567 (HTTP 307) while trying to list campaigns for ad account 549755885175',
			description:
				"Requests to Pinterest never follow a redirect, so that no token, event or report link can be handed to another host; nothing was sent to 127.0.0.1:4567. If the credential's environment is Custom, give the URL at which the proxy serves the API itself (ending in /v5), and have the proxy forward requests instead of redirecting them. Pinterest request ID: rid-1.",
			httpCode: '307',
		});
	});
});
