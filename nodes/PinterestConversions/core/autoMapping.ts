import type { ConversionEventInput } from './input';
import type { CustomDataInput } from './customData';
import type { UserDataInput } from './userData';

type EventKey = Exclude<
	keyof ConversionEventInput,
	'userData' | 'customData' | 'eventTimeEmptyMeansNow'
>;

/**
 * "Map Automatically": the item field names read for each input, first match wins. Pinterest's own names come
 * first, then the names shop and affiliate-network exports use. The alias table in docs/conversions.md is this table.
 */
export const EVENT_ALIASES: ReadonlyArray<[EventKey, readonly string[]]> = [
	['eventName', ['event_name', 'eventName']],
	['eventId', ['event_id', 'eventId', 'order_id', 'orderId', 'transaction_id', 'transactionId']],
	['eventTime', ['event_time', 'eventTime', 'timestamp', 'time', 'created_at', 'createdAt']],
	['actionSource', ['action_source', 'actionSource']],
	['eventSourceUrl', ['event_source_url', 'eventSourceUrl', 'page_url', 'pageUrl', 'url']],
	['optOut', ['opt_out', 'optOut']],
	['language', ['language', 'lang', 'locale']],
	['wifi', ['wifi', 'on_wifi', 'onWifi']],
];

export const USER_DATA_ALIASES: ReadonlyArray<[keyof UserDataInput, readonly string[]]> = [
	['email', ['em', 'email', 'email_address', 'emailAddress']],
	['phone', ['ph', 'phone', 'phone_number', 'phoneNumber']],
	['firstName', ['fn', 'first_name', 'firstName']],
	['lastName', ['ln', 'last_name', 'lastName']],
	['gender', ['ge', 'gender']],
	['dateOfBirth', ['db', 'date_of_birth', 'dateOfBirth', 'birthday', 'dob']],
	['city', ['ct', 'city']],
	['state', ['st', 'state', 'region', 'province']],
	['zip', ['zp', 'zip', 'zip_code', 'zipCode', 'postal_code', 'postalCode', 'postcode']],
	['country', ['country', 'country_code', 'countryCode']],
	['externalId', ['external_id', 'externalId', 'customer_id', 'customerId']],
	['mobileAdId', ['hashed_maids', 'mobile_ad_id', 'mobileAdId', 'maid', 'idfa', 'gaid']],
	['clientIpAddress', ['client_ip_address', 'clientIpAddress', 'ip', 'ip_address', 'ipAddress']],
	['clientUserAgent', ['client_user_agent', 'clientUserAgent', 'user_agent', 'userAgent', 'ua']],
	['clickId', ['click_id', 'clickId', 'epik']],
	['partnerId', ['partner_id', 'partnerId']],
];

export const CUSTOM_DATA_ALIASES: ReadonlyArray<[keyof CustomDataInput, readonly string[]]> = [
	['value', ['value', 'amount', 'revenue', 'total']],
	['currency', ['currency', 'currency_code', 'currencyCode']],
	['orderId', ['order_id', 'orderId', 'transaction_id', 'transactionId']],
	['contentIds', ['content_ids', 'contentIds', 'product_ids', 'productIds']],
	['contents', ['contents', 'line_items', 'lineItems']],
	['numItems', ['num_items', 'numItems']],
	['searchString', ['search_string', 'searchString']],
	['contentName', ['content_name', 'contentName']],
	['contentCategory', ['content_category', 'contentCategory']],
	['contentBrand', ['content_brand', 'contentBrand']],
	['optOutType', ['opt_out_type', 'optOutType']],
	['predictedLtv', ['predicted_ltv', 'predictedLtv', 'ltv']],
];

/** Where the ad account may come from on an item. */
export const AD_ACCOUNT_ALIASES = ['ad_account_id', 'adAccountId'] as const;

function asObject(value: unknown): Record<string, unknown> | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}

type Section = 'event' | 'userData' | 'customData' | 'adAccount';

/** alias → where it goes and its rank in its list (lower wins), so an item is read in one pass over its own keys. */
const ALIAS_INDEX: ReadonlyMap<
	string,
	Array<{ section: Section; key: string; rank: number }>
> = (() => {
	const index = new Map<string, Array<{ section: Section; key: string; rank: number }>>();
	const add = (section: Section, key: string, names: readonly string[]) =>
		names.forEach((name, rank) => {
			const targets = index.get(name) ?? [];
			targets.push({ section, key, rank });
			index.set(name, targets);
		});
	for (const [key, names] of EVENT_ALIASES) add('event', key, names);
	for (const [key, names] of USER_DATA_ALIASES) add('userData', key, names);
	for (const [key, names] of CUSTOM_DATA_ALIASES) add('customData', key, names);
	add('adAccount', 'adAccount', AD_ACCOUNT_ALIASES);
	return index;
})();

interface Picked {
	values: Record<Section, Record<string, unknown>>;
	ranks: Map<string, number>;
}

/** Takes the item's known fields; `sections` limits a nested object to its own part (user_data → userData). */
function collect(source: Record<string, unknown>, picked: Picked, sections?: Section[]) {
	for (const name of Object.keys(source)) {
		const targets = ALIAS_INDEX.get(name);
		if (targets === undefined) continue;
		const value = source[name];
		if (value === undefined || value === null || value === '') continue;
		for (const { section, key, rank } of targets) {
			if (sections && !sections.includes(section)) continue;
			const slot = `${section}.${key}`;
			const taken = picked.ranks.get(slot);
			if (taken !== undefined && taken <= rank) continue;
			picked.ranks.set(slot, rank);
			picked.values[section][key] = value;
		}
	}
}

/**
 * Reads one item by the alias tables: top-level fields first, then a nested `user_data` / `custom_data` object (an
 * item already in Pinterest's shape). Event name, action source and ad account fall back to the node's fields.
 */
export function mapItemAutomatically(
	json: Record<string, unknown>,
	defaults: { eventName: unknown; actionSource: unknown },
): { input: ConversionEventInput; adAccountId: unknown } {
	const picked: Picked = {
		values: { event: {}, userData: {}, customData: {}, adAccount: {} },
		ranks: new Map(),
	};
	collect(json, picked);
	// Top-level fields win over the nested objects: nested ones only fill what is still missing.
	const topLevel = new Set(picked.ranks.keys());
	const nested = (object: Record<string, unknown> | undefined, section: Section) => {
		if (!object) return;
		const inner: Picked = {
			values: { event: {}, userData: {}, customData: {}, adAccount: {} },
			ranks: new Map(),
		};
		collect(object, inner, [section]);
		for (const [key, value] of Object.entries(inner.values[section])) {
			if (!topLevel.has(`${section}.${key}`)) picked.values[section][key] = value;
		}
	};
	nested(asObject(json.user_data) ?? asObject(json.userData), 'userData');
	nested(asObject(json.custom_data) ?? asObject(json.customData), 'customData');
	const event = picked.values.event as Partial<ConversionEventInput>;
	const input: ConversionEventInput = {
		...event,
		eventName: event.eventName ?? defaults.eventName,
		actionSource: event.actionSource ?? defaults.actionSource,
		userData: picked.values.userData as UserDataInput,
		customData: picked.values.customData as CustomDataInput,
	};
	return { input, adAccountId: picked.values.adAccount.adAccount };
}
