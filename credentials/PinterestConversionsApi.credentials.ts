import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { BASE_URL_EXPRESSION, environmentProperties } from '../shared/environment';

/**
 * Pinterest's sandbox has the events endpoint disabled (`x-sandbox: disabled` on events/create), so this credential
 * offers Production and Custom only; Test Mode in the node is how to try events without recording them.
 */
const conversionEnvironmentProperties: INodeProperties[] = environmentProperties.map((property) =>
	property.name === 'environment'
		? {
				...property,
				options: property.options?.filter(
					(option) => 'value' in option && option.value !== 'sandbox',
				),
			}
		: property,
);

/**
 * The conversion access token Pinterest Ads Manager generates under Conversions → Set up API.
 * It only works for POST /ad_accounts/{id}/events, so the connection test sends one test event
 * (`test=true`: validated by Pinterest, never recorded).
 */
export class PinterestConversionsApi implements ICredentialType {
	name = 'pinterestConversionsApi';

	displayName = 'Pinterest Conversions API';

	icon: Icon = { light: 'file:../icons/pinterest.svg', dark: 'file:../icons/pinterest.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-pinterest-ads/n8n-nodes-pinterest-ads#pinterest-conversions-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Conversion Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Generated in Pinterest Ads Manager: Conversions → Set up API → Generate new token',
		},
		{
			displayName: 'Ad Account ID',
			name: 'adAccountId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '549755885175',
			description:
				'Shown next to the token in Ads Manager. Used to test the connection and as the default ad account of the node.',
		},
		...conversionEnvironmentProperties,
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			baseURL: `={{ ${BASE_URL_EXPRESSION.replace(/\$self/g, '$credentials')} }}`,
			url: '=/ad_accounts/{{ String($credentials.adAccountId).trim() }}/events',
			qs: { test: true },
			headers: { 'Content-Type': 'application/json' },
			// n8n would follow a redirect with the token, even to another host (as the nodes' requests never do:
			// shared/transport/client.ts). n8n copies every key of this request into its request options.
			disableFollowRedirect: true,
			body: {
				data: [
					{
						event_name: 'page_visit',
						action_source: 'web',
						event_time: '={{ Math.floor(Date.now() / 1000) }}',
						event_id: 'n8n-connection-test',
						user_data: {
							// Documentation addresses (RFC 5737) and a plain browser string: no real person.
							client_ip_address: '203.0.113.10',
							client_user_agent:
								'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36',
						},
					},
				],
			},
		},
	};
}
