/** Pinterest ad account ids: digits only, at most 18 (the spec's ad_account_id pattern and maxLength). */
export const AD_ACCOUNT_ID = /^\d{1,18}$/;

/**
 * The API path of an ad account, or of something below it (`/campaigns`). The id is encoded whatever checked it
 * before, so that no id, given or listed, can change which path the token is sent to.
 */
export function adAccountPath(adAccountId: string, below = ''): string {
	return `/ad_accounts/${encodeURIComponent(adAccountId)}${below}`;
}
