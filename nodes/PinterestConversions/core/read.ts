import type { DroppedField, InputProblem } from './types';

/** The result of reading one input: a value, nothing (empty input), or a problem. */
export interface Reading<T> {
	value?: T;
	problem?: InputProblem;
}

export function problem(field: string, message: string, fix: string): InputProblem {
	return { field, message, fix };
}

/** Collects the problem, if any, and hands back the value. */
export function take<T>(reading: Reading<T>, problems: InputProblem[]): T | undefined {
	if (reading.problem) problems.push(reading.problem);
	return reading.value;
}

/** Collects the problem of an optional field as a dropped field (the event is still sent) and hands back the value. */
export function drop<T>(reading: Reading<T>, dropped: DroppedField[]): T | undefined {
	if (reading.problem)
		dropped.push({ field: reading.problem.field, reason: reading.problem.message });
	return reading.value;
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
	field: string,
	label: string,
	expected = 'a single text value',
): Reading<string> {
	if (isEmpty(value)) return {};
	if (typeof value === 'string') return { value: value.trim() };
	if (typeof value === 'number' && Number.isFinite(value)) {
		if (Number.isSafeInteger(value) || !Number.isInteger(value)) return { value: String(value) };
		const fix = `Pass ${label} as text (a string), not as a number.`;
		return { problem: problem(field, `${label} is a number too large to be exact`, fix) };
	}
	return { problem: problem(field, `${label} must be text`, `Map ${label} to ${expected}.`) };
}

/** A text value or a list of them; empty entries are dropped. Single texts are not split on commas. */
export function readTextList(value: unknown, field: string, label: string): Reading<string[]> {
	const entries = Array.isArray(value) ? value : [value];
	const texts: string[] = [];
	for (const entry of entries) {
		const reading = readText(entry, field, label, 'a text value or a list of text values');
		if (reading.problem) return { problem: reading.problem };
		if (reading.value !== undefined) texts.push(reading.value);
	}
	return texts.length > 0 ? { value: texts } : {};
}

/** true/false, also as the texts "true"/"false" that expressions often produce. */
export function readBoolean(value: unknown, field: string, label: string): Reading<boolean> {
	if (isEmpty(value)) return {};
	if (typeof value === 'boolean') return { value };
	const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
	if (text === 'true' || text === 'false') return { value: text === 'true' };
	return {
		problem: problem(field, `${label} must be true or false`, `Set ${label} to a boolean.`),
	};
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
