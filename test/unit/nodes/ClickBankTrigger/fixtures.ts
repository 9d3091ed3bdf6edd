import { saleNotification as endToEndSale } from '../../../harness/clickbankIns';

/**
 * The end-to-end tests' SALE (test/harness/clickbankIns.js: ClickBank's INS sample shape, version 8.0), with the
 * receipt and buyer email the unit tests assert on. Made-up buyer; emails use the reserved example.com domain.
 */
export function saleNotification(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return endToEndSale({
		receipt: 'CWOGBZLN',
		customer: { billing: { firstName: 'Test', lastName: 'Buyer', email: 'buyer@example.com' } },
		...overrides,
	});
}
