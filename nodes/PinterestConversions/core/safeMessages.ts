/**
 * Messages about input that never repeat the input. Problems end up in Failed items, node errors and n8n's
 * log, while the input may be anything an expression produced: an email, a phone, a whole order.
 */

/** Letters, digits and underscores, not starting with a digit, up to 40 characters: a field name such as `sku`. */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;

/** Whether a key the user gave is a plain field name, which may be shown; anything else may be customer data. */
export function isPlainName(key: string): boolean {
	return PLAIN_NAME.test(key);
}

/**
 * JSON.parse's messages in the Node versions n8n runs on: `Unexpected token a in JSON at position 3`,
 * `Unexpected token 'a', "abc" is not valid JSON`, `Unexpected end of JSON input`, `… after JSON at position 3`.
 */
const JSON_SYNTAX_MESSAGE = /\b(?:in JSON|is not valid JSON|of JSON input|after JSON)\b/;

/**
 * Where JSON text stopped being valid, as " (at character N)", or nothing when the parser did not say. The
 * parser's own message is not used: it quotes the text it failed on (`Unexpected token 'a', "abc@x.com" is not
 * valid JSON`, or the bare character in older Node versions).
 */
export function jsonSyntaxPosition(message: string): string {
	const position = /\bposition (\d+)/.exec(message)?.[1];
	return position === undefined ? '' : ` (at character ${Number(position) + 1})`;
}

/** A quoted part of a message: '…', "…" or `…`. */
const QUOTED = /'[^']*'|"[^"]*"|`[^`]*`/g;

/**
 * n8n's message for an expression that threw, without the input it quotes: a JSON parse error becomes "invalid
 * JSON" with its position, and quoted text that is not a plain field name becomes "…". What is left describes the
 * expression ("Cannot read properties of undefined (reading 'email')"), which is what the user has to fix.
 */
export function expressionErrorText(message: string): string {
	if (JSON_SYNTAX_MESSAGE.test(message)) {
		return `it parsed text that is not valid JSON${jsonSyntaxPosition(message)}`;
	}
	return message.replace(QUOTED, (quoted) => (isPlainName(quoted.slice(1, -1)) ? quoted : '"…"'));
}
