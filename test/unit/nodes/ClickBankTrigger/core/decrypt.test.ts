import { decryptNotification, insKey } from '../../../../../nodes/ClickBankTrigger/core/decrypt';
import { readEnvelope, type Envelope } from '../../../../../nodes/ClickBankTrigger/core/envelope';
import { encryptLikeClickBank, FIXED_IV, insBody, SECRET_KEY } from '../insCipher';

const WRONG_KEY_OR_ALTERED =
	'Notification could not be decrypted: the secret key in the credential differs from the one in ClickBank, or the notification was altered';

function envelopeOf(body: Buffer): Envelope {
	const step = readEnvelope(body);
	if (step.kind !== 'ok') throw new Error(step.message);
	return step.value;
}

describe('insKey', () => {
	it('is the first 32 hex characters of SHA-1 of the secret key, as ASCII bytes', () => {
		// printf MYSECRETKEY2026 | openssl dgst -sha1 → 3b9c430563b3154b2c4f8f5794c2f158aa…
		expect(insKey(SECRET_KEY).toString('ascii')).toBe('3b9c430563b3154b2c4f8f5794c2f158');
		expect(insKey(SECRET_KEY)).toHaveLength(32);
	});
});

describe('decryptNotification', () => {
	it('decrypts a known vector made with the openssl command line', () => {
		// KEY=$(printf MYSECRETKEY2026 | openssl dgst -sha1 -r | cut -c1-32)
		// printf '{"receipt":"KAT00001","transactionType":"TEST"}' | openssl enc -aes-256-cbc \
		//   -K $(printf $KEY | xxd -p | tr -d '\n') -iv 000102030405060708090a0b0c0d0e0f -base64 -A
		const body = Buffer.from(
			JSON.stringify({
				notification: 'vw00ROgs9Mb+AFq6WFH0hi7raMQwx4EBwYyjWJWjdcSrz1DZ6fW5u7X2+ArT8+yQ',
				iv: 'AAECAwQFBgcICQoLDA0ODw==',
			}),
		);
		expect(decryptNotification(envelopeOf(body), SECRET_KEY)).toEqual({
			kind: 'ok',
			value: '{"receipt":"KAT00001","transactionType":"TEST"}',
		});
	});

	it('decrypts what the documented scheme encrypts, multi-byte UTF-8 included', () => {
		const text = JSON.stringify({
			transactionType: 'SALE',
			productTitle: 'Gartenplaner – Größe M',
		});
		const iv = Buffer.from('f0e1d2c3b4a5968778695a4b3c2d1e0f', 'hex');
		expect(decryptNotification(envelopeOf(insBody(text, SECRET_KEY, iv)), SECRET_KEY)).toEqual({
			kind: 'ok',
			value: text,
		});
	});

	it('drops NUL and control characters around the JSON, as ClickBank sample code does', () => {
		const body = insBody('\u0000\u0000{"transactionType":"TEST"}\n\u0000', SECRET_KEY);
		expect(decryptNotification(envelopeOf(body), SECRET_KEY)).toEqual({
			kind: 'ok',
			value: '{"transactionType":"TEST"}',
		});
	});

	it('refuses with 403 when the secret key is another one', () => {
		const body = insBody('{"transactionType":"SALE","receipt":"AAAA0000"}', 'OTHERKEY1234');
		expect(decryptNotification(envelopeOf(body), SECRET_KEY)).toEqual({
			kind: 'rejected',
			statusCode: 403,
			message: WRONG_KEY_OR_ALTERED,
		});
	});

	it('refuses with 403 when a byte of the last block was changed (padding no longer valid)', () => {
		const ciphertext = encryptLikeClickBank('{"transactionType":"SALE"}', SECRET_KEY, FIXED_IV);
		ciphertext[ciphertext.length - 1] ^= 0x01;
		expect(decryptNotification({ ciphertext, iv: FIXED_IV }, SECRET_KEY)).toEqual({
			kind: 'rejected',
			statusCode: 403,
			message: WRONG_KEY_OR_ALTERED,
		});
	});

	it('refuses with 403 when a byte of the first block was changed (garbled, not UTF-8)', () => {
		const ciphertext = encryptLikeClickBank(
			'{"transactionType":"SALE","receipt":"AAAA0000","currency":"USD"}',
			SECRET_KEY,
			FIXED_IV,
		);
		ciphertext[3] ^= 0x80;
		expect(decryptNotification({ ciphertext, iv: FIXED_IV }, SECRET_KEY)).toEqual({
			kind: 'rejected',
			statusCode: 403,
			message: WRONG_KEY_OR_ALTERED,
		});
	});
});
