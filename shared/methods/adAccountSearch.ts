import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listAdAccounts, type AdAccount } from '../transport/adAccounts';
import { PinterestClient } from '../transport/client';

/** "Name (id, currency)": the name alone is ambiguous when an agency sees accounts of the same name. */
export function describeAdAccount(account: AdAccount): string {
	return `${account.name ?? account.id} (${account.id}${account.currency ? `, ${account.currency}` : ''})`;
}

/** Whether an account's id or name (case-insensitive) contains what the user typed. */
export function matchesSearch(account: AdAccount, filter?: string): boolean {
	if (!filter) return true;
	const needle = filter.trim().toLowerCase();
	return account.id.includes(needle) || (account.name ?? '').toLowerCase().includes(needle);
}

/** The list of the ad-account picker: every account of the login, filtered by what the user typed. */
export async function searchAdAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const accounts = await listAdAccounts(
		await PinterestClient.create(this, 'pinterestAdsOAuth2Api'),
	);
	return {
		results: accounts
			.filter((account) => matchesSearch(account, filter))
			.map((account) => ({ name: describeAdAccount(account), value: account.id })),
	};
}
