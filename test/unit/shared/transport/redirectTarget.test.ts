import { redirectTarget } from '../../../../shared/transport/client';

describe('redirectTarget', () => {
	const from = 'https://proxy.example/v5/ad_accounts/1?token=secret';

	it('names the host and port only, never the path or query (a pre-signed link is a credential)', () => {
		expect(redirectTarget('http://127.0.0.1:4567/v5/ad_accounts?x-amz-signature=abc', from)).toBe(
			'127.0.0.1:4567',
		);
		expect(redirectTarget('https://evil.example/collect', from)).toBe('evil.example');
	});

	it('resolves a relative Location against the request', () => {
		expect(redirectTarget('/elsewhere', from)).toBe('proxy.example');
		expect(redirectTarget('//other.example:8443/v5', from)).toBe('other.example:8443');
	});

	it.each([
		[undefined, 'no address (no Location header)'],
		['  ', 'no address (no Location header)'],
		['http://[bad', 'an address that is not a URL'],
		['mailto:someone@example.com', 'an address without a host'],
	])('says so when the Location is %j', (location, said) => {
		expect(redirectTarget(location, from)).toBe(said);
	});
});
