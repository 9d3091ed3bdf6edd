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

/** The API base URL (ending in /v5, no trailing slash) a credential's environment settings select. */
export function resolveBaseUrl(settings: PinterestEnvironmentSettings): string {
	if (settings.environment === 'custom') {
		return (settings.customBaseUrl ?? '').trim().replace(/\/+$/, '');
	}
	return PINTEREST_BASE_URLS[settings.environment === 'sandbox' ? 'sandbox' : 'production'];
}

/**
 * The same base-URL resolution as an n8n expression over the credential's own fields, for the
 * places n8n evaluates itself (the OAuth token URL and credential tests).
 */
export const BASE_URL_EXPRESSION =
	'$self["environment"] === "custom" ? String($self["customBaseUrl"]).trim().replace(/\\/+$/, "") : ' +
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
			'The base URL that replaces https://api.pinterest.com/v5, including the version path',
		displayOptions: { show: { environment: ['custom'] } },
		required: true,
	},
];
