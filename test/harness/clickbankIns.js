// ClickBank INS notifications for the end-to-end tests. They are encrypted with the openssl command
// line, an implementation of ClickBank's documented scheme independent of the trigger's own code:
// key = the first 32 hex characters of SHA-1(secret key) as ASCII, AES-256-CBC, PKCS#7, base64.
const { createHash } = require('node:crypto');
const { execFileSync } = require('node:child_process');

/** The request body ClickBank posts: `{"notification", "iv"}`. The IV follows from the content. */
function insBody(notification, secretKey) {
	const plainText = JSON.stringify(notification);
	const sha1 = execFileSync('openssl', ['dgst', '-sha1', '-r'], { input: secretKey })
		.toString()
		.slice(0, 32);
	const keyHex = Buffer.from(sha1, 'ascii').toString('hex');
	const ivHex = createHash('md5').update(`${secretKey}:${plainText}`).digest('hex');
	const encrypted = execFileSync(
		'openssl',
		['enc', '-aes-256-cbc', '-K', keyHex, '-iv', ivHex, '-base64', '-A'],
		{ input: plainText },
	)
		.toString()
		.trim();
	return JSON.stringify({
		notification: encrypted,
		iv: Buffer.from(ivHex, 'hex').toString('base64'),
	});
}

/** A SALE shaped like ClickBank's INS samples (version 8.0); made-up buyer, example.com email. */
function saleNotification(overrides = {}) {
	return {
		transactionTime: '20261126T101530-0800',
		receipt: 'E2ESALE1',
		transactionType: 'SALE',
		vendor: 'acmevendor',
		affiliate: 'pinaffiliate',
		role: 'VENDOR',
		totalAccountAmount: 21.45,
		paymentMethod: 'VISA',
		totalOrderAmount: 49.95,
		totalTaxAmount: 2.5,
		totalShippingAmount: 0,
		currency: 'USD',
		orderLanguage: 'EN',
		trackingCodes: ['pin_spring_01'],
		lineItems: [
			{
				itemNo: '1',
				productTitle: 'Garden Planner',
				shippable: false,
				recurring: false,
				accountAmount: 21.45,
				quantity: 1,
				lineItemType: 'ORIGINAL',
				productPrice: 47.45,
				productDiscount: 0,
				affiliatePayout: 23.72,
				taxAmount: 2.5,
				shippingAmount: 0,
			},
		],
		customer: {
			billing: { firstName: 'Test', lastName: 'Buyer', email: 'e2e-buyer@example.com' },
		},
		version: 8.0,
		attemptCount: 1,
		vendorVariables: { traffic_source: 'pinterest', campaign_id: '626736533506' },
		...overrides,
	};
}

module.exports = { insBody, saleNotification };
