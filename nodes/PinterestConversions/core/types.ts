/**
 * What several modules of core/ share: input problems, check results, dropped fields, and the input and wire
 * shapes of user_data and custom_data (built in userData.ts, customData.ts and contents.ts).
 */

/** One invalid input: which field, which rule it breaks, how to fix it. Never repeats user data values. */
export type InputProblem = {
	/** Input property name, e.g. `gender` or `contents[1].quantity`. */
	field: string;
	message: string;
	fix: string;
};

/** The one result of checking input in core/: a value, or every problem found (never both). */
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

/**
 * An optional field that could not be used and was left out of an event that is still sent. The reason names the
 * rule, never the value.
 */
export type DroppedField = {
	field: string;
	reason: string;
};

export type HashedWireKey =
	| 'em'
	| 'ph'
	| 'fn'
	| 'ln'
	| 'ge'
	| 'db'
	| 'ct'
	| 'st'
	| 'zp'
	| 'country'
	| 'external_id'
	| 'hashed_maids';
export type PlainWireKey = 'client_ip_address' | 'client_user_agent' | 'click_id' | 'partner_id';

/** Wire `user_data` (spec `ConversionEventsUserDataProperties`): hashed keys hold SHA-256 hex lists. */
export type WireUserData = Partial<Record<HashedWireKey, string[]> & Record<PlainWireKey, string>>;

export type WireContent = {
	id?: string;
	item_price?: string;
	quantity?: number;
	item_name?: string;
	item_category?: string;
	item_brand?: string;
};

/** Wire `custom_data`; `np` and `external_measurement_*` are left out ("only use when instructed"). */
export type WireCustomData = {
	currency?: string;
	value?: string;
	content_ids?: string[];
	contents?: WireContent[];
	num_items?: number;
	order_id?: string;
	search_string?: string;
	opt_out_type?: string;
	content_name?: string;
	content_category?: string;
	content_brand?: string;
	predicted_ltv?: string;
};

/**
 * Inputs are `unknown` because they come from n8n expressions. Hashed fields take one text or a list; a single
 * text is one value and is never split on commas (names and addresses may contain them).
 */
export interface UserDataInput {
	email?: unknown;
	phone?: unknown;
	firstName?: unknown;
	lastName?: unknown;
	gender?: unknown;
	dateOfBirth?: unknown;
	city?: unknown;
	state?: unknown;
	zip?: unknown;
	country?: unknown;
	externalId?: unknown;
	mobileAdId?: unknown;
	clientIpAddress?: unknown;
	clientUserAgent?: unknown;
	/** The epik value (`_epik` cookie or `epik=` URL parameter). */
	clickId?: unknown;
	partnerId?: unknown;
}

export interface CustomDataInput {
	value?: unknown;
	currency?: unknown;
	orderId?: unknown;
	contentIds?: unknown;
	contents?: unknown;
	numItems?: unknown;
	searchString?: unknown;
	contentName?: unknown;
	contentCategory?: unknown;
	contentBrand?: unknown;
	optOutType?: unknown;
	predictedLtv?: unknown;
}
