import { AMOUNT_DECIMALS, MAX_AMOUNT } from './conversionsApiRules';
import { fail, isEmpty, pass, problem, type InputField, type Reading } from './input';

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Pinterest's string form of an amount: plain decimal, no exponent, no float noise (0.1 + 0.2 → "0.3").
 * Rounding to AMOUNT_DECIMALS then to 15 significant digits leaves the shortest text that reads back the same.
 */
export function formatAmount(amount: number): string {
	return String(Number(Number(amount.toFixed(AMOUNT_DECIMALS)).toPrecision(15)));
}

/**
 * An amount (`value`, `item_price`, `predicted_ltv`): a number, or text such as "19.99". Negative amounts are
 * refused: Pinterest has no refund event and asks not to send negative values.
 */
export function readAmount(value: unknown, { field, label }: InputField): Reading<string> {
	if (isEmpty(value)) return pass(undefined);
	const text = typeof value === 'string' ? value.trim() : undefined;
	const amount =
		typeof value === 'number'
			? value
			: text !== undefined && PLAIN_DECIMAL.test(text)
				? Number(text)
				: NaN;
	// Text of more digits than a double holds reads as Infinity: too large, not "not a number".
	const overflowingDigits = text !== undefined && Math.abs(amount) === Infinity;
	if (!Number.isFinite(amount) && !overflowingDigits) {
		const fix =
			'Map a plain number such as 19.99: "." as decimal point, no currency symbol or thousands separator.';
		return fail(problem(field, `${label} is not a decimal number`, fix));
	}
	if (amount < 0) {
		const fix = 'Pinterest has no refund event: send refunds elsewhere, or leave the amount empty.';
		return fail(problem(field, `${label} must not be negative`, fix));
	}
	if (amount >= MAX_AMOUNT) {
		const fix = 'Check the field holds an amount in currency units, not an ID or micro-units.';
		return fail(problem(field, `${label} is too large to be an amount`, fix));
	}
	return pass(formatAmount(amount));
}

/** A whole number (`quantity`, `num_items`), as a number or digits, at least `minimum`. */
export function readCount(
	value: unknown,
	{ field, label, minimum }: InputField & { minimum: number },
): Reading<number> {
	if (isEmpty(value)) return pass(undefined);
	const text = typeof value === 'string' ? value.trim() : undefined;
	const count =
		typeof value === 'number'
			? value
			: text !== undefined && /^\d+$/.test(text)
				? Number(text)
				: NaN;
	if (Number.isSafeInteger(count) && count >= minimum) return pass(count);
	return fail(
		problem(
			field,
			`${label} must be a whole number of at least ${minimum}`,
			`Map a whole number to ${label}.`,
		),
	);
}
