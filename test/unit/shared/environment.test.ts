import { resolveBaseUrl } from '../../../nodes/shared/environment';

describe('resolveBaseUrl', () => {
	it('maps each environment to its API base', () => {
		expect(resolveBaseUrl({})).toBe('https://api.pinterest.com/v5');
		expect(resolveBaseUrl({ environment: 'production' })).toBe('https://api.pinterest.com/v5');
		expect(resolveBaseUrl({ environment: 'sandbox' })).toBe('https://api-sandbox.pinterest.com/v5');
	});

	it('uses the custom base URL without trailing slashes', () => {
		expect(
			resolveBaseUrl({ environment: 'custom', customBaseUrl: ' http://127.0.0.1:4010/v5// ' }),
		).toBe('http://127.0.0.1:4010/v5');
	});
});
