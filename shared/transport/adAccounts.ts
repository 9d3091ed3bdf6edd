import type { PinterestClient } from './client';

/** The fields of Pinterest's AdAccount this package uses. */
export interface AdAccount {
	id: string;
	name?: string;
	currency?: string;
	/** The login's Business Access roles on the account (BusinessAccessRole). */
	permissions?: string[];
}

/** Every ad account the login can access, its own and those shared through Business Access. */
export async function listAdAccounts(client: PinterestClient): Promise<AdAccount[]> {
	// https://developers.pinterest.com/docs/api/v5/ad_accounts-list
	return await client.requestAllPages<AdAccount>({
		method: 'GET',
		path: '/ad_accounts',
		qs: { include_shared_accounts: true },
		label: 'list ad accounts',
	});
}

export async function getAdAccount(client: PinterestClient, adAccountId: string) {
	// https://developers.pinterest.com/docs/api/v5/ad_accounts-get
	return await client.request<AdAccount>({
		method: 'GET',
		path: `/ad_accounts/${encodeURIComponent(adAccountId)}`,
		label: 'read its name and currency',
		adAccountId,
	});
}
