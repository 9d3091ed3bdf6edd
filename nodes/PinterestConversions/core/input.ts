import type { IDataObject } from 'n8n-workflow';

import { AD_ACCOUNT_ID } from '../../../shared/adAccountId';
import type { CustomDataInput } from './customData';
import type { UserDataInput } from './userData';

/** One invalid input: which field, which rule it breaks, how to fix it. Never repeats user data values. */
export type InputProblem = {
	/** Input property name, e.g. `gender` or `contents[1].quantity`. */
	field: string;
	message: string;
	fix: string;
};

/** The one result of checking input in core/: a value, or every problem found (never both). */
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

/**
 * An optional field that could not be used and was left out of an event that is still sent. The reason names the
 * rule, never the value.
 */
export type DroppedField = {
	field: string;
	reason: string;
};

// What an input item gives the Conversions node, read in one place: the event input of an item (from the node's
// fields, or Map Automatically in autoMapping.ts), the item fields a plain mapping reads straight from the item, and
// the readers of one value that every field's check (userData.ts, customData.ts, …) is built on.

// The event input of one item.

export interface ConversionEventInput {
	eventName?: unknown;
	actionSource?: unknown;
	eventTime?: unknown;
	/**
	 * True only when the node's Event Time was left empty (not an expression): then an empty time means "now", the
	 * live-postback case. An expression or an item field that comes out empty is refused instead.
	 */
	eventTimeEmptyMeansNow?: boolean;
	eventId?: unknown;
	eventSourceUrl?: unknown;
	optOut?: unknown;
	partnerName?: unknown;
	language?: unknown;
	appId?: unknown;
	appName?: unknown;
	appVersion?: unknown;
	deviceBrand?: unknown;
	deviceCarrier?: unknown;
	deviceModel?: unknown;
	deviceType?: unknown;
	osVersion?: unknown;
	wifi?: unknown;
	userData?: UserDataInput;
	customData?: CustomDataInput;
}

/** Only plain text or numbers are echoed into the output, never an object an expression produced. */
export function shown(value: unknown): string | null {
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : null;
}

export function adAccountProblem(adAccountId: string): InputProblem | undefined {
	if (AD_ACCOUNT_ID.test(adAccountId)) return undefined;
	return {
		field: 'adAccount',
		message:
			adAccountId === ''
				? 'No ad account ID for this item'
				: 'Ad account ID is not a Pinterest ad account ID (digits only)',
		fix: 'Choose an ad account, or give its number as shown in Ads Manager.',
	};
}

/** The event input of one item in "Define Below" mode, from its parameter values keyed by path. */
export function inputFromParameters({
	values,
	eventTimeLeftEmpty,
}: {
	values: Record<string, unknown>;
	eventTimeLeftEmpty: boolean;
}): ConversionEventInput {
	return {
		...collectionOf(values, 'eventOptions'),
		eventName: values.eventName,
		actionSource: values.actionSource,
		eventTime: values.eventTime,
		eventTimeEmptyMeansNow: eventTimeLeftEmpty,
		eventId: values.eventId,
		userData: collectionOf(values, 'userData'),
		customData: collectionOf(values, 'customData'),
	};
}

// Item fields read straight from the item.

/**
 * `={{ $json.a.b }}`, `={{ $json["a b"] }}`, `={{ $json.lines[0] }}`: the most common mapping. Its value is the
 * item's own field, so it is read straight from the item: the value n8n's expression engine would give, without
 * the engine's cost per item and expression (about 25 KiB of memory each, see BENCHMARKS.md).
 */
const PLAIN_ITEM_FIELD =
	/^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[(?:'[^'\\]*'|"[^"\\]*"|\d+)\])+)\s*\}\}$/;
const KEY = /\.([A-Za-z_$][\w$]*)|\[(?:'([^']*)'|"([^"]*)"|(\d+))\]/g;

/** The keys a plain item-field expression reads, or undefined for any other value. */
export function itemKeysOf(value: unknown): string[] | undefined {
	const match = typeof value === 'string' ? PLAIN_ITEM_FIELD.exec(value) : null;
	if (!match) return undefined;
	return [...match[1].matchAll(KEY)].map((key) => key[1] ?? key[2] ?? key[3] ?? key[4]);
}

/** What `$json` + keys gives: undefined where a key is missing, as n8n gives nothing there. */
export function readItemKeys(json: IDataObject, keys: string[]): unknown {
	let value: unknown = json;
	for (const key of keys) {
		if (typeof value !== 'object' || value === null) return undefined;
		value = (value as IDataObject)[key];
	}
	return value;
}

/** The values under one collection, by sub-field name. */
export function collectionOf(values: Record<string, unknown>, collection: string): IDataObject {
	const prefix = `${collection}.`;
	const out: IDataObject = {};
	for (const [path, value] of Object.entries(values)) {
		if (path.startsWith(prefix)) out[path.slice(prefix.length)] = value as IDataObject[string];
	}
	return out;
}

// Reading one value: its value, nothing (empty input), or its problem.

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
