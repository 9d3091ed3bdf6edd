/**
 * Where the tracking parameters of the affiliate link (`traffic_source=pinterest`, campaign, ad…)
 * reach an INS notification. What public sources show (details in docs/clickbank.md):
 *
 * - `trackingCodes` (INS 6.0+): array of the affiliate's tracking IDs, the `tid` of the HopLink
 *   (lowercase letters, digits and underscores, up to 100 characters, so never `key=value` pairs).
 * - `vendorVariables` (INS 6.0+): object of the seller's pass-through variables (the samples show
 *   `{"v1": "variable1"}`); a seller who passes `traffic_source` along to the order form gets it here.
 * - Affiliate Tracking Parameters (ClickBank, June 2024: traffic source, traffic type, campaign,
 *   ad group, ad, creative… plus an `extclid` click id ClickBank adds) are delivered to INS only
 *   from version 8.0 on. No public INS 8.0 sample shows their JSON keys, so they are looked for as
 *   top-level fields with those names, and inside a top-level object whose name says it holds
 *   tracking parameters, in camelCase or snake_case alike.
 *
 * Keys are normalised to lower snake_case (`trafficSource`, `TRAFFIC_SOURCE` → `traffic_source`) so a
 * workflow reads `trackingParameters.traffic_source` however the source spelled it. Later sources
 * win: tid < vendorVariables < affiliate tracking parameters.
 */

/** Top-level objects that may hold the affiliate tracking parameters (normalised names). */
const TRACKING_OBJECTS = [
	'tracking_parameters',
	'affiliate_tracking_parameters',
	'tracking_params',
	'affiliate_parameters',
	'extra_information',
];

/** HopLink parameters recognised when they arrive as top-level fields (normalised names). */
const HOPLINK_PARAMETERS = [
	'tid',
	'extclid',
	'traffic_source',
	'traffic_type',
	'campaign',
	'campaign_id',
	'adgroup',
	'ad_group',
	'ad_group_id',
	'ad',
	'ad_id',
	'creative',
	'keyword',
	'placement',
	'sub_source',
	'utm_source',
	'utm_medium',
	'utm_campaign',
	'utm_content',
	'utm_term',
];

/** `trafficSource`, `Traffic-Source`, `TRAFFIC_SOURCE` → `traffic_source`. */
export function snakeCase(key: string): string {
	return key
		.trim()
		.replace(/([a-z0-9])([A-Z])/g, '$1_$2')
		.replace(/[\s.-]+/g, '_')
		.toLowerCase();
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalarText(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return undefined;
}

function copyScalars(from: Record<string, unknown>, into: Record<string, string>): void {
	for (const [key, value] of Object.entries(from)) {
		const text = scalarText(value);
		if (text !== undefined && key.trim() !== '') into[snakeCase(key)] = text;
	}
}

/** The tracking parameters of the affiliate link, as one flat map of strings. */
export function trackingParameters(notification: Record<string, unknown>): Record<string, string> {
	const parameters: Record<string, string> = {};
	const codes = notification.trackingCodes;
	const firstCode = Array.isArray(codes) ? codes.map(scalarText).find(Boolean) : undefined;
	if (firstCode) parameters.tid = firstCode;

	if (isRecord(notification.vendorVariables)) copyScalars(notification.vendorVariables, parameters);

	for (const [key, value] of Object.entries(notification)) {
		const name = snakeCase(key);
		if (TRACKING_OBJECTS.includes(name) && isRecord(value)) copyScalars(value, parameters);
		else if (HOPLINK_PARAMETERS.includes(name)) {
			const text = scalarText(value);
			if (text !== undefined) parameters[name] = text;
		}
	}
	return parameters;
}
