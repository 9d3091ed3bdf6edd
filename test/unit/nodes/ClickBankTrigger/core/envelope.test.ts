import { MAX_BODY_BYTES } from '../../../../../nodes/ClickBankTrigger/core/insProtocol';
import { readEnvelope } from '../../../../../nodes/ClickBankTrigger/core/envelope';

const IV = 'AAECAwQFBgcICQoLDA0ODw==';
const TWO_BLOCKS = Buffer.alloc(32, 7).toString('base64');
const body = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('readEnvelope', () => {
	it('decodes notification and iv', () => {
		expect(readEnvelope(body({ notification: TWO_BLOCKS, iv: IV }))).toEqual({
			kind: 'ok',
			value: {
				ciphertext: Buffer.alloc(32, 7),
				iv: Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex'),
			},
		});
	});

	it('accepts base64 wrapped over several lines, as MIME encoders write it', () => {
		const wrapped = `${TWO_BLOCKS.slice(0, 20)}\r\n${TWO_BLOCKS.slice(20)}`;
		const step = readEnvelope(body({ notification: wrapped, iv: IV }));
		expect(step.kind === 'ok' && step.value.ciphertext).toEqual(Buffer.alloc(32, 7));
	});

	it.each([
		[
			'no body',
			undefined,
			400,
			'Empty request: ClickBank INS posts {"notification": ..., "iv": ...}',
		],
		[
			'an empty body',
			Buffer.alloc(0),
			400,
			'Empty request: ClickBank INS posts {"notification": ..., "iv": ...}',
		],
		[
			'a form post (INS before 6.0)',
			Buffer.from('ccustname=x&cverify=ABCD'),
			400,
			'Request body is not JSON: ClickBank INS v6 and later post JSON',
		],
		[
			'a JSON array',
			body([IV]),
			400,
			'Request body is not a JSON object with "notification" and "iv"',
		],
		[
			'JSON null',
			Buffer.from('null'),
			400,
			'Request body is not a JSON object with "notification" and "iv"',
		],
		[
			'no iv',
			body({ notification: TWO_BLOCKS }),
			400,
			'Request body lacks "notification" or "iv": set the INS version to 8.0 in ClickBank',
		],
		[
			'a numeric notification',
			body({ notification: 12, iv: IV }),
			400,
			'Request body lacks "notification" or "iv": set the INS version to 8.0 in ClickBank',
		],
		[
			'characters outside base64',
			body({ notification: 'abc*defg', iv: IV }),
			400,
			'"notification" or "iv" is not valid base64',
		],
		[
			'base64 cut short',
			body({ notification: TWO_BLOCKS.slice(0, -1), iv: IV }),
			400,
			'"notification" or "iv" is not valid base64',
		],
		[
			'URL-safe base64 in the iv',
			body({ notification: TWO_BLOCKS, iv: '-_-_AwQFBgcICQoLDA0ODw==' }),
			400,
			'"notification" or "iv" is not valid base64',
		],
		[
			'an 8-byte iv',
			body({ notification: TWO_BLOCKS, iv: 'AAECAwQFBgc=' }),
			400,
			'"iv" must decode to 16 bytes',
		],
		[
			'an empty notification',
			body({ notification: '', iv: IV }),
			400,
			'"notification" must decode to whole 16-byte AES blocks',
		],
		[
			'a notification of 17 bytes',
			body({ notification: Buffer.alloc(17).toString('base64'), iv: IV }),
			400,
			'"notification" must decode to whole 16-byte AES blocks',
		],
	])('refuses %s', (_case, input, statusCode, message) => {
		expect(readEnvelope(input)).toEqual({ kind: 'rejected', statusCode, message });
	});

	it('refuses a body over the size limit with 413 before parsing it', () => {
		const oversized = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
		expect(readEnvelope(oversized)).toEqual({
			kind: 'rejected',
			statusCode: 413,
			message: 'Request too large: over 262144 bytes is not an INS notification',
		});
		expect(
			readEnvelope(
				Buffer.concat([
					body({ notification: TWO_BLOCKS, iv: IV }),
					Buffer.alloc(MAX_BODY_BYTES - 100, 0x20),
				]),
			).kind,
		).toBe('ok');
	});
});
