import {
	parseAdAccountIds,
	parseAdAccountPickers,
} from '../../../../../nodes/PinterestAdSpend/core/accountSelection';
import { SpendInputError } from '../../../../../nodes/PinterestAdSpend/core/dates';

describe('parseAdAccountIds', () => {
	it('takes an array or a comma-separated list, trimmed and once each', () => {
		expect(parseAdAccountIds(['549755885175', 549755885176])).toEqual([
			'549755885175',
			'549755885176',
		]);
		expect(parseAdAccountIds(' 549755885175, ,549755885176,549755885175 ')).toEqual([
			'549755885175',
			'549755885176',
		]);
	});

	it.each([
		[[{ id: '1' }], 'Ad Account Names or IDs: entry 1 is an object, not an ad account ID'],
		['12a', 'Ad Account Names or IDs: "12a" is not an ad account ID'],
		[
			'1234567890123456789',
			'Ad Account Names or IDs: "1234567890123456789" is not an ad account ID',
		],
		['', 'No ad account selected'],
	])('refuses %j', (value, message) => {
		let thrown: unknown;
		try {
			parseAdAccountIds(value);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(SpendInputError);
		expect((thrown as SpendInputError).message).toBe(message);
	});
});

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
		expect(thrown).toBeInstanceOf(SpendInputError);
		expect((thrown as SpendInputError).message).toBe(message);
	});
});
