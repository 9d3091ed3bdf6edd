import { parseAdAccountIds } from '../../../../../nodes/PinterestAdSpend/core/accountSelection';
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
