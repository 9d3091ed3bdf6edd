import { createHash } from 'crypto';

import { SHA256_HEX } from './constants';
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
	normalisePhone,
	type Normaliser,
	type Rejection,
} from './normalisers';
import { problem, readText, readTextList, take } from './read';
import type {
	Failed,
	HashedWireKey,
	InputProblem,
	PlainWireKey,
	UserDataInput,
	WireUserData,
} from './types';

/** input name → wire key → label used in problems → normaliser. */
type HashedField = [keyof UserDataInput, HashedWireKey, string, Normaliser];
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

export function sha256Hex(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Hashes each value (NFC first: the spec asks for UTF-8, and é must hash the same however it was typed). */
function hashValues(
	[input, , label, normalise]: HashedField,
	texts: string[],
	problems: InputProblem[],
): string[] {
	const hashes: string[] = [];
	for (const [index, text] of texts.entries()) {
		const normalised = SHA256_HEX.test(text) ? undefined : normalise(text.normalize('NFC'));
		if (normalised === undefined) {
			hashes.push(text.toLowerCase());
		} else if (typeof normalised === 'string') {
			hashes.push(sha256Hex(normalised));
		} else {
			const which = texts.length > 1 ? ` (value ${index + 1} of ${texts.length})` : '';
			problems.push(problem(input, `${label}${which} ${normalised.rule}`, normalised.fix));
		}
	}
	return [...new Set(hashes)];
}

/** Spec `ConversionEventsUserData` anyOf: `em`, or `hashed_maids`, or `client_ip_address` with `client_user_agent`. */
function identityProblem(userData: WireUserData): InputProblem | undefined {
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
	return problem(
		hasHalfPair ? otherHalf : 'email',
		`Pinterest needs an email, a mobile ad ID, or both client IP address and client user agent to match the event; missing: ${missing.join(', ')}`,
		'Map at least one of these fields; client IP address and user agent only count together.',
	);
}

/** Normalises and hashes user data by Pinterest's rules and checks that the event can be matched to a person. */
export function buildUserData(
	source: UserDataInput,
): { ok: true; userData: WireUserData } | Failed {
	const problems: InputProblem[] = [];
	const userData: WireUserData = {};
	for (const field of HASHED_FIELDS) {
		const [input, wire, label] = field;
		const texts = take(readTextList(source[input], input, label), problems);
		const hashes = texts ? hashValues(field, texts, problems) : [];
		if (hashes.length > 0) userData[wire] = hashes;
	}
	for (const [input, wire, label, check] of PLAIN_FIELDS) {
		const text = take(readText(source[input], input, label), problems);
		const invalid = text !== undefined ? check?.(text) : undefined;
		if (invalid) problems.push(problem(input, `${label} ${invalid.rule}`, invalid.fix));
		else if (text !== undefined) userData[wire] = text;
	}
	const identityInputFailed = problems.some((found) =>
		IDENTITY_FIELDS.some(([input]) => input === found.field),
	);
	const missingIdentity = identityInputFailed ? undefined : identityProblem(userData);
	if (missingIdentity) problems.push(missingIdentity);
	return problems.length > 0 ? { ok: false, problems } : { ok: true, userData };
}
