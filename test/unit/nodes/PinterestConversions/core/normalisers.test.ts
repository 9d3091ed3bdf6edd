import { createHash } from 'crypto';

import {
	normaliseCity,
	normaliseCountry,
	normaliseState,
	normaliseZip,
} from '../../../../../nodes/PinterestConversions/core/addressNormalisers';
import {
	normaliseDateOfBirth,
	normaliseEmail,
	normaliseExternalId,
	normaliseGender,
	normaliseMobileAdId,
	normaliseName,
} from '../../../../../nodes/PinterestConversions/core/normalisers';
import { normalisePhone } from '../../../../../nodes/PinterestConversions/core/phones';
import { buildUserData } from '../../../../../nodes/PinterestConversions/core/userData';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const rejected = (rule: string) => expect.objectContaining({ rule });

describe('normalisePhone: digits only with country code, no leading zeros', () => {
	it.each([
		['+1 (650) 555-1234', '16505551234'],
		['00 44 20 7946 0958', '442079460958'],
		['+49 (0)30-1234567', '49301234567'],
		['+44 (0) 20 7946 0958', '442079460958'],
		['1.650.555.1234', '16505551234'],
		['tel:+33 1 23 45 67 89', '33123456789'],
	])('%s → %s', (input, expected) => {
		expect(normalisePhone(input)).toBe(expected);
	});

	it.each([
		['020 7946 0958', 'gb', '442079460958'],
		['0151 234 5678', 'gb', '441512345678'],
		['06 12 34 56 78', 'fr', '33612345678'],
		['06 1234 5678', 'it', '390612345678'],
		['650-555-1234', 'us', '16505551234'],
		['1 650 555 1234', 'us', '16505551234'],
		['+33 6 12 34 56 78', 'us', '33612345678'],
		['0033 6 12 34 56 78', 'gb', '33612345678'],
	])('%s with country %s → %s', (input, country, expected) => {
		expect(normalisePhone(input, country)).toBe(expected);
	});

	it('reads a national number written with the trunk prefix in brackets as that leading 0', () => {
		expect(normalisePhone('(0)20 7946 0958', 'gb')).toBe('442079460958');
		expect(normalisePhone('( 0 ) 30 1234567', 'de')).toBe('49301234567');
		expect(normalisePhone('(0)20 7946 0958')).toEqual(
			rejected(
				'is a national number (leading 0) without a country code, and the event has no Country',
			),
		);
	});

	it('refuses a number too short to hold a country code', () => {
		expect(normalisePhone('555 12')).toEqual(
			rejected('has 5 digits, too few for a number with its country code'),
		);
		expect(normalisePhone('12-34-56', 'fr')).toEqual(
			rejected('has 6 digits, too few for a number with its country code'),
		);
		expect(normalisePhone('+683 4002')).toBe('6834002');
	});

	it('refuses a national number whose calling code cannot be known', () => {
		expect(normalisePhone('020 7946 0958')).toEqual(
			rejected(
				'is a national number (leading 0) without a country code, and the event has no Country',
			),
		);
		expect(normalisePhone('020 7946 0958', 'aq')).toEqual(
			rejected(
				"is a national number (leading 0) and the calling code of the event's Country is not known here",
			),
		);
	});

	it('refuses text without digits and runs of more than 15 digits', () => {
		expect(normalisePhone('n/a')).toEqual(rejected('has no digits'));
		expect(normalisePhone('+1 650 555 1234 ext 98765')).toEqual(
			rejected('has more than 15 digits'),
		);
	});

	it('hashes the canonical digits (known digests)', () => {
		const outcome = buildUserData({
			email: 'a@b.com',
			phone: ['+1 (650) 555-1234', '00 44 20 7946 0958'],
		});
		expect(outcome.ok && outcome.value.userData.ph).toEqual([
			'6069d14bf122fdfd931dc7beb58e5dfbba395b1faf05bdcd42d12358d63d8599',
			'35e206e5dec4c89b9e8b71b8c32724a5bb518483ac5a20c6617d738375b3b823',
		]);
	});
});

describe('normaliseGender', () => {
	it.each([
		['m', 'm'],
		['Male', 'm'],
		[' MAN', 'm'],
		['F', 'f'],
		['female', 'f'],
		['Woman', 'f'],
		['n', 'n'],
		['non-binary', 'n'],
		['Nonbinary', 'n'],
		['non binary', 'n'],
		['NON_BINARY', 'n'],
	])('%s → %s', (input, expected) => {
		expect(normaliseGender(input)).toBe(expected);
	});

	it.each(['x', 'other', 'unknown', 'u', 'mf'])('refuses %s', (input) => {
		expect(normaliseGender(input)).toEqual(
			rejected('is not one of m/male/man, f/female/woman, n/non-binary'),
		);
	});

	it('hashes the one-letter code (known digests)', () => {
		const outcome = buildUserData({ email: 'a@b.com', gender: ['Female', 'male', 'non-binary'] });
		expect(outcome.ok && outcome.value.userData.ge).toEqual([
			'252f10c83610ebca1a059c0bae8255eba2f95be4d1d7bcfa89d7248a82d9f111',
			'62c66a7a5dd70c3146618063c344e531e6d4b59e379808443ce962b3abd63c5a',
			'1b16b1df538ba12dc3f97edbb85caa7050d46c148134290feba80f8236c83db9',
		]);
	});
});

