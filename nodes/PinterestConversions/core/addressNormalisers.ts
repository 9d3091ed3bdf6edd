import type { Rejection } from './normalisers';

// Postal address fields and the client IP address; same contract as normalisers.ts (no value in a rejection).
const LETTERS_AND_DIGITS_ONLY = /[^\p{L}\p{N}]/gu;
const IPV4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** "in lowercase, and without spaces or punctuation" (spec example: menlopark). */
export function normaliseCity(text: string): string | Rejection {
	const city = text.toLowerCase().replace(LETTERS_AND_DIGITS_ONLY, '');
	return city !== '' ? city : { rule: 'has no letters', fix: 'Map the city name.' };
}

/** "given as a two-letter code in lowercase". */
export function normaliseState(text: string): string | Rejection {
	const state = text.toLowerCase();
	if (/^[a-z]{2}$/.test(state)) return state;
	return {
		rule: 'is not a two-letter state code',
		fix: 'Map the two-letter code (e.g. CA for California), or leave State empty where there is none.',
	};
}

/**
 * "only digits" describes US ZIP codes: ZIP+4 is cut to its five-digit ZIP, the form match keys use. Postcodes
 * with letters (UK, Canada) keep them, lowercase without spaces: dropping letters would turn "SW1A 1AA" into "11".
 */
export function normaliseZip(text: string): string | Rejection {
	const zipPlus4 = /^(\d{5})[-\s]?\d{4}$/.exec(text);
	if (zipPlus4) return zipPlus4[1];
	const zip = text.toLowerCase().replace(LETTERS_AND_DIGITS_ONLY, '');
	return zip !== '' ? zip : { rule: 'has no letters or digits', fix: 'Map the postal code.' };
}

/**
 * "two-character ISO-3166 country code … in lowercase" (the spec's example hash is of "US": the description wins).
 * "UK" is the one common non-ISO code (ISO has GB).
 */
export function normaliseCountry(text: string): string | Rejection {
	const country = text.toLowerCase();
	if (country === 'uk') return 'gb';
	if (/^[a-z]{2}$/.test(country)) return country;
	return {
		rule: 'is not a two-letter ISO 3166 code',
		fix: 'Map the two-letter country code, e.g. US, GB or DE.',
	};
}

/** Sent unhashed. "IPv4 or IPv6 format"; Pinterest asks for no pure-zero addresses (0.0.0.0), which identify nobody. */
export function checkIpAddress(ip: string): Rejection | undefined {
	const fix = "Map the customer's public IP address, or leave it empty when unknown.";
	if (/^[0.:]+$/.test(ip)) return { rule: 'is all zeros', fix };
	const isIpv6 = /^[0-9a-f:.]+$/i.test(ip) && ip.split(':').length > 2;
	return IPV4.test(ip) || isIpv6 ? undefined : { rule: 'is not an IPv4 or IPv6 address', fix };
}
