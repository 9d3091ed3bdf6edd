import { MAX_BODY_BYTES } from '../../../nodes/ClickBankTrigger/core/insProtocol';
import { saleNotification } from '../../unit/nodes/ClickBankTrigger/fixtures';
import {
	encryptLikeClickBank,
	FIXED_IV,
	insBody,
	SECRET_KEY,
} from '../../unit/nodes/ClickBankTrigger/insCipher';
import { logs } from '../harness/engine';
import { receiveWebhook } from '../harness/webhook';
const WRONG_KEY_OR_ALTERED =
	'Notification could not be decrypted: the secret key in the credential differs from the one in ClickBank, or the notification was altered';

/** The trigger's webhook with its stored defaults (all transaction types) and the credential's key padded. */
async function receive(rawBody: Buffer | undefined, parameters = {}) {
	const { result, answer } = await receiveWebhook({
		parameters,
		credentials: { clickBankInsApi: { secretKey: `  ${SECRET_KEY}\n` } },
		rawBody,
	});
	return { result, answer, recorded: { logs: logs() } };
}

const envelope = (fields: Record<string, unknown>) => Buffer.from(JSON.stringify(fields));

describe('ClickBank Trigger webhook: decryption', () => {
	it('a SALE encrypted as ClickBank does becomes one item with the normalised fields', async () => {
		const sale = saleNotification();
		const { result, answer, recorded } = await receive(insBody(JSON.stringify(sale), SECRET_KEY));
		expect(answer).toEqual({});
		expect(recorded.logs).toEqual([]);
		expect(result.workflowData).toHaveLength(1);
		expect(result.workflowData![0]).toHaveLength(1);
		const item = result.workflowData![0][0].json;
		expect(item).toEqual({
			receipt: 'CWOGBZLN',
			transactionType: 'SALE',
			test: false,
			transactionTime: '20261126T101530-0800',
			transactionTimeIso: '2026-11-26T10:15:30-08:00',
			amount: 49.95,
			currency: 'USD',
			taxAmount: 2.5,
			shippingAmount: 0,
			accountAmount: 21.45,
			customerEmail: 'buyer@example.com',
			affiliate: 'pinaffiliate',
			vendor: 'acmevendor',
			role: 'VENDOR',
			trackingCodes: ['pin_spring_01'],
			vendorVariables: { traffic_source: 'pinterest', campaign_id: '626736533506' },
			trafficSource: 'pinterest',
			trackingParameters: expect.objectContaining({ traffic_source: 'pinterest' }),
			lineItems: [
				{
					itemNo: '1',
					productTitle: 'Garden Planner',
					lineItemType: 'ORIGINAL',
					quantity: 1,
					productPrice: 47.45,
					productDiscount: 0,
					taxAmount: 2.5,
					shippingAmount: 0,
					accountAmount: 21.45,
					affiliatePayout: 23.72,
					recurring: false,
					shippable: false,
				},
			],
			insVersion: 8,
			attemptCount: 1,
			notification: sale,
		});
	});

	it('a UTF-8 notification (accents, emoji) decrypts byte for byte', async () => {
		const sale = saleNotification({
			lineItems: [{ itemNo: '1', productTitle: 'Gärtner-Planer 🌱' }],
		});
		const { result } = await receive(insBody(JSON.stringify(sale), SECRET_KEY));
		expect(
			(result.workflowData![0][0].json.lineItems as Array<{ productTitle: string }>)[0]
				.productTitle,
		).toBe('Gärtner-Planer 🌱');
	});

	it.each([
		['only the selected types', { transactionTypes: ['SALE'] }, 'RFND', 'ignored'],
		[
			'a type added under Other Transaction Types',
			{ transactionTypes: ['SALE'], options: { otherTransactionTypes: 'rfnd' } },
			'RFND',
			'accepted',
		],
		['every type by default', {}, 'CGBK', 'accepted'],
	])('%s', async (_name, parameters, transactionType, expected) => {
		const body = insBody(JSON.stringify(saleNotification({ transactionType })), SECRET_KEY);
		const { result, answer } = await receive(body, parameters);
		expect(answer).toEqual({});
		if (expected === 'ignored')
			expect(result).toEqual({ webhookResponse: { status: 'ignored', transactionType } });
		else
			expect(result.workflowData![0].map((i) => i.json.transactionType)).toEqual([transactionType]);
	});
});

describe('ClickBank Trigger webhook: refusals answered by the trigger, nothing started', () => {
	const sale = JSON.stringify(saleNotification());
	const valid = JSON.parse(insBody(sale, SECRET_KEY).toString()) as {
		notification: string;
		iv: string;
	};
	const flipped = Buffer.from(valid.notification, 'base64');
	flipped[flipped.length - 1] ^= 0xff;

	it.each([
		[
			'no body',
			undefined,
			400,
			'Empty request: ClickBank INS posts {"notification": ..., "iv": ...}',
		],
		[
			'text that is not JSON',
			Buffer.from('notification=abc'),
			400,
			'Request body is not JSON: ClickBank INS v6 and later post JSON',
		],
		[
			'a JSON array',
			Buffer.from('[1,2]'),
			400,
			'Request body is not a JSON object with "notification" and "iv"',
		],
		[
			'base64 that is not',
			envelope({ notification: '%%%%', iv: valid.iv }),
			400,
			'"notification" or "iv" is not valid base64',
		],
		[
			'a short iv',
			envelope({ notification: valid.notification, iv: 'AAAA' }),
			400,
			'"iv" must decode to 16 bytes',
		],
		[
			'a cut-off cipher text',
			envelope({ notification: Buffer.from('0123456789').toString('base64'), iv: valid.iv }),
			400,
			'"notification" must decode to whole 16-byte AES blocks',
		],
		['another secret key', insBody(sale, 'OTHERKEY1'), 403, WRONG_KEY_OR_ALTERED],
		[
			'an altered cipher text',
			envelope({ notification: flipped.toString('base64'), iv: valid.iv }),
			403,
			WRONG_KEY_OR_ALTERED,
		],
		[
			'a body over the limit',
			Buffer.alloc(MAX_BODY_BYTES + 1, 32),
			413,
			`Request too large: over ${MAX_BODY_BYTES} bytes is not an INS notification`,
		],
		[
			'no transactionType',
			envelope({
				notification: encryptLikeClickBank('{"receipt":"X"}', SECRET_KEY, FIXED_IV).toString(
					'base64',
				),
				iv: FIXED_IV.toString('base64'),
			}),
			400,
			'Decrypted notification has no transactionType',
		],
	])('%s: refused with its HTTP status and reason', async (_name, body, statusCode, message) => {
		const { result, answer, recorded } = await receive(body as Buffer | undefined);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(answer).toEqual({ statusCode, json: { status: 'rejected', message } });
		expect(recorded.logs).toEqual([
			{
				level: 'debug',
				message: `ClickBank Trigger refused a notification: ${message}`,
				meta: { workflowId: 'workflow-under-test', statusCode },
			},
		]);
		// Never the buyer's details or the key in what is logged or answered.
		expect(JSON.stringify([answer, recorded])).not.toMatch(/example\.com|MYSECRETKEY/);
	});
});
