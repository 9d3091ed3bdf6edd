import type { ILoadOptionsFunctions } from 'n8n-workflow';

import {
	describeAdAccount,
	matchesSearch,
	searchAdAccounts,
} from '../../../../shared/methods/adAccountSearch';
import { FakeHttp } from '../../helpers/fakeHttp';
import { executeContext } from '../../helpers/n8nContext';

const ACCOUNTS = [
	{ id: '549755885175', name: 'Shop US', currency: 'USD' },
	{ id: '549755885176', name: 'Shop DE', currency: 'EUR' },
	{ id: '549755885177' },
];

/** Pinterest's list answers in pages joined by a bookmark; two pages here. */
function pinterestWithAccounts() {
	return new FakeHttp().route((request) => {
		if (request.method !== 'GET' || request.path !== '/v5/ad_accounts') return undefined;
		return request.qs.bookmark === 'page-2'
			? { body: { items: ACCOUNTS.slice(2), bookmark: null } }
			: { body: { items: ACCOUNTS.slice(0, 2), bookmark: 'page-2' } };
	});
}

async function search(http: FakeHttp, filter?: string) {
	const { context } = executeContext({
		properties: [],
		parameters: {},
		credentials: { pinterestAdsOAuth2Api: { environment: 'production' } },
		http,
	});
	// The stub serves both: a load-options context is the part of an execute context it uses.
	const loadOptions: Pick<ILoadOptionsFunctions, 'getCredentials' | 'getNode' | 'helpers'> =
		context;
	return await searchAdAccounts.call(loadOptions as ILoadOptionsFunctions, filter);
}

describe('the ad-account picker list', () => {
	it('lists every account of every page, named with id and currency', async () => {
		const http = pinterestWithAccounts();
		expect(await search(http)).toEqual({
			results: [
				{ name: 'Shop US (549755885175, USD)', value: '549755885175' },
				{ name: 'Shop DE (549755885176, EUR)', value: '549755885176' },
				{ name: '549755885177 (549755885177)', value: '549755885177' },
			],
		});
		expect(http.requests.map((request) => request.qs)).toEqual([
			{ include_shared_accounts: true, page_size: 250 },
			{ include_shared_accounts: true, page_size: 250, bookmark: 'page-2' },
		]);
		expect(http.requests.every((r) => r.credentialType === 'pinterestAdsOAuth2Api')).toBe(true);
	});

	it('keeps the accounts whose name or id contains the search, ignoring case', async () => {
		expect((await search(pinterestWithAccounts(), ' shop d')).results).toEqual([
			{ name: 'Shop DE (549755885176, EUR)', value: '549755885176' },
		]);
		expect((await search(pinterestWithAccounts(), '5177')).results).toEqual([
			{ name: '549755885177 (549755885177)', value: '549755885177' },
		]);
	});

	it.each([
		[undefined, true],
		['', true],
		['SHOP', true],
		['8851', true],
		['shop fr', false],
	])('matchesSearch(Shop US, %p) is %p', (filter, expected) => {
		expect(matchesSearch(ACCOUNTS[0], filter)).toBe(expected);
	});

	it('describes an account without name or currency by its id', () => {
		expect(describeAdAccount({ id: '1' })).toBe('1 (1)');
		expect(describeAdAccount({ id: '2', name: 'N', currency: 'JPY' })).toBe('N (2, JPY)');
	});
});
