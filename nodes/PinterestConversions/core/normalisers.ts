import { DateTime } from 'luxon';

/**
 * Per-field normalisation before SHA-256, following the descriptions in the spec's
 * `ConversionEventsUserDataProperties`. Input is trimmed and NFC-normalised text. A rejection says which rule
 * failed and never repeats the value: these are personal data.
 */
export interface Rejection {
	rule: string;
	fix: string;
}

export type Normaliser = (text: string) => string | Rejection;

/**
 * "lowercase version of user's email addresses". The shape check catches a name or phone mapped by mistake. A mail
 * header form ("Jane Doe <jane@example.com>") and a link ("mailto:jane@example.com") carry one address: only the
 * address is hashed, since Pinterest matches on it alone.
 */
export function normaliseEmail(text: string): string | Rejection {
	const inAngles = /<([^<>\s]+)>$/.exec(text);
	const email = (inAngles ? inAngles[1] : text).replace(/^mailto:/i, '').toLowerCase();
	if (/^[^\s@]+@[^\s@]+$/.test(email)) return email;
	return { rule: 'is not an email address', fix: 'Map the customer email (name@domain).' };
}

/**
 * Names: the spec asks only for "lowercase", unlike city ("without spaces or punctuation"), so inner spaces,
 * hyphens and apostrophes are kept ("mary ann", "o'brien"); runs of spaces become one.
 */
export function normaliseName(text: string): string {
	return text.toLowerCase().replace(/\s+/g, ' ');
}

const GENDER_CODES: Readonly<Record<string, string>> = {
	m: 'm',
	male: 'm',
	man: 'm',
	f: 'f',
	female: 'f',
	woman: 'f',
	n: 'n',
	nonbinary: 'n',
};

/**
 * "Either "f" or "m" or "n" for non-binary gender" (the spec's example hash is of "male": the description wins).
 * Common spellings map to those letters; anything else is refused rather than guessed.
 */
export function normaliseGender(text: string): string | Rejection {
	const code = GENDER_CODES[text.toLowerCase().replace(/[\s_-]/g, '')];
	if (code !== undefined) return code;
	return {
		rule: 'is not one of m/male/man, f/female/woman, n/non-binary',
		fix: 'Map one of those values, or leave Gender empty when it is unknown.',
	};
}

const YEAR_FIRST_DATE =
	/^(\d{4})(?:(\d{2})(\d{2})|([-/.])(\d{2})\4(\d{2})(?:T00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?)?)$/;
const DAY_OR_MONTH_FIRST = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/;

/**
 * `YYYYMMDD`. Only year-first forms are read: 04/07/1990 is April 7 in the US and July 4 elsewhere. A time part is
 * allowed only at UTC midnight, since any other time shows the date was shifted by a time-zone conversion.
 */
export function normaliseDateOfBirth(text: string): string | Rejection {
	const match = YEAR_FIRST_DATE.exec(text);
	if (!match) {
		const rule = DAY_OR_MONTH_FIRST.test(text)
			? 'is written day-first or month-first (DD/MM/YYYY or MM/DD/YYYY), which is ambiguous'
			: 'is not a date in the form YYYY-MM-DD or YYYYMMDD';
		return { rule, fix: 'Map the birth date year first, as YYYY-MM-DD or YYYYMMDD.' };
	}
	const [year, month, day] = [match[1], match[2] ?? match[5], match[3] ?? match[6]];
	const date = DateTime.fromObject({ year: +year, month: +month, day: +day }, { zone: 'utc' });
	if (!date.isValid || +year < 1900) {
		return {
			rule: 'is not a real calendar date after 1900',
			fix: 'Check the day, month and year of the birth date.',
		};
	}
	return `${year}${month}${day}`;
}

/** Kept as given (trimmed): ids can be case-sensitive, and the same id must hash the same on every event. */
export function normaliseExternalId(text: string): string {
	return text;
}

/** GAID and IDFA are UUIDs, hashed lowercase. The all-zero IDFA means "tracking limited" and names nobody. */
export function normaliseMobileAdId(text: string): string | Rejection {
	const id = text.toLowerCase();
	if (/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/.test(id) && /[1-9a-f]/.test(id)) return id;
	return {
		rule: 'is not a GAID or IDFA (8-4-4-4-12 hexadecimal, not all zeros)',
		fix: 'Map the device advertising ID, or leave Mobile Ad ID empty when tracking is limited.',
	};
}
