import { AD_ACCOUNT_ID } from '../../../shared/adAccountId';
import { ActionableError } from '../../../shared/errors';

const PICKER_FIX =
	'Pick the account from the list, or choose By ID and give the number shown in Ads Manager (digits only).';

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
 * The list of ad-account pickers (the shared resource locator, once per account): each must hold an id;
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
			throw new ActionableError(
				`Selected Ad Accounts: account ${index + 1} is ${shown}, not an ad account ID`,
				PICKER_FIX,
			);
		}
		ids.push(id);
	});
	if (ids.length === 0) {
		throw new ActionableError(
			'No ad account selected',
			'Pick at least one ad account, or choose "All Ad Accounts This Login Can Access"',
		);
	}
	return [...new Set(ids)];
}
