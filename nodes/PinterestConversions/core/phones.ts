import { MAX_PHONE_DIGITS, MIN_PHONE_DIGITS } from './conversionsApiRules';
import type { Rejection } from './normalisers';

/**
 * Calling codes of the countries where a national number is written with a trunk 0 that is dropped after the
 * country code (020 7946 0958 in GB is +44 20 7946 0958). Countries missing here are not guessed: their national
 * numbers are left out with a reason instead of being sent as digits that can never match.
 */
const TRUNK_ZERO_CALLING_CODES: Readonly<Record<string, string>> = {
	ae: '971',
	af: '93',
	at: '43',
	au: '61',
	ba: '387',
	bd: '880',
	be: '32',
	bg: '359',
	br: '55',
	ch: '41',
	cn: '86',
	de: '49',
	dz: '213',
	eg: '20',
	et: '251',
	fi: '358',
	fr: '33',
	gb: '44',
	gh: '233',
	hr: '385',
	id: '62',
	ie: '353',
	il: '972',
	in: '91',
	iq: '964',
	ir: '98',
	jo: '962',
	jp: '81',
	ke: '254',
	kh: '855',
	kr: '82',
	lb: '961',
	lk: '94',
	ma: '212',
	mk: '389',
	mm: '95',
	my: '60',
	ng: '234',
	nl: '31',
	np: '977',
	nz: '64',
	pe: '51',
	ph: '63',
	pk: '92',
	ro: '40',
	rs: '381',
	sa: '966',
	se: '46',
	si: '386',
	sk: '421',
	th: '66',
	tr: '90',
	tw: '886',
	tz: '255',
	ua: '380',
	ug: '256',
	vn: '84',
	za: '27',
};

/** Countries whose national numbers keep their leading 0 after the country code (+39 06 …). */
const LEADING_ZERO_KEPT_CALLING_CODES: Readonly<Record<string, string>> = {
	it: '39',
	sm: '378',
	va: '39',
};

/** North American Numbering Plan: a 10-digit national number gets the country code 1. */
const NANP_COUNTRIES = new Set(['us', 'ca', 'pr', 'vi', 'gu', 'as', 'mp']);

const WITH_COUNTRY_CODE = 'Map the phone number with its country code (e.g. +44 20 7946 0958)';

/**
 * "only digits with country code … Remove any symbols, letters, spaces and leading zeros". A number written
 * internationally (+ or 00) is only cleaned. A national number (one leading 0, or a 10-digit North American number)
 * gets the calling code of the event's country, which is the two-letter code already normalised (or undefined).
 * "(0)" is the trunk prefix: inside an international number (+44 (0)20 …) it is never dialled, while a national
 * number written with it ((0)20 7946 0958) starts with that 0.
 */
export function normalisePhone(text: string, country?: string): string | Rejection {
	const international = /^\s*(\+|00)/.test(text);
	const cleaned = international ? text.replace(/\(\s*0\s*\)/g, '') : text;
	let digits = cleaned.replace(/\D/g, '');
	if (digits.replace(/^0+/, '') === '') {
		return { rule: 'has no digits', fix: `${WITH_COUNTRY_CODE}.` };
	}
	if (!international && /^0[1-9]/.test(digits)) {
		if (country === undefined) {
			return {
				rule: 'is a national number (leading 0) without a country code, and the event has no Country',
				fix: `${WITH_COUNTRY_CODE}, or map Country so the calling code can be added.`,
			};
		}
		const dropsZero = TRUNK_ZERO_CALLING_CODES[country];
		const keepsZero = LEADING_ZERO_KEPT_CALLING_CODES[country];
		if (dropsZero === undefined && keepsZero === undefined) {
			return {
				rule: "is a national number (leading 0) and the calling code of the event's Country is not known here",
				fix: `${WITH_COUNTRY_CODE}.`,
			};
		}
		digits = dropsZero !== undefined ? dropsZero + digits.slice(1) : keepsZero + digits;
	} else if (!international && country !== undefined && NANP_COUNTRIES.has(country)) {
		if (digits.length === 10) digits = `1${digits}`;
	}
	digits = digits.replace(/^0+/, '');
	if (digits.length < MIN_PHONE_DIGITS) {
		return {
			rule: `has ${digits.length} digits, too few for a number with its country code`,
			fix: `${WITH_COUNTRY_CODE}.`,
		};
	}
	if (digits.length > MAX_PHONE_DIGITS) {
		return {
			rule: `has more than ${MAX_PHONE_DIGITS} digits`,
			fix: 'Map one phone number with country code, without extension.',
		};
	}
	return digits;
}
