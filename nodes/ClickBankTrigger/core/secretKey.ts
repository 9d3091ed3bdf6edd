import { SECRET_KEY_PATTERN } from './insProtocol';

/** The credential's secret key as the trigger decrypts with it, or what is wrong with it. */
export type SecretKeyReading = { ok: true; key: string } | { ok: false; problem: string };

const REFUSES_ALL = 'so the ClickBank Trigger refuses every notification until it is fixed';

/**
 * The one rule for a secret key, used by the credential test and by every request: 1 to 16 uppercase letters
 * and digits once the spaces a paste may add at either end are trimmed. Only the form can be checked, since
 * ClickBank has no endpoint that verifies a key. A key that breaks the rule is never used: a blank one would
 * make the AES key SHA-1(""), which anyone can encrypt a forged sale with.
 */
export function readSecretKey(secretKey: unknown): SecretKeyReading {
	const key = typeof secretKey === 'string' ? secretKey.trim() : '';
	if (key === '') {
		return {
			ok: false,
			problem: `The secret key is empty or only spaces, ${REFUSES_ALL}: copy it from Vendor Settings → My Site → Advanced Tools`,
		};
	}
	if (!SECRET_KEY_PATTERN.test(key)) {
		return {
			ok: false,
			problem: `ClickBank secret keys are 1 to 16 uppercase letters and digits, ${REFUSES_ALL}: copy it again from Vendor Settings → My Site`,
		};
	}
	return { ok: true, key };
}
