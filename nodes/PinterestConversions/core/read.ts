import type { Checked, DroppedField, InputProblem } from './types';

/** The result of reading one optional input: its value, undefined (empty input), or its problem. */
export type Reading<T> = Checked<T | undefined>;

export function pass<T>(value: T): Checked<T> {
	return { ok: true, value };
}

export function fail(...problems: InputProblem[]): { ok: false; problems: InputProblem[] } {
	return { ok: false, problems };
}

/** Which input is read: its property name (as problems name it) and the label users read. */
export interface InputField {
	field: string;
	label: string;
}

export function problem(field: string, message: string, fix: string): InputProblem {
	return { field, message, fix };
}

/** Collects the problem, if any, and hands back the value. */
export function take<T>(reading: Checked<T>, problems: InputProblem[]): T | undefined {
	if (reading.ok) return reading.value;
	problems.push(...reading.problems);
	return undefined;
}

/** Collects the problem of an optional field as a dropped field (the event is still sent) and hands back the value. */
export function drop<T>(reading: Checked<T>, dropped: DroppedField[]): T | undefined {
	if (reading.ok) return reading.value;
	for (const found of reading.problems) dropped.push({ field: found.field, reason: found.message });
	return undefined;
}

/** null, undefined and blank text all mean "not given". */
export function isEmpty(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

/**
 * One text value, trimmed; empty text, null and undefined read as nothing. Numbers become text, but only
 * integers that are exact: a phone or order id above 2^53 has already lost digits before it reached us.
 */
export function readText(
	value: unknown,
	{ field, label, expected = 'a single text value' }: InputField & { expected?: string },
): Reading<string> {
	if (isEmpty(value)) return pass(undefined);
	if (typeof value === 'string') return pass(value.trim());
	if (typeof value === 'number' && Number.isFinite(value)) {
		if (Number.isSafeInteger(value) || !Number.isInteger(value)) return pass(String(value));
		const fix = `Pass ${label} as text (a string), not as a number.`;
		return fail(problem(field, `${label} is a number too large to be exact`, fix));
	}
	return fail(problem(field, `${label} must be text`, `Map ${label} to ${expected}.`));
}

/** A text value or a list of them; empty entries are dropped. Single texts are not split on commas. */
export function readTextList(value: unknown, { field, label }: InputField): Reading<string[]> {
	const entries = Array.isArray(value) ? value : [value];
	const texts: string[] = [];
	for (const entry of entries) {
		const reading = readText(entry, {
			field,
			label,
			expected: 'a text value or a list of text values',
		});
		if (!reading.ok) return reading;
		if (reading.value !== undefined) texts.push(reading.value);
	}
	return pass(texts.length > 0 ? texts : undefined);
}

/** true/false, also as the texts "true"/"false" that expressions often produce. */
export function readBoolean(value: unknown, { field, label }: InputField): Reading<boolean> {
	if (isEmpty(value)) return pass(undefined);
	if (typeof value === 'boolean') return pass(value);
	const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
	if (text === 'true' || text === 'false') return pass(text === 'true');
	return fail(problem(field, `${label} must be true or false`, `Set ${label} to a boolean.`));
}

/** Drops keys whose value is undefined so that only filled spec keys reach the wire. */
export function withoutEmpty<T extends object>(object: T): T {
	// A plain loop: this runs several times per event, and bulk sends build tens of thousands of events.
	const filled: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(object)) {
		if (value !== undefined) filled[key] = value;
	}
	return filled as T;
}
