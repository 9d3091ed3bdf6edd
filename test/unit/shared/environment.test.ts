import { resolveBaseUrl } from '../../../shared/environment';

// The same rule as an n8n expression (BASE_URL_EXPRESSION) is evaluated by n8n itself in
// test/e2e/credentialSafety.e2e.test.js.

const refusal =
	'The Custom Base URL must start with https:// (plain http:// only for localhost, 127.x.x.x or [::1]), because your tokens are sent to it. Fix it in the credential.';

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

	it.each([
		['https://pinterest-proxy.example.com/v5', 'https://pinterest-proxy.example.com/v5'],
		['HTTPS://Proxy.Example.com/v5/', 'HTTPS://Proxy.Example.com/v5'],
		['http://localhost:8080/v5', 'http://localhost:8080/v5'],
		['http://127.5.6.7/v5', 'http://127.5.6.7/v5'],
		['http://[::1]:4010/v5', 'http://[::1]:4010/v5'],
	])('accepts %s (https, or http to this machine)', (custom, expected) => {
		expect(resolveBaseUrl({ environment: 'custom', customBaseUrl: custom })).toBe(expected);
	});

	it.each([
		'http://pinterest-proxy.example.com/v5',
		'http://localhost.example.com/v5',
		'http://127.0.0.1.example.com/v5',
		'http://10.0.0.5:8080/v5',
		'ftp://127.0.0.1/v5',
		'api.pinterest.com/v5',
		'https:///v5',
		'',
	])('refuses %j before any token is sent there', (custom) => {
		expect(() => resolveBaseUrl({ environment: 'custom', customBaseUrl: custom })).toThrow(refusal);
	});

	it.each([
		'https://api.pinterest.com@evil.example/v5',
		'http://user@127.0.0.1/v5',
		'https://user:password@pinterest-proxy.example.com/v5',
		'HTTPS://@proxy.example/v5',
	])('refuses %j, naming the user info but not showing it', (custom) => {
		expect(() => resolveBaseUrl({ environment: 'custom', customBaseUrl: custom })).toThrow(
			new Error(
				'The Custom Base URL must not contain a user name or password before an @ (like https://api.pinterest.com@proxy.example/v5): the host after the @ would receive your tokens. Give the address alone, such as https://pinterest-proxy.example.com/v5. Fix it in the credential.',
			),
		);
	});

	it('accepts an @ after the host (in the path or query)', () => {
		expect(
			resolveBaseUrl({ environment: 'custom', customBaseUrl: 'https://proxy.example/v5?team=a@b' }),
		).toBe('https://proxy.example/v5?team=a@b');
	});
});
