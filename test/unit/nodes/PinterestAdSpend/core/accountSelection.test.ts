import { parseAdAccountPickers } from '../../../../../nodes/PinterestAdSpend/core/accountSelection';
import { ActionableError } from '../../../../../shared/errors';

describe('parseAdAccountPickers', () => {
	const picked = (mode: string, value: unknown) => ({ adAccount: { __rl: true, mode, value } });

	it('takes the id of each picker, from the list or by ID, trimmed, once each; empty pickers are ignored', () => {
		expect(
			parseAdAccountPickers([
				picked('list', '549755885175'),
				picked('id', ' 549755885176 '),
				picked('list', ''),
				picked('id', '549755885175'),
				{ adAccount: 549755885177 },
			]),
		).toEqual(['549755885175', '549755885176', '549755885177']);
	});

	it.each([
		[[picked('id', '12a')], 'Selected Ad Accounts: account 1 is "12a", not an ad account ID'],
		[
			[picked('id', '1234567890123456789')],
			'Selected Ad Accounts: account 1 is "1234567890123456789", not an ad account ID',
		],
		[[picked('id', ' ')], 'No ad account selected'],
		[
			[picked('list', '1'), picked('id', { id: '2' })],
			'Selected Ad Accounts: account 2 is an object, not an ad account ID',
		],
		[[picked('id', ['3'])], 'Selected Ad Accounts: account 1 is an array, not an ad account ID'],
		[[picked('list', '')], 'No ad account selected'],
		[undefined, 'No ad account selected'],
	])('refuses %j', (entries, message) => {
		let thrown: unknown;
		try {
			parseAdAccountPickers(entries);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(ActionableError);
		expect((thrown as ActionableError).message).toBe(message);
	});
});
