import {
	acceptedTypes,
	isAccepted,
	isTestTransaction,
} from '../../../../../nodes/ClickBankTrigger/core/transactionTypes';

describe('transaction type filter', () => {
	it('accepts every type when nothing is selected', () => {
		expect(isAccepted('CGBK', acceptedTypes([], ''))).toBe(true);
		expect(isAccepted('ANYTHING_NEW', acceptedTypes([], ' , '))).toBe(true);
	});

	it('accepts the selected types and the other types typed in, case-insensitively', () => {
		const accepted = acceptedTypes(['SALE', 'BILL'], 'jv_sale, ');
		expect([...accepted]).toEqual(['SALE', 'BILL', 'JV_SALE']);
		expect(
			['SALE', 'bill', ' JV_SALE ', 'RFND', 'TEST_SALE'].map((type) => isAccepted(type, accepted)),
		).toEqual([true, true, true, false, false]);
	});

	it('tells test transactions apart', () => {
		expect(
			[
				'TEST',
				'TEST_SALE',
				'TEST_BILL',
				'TEST_RFND',
				'CANCEL-TEST-REBILL',
				'SALE',
				'CANCEL-REBILL',
				'CONTEST',
			].map(isTestTransaction),
		).toEqual([true, true, true, true, true, false, false, false]);
	});
});
