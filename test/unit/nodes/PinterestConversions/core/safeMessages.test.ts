import {
	expressionErrorText,
	isPlainName,
	jsonSyntaxPosition,
} from '../../../../../nodes/PinterestConversions/core/safeMessages';

/** The message this Node version's JSON.parse gives for the text. */
function parseMessage(text: string): string {
	try {
		JSON.parse(text);
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error(`${text} is valid JSON`);
}

describe('isPlainName', () => {
	it.each(['sku', 'SKU_2', '_id', 'a'.repeat(40)])('%p may be shown', (key) => {
		expect(isPlainName(key)).toBe(true);
	});

	it.each(['jane@example.com', 'item price', '2nd', '', 'a'.repeat(41), 'ключ', 'a-b'])(
		'%p is not shown',
		(key) => {
			expect(isPlainName(key)).toBe(false);
		},
	);
});

describe('jsonSyntaxPosition', () => {
	it('gives the 1-based character of "at position N", or nothing', () => {
		expect(jsonSyntaxPosition('Unexpected token a in JSON at position 3')).toBe(
			' (at character 4)',
		);
		expect(jsonSyntaxPosition('Unexpected end of JSON input')).toBe('');
	});
});

describe('expressionErrorText: what an expression threw, without the input it quotes', () => {
	it.each([
		// Node 18 and earlier quote the character unquoted, Node 20 the whole text.
		[
			'Unexpected token a in JSON at position 3',
			'it parsed text that is not valid JSON (at character 4)',
		],
		[
			'Unexpected token \'a\', "abc@x.com" is not valid JSON',
			'it parsed text that is not valid JSON',
		],
		['"abc@x.com" is not valid JSON', 'it parsed text that is not valid JSON'],
		['Unexpected end of JSON input', 'it parsed text that is not valid JSON'],
		[
			'Unexpected non-whitespace character after JSON at position 9',
			'it parsed text that is not valid JSON (at character 10)',
		],
	])('%p → %p', (message, expected) => {
		expect(expressionErrorText(message)).toBe(expected);
	});

	it("hides what this Node's JSON.parse quotes", () => {
		for (const text of ['abc@x.com', '{"email": jane@example.com}', '+44 20 7946 0958 x']) {
			const text_ = expressionErrorText(parseMessage(text));
			expect(text_).toMatch(/^it parsed text that is not valid JSON/);
			expect(text_).not.toMatch(/abc|jane|7946/);
		}
	});

	it('keeps quoted field names and hides any other quoted text', () => {
		expect(expressionErrorText("Cannot read properties of undefined (reading 'email')")).toBe(
			"Cannot read properties of undefined (reading 'email')",
		);
		expect(expressionErrorText('Invalid date "07/04/1985 jane@example.com" given')).toBe(
			'Invalid date "…" given',
		);
		expect(expressionErrorText('cannot convert to Luxon DateTime')).toBe(
			'cannot convert to Luxon DateTime',
		);
	});
});
