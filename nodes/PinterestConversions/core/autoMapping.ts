import type { ConversionEventInput, CustomDataInput, UserDataInput } from './types';

type EventKey = Exclude<
	keyof ConversionEventInput,
	'userData' | 'customData' | 'eventTimeEmptyMeansNow'
>;

/**
 * "Map Automatically": the item field names read for each input, first match wins. Pinterest's own names come
 * first, then the names shop and affiliate-network exports use. The README's alias table is this table.
 */
export const EVENT_ALIASES: ReadonlyArray<[EventKey, readonly string[]]> = [
	['eventName', ['event_name', 'eventName']],
	['eventId', ['event_id', 'eventId', 'order_id', 'orderId', 'transaction_id', 'transactionId']],
	['eventTime', ['event_time', 'eventTime', 'timestamp', 'time', 'created_at', 'createdAt']],
	['actionSource', ['action_source', 'actionSource']],
	['eventSourceUrl', ['event_source_url', 'eventSourceUrl', 'page_url', 'pageUrl', 'url']],
	['optOut', ['opt_out', 'optOut']],
	['language', ['language', 'lang', 'locale']],
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
];

/** Where the ad account may come from on an item. */
export const AD_ACCOUNT_ALIASES = ['ad_account_id', 'adAccountId'] as const;

function asObject(value: unknown): Record<string, unknown> | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}

function firstOf(sources: Array<Record<string, unknown>>, names: readonly string[]): unknown {
	for (const source of sources) {
		for (const name of names) {
			const value = source[name];
			if (value !== undefined && value !== null && value !== '') return value;
		}
	}
	return undefined;
}

function pick<K extends string>(
	sources: Array<Record<string, unknown>>,
	aliases: ReadonlyArray<[K, readonly string[]]>,
): Partial<Record<K, unknown>> {
	const picked: Partial<Record<K, unknown>> = {};
	for (const [key, names] of aliases) {
		const value = firstOf(sources, names);
		if (value !== undefined) picked[key] = value;
	}
	return picked;
}

/**
 * Reads one item by the alias tables: top-level fields first, then a nested `user_data` / `custom_data` object (an
 * item already in Pinterest's shape). Event name, action source and ad account fall back to the node's fields.
 */
export function mapItemAutomatically(
	json: Record<string, unknown>,
	defaults: { eventName: unknown; actionSource: unknown },
): { input: ConversionEventInput; adAccountId: unknown } {
	const userDataObject = asObject(json.user_data) ?? asObject(json.userData);
	const customDataObject = asObject(json.custom_data) ?? asObject(json.customData);
	const event = pick([json], EVENT_ALIASES);
	const input: ConversionEventInput = {
		...event,
		eventName: event.eventName ?? defaults.eventName,
		actionSource: event.actionSource ?? defaults.actionSource,
		userData: pick(userDataObject ? [json, userDataObject] : [json], USER_DATA_ALIASES),
		customData: pick(customDataObject ? [json, customDataObject] : [json], CUSTOM_DATA_ALIASES),
	};
	return { input, adAccountId: firstOf([json], AD_ACCOUNT_ALIASES) };
}
