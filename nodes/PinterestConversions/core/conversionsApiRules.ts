/** Limits and fixed lists of the Conversions API (`POST /ad_accounts/{ad_account_id}/events`, spec v5.23). */

/** Spec `ConversionEvents.data`: minItems 1, maxItems 1000. */
export const MAX_EVENTS_PER_REQUEST = 1000;

/** Amperity docs (3rd-party; unverified officially); older events get 422 "Given timestamp is in the past" (segmentio/action-destinations#2465). */
export const MAX_EVENT_AGE_DAYS = 7;

/** Clock skew tolerated for future event times; more is almost always a local time read as UTC. */
export const MAX_FUTURE_SKEW_SECONDS = 300;

/** 1e11 s is the year 5138 and 1e11 ms is 1973-03-03, so any time within the accepted window is unambiguous. */
export const MILLISECONDS_THRESHOLD = 1e11;

/** A value that already is a SHA-256 hex digest (any case) is passed through instead of being hashed twice. */
export const SHA256_HEX = /^[0-9a-f]{64}$/i;

/**
 * SHA-256 of the empty text: what a shop sends for a customer without email when it hashes before checking. It
 * identifies no one, so it is never sent as an identity.
 */
export const EMPTY_TEXT_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Amounts are rounded to 6 decimals: more than any ISO 4217 currency's minor unit (max 3), and it removes float noise. */
export const AMOUNT_DECIMALS = 6;

/** Pinterest parses `value` into a double, which holds cents exactly only below ~9e13; above 1e13 it is not a real amount. */
export const MAX_AMOUNT = 1e13;

/** ITU-T E.164: an international phone number has at most 15 digits, country code included. */
export const MAX_PHONE_DIGITS = 15;

/** The shortest numbers with their country code have 7 digits (Niue, +683 4002); fewer cannot hold one. */
export const MIN_PHONE_DIGITS = 7;

/** Spec `ConversionEvents.data.items.event_name` description list (v5.23). */
export const STANDARD_EVENT_NAMES = [
	'add_payment_info',
	'add_to_cart',
	'add_to_wishlist',
	'app_install',
	'checkout',
	'custom',
	'initiate_checkout',
	'lead',
	'page_visit',
	'search',
	'signup',
	'subscribe',
	'view_category',
	'view_content',
	'watch_video',
] as const;

/** Spec `action_source` description list. */
export const ACTION_SOURCES = ['app_android', 'app_ios', 'web', 'offline'] as const;

/** Server-side senders mostly report web purchases; the same default as Segment's Pinterest destination. */
export const DEFAULT_ACTION_SOURCE = 'web';
