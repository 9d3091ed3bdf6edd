import { PinterestCallError } from '../../../shared/errors';
import type { AdAccount } from '../../../shared/transport/adAccounts';

/**
 * Business Access roles that may read analytics, entity lists and reports (spec: the analytics
 * operations' descriptions name Owner, Admin, Analyst and Campaign Manager).
 */
export const ANALYTICS_ROLES = ['OWNER', 'ADMIN', 'ANALYST', 'CAMPAIGN_MANAGER'];

/** The same roles as Pinterest's refusals name them to the user. */
export const SPEND_ROLE = 'the Admin, Analyst or Campaign Manager role';

/**
 * Why the login cannot read this account's spend, or undefined when it may. Accounts without a
 * role list are tried: Pinterest's answer decides.
 */
export function whyNotReadable(account: AdAccount): string | undefined {
	const roles = account.permissions;
	if (!Array.isArray(roles) || roles.length === 0) return undefined;
	if (roles.some((role) => ANALYTICS_ROLES.includes(role))) return undefined;
	return `the login's role (${roles.join(', ')}) cannot read analytics; Owner, Admin, Analyst or Campaign Manager can`;
}

/**
 * Pinterest's "not yours" answers (403, 404) to a call about the account; a refused report file
 * link is not one of them.
 */
export function isAccountRefusal(error: unknown): error is PinterestCallError {
	if (!(error instanceof PinterestCallError)) return false;
	return (error.httpCode === '403' || error.httpCode === '404') && error.call.fileDownload !== true;
}
