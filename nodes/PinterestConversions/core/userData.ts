import { hash } from 'crypto';

import { EMPTY_TEXT_SHA256, SHA256_HEX } from './conversionsApiRules';
import {
	checkIpAddress,
	normaliseCity,
	normaliseCountry,
	normaliseState,
	normaliseZip,
} from './addressNormalisers';
import {
	normaliseDateOfBirth,
	normaliseEmail,
	normaliseExternalId,
	normaliseGender,
	normaliseMobileAdId,
	normaliseName,
	type Normaliser,
	type Rejection,
} from './normalisers';
import { normalisePhone } from './phones';
import { drop, fail, pass, problem, readText, readTextList } from './input';
import type { Checked, DroppedField, InputProblem } from './input';

export type HashedWireKey =
	| 'em'
	| 'ph'
	| 'fn'
	| 'ln'
	| 'ge'
	| 'db'
	| 'ct'
	| 'st'
	| 'zp'
	| 'country'
	| 'external_id'
	| 'hashed_maids';

export type PlainWireKey = 'client_ip_address' | 'client_user_agent' | 'click_id' | 'partner_id';

/** Wire `user_data` (spec `ConversionEventsUserDataProperties`): hashed keys hold SHA-256 hex lists. */
export type WireUserData = Partial<Record<HashedWireKey, string[]> & Record<PlainWireKey, string>>;

/**
 * Inputs are `unknown` because they come from n8n expressions. Hashed fields take one text or a list; a single
 * text is one value and is never split on commas (names and addresses may contain them).
 */
export interface UserDataInput {
	email?: unknown;
	phone?: unknown;
	firstName?: unknown;
	lastName?: unknown;
	gender?: unknown;
	dateOfBirth?: unknown;
	city?: unknown;
	state?: unknown;
	zip?: unknown;
	country?: unknown;
	externalId?: unknown;
	mobileAdId?: unknown;
	clientIpAddress?: unknown;
	clientUserAgent?: unknown;
	/** The epik value (`_epik` cookie or `epik=` URL parameter). */
	clickId?: unknown;
	partnerId?: unknown;
}

/** input name → wire key → label used in reasons → normaliser (the event's country passed to those that need it). */
type HashedField = [
	keyof UserDataInput,
	HashedWireKey,
	string,
	(text: string, country?: string) => ReturnType<Normaliser>,
];
type PlainField = [
	keyof UserDataInput,
	PlainWireKey,
	string,
	((text: string) => Rejection | undefined)?,
];

/**
 * Spec `ConversionEventsUserDataProperties`: each field is sent as a list of SHA-256 hex digests of the normalised
 * values. A value that already is a digest (SHA256_HEX) is passed through, lower-cased, not hashed twice.
 */
const HASHED_FIELDS: readonly HashedField[] = [
	['email', 'em', 'Email', normaliseEmail],
	['phone', 'ph', 'Phone', normalisePhone],
	['firstName', 'fn', 'First name', normaliseName],
	['lastName', 'ln', 'Last name', normaliseName],
	['gender', 'ge', 'Gender', normaliseGender],
	['dateOfBirth', 'db', 'Date of birth', normaliseDateOfBirth],
	['city', 'ct', 'City', normaliseCity],
	['state', 'st', 'State', normaliseState],
	['zip', 'zp', 'Zip', normaliseZip],
	['country', 'country', 'Country', normaliseCountry],
	['externalId', 'external_id', 'External ID', normaliseExternalId],
	['mobileAdId', 'hashed_maids', 'Mobile ad ID', normaliseMobileAdId],
];

/** Sent as given: Pinterest matches IP, user agent, epik and partner ids unhashed. */
const PLAIN_FIELDS: readonly PlainField[] = [
	['clientIpAddress', 'client_ip_address', 'Client IP address', checkIpAddress],
	['clientUserAgent', 'client_user_agent', 'Client user agent'],
	['clickId', 'click_id', 'Click ID'],
	['partnerId', 'partner_id', 'Partner ID'],
];

/** The inputs behind the spec's identity rule, with their wire keys. */
const IDENTITY_FIELDS: ReadonlyArray<[keyof UserDataInput, keyof WireUserData]> = [
	['email', 'em'],
	['mobileAdId', 'hashed_maids'],
	['clientIpAddress', 'client_ip_address'],
	['clientUserAgent', 'client_user_agent'],
];

/** One-shot hashing (no Hash object per value): bulk sends hash tens of thousands of values. */
export function sha256Hex(text: string): string {
	return hash('sha256', text, 'hex');
}

/** The event's country as the two-letter code phones and zips need, or undefined when not given or not usable. */
function countryOf(source: UserDataInput): string | undefined {
	const first = Array.isArray(source.country) ? source.country[0] : source.country;
	if (typeof first !== 'string') return undefined;
	const code = normaliseCountry(first.trim());
	return typeof code === 'string' ? code : undefined;
}

