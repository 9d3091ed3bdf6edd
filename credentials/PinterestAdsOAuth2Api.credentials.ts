import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { BASE_URL_EXPRESSION, environmentProperties } from '../shared/environment';

/**
 * Pinterest login for the Ads API (spend reports and conversions), OAuth 2.0 authorization code.
 * n8n refreshes the access token when Pinterest answers 401, and stores the refresh token Pinterest
 * rotates on every refresh (https://developers.pinterest.com/docs/getting-started/set-up-authentication-and-authorization/).
 */
export class PinterestAdsOAuth2Api implements ICredentialType {
	name = 'pinterestAdsOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Pinterest Ads OAuth2 API';

	icon: Icon = { light: 'file:../icons/pinterest.svg', dark: 'file:../icons/pinterest.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-pinterest-ads/n8n-nodes-pinterest-ads#pinterest-ads-oauth2-api';

	properties: INodeProperties[] = [
		...environmentProperties,
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			// The consent screen is on pinterest.com whatever API environment the token is used with.
			default: 'https://www.pinterest.com/oauth/',
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			// Follows the environment, so a token refresh for a sandbox or custom base URL goes there too.
			default: `={{ (${BASE_URL_EXPRESSION}) + "/oauth/token" }}`,
			required: true,
		},
		{
			displayName: 'Access',
			name: 'access',
			type: 'options',
			default: 'spendAndConversions',
			description:
				'What this login may do. Read-only is enough for spend reports; sending conversions with this credential needs ads:write. Reconnect after changing it.',
			options: [
				{
					name: 'Spend and Conversions',
					value: 'spendAndConversions',
					description: 'Scopes ads:read, ads:write, user_accounts:read',
				},
				{
					name: 'Spend Only (Read-Only)',
					value: 'spendOnly',
					description: 'Scopes ads:read, user_accounts:read',
				},
			],
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			// ads:read for spend, ads:write for conversions, user_accounts:read for the account name.
			default:
				'={{ $self["access"] === "spendOnly" ? "ads:read,user_accounts:read" : "ads:read,ads:write,user_accounts:read" }}',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			// Pinterest's token endpoint expects the client id and secret as HTTP Basic auth.
			default: 'header',
		},
	];
}
