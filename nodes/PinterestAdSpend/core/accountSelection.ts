import { AD_ACCOUNT_ID } from '../../../shared/adAccountId';
import { SpendInputError } from './dates';

const ID_FIX =
	'Ad account IDs are the numbers shown in Ads Manager (digits only); pick them from the list or give them as an array or a comma-separated list.';

const PICKER_FIX =
	'Pick the account from the list, or choose By ID and give the number shown in Ads Manager (digits only).';

const noneSelected = () =>
	new SpendInputError(
		'No ad account selected',
		'Pick at least one ad account, or choose "All Ad Accounts This Login Can Access"',
	);

/** Version 1's multi-select: from the list (an array) or by expression (an array or a comma-separated list). */
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
	const invalid = ids.find((id) => !AD_ACCOUNT_ID.test(id));
	if (invalid !== undefined) {
		throw new SpendInputError(
			`Ad Account Names or IDs: "${invalid}" is not an ad account ID`,
			ID_FIX,
		);
	}
	if (ids.length === 0) throw noneSelected();
	return [...new Set(ids)];
}

/** What one picker holds: a resource locator ({mode, value}), or a plain value an expression gave. */
function pickedValue(entry: unknown): unknown {
	const picked =
		typeof entry === 'object' && entry !== null
			? (entry as { adAccount?: unknown }).adAccount
			: entry;
	return typeof picked === 'object' && picked !== null && 'value' in picked
		? (picked as { value: unknown }).value
		: picked;
}

/**
 * Version 2's list of ad-account pickers (the shared resource locator, once per account): each must hold an id;
 * pickers left empty are ignored, repeats are read once.
 */
export function parseAdAccountPickers(entries: unknown): string[] {
	const list = Array.isArray(entries) ? entries : [];
	const ids: string[] = [];
	list.forEach((entry, index) => {
		const value = pickedValue(entry);
		const id =
			typeof value === 'number' || typeof value === 'string' ? String(value).trim() : undefined;
		if (id === '') return;
		if (id === undefined || !AD_ACCOUNT_ID.test(id)) {
			const shown =
				id === undefined ? `a${Array.isArray(value) ? 'n array' : 'n object'}` : `"${id}"`;
			throw new SpendInputError(
				`Selected Ad Accounts: account ${index + 1} is ${shown}, not an ad account ID`,
				PICKER_FIX,
			);
		}
		ids.push(id);
	});
	if (ids.length === 0) throw noneSelected();
	return [...new Set(ids)];
}