/**
 * A US zip code given as a number has lost its leading zeros (02134 → 2134): they are put back, 5 digits (or 9 for
 * ZIP+4), when the country is the US or not given. Other numbers are read as text.
 */
function zipInput(value: unknown, country: string | undefined): unknown {
	const pad = (zip: unknown) => {
		if (typeof zip !== 'number' || !Number.isSafeInteger(zip) || zip < 0) return zip;
		if (country !== undefined && country !== 'us') return zip;
		const digits = String(zip);
		if (digits.length <= 5) return digits.padStart(5, '0');
		return digits.length <= 9 ? digits.padStart(9, '0').slice(0, 5) : zip;
	};
	return Array.isArray(value) ? value.map(pad) : pad(value);
}

/** The digest of one value, or why it cannot be sent. */
function digestOf(
	text: string,
	normalise: HashedField[3],
	country: string | undefined,
): string | Rejection {
	let digest: string;
	if (SHA256_HEX.test(text)) digest = text.toLowerCase();
	else {
		const normalised = normalise(text.normalize('NFC'), country);
		if (typeof normalised !== 'string') return normalised;
		digest = sha256Hex(normalised);
	}
	if (digest === EMPTY_TEXT_SHA256) {
		return { rule: 'is the SHA-256 of an empty text', fix: 'Leave the field empty instead.' };
	}
	return digest;
}

/** Hashes each value (NFC first: the spec asks for UTF-8, and é must hash the same however it was typed). */
function hashValues(
	[input, , label, normalise]: HashedField,
	texts: string[],
	country: string | undefined,
	dropped: DroppedField[],
): string[] {
	const hashes: string[] = [];
	for (const [index, text] of texts.entries()) {
		const digest = digestOf(text, normalise, country);
		if (typeof digest === 'string') {
			hashes.push(digest);
		} else {
			const which = texts.length > 1 ? ` (value ${index + 1} of ${texts.length})` : '';
			dropped.push({ field: input, reason: `${label}${which} ${digest.rule}` });
		}
	}
	return [...new Set(hashes)];
}

/** Spec `ConversionEventsUserData` anyOf: `em`, or `hashed_maids`, or `client_ip_address` with `client_user_agent`. */
function identityProblem(
	userData: WireUserData,
	dropped: DroppedField[],
): InputProblem | undefined {
	if (
		userData.em ||
		userData.hashed_maids ||
		(userData.client_ip_address && userData.client_user_agent)
	) {
		return undefined;
	}
	const missing = IDENTITY_FIELDS.filter(([, wire]) => userData[wire] === undefined).map(
		([input]) => input,
	);
	const otherHalf = userData.client_ip_address ? 'clientUserAgent' : 'clientIpAddress';
	const hasHalfPair =
		userData.client_ip_address !== undefined || userData.client_user_agent !== undefined;
	const unusable = dropped
		.filter((entry) => IDENTITY_FIELDS.some(([input]) => input === entry.field))
		.map((entry) => entry.reason);
	return problem(
		hasHalfPair ? otherHalf : 'email',
		`Pinterest needs an email, a mobile ad ID, or both client IP address and client user agent to match the event; missing: ${missing.join(', ')}${unusable.length > 0 ? ` (${unusable.join('; ')})` : ''}`,
		'Map at least one of these fields; client IP address and user agent only count together.',
	);
}

/**
 * Normalises and hashes user data by Pinterest's rules. A field that cannot be used is left out and listed in
 * `dropped`; the event is refused only when what is left cannot identify anyone (the spec's identity rule).
 */
export function buildUserData(
	source: UserDataInput,
): Checked<{ userData: WireUserData; dropped: DroppedField[] }> {
	const dropped: DroppedField[] = [];
	const userData: WireUserData = {};
	const country = countryOf(source);
	for (const field of HASHED_FIELDS) {
		const [input, wire, label] = field;
		if (source[input] === undefined) continue;
		const value = input === 'zip' ? zipInput(source.zip, country) : source[input];
		const reading = readTextList(value, { field: input, label });
		const texts = drop(reading, dropped);
		const hashes = texts ? hashValues(field, texts, country, dropped) : [];
		if (hashes.length > 0) userData[wire] = hashes;
	}
	for (const [input, wire, label, check] of PLAIN_FIELDS) {
		if (source[input] === undefined) continue;
		const reading = readText(source[input], { field: input, label });
		if (!reading.ok) {
			drop(reading, dropped);
			continue;
		}
		const invalid = reading.value !== undefined ? check?.(reading.value) : undefined;
		if (invalid) dropped.push({ field: input, reason: `${label} ${invalid.rule}` });
		else if (reading.value !== undefined) userData[wire] = reading.value;
	}
	const missingIdentity = identityProblem(userData, dropped);
	if (missingIdentity) return fail(missingIdentity);
	return pass({ userData, dropped });
}
