import { SECRET_KEY_PATTERN } from './constants';

/**
 * What is wrong with a secret key, or undefined when it has the form ClickBank requires. Only the
 * form can be checked: ClickBank has no endpoint that verifies a key.
 */
export function secretKeyProblem(secretKey: unknown): string | undefined {
	if (typeof secretKey !== 'string' || secretKey.trim() === '') return 'The secret key is empty';
	if (!SECRET_KEY_PATTERN.test(secretKey.trim())) {
		return 'ClickBank secret keys are 1 to 16 uppercase letters and digits: copy it again from Vendor Settings → My Site';
	}
	return undefined;
}
