import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { toNodeError } from '../operations';
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
	let accounts: AdAccount[];
	try {
		accounts = await listAdAccounts(await PinterestClient.create(this, 'pinterestAdsOAuth2Api'));
	} catch (error) {
		// The picker shows n8n's error, with its description, like a failing operation does.
		throw toNodeError(this.getNode(), error);
	}
	return {
		results: accounts
			.filter((account) => matchesSearch(account, filter))
			.map((account) => ({ name: describeAdAccount(account), value: account.id })),
	};
}
