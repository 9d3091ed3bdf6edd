import { readAmount, readCount } from './amounts';
import { buildContents } from './contents';
import { drop, fail, pass, problem, readText, readTextList, take, withoutEmpty } from './input';
import type { WireContent } from './contents';
import type { Checked, DroppedField, InputProblem, Reading } from './input';

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

/**
 * The ISO 4217 codes in use, as the runtime's ICU data lists them; a three-letter text outside it (XYZ, a typo)
 * would otherwise reach Pinterest and be refused there, or counted in the wrong currency.
 */
const listSupported = (Intl as { supportedValuesOf?: (key: 'currency') => string[] })
	.supportedValuesOf;
const ISO_CURRENCIES: ReadonlySet<string> | undefined =
	typeof listSupported === 'function' ? new Set(listSupported('currency')) : undefined;

function isIsoCurrency(code: string): boolean {
	return ISO_CURRENCIES === undefined || ISO_CURRENCIES.has(code);
}

/** Spec `currency`: "The ISO-4217 currency code" (three letters; Pinterest defaults to the account currency). */
function readCurrency(value: unknown): Reading<string> {
	const reading = readText(value, { field: 'currency', label: 'Currency' });
	if (!reading.ok || reading.value === undefined) return reading;
	const currency = reading.value.toUpperCase();
	if (/^[A-Z]{3}$/.test(currency)) {
		if (isIsoCurrency(currency)) return pass(currency);
		return fail(
			problem(
				'currency',
				`Currency ${currency} is not an ISO 4217 currency code`,
				'Map the code of the currency the customer paid in, such as USD, EUR or GBP.',
			),
		);
	}
	return fail(
		problem(
			'currency',
			'Currency is not a three-letter ISO 4217 code',
			'Map a code such as USD or EUR, not a symbol.',
		),
	);
}

/** Texts that only describe the event: one that cannot be read is left out (and listed), the event still sent. */
const DESCRIPTIVE_TEXTS = [
	['search_string', 'searchString', 'Search string'],
	['content_name', 'contentName', 'Content name'],
	['content_category', 'contentCategory', 'Content category'],
	['content_brand', 'contentBrand', 'Content brand'],
] as const satisfies ReadonlyArray<readonly [keyof WireCustomData, keyof CustomDataInput, string]>;

function readDescriptiveTexts(source: CustomDataInput, dropped: DroppedField[]): WireCustomData {
	const texts: WireCustomData = {};
	for (const [key, field, label] of DESCRIPTIVE_TEXTS) {
		texts[key] = drop(readText(source[field], { field, label }), dropped);
	}
	return texts;
}

/** Number of Items defaults to 0 in the node: 0 means not given. */
function withoutZero(count: number | undefined): number | undefined {
	return count === 0 ? undefined : count;
}

/**
 * Builds `custom_data` from the spec's keys only (it sets `additionalProperties: false`; unknown keys get a 400).
 * Amounts are sent as strings, as the spec requires. What reports and deduplication rely on (value, currency, order
 * ID, line items, number of items, opt-out type) refuses the event when wrong; descriptive fields are left out
 * instead. Number of Items 0 (the field's default) is not sent. Returns no `customData` when nothing was filled in.
 */
export function buildCustomData(
	input: CustomDataInput | undefined,
): Checked<{ customData?: WireCustomData; dropped: DroppedField[] }> {
	const problems: InputProblem[] = [];
	const dropped: DroppedField[] = [];
	const source = input ?? {};
	const customData = withoutEmpty<WireCustomData>({
		currency: take(readCurrency(source.currency), problems),
		value: take(readAmount(source.value, { field: 'value', label: 'Value' }), problems),
		content_ids: drop(
			readTextList(source.contentIds, { field: 'contentIds', label: 'Content IDs' }),
			dropped,
		),
		contents: buildContents(source.contents, problems),
		num_items: withoutZero(
			take(
				readCount(source.numItems, { field: 'numItems', label: 'Number of items', minimum: 0 }),
				problems,
			),
		),
		order_id: take(readText(source.orderId, { field: 'orderId', label: 'Order ID' }), problems),
		opt_out_type: take(
			readText(source.optOutType, { field: 'optOutType', label: 'Opt-out type' }),
			problems,
		),
		...readDescriptiveTexts(source, dropped),
		predicted_ltv: drop(
			readAmount(source.predictedLtv, { field: 'predictedLtv', label: 'Predicted lifetime value' }),
			dropped,
		),
	});
	if (problems.length > 0) return fail(...problems);
	return pass(Object.keys(customData).length > 0 ? { customData, dropped } : { dropped });
}
