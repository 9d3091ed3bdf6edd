import { listedIdProblem } from '../../../../shared/transport/adAccounts';

describe('listedIdProblem', () => {
	it('accepts an ad account id', () => {
		expect(listedIdProblem({ id: '549755885175', name: 'Shop' })).toBeUndefined();
	});

	it.each([
		[{ id: '549755885175/../../user_account' }, '"549755885175/../../user_account"'],
		[{ id: '1'.repeat(19) }, `"${'1'.repeat(19)}"`],
		[{ id: `9${'x'.repeat(60)}` }, `"9${'x'.repeat(39)}"`],
		[{ id: '' }, 'empty'],
		[{ id: 549755885175 }, 'a number'],
		[{ name: 'no id' }, 'empty'],
		[null, 'empty'],
	])('refuses the listed account %j', (account, shown) => {
		expect(listedIdProblem(account)).toBe(
			`lists an ad account whose ID is ${shown}, not an ad account ID (digits only)`,
		);
	});
});
