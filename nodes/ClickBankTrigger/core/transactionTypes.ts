/** Transaction types compare case-insensitively, ignoring surrounding spaces. */
function canonical(type: string): string {
	return type.trim().toUpperCase();
}

/**
 * The types a workflow wants (from the node's options), as one set. Empty means all types: a
 * freshly added trigger passes everything on.
 */
export function acceptedTypes(selected: string[], others: string): Set<string> {
	const extra = others
		.split(',')
		.map(canonical)
		.filter((type) => type !== '');
	return new Set([...selected.map(canonical), ...extra]);
}

export function isAccepted(transactionType: string, accepted: Set<string>): boolean {
	return accepted.size === 0 || accepted.has(canonical(transactionType));
}

/** TEST, TEST_SALE, TEST_BILL, TEST_RFND, CANCEL-TEST-REBILL: test traffic, never real money. */
export function isTestTransaction(transactionType: string): boolean {
	return /(^|[-_])TEST([-_]|$)/.test(canonical(transactionType));
}
