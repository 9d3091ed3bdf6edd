// Types of the part of fixtures.js the fast tier (test/engine) shares with the end-to-end tests.

/** The fake's OAuth client and tokens, stored the way n8n stores them, pointing at `baseUrl`. */
export function credentials(
	baseUrl: string,
	tokens?: {
		accessToken?: string;
		refreshToken?: string;
		conversionToken?: string;
		adAccountId?: string;
	},
): Array<{ id: string; name: string; type: string; data: Record<string, unknown> }>;

/** An order of the Conversions fault tests (`order-<n>`), sold ten minutes ago. */
export function faultOrder(n: number, overrides?: Record<string, unknown>): Record<string, unknown>;

/** The node's fields mapped from a fault order, as users map them. */
export const FAULT_ORDER_MAPPING: Record<string, unknown>;
