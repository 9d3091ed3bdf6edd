import { searchAdAccounts } from '../../../shared/methods/adAccountSearch';
import { loadOptionsContext } from '../harness/loadOptions';
import { fakePinterestForEachTest } from '../harness/pinterest';

const ACCOUNTS = [
	{ id: '549755885175', name: 'Shop US', currency: 'USD' },
	{ id: '549755885176', name: 'Shop DE', currency: 'EUR' },
	{ id: '549755885177' },
];

/** Pinterest's list answers in pages joined by a bookmark; two pages here. */
const pinterest = fakePinterestForEachTest(async (fake) => {
	await fake.reset({ given: { accounts: ACCOUNTS, campaigns: [], adGroups: [], ads: [] } });
	await fake.config({ maxPageSize: 2 });
});

async function search(filter?: string) {
	const context = loadOptionsContext('pinterestAdSpend', pinterest.credentials());
	return await searchAdAccounts.call(context, filter);
}

describe('the ad-account picker list', () => {
	it('lists every account of every page, named with id and currency', async () => {
		expect(await search()).toEqual({
			results: [
				{ name: 'Shop US (549755885175, USD)', value: '549755885175' },
				{ name: 'Shop DE (549755885176, EUR)', value: '549755885176' },
				{ name: '549755885177 (549755885177)', value: '549755885177' },
			],
		});
		const requests = await pinterest.requests();
		expect(
			requests.map((request) => Object.fromEntries(new URLSearchParams(request.query))),
		).toEqual([
			{ include_shared_accounts: 'true', page_size: '250' },
			{ include_shared_accounts: 'true', page_size: '250', bookmark: 'Mg' },
		]);
		expect(requests.every((r) => r.authorization === 'Bearer access-1')).toBe(true);
	});

	it('keeps the accounts whose name or id contains the search, ignoring case', async () => {
		expect((await search(' shop d')).results).toEqual([
			{ name: 'Shop DE (549755885176, EUR)', value: '549755885176' },
		]);
		expect((await search('5177')).results).toEqual([
			{ name: '549755885177 (549755885177)', value: '549755885177' },
		]);
	});
});
