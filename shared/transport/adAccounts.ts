import { AD_ACCOUNT_ID, adAccountPath } from '../adAccountId';
import type { PinterestClient } from './client';
import { shapeOf } from './shapeOf';

/** The fields of Pinterest's AdAccount this package uses. */
export interface AdAccount {
	id: string;
	name?: string;
	currency?: string;
	/** The login's Business Access roles on the account (BusinessAccessRole). */
	permissions?: string[];
}

/**
 * What is wrong with a listed account's id, or undefined when it is an ad account id. Listed ids go into API paths
 * and into the node's output, so a listed id is held to the rule a given one is (AD_ACCOUNT_ID).
 */
export function listedIdProblem(account: unknown): string | undefined {
	const id = (account as { id?: unknown } | null)?.id;
	if (typeof id === 'string' && AD_ACCOUNT_ID.test(id)) return undefined;
	const shown = typeof id === 'string' && id !== '' ? JSON.stringify(id.slice(0, 40)) : shapeOf(id);
	return `lists an ad account whose ID is ${shown}, not an ad account ID (digits only)`;
}

/** Every ad account the login can access, its own and those shared through Business Access. */
export async function listAdAccounts(client: PinterestClient): Promise<AdAccount[]> {
	const call = {
		method: 'GET' as const,
		path: '/ad_accounts',
		qs: { include_shared_accounts: true },
		label: 'list ad accounts',
	};
	// https://developers.pinterest.com/docs/api/v5/ad_accounts-list
	const accounts = await client.requestAllPages<AdAccount>(call);
	for (const account of accounts) {
		const problem = listedIdProblem(account);
		if (problem !== undefined) throw client.unexpectedAnswer(call, problem);
	}
	return accounts;
}

export async function getAdAccount(client: PinterestClient, adAccountId: string) {
	// https://developers.pinterest.com/docs/api/v5/ad_accounts-get
	return await client.request<AdAccount>({
		method: 'GET',
		path: adAccountPath(adAccountId),
		label: 'read its name and currency',
		adAccountId,
	});
}
