import { secretKeyProblem } from '../../../../../nodes/ClickBankTrigger/core/secretKey';
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

describe('secretKeyProblem', () => {
	it('accepts 1 to 16 uppercase letters and digits', () => {
		expect(secretKeyProblem('MYSECRETKEY2026')).toBeUndefined();
		expect(secretKeyProblem('A')).toBeUndefined();
		expect(secretKeyProblem(' ABCDEFGHIJKLMNOP ')).toBeUndefined();
	});

	it.each([
		['', 'The secret key is empty'],
		[undefined, 'The secret key is empty'],
		[
			'lowercase',
			'ClickBank secret keys are 1 to 16 uppercase letters and digits: copy it again from Vendor Settings → My Site',
		],
		[
			'ABCDEFGHIJKLMNOPQ',
			'ClickBank secret keys are 1 to 16 uppercase letters and digits: copy it again from Vendor Settings → My Site',
		],
		[
			'MY-KEY',
			'ClickBank secret keys are 1 to 16 uppercase letters and digits: copy it again from Vendor Settings → My Site',
		],
	])('refuses %p', (key, message) => expect(secretKeyProblem(key)).toBe(message));
});
