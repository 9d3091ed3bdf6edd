import { PinterestConversionsApi } from '../../../credentials/PinterestConversionsApi.credentials';
import { PinterestAdsOAuth2Api } from '../../../credentials/PinterestAdsOAuth2Api.credentials';

const environments = (properties: Array<{ name: string; options?: unknown[] }>) =>
	(properties.find((p) => p.name === 'environment')?.options as Array<{ value: string }>).map(
		(option) => option.value,
	);

describe('credential environments', () => {
	it("the conversion token offers no Sandbox: Pinterest's sandbox has the events endpoint disabled", () => {
		expect(environments(new PinterestConversionsApi().properties)).toEqual([
			'production',
			'custom',
		]);
	});

	it('the OAuth2 credential (ad spend) keeps its Sandbox', () => {
		expect(environments(new PinterestAdsOAuth2Api().properties)).toEqual([
			'production',
			'sandbox',
			'custom',
		]);
	});
});
