import { SpendInputError } from './dates';

/** Pinterest ids: digits only, at most 18 (spec: ad_account_id pattern and maxLength). */
const PINTEREST_ID = /^\d{1,18}$/;

const ID_FIX =
	'Ad account IDs are the numbers shown in Ads Manager (digits only); pick them from the list or give them as an array or a comma-separated list.';

/** The selected ad account ids: from the list (an array) or by expression (an array or a comma-separated list). */
export function parseAdAccountIds(value: unknown): string[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(',');
	// An object here is a whole record mapped instead of its id: String() would show "[object Object]".
	const objectAt = list.findIndex((id) => id !== null && typeof id === 'object');
	if (objectAt >= 0) {
		throw new SpendInputError(
			`Ad Account Names or IDs: entry ${objectAt + 1} is an object, not an ad account ID`,
			`${ID_FIX} Map the ID field of each record (e.g. {{ $json.accounts.map(account => account.id) }}).`,
		);
	}
	const ids = list.map((id) => String(id).trim()).filter((id) => id !== '');
	const invalid = ids.find((id) => !PINTEREST_ID.test(id));
	if (invalid !== undefined) {
		throw new SpendInputError(
			`Ad Account Names or IDs: "${invalid}" is not an ad account ID`,
			ID_FIX,
		);
	}
	if (ids.length === 0) {
		throw new SpendInputError(
			'No ad account selected',
			'Pick at least one ad account, or choose "All Ad Accounts This Login Can Access"',
		);
	}
	return [...new Set(ids)];
}
