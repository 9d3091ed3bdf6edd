/**
 * Limits and names of ClickBank's Instant Notification Service (INS), version 8.0.
 * Docs: https://support.clickbank.com/hc/en-us/articles/220376507-Instant-Notification-Service-INS
 */

/**
 * Largest request body read, in bytes. A notification with dozens of line items stays well under
 * 64 KiB; n8n itself accepts up to 16 MB, far more than an unauthenticated endpoint should
 * base64-decode and decrypt before it knows the sender holds the secret key.
 */
export const MAX_BODY_BYTES = 256 * 1024;

/** AES block and IV size, in bytes (AES-256-CBC). */
export const AES_BLOCK_BYTES = 16;

/**
 * ClickBank's sample code keys AES-256 with the first 32 characters of the hex SHA-1 of the secret
 * key, taken as 32 ASCII bytes (not the 20 raw digest bytes).
 */
export const KEY_HEX_CHARACTERS = 32;

/**
 * Secret keys are set in ClickBank under Vendor Settings → My Site → Advanced Tools: at most 16
 * uppercase letters and digits.
 */
export const SECRET_KEY_PATTERN = /^[A-Z0-9]{1,16}$/;

/**
 * The transaction types INS sends. Initial sales are SALE, each later payment of a subscription
 * BILL; RFND (refund), CGBK (chargeback) and INSF (insufficient funds) take money back; TEST* are
 * sent by the "Test" button and test purchases; ABANDONED_ORDER needs Cart Abandonment enabled.
 */
export const TRANSACTION_TYPES = [
	'SALE',
	'BILL',
	'RFND',
	'CGBK',
	'INSF',
	'CANCEL-REBILL',
	'UNCANCEL-REBILL',
	'ABANDONED_ORDER',
	'TEST',
	'TEST_SALE',
	'TEST_BILL',
	'TEST_RFND',
	'CANCEL-TEST-REBILL',
] as const;
