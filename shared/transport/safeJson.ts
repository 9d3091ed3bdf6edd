/**
 * Pinterest ids are 64-bit integers. Most endpoints send them as strings, but some payloads (async
 * report files) carry bare numbers, and JSON.parse rounds anything above 2^53 (an 18-digit id loses
 * its last digits). Integers with 16 or more digits are therefore turned into strings before
 * parsing; no amount of money or count in these payloads comes near that size.
 *
 * Report files run to tens of megabytes and are parsed on n8n's event loop, so the common case is
 * one native regular-expression replace and one JSON.parse (see quoteValueIntegers); the exact scan
 * (quoteLongIntegers) runs only when that cannot be trusted. A JSON.parse reviver reading
 * `context.source` (Node 21+) is exact too, but calling a reviver for every value made parsing a
 * 20 MB report about 10 times slower than JSON.parse on Node 24 (BENCHMARKS.md), so every Node
 * version takes the same path.
 */
const MIN_ID_DIGITS = 16;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const LOWER_E = 0x65;
const UPPER_E = 0x45;

const isDigit = (code: number) => code >= ZERO && code <= NINE;
const isNumberChar = (code: number) =>
	isDigit(code) ||
	code === MINUS ||
	code === PLUS ||
	code === DOT ||
	code === LOWER_E ||
	code === UPPER_E;

/** Index just past the closing quote of the JSON string that opens at `start` (-1: unterminated). */
function endOfString(text: string, start: number): number {
	let quote = text.indexOf('"', start + 1);
	while (quote !== -1) {
		let backslashes = 0;
		while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
		// An even run of backslashes escapes itself, not the quote.
		if (backslashes % 2 === 0) return quote + 1;
		quote = text.indexOf('"', quote + 1);
	}
	return -1;
}

/** Whether text[start, end) is an integer (optional minus, digits only) of MIN_ID_DIGITS or more. */
function isLongInteger(text: string, start: number, end: number): boolean {
	const first = text.charCodeAt(start) === MINUS ? start + 1 : start;
	if (end - first < MIN_ID_DIGITS) return false;
	for (let i = first; i < end; i++) if (!isDigit(text.charCodeAt(i))) return false;
	return true;
}

/** The text with every long integer outside strings quoted: exact, a scan in JavaScript. */
function quoteLongIntegers(text: string): string {
	const pieces: string[] = [];
	let copiedUpTo = 0;
	let i = 0;
	while (i < text.length) {
		const code = text.charCodeAt(i);
		if (code === QUOTE) {
			i = endOfString(text, i);
			// Unterminated: JSON.parse reports it.
			if (i === -1) break;
		} else if (code === MINUS || isDigit(code)) {
			let end = i + 1;
			while (end < text.length && isNumberChar(text.charCodeAt(end))) end++;
			if (isLongInteger(text, i, end)) {
				pieces.push(text.slice(copiedUpTo, i), '"', text.slice(i, end), '"');
				copiedUpTo = end;
			}
			i = end;
		} else {
			i++;
		}
	}
	if (copiedUpTo === 0) return text;
	pieces.push(text.slice(copiedUpTo));
	return pieces.join('');
}

/**
 * A long integer in value position: after `[`, `,` or `:` and before `,`, `]` or `}` (whitespace
 * allowed). In valid JSON every long integer outside strings but a whole-text number is one of these.
 */
const VALUE_LONG_INTEGER = new RegExp(`([:,[]\\s*)(-?\\d{${MIN_ID_DIGITS},})(?=\\s*[,\\]}])`, 'g');

/**
 * Quotes the long integers in value position, natively. It may also quote digits inside a string
 * (`"a:12345678901234567,"`); but the quote it puts there closes that string and is followed by a
 * digit, which no valid JSON has, so JSON.parse rejects every such text. Hence: when JSON.parse
 * accepts the result, nothing inside a string was touched and the text was valid JSON already
 * (quoting a number keeps JSON valid or invalid), so every long integer outside strings was quoted
 * (the whole-text number aside, which the caller checks).
 */
const quoteValueIntegers = (text: string) => text.replace(VALUE_LONG_INTEGER, '$1"$2"');

/** JSON.parse that keeps long integer ids exact, as strings. Throws SyntaxError on invalid JSON. */
export function parseJsonKeepingIds(text: string): unknown {
	let parsed: unknown;
	try {
		parsed = JSON.parse(quoteValueIntegers(text));
	} catch {
		// Invalid JSON, or digits inside a string were quoted: the exact scan decides.
		return JSON.parse(quoteLongIntegers(text));
	}
	return typeof parsed === 'number' ? JSON.parse(quoteLongIntegers(text)) : parsed;
}