describe('normaliseDateOfBirth: YYYYMMDD from year-first forms only', () => {
	it.each([
		['1990-04-07', '19900407'],
		['19900407', '19900407'],
		['1990/04/07', '19900407'],
		['1990.04.07', '19900407'],
		['1990-04-07T00:00:00', '19900407'],
		['1990-04-07T00:00:00.000Z', '19900407'],
		['2000-02-29', '20000229'],
	])('%s → %s', (input, expected) => {
		expect(normaliseDateOfBirth(input)).toBe(expected);
	});

	it.each(['04/07/1990', '7.4.1990', '07-04-90'])(
		'refuses the ambiguous day/month-first %s',
		(input) => {
			expect(normaliseDateOfBirth(input)).toEqual(
				rejected(
					'is written day-first or month-first (DD/MM/YYYY or MM/DD/YYYY), which is ambiguous',
				),
			);
		},
	);

	it.each(['April 7, 1990', '1990-4-7', '1990-04/07', '1990-04-06T22:00:00.000Z'])(
		'refuses %s, which is not YYYY-MM-DD or YYYYMMDD',
		(input) => {
			expect(normaliseDateOfBirth(input)).toEqual(
				rejected('is not a date in the form YYYY-MM-DD or YYYYMMDD'),
			);
		},
	);

	it.each(['1990-02-30', '1990-13-01', '0001-01-01', '2001-02-29'])(
		'refuses the impossible date %s',
		(input) => {
			expect(normaliseDateOfBirth(input)).toEqual(
				rejected('is not a real calendar date after 1900'),
			);
		},
	);

	it('hashes YYYYMMDD (known digest)', () => {
		const outcome = buildUserData({ email: 'a@b.com', dateOfBirth: '1990-04-07' });
		expect(outcome.ok && outcome.value.userData.db).toEqual([
			'ff60a4909c117630a910cfcbafc5f1569a48e104fc8fdcc19c8709a051568276',
		]);
	});
});

describe('address fields', () => {
	it.each([
		['Menlo Park', 'menlopark'],
		["  St. John's ", 'stjohns'],
		['Saint-Étienne', 'saintétienne'],
		['Winston-Salem', 'winstonsalem'],
	])('city %s → %s', (input, expected) => {
		expect(normaliseCity(input)).toBe(expected);
	});

	it('state is a two-letter code, lower-cased', () => {
		expect(normaliseState('CA')).toBe('ca');
		expect(normaliseState('California')).toEqual(rejected('is not a two-letter state code'));
	});

	it.each([
		['94025', '94025'],
		['94025-1234', '94025'],
		['940251234', '94025'],
		['02134', '02134'],
		['SW1A 1AA', 'sw1a1aa'],
		['K1A 0B1', 'k1a0b1'],
		['01310-100', '01310100'],
	])('zip %s → %s', (input, expected) => {
		expect(normaliseZip(input)).toBe(expected);
	});

	it.each([
		['US', 'us'],
		['de', 'de'],
		['UK', 'gb'],
	])('country %s → %s', (input, expected) => {
		expect(normaliseCountry(input)).toBe(expected);
	});

	it.each(['USA', 'United States', 'U.S.'])('refuses country %s', (input) => {
		expect(normaliseCountry(input)).toEqual(rejected('is not a two-letter ISO 3166 code'));
	});

	it('hashes the normalised address (known digests)', () => {
		const outcome = buildUserData({
			email: 'a@b.com',
			state: ' CA',
			zip: '94025-1234',
			city: 'Menlo Park',
		});
		expect(outcome.ok && outcome.value.userData).toMatchObject({
			ct: ['0007a3d64c01e23d5075203c5977c14e4f7e01a3fc570686fcc50b5e1dd42685'],
			st: ['6959097001d10501ac7d54c0bdb8db61420f658f2922cc26e46d536119a31126'],
			zp: ['b9a9cf3cd3723a2e91b7c23ecf68456e872b6e5d86e5cab7f3d45a7302da32c7'],
		});
	});
});

describe('names, ids and emails', () => {
	it('names are lower-cased; inner spaces collapse to one, punctuation stays', () => {
		expect(normaliseName('Mary   Ann')).toBe('mary ann');
		expect(normaliseName("O'Brien-Smith")).toBe("o'brien-smith");
	});

	it('external ids are hashed exactly as given (after trimming)', () => {
		expect(normaliseExternalId('User-ABC-42')).toBe('User-ABC-42');
		const outcome = buildUserData({ email: 'a@b.com', externalId: [' User-ABC-42 ', 42] });
		expect(outcome.ok && outcome.value.userData.external_id).toEqual([
			sha256('User-ABC-42'),
			sha256('42'),
		]);
	});

	it('mobile ad ids are lower-cased UUIDs; the all-zero IDFA is refused', () => {
		expect(normaliseMobileAdId('38400000-8CF0-11BD-B23E-10B96E40000D')).toBe(
			'38400000-8cf0-11bd-b23e-10b96e40000d',
		);
		expect(normaliseMobileAdId('00000000-0000-0000-0000-000000000000')).toEqual(
			rejected('is not a GAID or IDFA (8-4-4-4-12 hexadecimal, not all zeros)'),
		);
		const outcome = buildUserData({ mobileAdId: '38400000-8CF0-11BD-B23E-10B96E40000D' });
		expect(outcome.ok && outcome.value.userData.hashed_maids).toEqual([
			sha256('38400000-8cf0-11bd-b23e-10b96e40000d'),
		]);
	});

	it('emails need an @ to catch a name or phone mapped by mistake', () => {
		expect(normaliseEmail('Jane@Example.com')).toBe('jane@example.com');
		expect(normaliseEmail('Jane Doe')).toEqual(rejected('is not an email address'));
		expect(normaliseEmail('Jane Doe <Jane@Example.com>')).toBe('jane@example.com');
		expect(normaliseEmail('MAILTO:Jane@Example.com')).toBe('jane@example.com');
		expect(normaliseEmail('Jane Doe <jane@example.com> extra')).toEqual(
			rejected('is not an email address'),
		);
	});
});
