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
