import type { IDataObject } from 'n8n-workflow';

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
