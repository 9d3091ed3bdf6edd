import { readAmount, readCount } from './amounts';
import { isEmpty, problem, readText, take, withoutEmpty } from './input';
import { isPlainName, jsonSyntaxPosition } from './safeMessages';
import type { InputProblem } from './input';

export type WireContent = {
	id?: string;
	item_price?: string;
	quantity?: number;
	item_name?: string;
	item_category?: string;
	item_brand?: string;
};

type ContentKey = keyof WireContent;

/**
 * Keys a line item may use: Pinterest's own (`item_price`) and the camelCase ones (`itemPrice`), in any case
 * (`ID`). Anything else is refused by name rather than dropped: a line item without its product id still sends.
 */
const CONTENT_KEYS: Readonly<Record<string, ContentKey>> = {
	id: 'id',
	itemprice: 'item_price',
	quantity: 'quantity',
	itemname: 'item_name',
	itemcategory: 'item_category',
	itembrand: 'item_brand',
};

const CONTENT_LABELS: Readonly<Record<ContentKey, string>> = {
	id: 'Content ID',
	item_price: 'Item price',
	quantity: 'Quantity',
	item_name: 'Item name',
	item_category: 'Item category',
	item_brand: 'Item brand',
};

const KEYS_FIX =
	'Give each line item the keys id, item_price, quantity, item_name, item_category or item_brand (camelCase such as itemPrice works too).';

function canonicalKey(key: string): ContentKey | undefined {
	return CONTENT_KEYS[key.toLowerCase().replace(/_/g, '')];
}

function readContentValue(key: ContentKey, value: unknown, at: string, problems: InputProblem[]) {
	const label = CONTENT_LABELS[key];
	if (key === 'item_price')
		return take(readAmount(value, { field: `${at}.${key}`, label }), problems);
	if (key === 'quantity')
		return take(readCount(value, { field: `${at}.${key}`, label, minimum: 1 }), problems);
	return take(readText(value, { field: `${at}.${key}`, label }), problems);
}

function buildContent(
	item: unknown,
	index: number,
	problems: InputProblem[],
): WireContent | undefined {
	const at = `contents[${index}]`;
	if (typeof item !== 'object' || item === null || Array.isArray(item)) {
		problems.push(problem(at, `Contents entry ${index + 1} is not an object`, KEYS_FIX));
		return undefined;
	}
	const content: Record<string, unknown> = {};
	for (const [position, [key, value]] of Object.entries(item).entries()) {
		const wire = canonicalKey(key);
		if (wire === undefined) {
			// A plain field name (`sku`) is the user's own and may be shown; any other key may be customer data
			// (a list keyed by email), so it is only counted.
			problems.push(
				isPlainName(key)
					? problem(`${at}.${key}`, `Contents entry ${index + 1} has an unknown key`, KEYS_FIX)
					: problem(
							at,
							`Contents entry ${index + 1} has an unknown key (key ${position + 1}, not shown: it is not a plain field name)`,
							KEYS_FIX,
						),
			);
		} else if (content[wire] !== undefined && !isEmpty(value)) {
			problems.push(
				problem(`${at}.${wire}`, `Contents entry ${index + 1} gives ${wire} twice`, KEYS_FIX),
			);
		} else {
			const read = readContentValue(wire, value, at, problems);
			if (read !== undefined) content[wire] = read;
		}
	}
	const filled = withoutEmpty(content as WireContent);
	return Object.keys(filled).length > 0 ? filled : undefined;
}

/** JSON text (the node's Contents field) or a list. Only the position of a syntax error is reported, never the text. */
function parseContents(value: unknown, problems: InputProblem[]): unknown {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch (error) {
		problems.push(
			problem(
				'contents',
				`Contents is not valid JSON${jsonSyntaxPosition((error as Error).message)}`,
				`Give a JSON list of line items. ${KEYS_FIX}`,
			),
		);
		return undefined;
	}
}

/** Spec `custom_data.contents` (`additionalProperties: false` on each entry). */
export function buildContents(value: unknown, problems: InputProblem[]): WireContent[] | undefined {
	if (isEmpty(value)) return undefined;
	const parsed = parseContents(value, problems);
	if (parsed === undefined) return undefined;
	if (!Array.isArray(parsed)) {
		problems.push(
			problem('contents', 'Contents must be a list', `Map a list of line items. ${KEYS_FIX}`),
		);
		return undefined;
	}
	const contents = parsed.flatMap(
		(item: unknown, index) => buildContent(item, index, problems) ?? [],
	);
	return contents.length > 0 ? contents : undefined;
}
