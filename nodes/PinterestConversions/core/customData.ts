import { readAmount, readCount } from './amounts';
import { isEmpty, problem, readText, readTextList, take, withoutEmpty, type Reading } from './read';
import type {
	ContentInput,
	CustomDataInput,
	Failed,
	InputProblem,
	WireContent,
	WireCustomData,
} from './types';

/** Spec `currency`: "The ISO-4217 currency code" (three letters; Pinterest defaults to the account currency). */
function readCurrency(value: unknown): Reading<string> {
	const reading = readText(value, 'currency', 'Currency');
	if (reading.problem || reading.value === undefined) return reading;
	const currency = reading.value.toUpperCase();
	if (/^[A-Z]{3}$/.test(currency)) return { value: currency };
	return {
		problem: problem(
			'currency',
			'Currency is not a three-letter ISO 4217 code',
			'Map a code such as USD or EUR, not a symbol.',
		),
	};
}

function buildContent(
	item: unknown,
	index: number,
	problems: InputProblem[],
): WireContent | undefined {
	const at = `contents[${index}]`;
	if (typeof item !== 'object' || item === null || Array.isArray(item)) {
		problems.push(
			problem(
				at,
				`Contents entry ${index + 1} is not an object`,
				'Give each entry id, itemPrice and quantity.',
			),
		);
		return undefined;
	}
	const input = item as ContentInput;
	const content = withoutEmpty<WireContent>({
		id: take(readText(input.id, `${at}.id`, 'Content ID'), problems),
		item_price: take(readAmount(input.itemPrice, `${at}.itemPrice`, 'Item price'), problems),
		quantity: take(readCount(input.quantity, `${at}.quantity`, 'Quantity', 1), problems),
		item_name: take(readText(input.itemName, `${at}.itemName`, 'Item name'), problems),
		item_category: take(
			readText(input.itemCategory, `${at}.itemCategory`, 'Item category'),
			problems,
		),
		item_brand: take(readText(input.itemBrand, `${at}.itemBrand`, 'Item brand'), problems),
	});
	return Object.keys(content).length > 0 ? content : undefined;
}

function buildContents(value: unknown, problems: InputProblem[]): WireContent[] | undefined {
	if (isEmpty(value)) return undefined;
	if (!Array.isArray(value)) {
		problems.push(
			problem(
				'contents',
				'Contents must be a list',
				'Map a list of { id, itemPrice, quantity } objects.',
			),
		);
		return undefined;
	}
	const contents = value.flatMap(
		(item: unknown, index) => buildContent(item, index, problems) ?? [],
	);
	return contents.length > 0 ? contents : undefined;
}

/**
 * Builds `custom_data` from the spec's keys only (it sets `additionalProperties: false`; unknown keys get a 400).
 * Amounts are sent as strings, as the spec requires. Returns no `customData` when nothing was filled in.
 */
export function buildCustomData(
	input: CustomDataInput | undefined,
): { ok: true; customData?: WireCustomData } | Failed {
	const problems: InputProblem[] = [];
	const source = input ?? {};
	const customData = withoutEmpty<WireCustomData>({
		currency: take(readCurrency(source.currency), problems),
		value: take(readAmount(source.value, 'value', 'Value'), problems),
		content_ids: take(readTextList(source.contentIds, 'contentIds', 'Content IDs'), problems),
		contents: buildContents(source.contents, problems),
		num_items: take(readCount(source.numItems, 'numItems', 'Number of items', 0), problems),
		order_id: take(readText(source.orderId, 'orderId', 'Order ID'), problems),
		search_string: take(readText(source.searchString, 'searchString', 'Search string'), problems),
		opt_out_type: take(readText(source.optOutType, 'optOutType', 'Opt-out type'), problems),
		content_name: take(readText(source.contentName, 'contentName', 'Content name'), problems),
		content_category: take(
			readText(source.contentCategory, 'contentCategory', 'Content category'),
			problems,
		),
		content_brand: take(readText(source.contentBrand, 'contentBrand', 'Content brand'), problems),
		predicted_ltv: take(
			readAmount(source.predictedLtv, 'predictedLtv', 'Predicted lifetime value'),
			problems,
		),
	});
	if (problems.length > 0) return { ok: false, problems };
	return Object.keys(customData).length > 0 ? { ok: true, customData } : { ok: true };
}
