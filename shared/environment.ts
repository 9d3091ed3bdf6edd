import type { INodeProperties } from 'n8n-workflow';

/** Where the Pinterest API v5 lives for each environment a credential can point at. */
export const PINTEREST_BASE_URLS = {
	// https://developers.pinterest.com/docs/api/v5/ (spec servers[0])
	production: 'https://api.pinterest.com/v5',
	// https://developers.pinterest.com/docs/developer-tools/sandbox/
	sandbox: 'https://api-sandbox.pinterest.com/v5',
} as const;

export type PinterestEnvironment = keyof typeof PINTEREST_BASE_URLS | 'custom';

export interface PinterestEnvironmentSettings {
	environment?: PinterestEnvironment;
	customBaseUrl?: string;
}

/**
 * Tokens (and, on refresh, the OAuth client secret) go to the custom base URL, so it must be
 * https, or plain http to this machine only (a local proxy or test server). The host part (up to the first
 * `/`, `\`, `?` or `#`, as URL parsers end it) may not hold an `@`: see USER_INFO.
 */
const SAFE_CUSTOM_URL =
	/^(https:\/\/[^/\\?#@\s]+|http:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?)([/\\?#]|$)/i;

/**
 * A user name or password before the host (`https://api.pinterest.com@evil.example/v5`): the host is what follows
 * the `@`, so a URL that reads as Pinterest's would send the tokens elsewhere.
 */
const USER_INFO = /^[a-z][a-z0-9+.-]*:\/\/[^/\\?#]*@/i;

/** Where n8n's own requests (token URL, credential test) go when the custom URL is refused. */
export const REFUSED_CUSTOM_URL = 'https://custom-base-url-must-use-https.invalid';

export const CUSTOM_URL_RULE =
	'The Custom Base URL must start with https:// (plain http:// only for localhost, 127.x.x.x or [::1]), because your tokens are sent to it';

/** Names no part of the URL: the user info may be a password. */
export const CUSTOM_URL_USER_INFO_RULE =
	'The Custom Base URL must not contain a user name or password before an @ (like https://api.pinterest.com@proxy.example/v5): the host after the @ would receive your tokens. Give the address alone, such as https://pinterest-proxy.example.com/v5';

/** The API base URL (ending in /v5, no trailing slash) a credential's environment settings select. */
export function resolveBaseUrl(settings: PinterestEnvironmentSettings): string {
	if (settings.environment === 'custom') {
		const url = (settings.customBaseUrl ?? '').trim().replace(/\/+$/, '');
		if (USER_INFO.test(url))
			throw new Error(`${CUSTOM_URL_USER_INFO_RULE}. Fix it in the credential.`);
		if (!SAFE_CUSTOM_URL.test(url))
			throw new Error(`${CUSTOM_URL_RULE}. Fix it in the credential.`);
		return url;
	}
	return PINTEREST_BASE_URLS[settings.environment === 'sandbox' ? 'sandbox' : 'production'];
}

/**
 * The same base-URL resolution as an n8n expression over the credential's own fields, for the
 * places n8n evaluates itself (the OAuth token URL and credential tests). A refused custom URL
 * becomes a host that cannot resolve, so n8n sends nothing anywhere and its error names the rule.
 */
export const BASE_URL_EXPRESSION =
	'$self["environment"] === "custom" ? ' +
	`(${SAFE_CUSTOM_URL.toString()}.test(String($self["customBaseUrl"]).trim()) ? String($self["customBaseUrl"]).trim().replace(/\\/+$/, "") : "${REFUSED_CUSTOM_URL}") : ` +
	`($self["environment"] === "sandbox" ? "${PINTEREST_BASE_URLS.sandbox}" : "${PINTEREST_BASE_URLS.production}")`;

/** Environment fields shared by both Pinterest credentials. */
export const environmentProperties: INodeProperties[] = [
	{
		displayName: 'Environment',
		name: 'environment',
		type: 'options',
		default: 'production',
		options: [
			{
				name: 'Production',
				value: 'production',
				description: PINTEREST_BASE_URLS.production,
			},
			{
				name: 'Sandbox',
				value: 'sandbox',
				description: `${PINTEREST_BASE_URLS.sandbox} (needs a sandbox token; no spend or conversions)`,
			},
			{
				name: 'Custom',
				value: 'custom',
				description: 'Another base URL, such as a proxy in front of the Pinterest API',
			},
		],
	},
	{
		displayName: 'Custom Base URL',
		name: 'customBaseUrl',
		type: 'string',
		default: '',
		placeholder: 'https://pinterest-proxy.example.com/v5',
		description:
			'The base URL that replaces https://api.pinterest.com/v5, including the version path. Your access token (and for OAuth the client secret and refresh token) are sent to this host: use https:// (plain http:// only for localhost).',
		displayOptions: { show: { environment: ['custom'] } },
		required: true,
	},
];
