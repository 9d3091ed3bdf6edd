import { receiveNotification } from '../../../../../nodes/ClickBankTrigger/core/receive';
import { acceptedTypes } from '../../../../../nodes/ClickBankTrigger/core/transactionTypes';
import { saleNotification } from '../fixtures';
import { insBody, SECRET_KEY } from '../insCipher';

const ALL = acceptedTypes([], '');

describe('receiveNotification', () => {
	it('accepts a notification encrypted with the secret key: one item', () => {
		const outcome = receiveNotification({
			body: insBody(JSON.stringify(saleNotification()), SECRET_KEY),
			secretKey: SECRET_KEY,
			acceptedTypes: ALL,
		});
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
		expect(
			receiveNotification({
				body: refund,
				secretKey: SECRET_KEY,
				acceptedTypes: acceptedTypes(['SALE', 'BILL'], ''),
			}),
		).toEqual({
			kind: 'ignored',
			transactionType: 'RFND',
		});
		expect(
			receiveNotification({
				body: refund,
				secretKey: SECRET_KEY,
				acceptedTypes: acceptedTypes(['SALE'], ' rfnd , JV_SALE'),
			}).kind,
		).toBe('accepted');
	});

	it('refuses a notification encrypted with another key (403) before looking at its type', () => {
		const body = insBody(
			JSON.stringify(saleNotification({ transactionType: 'RFND' })),
			'ANOTHERKEY',
		);
		expect(
			receiveNotification({
				body,
				secretKey: SECRET_KEY,
				acceptedTypes: acceptedTypes(['SALE'], ''),
			}),
		).toMatchObject({
			kind: 'rejected',
			statusCode: 403,
		});
	});

	it('refuses decrypted text that is not JSON as a wrong key or an altered message (403)', () => {
		expect(
			receiveNotification({
				body: insBody('transactionType=SALE', SECRET_KEY),
				secretKey: SECRET_KEY,
				acceptedTypes: ALL,
			}),
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
		expect(
			receiveNotification({
				body: insBody(text, SECRET_KEY),
				secretKey: SECRET_KEY,
				acceptedTypes: ALL,
			}),
		).toEqual({
			kind: 'rejected',
			statusCode: 400,
			message,
		});
	});

	it('refuses an empty body and a body that is not an envelope', () => {
		expect(
			receiveNotification({ body: undefined, secretKey: SECRET_KEY, acceptedTypes: ALL }),
		).toMatchObject({
			kind: 'rejected',
			statusCode: 400,
		});
		expect(
			receiveNotification({ body: Buffer.from('{}'), secretKey: SECRET_KEY, acceptedTypes: ALL }),
		).toMatchObject({
			kind: 'rejected',
			statusCode: 400,
		});
	});

	const EMPTY =
		'The secret key is empty or only spaces, so the ClickBank Trigger refuses every notification until it is fixed: copy it from Vendor Settings → My Site → Advanced Tools';
	const NOT_THE_FORM =
		'ClickBank secret keys are 1 to 16 uppercase letters and digits, so the ClickBank Trigger refuses every notification until it is fixed: copy it again from Vendor Settings → My Site';

	it.each([
		['empty', '', EMPTY],
		['only spaces', '   ', EMPTY],
		['lower case', 'mysecretkey', NOT_THE_FORM],
	])(
		'refuses every request (500) while the key is %s, even a sale encrypted with that key',
		(_case, secretKey, problem) => {
			// Before the key rule applied here, a blank key decrypted with SHA-1(""), which anyone can encrypt with.
			const forged = insBody(JSON.stringify(saleNotification()), secretKey.trim());
			const outcomes = [forged, undefined, Buffer.from('{}')].map((body) =>
				receiveNotification({ body, secretKey, acceptedTypes: ALL }),
			);
			expect(outcomes).toEqual(
				Array(3).fill({
					kind: 'unusableKey',
					statusCode: 500,
					message:
						'The ClickBank Trigger cannot check notifications: the secret key of its credential in n8n is not usable',
					problem,
				}),
			);
		},
	);

	it('decrypts with the key trimmed of the spaces a paste adds', () => {
		const outcome = receiveNotification({
			body: insBody(JSON.stringify(saleNotification()), SECRET_KEY),
			secretKey: ` ${SECRET_KEY}\n`,
			acceptedTypes: ALL,
		});
		expect(outcome.kind).toBe('accepted');
	});
});
