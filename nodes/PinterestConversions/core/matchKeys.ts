import type { WireUserData } from './types';

/** The `user_data` keys an event was sent with (`em`, `ph`, `client_ip_address`…): what Pinterest can match on. */
export function matchKeysOf(userData: WireUserData): string[] {
	return Object.keys(userData);
}
