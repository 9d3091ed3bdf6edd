import { receiveNotification } from '../../../../../nodes/ClickBankTrigger/core/receive';
import { acceptedTypes } from '../../../../../nodes/ClickBankTrigger/core/transactionTypes';
import { saleNotification } from '../fixtures';
import { insBody, SECRET_KEY } from '../insCipher';

const ALL = acceptedTypes([], '');

describe('receiveNotification', () => {
	it('accepts a notification encrypted with the secret key: one item', () => {
		const outcome = receiveNotification(
			insBody(JSON.stringify(saleNotification()), SECRET_KEY),
			SECRET_KEY,
			ALL,
		);
		expect(outcome.kind).toBe('accepted');
		expect(outcome.kind === 'accepted' && outcome.item).toMatchObject({
			receipt: 'CWOGBZLN',
			transactionType: 'SALE',
			amount: 49.95,
			currency: 'USD',
			trafficSource: 'pinterest',
		});
	});

	it('ignores transaction types the workflow does not want, and says which', () => {
		const refund = insBody(
			JSON.stringify(saleNotification({ transactionType: 'RFND' })),
			SECRET_KEY,
		);
		expect(receiveNotification(refund, SECRET_KEY, acceptedTypes(['SALE', 'BILL'], ''))).toEqual({
			kind: 'ignored',
			transactionType: 'RFND',
		});
		expect(
			receiveNotification(refund, SECRET_KEY, acceptedTypes(['SALE'], ' rfnd , JV_SALE')).kind,
		).toBe('accepted');
	});

	it('refuses a notification encrypted with another key (403) before looking at its type', () => {
		const body = insBody(
			JSON.stringify(saleNotification({ transactionType: 'RFND' })),
			'ANOTHERKEY',
		);
		expect(receiveNotification(body, SECRET_KEY, acceptedTypes(['SALE'], ''))).toMatchObject({
			kind: 'rejected',
			statusCode: 403,
		});
	});

	it('refuses decrypted text that is not JSON as a wrong key or an altered message (403)', () => {
		expect(
			receiveNotification(insBody('transactionType=SALE', SECRET_KEY), SECRET_KEY, ALL),
		).toEqual({
			kind: 'rejected',
			statusCode: 403,
			message:
				'Notification could not be decrypted: the secret key in the credential differs from the one in ClickBank, or the notification was altered',
		});
	});

	it.each([
		['a JSON array', '[{"transactionType":"SALE"}]', 'Decrypted notification is not a JSON object'],
		[
			'an object without transactionType',
			'{"receipt":"ABCD1234"}',
			'Decrypted notification has no transactionType',
		],
		[
			'an empty transactionType',
			'{"transactionType":"  "}',
			'Decrypted notification has no transactionType',
		],
	])('refuses %s with 400', (_case, text, message) => {
		expect(receiveNotification(insBody(text, SECRET_KEY), SECRET_KEY, ALL)).toEqual({
			kind: 'rejected',
			statusCode: 400,
			message,
		});
	});

	it('refuses an empty body and a body that is not an envelope', () => {
		expect(receiveNotification(undefined, SECRET_KEY, ALL)).toMatchObject({
			kind: 'rejected',
			statusCode: 400,
		});
		expect(receiveNotification(Buffer.from('{}'), SECRET_KEY, ALL)).toMatchObject({
			kind: 'rejected',
			statusCode: 400,
		});
	});
});
