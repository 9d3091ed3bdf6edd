import { describeAdAccount, matchesSearch } from '../../../../shared/methods/adAccountSearch';

// The list itself, read from Pinterest page by page: test/engine/methods/adAccountSearch.engine.test.ts.
const ACCOUNTS = [{ id: '549755885175', name: 'Shop US', currency: 'USD' }];

describe('the ad-account picker list', () => {
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
