import type {
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { PinterestClient, type PinterestCredentialType } from './client';

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

function describeAccount(account: AdAccount) {
	return `${account.name ?? account.id} (${account.id}${account.currency ? `, ${account.currency}` : ''})`;
}

function matches(account: AdAccount, filter?: string) {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return account.id.includes(needle) || (account.name ?? '').toLowerCase().includes(needle);
}

async function accountsFor(ctx: ILoadOptionsFunctions | IExecuteFunctions) {
	const credentialType: PinterestCredentialType = 'pinterestAdsOAuth2Api';
	return await listAdAccounts(await PinterestClient.create(ctx, credentialType));
}

/** Options of a multi-select of ad accounts. */
export async function getAdAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const accounts = await accountsFor(this);
	return accounts.map((account) => ({ name: describeAccount(account), value: account.id }));
}

/** Searchable list of ad accounts for a resource locator. */
export async function searchAdAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const accounts = await accountsFor(this);
	return {
		results: accounts
			.filter((account) => matches(account, filter))
			.map((account) => ({ name: describeAccount(account), value: account.id })),
	};
}
