import { readAmount, readCount } from './amounts';
import { isEmpty, problem, readText, take, withoutEmpty } from './read';
import type { InputProblem, WireContent } from './types';

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
	for (const [key, value] of Object.entries(item)) {
		const wire = canonicalKey(key);
		if (wire === undefined) {
			// The key is the user's own field name, not customer data, so it may be shown.
			problems.push(
				problem(
					`${at}.${key.slice(0, 40)}`,
					`Contents entry ${index + 1} has an unknown key`,
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

/**
 * JSON text (the node's Contents field) or a list. The parser's own message is not used: it quotes the text, which
 * may be anything the expression produced, so only the position is reported.
 */
function parseContents(value: unknown, problems: InputProblem[]): unknown {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch (error) {
		const position = /position (\d+)/.exec((error as Error).message)?.[1];
		problems.push(
			problem(
				'contents',
				`Contents is not valid JSON${position !== undefined ? ` (at character ${Number(position) + 1})` : ''}`,
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
