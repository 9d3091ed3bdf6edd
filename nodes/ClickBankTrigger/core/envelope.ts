import { AES_BLOCK_BYTES, MAX_BODY_BYTES } from './insProtocol';
import { ok, reject, type Step } from './outcome';

/** The two parts of an INS v6+ request body: `{"notification": <base64>, "iv": <base64>}`. */
export interface Envelope {
	ciphertext: Buffer;
	iv: Buffer;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Strict base64: Buffer.from(text, 'base64') silently skips characters it does not know, so a
 * mangled value would decode to something shorter instead of being refused. Line breaks (MIME
 * encoders wrap at 76 characters) are tolerated.
 */
function decodeBase64(text: string): Buffer | undefined {
	const compact = text.replace(/\s+/g, '');
	if (!BASE64.test(compact)) return undefined;
	return Buffer.from(compact, 'base64');
}

/** Reads the request body into ciphertext and IV, or says why it cannot be a notification. */
export function readEnvelope(body: Buffer | undefined): Step<Envelope> {
	if (!body || body.length === 0) {
		return reject(400, 'Empty request: ClickBank INS posts {"notification": ..., "iv": ...}');
	}
	if (body.length > MAX_BODY_BYTES) {
		return reject(
			413,
			`Request too large: over ${MAX_BODY_BYTES} bytes is not an INS notification`,
		);
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(body.toString('utf8'));
	} catch {
		return reject(400, 'Request body is not JSON: ClickBank INS v6 and later post JSON');
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		return reject(400, 'Request body is not a JSON object with "notification" and "iv"');
	}
	const { notification, iv } = parsed as Record<string, unknown>;
	if (typeof notification !== 'string' || typeof iv !== 'string') {
		return reject(
			400,
			'Request body lacks "notification" or "iv": set the INS version to 8.0 in ClickBank',
		);
	}
	const ciphertext = decodeBase64(notification);
	const ivBytes = decodeBase64(iv);
	if (!ciphertext || !ivBytes) {
		return reject(400, '"notification" or "iv" is not valid base64');
	}
	if (ivBytes.length !== AES_BLOCK_BYTES) {
		return reject(400, `"iv" must decode to ${AES_BLOCK_BYTES} bytes`);
	}
	if (ciphertext.length === 0 || ciphertext.length % AES_BLOCK_BYTES !== 0) {
		return reject(400, `"notification" must decode to whole ${AES_BLOCK_BYTES}-byte AES blocks`);
	}
	return ok({ ciphertext, iv: ivBytes });
}
