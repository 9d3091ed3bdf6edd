/**
 * Pinterest ids are 64-bit integers. Most endpoints send them as strings, but some payloads (async
 * report files) carry bare numbers, and JSON.parse rounds anything above 2^53 (an 18-digit id loses
 * its last digits). Integers with 16 or more digits are therefore turned into strings before
 * parsing; no amount of money or count in these payloads comes near that size.
 */
const LONG_INTEGER = /^-?\d{16,}$/;

function quoteLongIntegers(text: string): string {
	let out = '';
	let i = 0;
	while (i < text.length) {
		const char = text[i];
		if (char === '"') {
			const end = endOfString(text, i);
			out += text.slice(i, end);
			i = end;
		} else if (char === '-' || (char >= '0' && char <= '9')) {
			let end = i + 1;
			while (end < text.length && /[0-9.eE+-]/.test(text[end])) end++;
			const token = text.slice(i, end);
			out += LONG_INTEGER.test(token) ? `"${token}"` : token;
			i = end;
		} else {
			out += char;
			i++;
		}
	}
	return out;
}

/** Index just past the closing quote of the JSON string that opens at `start`. */
function endOfString(text: string, start: number): number {
	let i = start + 1;
	while (i < text.length && text[i] !== '"') {
		i += text[i] === '\\' ? 2 : 1;
	}
	return i + 1;
}

/** JSON.parse that keeps long integer ids exact, as strings. Throws SyntaxError on invalid JSON. */
export function parseJsonKeepingIds(text: string): unknown {
	return JSON.parse(quoteLongIntegers(text));
}
