import { createDecipheriv, createHash } from 'crypto';

import { KEY_HEX_CHARACTERS } from './insProtocol';
import type { Envelope } from './envelope';
import { ok, reject, type Step } from './outcome';

const WRONG_KEY_OR_ALTERED =
	'Notification could not be decrypted: the secret key in the credential differs from the one in ClickBank, or the notification was altered';

/**
 * The AES-256 key ClickBank's own sample code uses: the first 32 characters of the lowercase hex
 * SHA-1 of the secret key, as ASCII bytes.
 */
export function insKey(secretKey: string): Buffer {
	const hex = createHash('sha1').update(secretKey, 'utf8').digest('hex');
	return Buffer.from(hex.slice(0, KEY_HEX_CHARACTERS), 'ascii');
}

/**
 * Drops control characters and spaces at both ends, as ClickBank's sample does with the PHP
 * `trim($text, "\0..\32")`: some senders pad with NUL bytes besides PKCS#7.
 */
function trimControlCharacters(text: string): string {
	let start = 0;
	let end = text.length;
	while (start < end && text.charCodeAt(start) <= 0x20) start++;
	while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
	return text.slice(start, end);
}

/**
 * AES-256-CBC with PKCS#7 padding, then UTF-8. CBC carries no authentication tag: a wrong key or
 * altered bytes show up as bad padding, invalid UTF-8 or text that is not JSON, all of which
 * are refused here or by the parser.
 */
export function decryptNotification(envelope: Envelope, secretKey: string): Step<string> {
	let plain: Buffer;
	try {
		const decipher = createDecipheriv('aes-256-cbc', insKey(secretKey), envelope.iv);
		plain = Buffer.concat([decipher.update(envelope.ciphertext), decipher.final()]);
	} catch {
		return reject(403, WRONG_KEY_OR_ALTERED);
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(plain);
	} catch {
		return reject(403, WRONG_KEY_OR_ALTERED);
	}
	return ok(trimControlCharacters(text));
}

/** The decrypted text as a JSON object; anything else means a wrong key or an altered message. */
export function parseNotification(text: string): Step<Record<string, unknown>> {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return reject(403, WRONG_KEY_OR_ALTERED);
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		return reject(400, 'Decrypted notification is not a JSON object');
	}
	const { transactionType } = parsed as Record<string, unknown>;
	if (typeof transactionType !== 'string' || transactionType.trim() === '') {
		return reject(400, 'Decrypted notification has no transactionType');
	}
	return ok(parsed as Record<string, unknown>);
}
