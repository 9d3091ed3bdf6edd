import { createCipheriv, createHash } from 'node:crypto';

/**
 * ClickBank's documented INS scheme, written here from ClickBank's PHP sample and not from the
 * node's code, to produce the vectors the node must decrypt:
 * openssl_encrypt($json, 'AES-256-CBC', substr(sha1($secretKey), 0, 32), OPENSSL_RAW_DATA, $iv).
 */
export function encryptLikeClickBank(plainText: string, secretKey: string, iv: Buffer): Buffer {
	const sha1Hex = createHash('sha1').update(Buffer.from(secretKey, 'latin1')).digest('hex');
	const key = Buffer.from(sha1Hex.substring(0, 32), 'latin1');
	const cipher = createCipheriv('aes-256-cbc', key, iv);
	return Buffer.concat([cipher.update(Buffer.from(plainText, 'utf8')), cipher.final()]);
}

/** The request body ClickBank posts: `{"notification": <base64>, "iv": <base64>}`. */
export function insBody(plainText: string, secretKey: string, iv = FIXED_IV): Buffer {
	const notification = encryptLikeClickBank(plainText, secretKey, iv).toString('base64');
	return Buffer.from(JSON.stringify({ notification, iv: iv.toString('base64') }));
}

export const FIXED_IV = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
export const SECRET_KEY = 'MYSECRETKEY2026';
