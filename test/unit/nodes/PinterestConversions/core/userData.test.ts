import { createHash } from 'crypto';

import { buildUserData } from '../../../../../nodes/PinterestConversions/core/userData';
import type { UserDataInput } from '../../../../../nodes/PinterestConversions/core/userData';
import { accepted, refused } from '../../../helpers/outcomes';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const IP_AND_AGENT = { clientIpAddress: '203.0.113.7', clientUserAgent: 'Mozilla/5.0 (iPhone)' };

const userDataOf = (input: UserDataInput) => accepted(buildUserData(input)).userData;
const problemsOf = (input: UserDataInput) => refused(buildUserData(input));

describe('buildUserData: hashing', () => {
	it('matches digests computed outside the code', () => {
		expect(userDataOf({ email: 'test@example.com' }).em).toEqual([
			'973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b',
		]);
		expect(userDataOf({ email: 'a@b.com', phone: '+1 (650) 555-1234' })).toEqual({
			em: ['fb98d44ad7501a959f3f4f4a3f004fe2d9e581ea6207e218c4b02c08a4d75adf'],
			ph: ['6069d14bf122fdfd931dc7beb58e5dfbba395b1faf05bdcd42d12358d63d8599'],
		});
		expect(userDataOf({ email: 'a@b.com', city: 'Menlo Park', country: ' us ' })).toEqual({
			em: [sha256('a@b.com')],
			ct: ['0007a3d64c01e23d5075203c5977c14e4f7e01a3fc570686fcc50b5e1dd42685'],
			country: ['79adb2a2fce5c6ba215fe5f27f532d4e7edbac4b6a5e09e1ef3a08084a904621'],
		});
	});

	it('trims and lower-cases mixed-case emails with spaces', () => {
		expect(userDataOf({ email: '  Test@Example.COM \n' }).em).toEqual([sha256('test@example.com')]);
	});

	it('takes several values per field, drops empty ones and duplicates', () => {
		expect(userDataOf({ email: ['A@b.com', '', null, 'c@d.org', 'a@B.com'] }).em).toEqual([
			sha256('a@b.com'),
			sha256('c@d.org'),
		]);
	});

	it('never splits a single text on commas', () => {
		expect(userDataOf({ email: 'a@b.com', lastName: 'Smith, Jr.' }).ln).toEqual([
			sha256('smith, jr.'),
		]);
	});

	it('passes already-hashed values through, lower-cased, in upper- or lower-case hex', () => {
		const digest = sha256('a@b.com');
		expect(userDataOf({ email: [digest.toUpperCase(), ` ${digest} `] }).em).toEqual([digest]);
		expect(userDataOf({ email: 'a@b.com', phone: digest.toUpperCase() }).ph).toEqual([digest]);
	});

	it('sends IP, user agent, click id and partner id unhashed', () => {
		expect(
			userDataOf({ ...IP_AND_AGENT, clickId: ' dj0yJnU9b2JD ', partnerId: 'ramp-123' }),
		).toEqual({
			client_ip_address: '203.0.113.7',
			client_user_agent: 'Mozilla/5.0 (iPhone)',
			click_id: 'dj0yJnU9b2JD',
			partner_id: 'ramp-123',
		});
	});

	it('only ever emits spec keys, whatever else the input holds', () => {
		const input = { email: 'a@b.com', emailAddress: 'x@y.z', em: 'raw' } as UserDataInput;
		expect(Object.keys(userDataOf(input))).toEqual(['em']);
	});

	it('hashes composed and decomposed accents the same (NFC)', () => {
		const composed = userDataOf({ email: 'a@b.com', firstName: 'Ren\u00e9' }).fn;
		const decomposed = userDataOf({ email: 'a@b.com', firstName: 'Rene\u0301' }).fn;
		expect(composed).toEqual([sha256('ren\u00e9')]);
		expect(decomposed).toEqual(composed);
	});
});

describe('buildUserData: identity rule', () => {
	it.each([
		['an email', { email: 'a@b.com' }],
		['a mobile ad id', { mobileAdId: '38400000-8CF0-11BD-B23E-10B96E40000D' }],
		['IP address with user agent', IP_AND_AGENT],
	])('is met by %s', (_way, input) => {
		expect(buildUserData(input).ok).toBe(true);
	});

	it('names every missing field when there is no identity at all', () => {
		expect(problemsOf({ firstName: 'Ada', phone: '+44 20 7946 0958' })).toEqual([
			{
				field: 'email',
				message:
					'Pinterest needs an email, a mobile ad ID, or both client IP address and client user agent to match the event; missing: email, mobileAdId, clientIpAddress, clientUserAgent',
				fix: 'Map at least one of these fields; client IP address and user agent only count together.',
			},
		]);
	});

	it('points at the other half when only IP or only user agent is given', () => {
		const ipOnly = problemsOf({ clientIpAddress: '203.0.113.7' });
		expect(ipOnly.map((found) => found.field)).toEqual(['clientUserAgent']);
		expect(ipOnly[0].message).toMatch(/missing: email, mobileAdId, clientUserAgent$/);
		expect(problemsOf({ clientUserAgent: 'Mozilla/5.0' })[0].field).toBe('clientIpAddress');
	});

	it('leaves out an unusable IP address and does not count it', () => {
		expect(problemsOf({ ...IP_AND_AGENT, clientIpAddress: '0.0.0.0' })).toEqual([
			{
				field: 'clientIpAddress',
				message:
					'Pinterest needs an email, a mobile ad ID, or both client IP address and client user agent to match the event; missing: email, mobileAdId, clientIpAddress (Client IP address is all zeros)',
				fix: 'Map at least one of these fields; client IP address and user agent only count together.',
			},
		]);
		expect(
			accepted(buildUserData({ ...IP_AND_AGENT, email: 'a@b.com', clientIpAddress: '999.1.1.1' })),
		).toEqual({
			userData: { em: [sha256('a@b.com')], client_user_agent: IP_AND_AGENT.clientUserAgent },
			dropped: [
				{ field: 'clientIpAddress', reason: 'Client IP address is not an IPv4 or IPv6 address' },
			],
		});
		expect(userDataOf({ ...IP_AND_AGENT, clientIpAddress: '2001:db8::1' }).client_ip_address).toBe(
			'2001:db8::1',
		);
	});
});

describe('buildUserData: what cannot be used is left out, named without personal data', () => {
	const raw = {
		email: 'jane.doe.private@example.org',
		phone: '++ ext',
		gender: 'Prefer-Not-To-Say',
		dateOfBirth: '07/04/1985',
		state: 'Bavaria',
		country: 'Deutschland',
		mobileAdId: 'not-a-real-maid-value',
		clientIpAddress: '10.20.30',
	};

	it('reports each broken rule by field, without the value, and sends the rest', () => {
		const outcome = buildUserData({
			...raw,
			email: ['ok@example.com', 'jane.doe.private-at-example.org'],
		});
		if (!outcome.ok) throw new Error('expected the event to be sent');
		expect(outcome.value.userData).toEqual({ em: [sha256('ok@example.com')] });
		expect(outcome.value.dropped.map((found) => [found.field, found.reason])).toEqual([
			['email', 'Email (value 2 of 2) is not an email address'],
			['phone', 'Phone has no digits'],
			['gender', 'Gender is not one of m/male/man, f/female/woman, n/non-binary'],
			[
				'dateOfBirth',
				'Date of birth is written day-first or month-first (DD/MM/YYYY or MM/DD/YYYY), which is ambiguous',
			],
			['state', 'State is not a two-letter state code'],
			['country', 'Country is not a two-letter ISO 3166 code'],
			['mobileAdId', 'Mobile ad ID is not a GAID or IDFA (8-4-4-4-12 hexadecimal, not all zeros)'],
			['clientIpAddress', 'Client IP address is not an IPv4 or IPv6 address'],
		]);
		const json = JSON.stringify(outcome.value.dropped).toLowerCase();
		for (const value of [...Object.values(raw), 'jane.doe.private-at-example.org']) {
			expect(json).not.toContain(value.toLowerCase());
		}
	});

	it('objects and inexact numbers are left out without echoing them', () => {
		expect(
			accepted(buildUserData({ email: 'a@b.com', externalId: { id: 'c-1' }, phone: 2 ** 64 })),
		).toEqual({
			userData: { em: [sha256('a@b.com')] },
			dropped: [
				{ field: 'phone', reason: 'Phone is a number too large to be exact' },
				{ field: 'externalId', reason: 'External ID must be text' },
			],
		});
	});
});

describe('buildUserData: phones and zips that can match', () => {
	it("gives a national number (trunk 0) the calling code of the event's country", () => {
		expect(userDataOf({ email: 'a@b.com', phone: '020 7946 0958', country: 'GB' }).ph).toEqual([
			sha256('442079460958'),
		]);
		expect(userDataOf({ email: 'a@b.com', phone: '030 1234567', country: 'de' }).ph).toEqual([
			sha256('49301234567'),
		]);
		// Italy keeps the 0 after the country code.
		expect(userDataOf({ email: 'a@b.com', phone: '06 1234 5678', country: 'IT' }).ph).toEqual([
			sha256('390612345678'),
		]);
		expect(userDataOf({ email: 'a@b.com', phone: '(650) 555-1234', country: 'US' }).ph).toEqual([
			sha256('16505551234'),
		]);
		// Written internationally: only cleaned, whatever the country.
		expect(
			userDataOf({ email: 'a@b.com', phone: '+44 (0)20 7946 0958', country: 'US' }).ph,
		).toEqual([sha256('442079460958')]);
	});

	it('leaves out a national number whose calling code is unknown, with the reason', () => {
		expect(accepted(buildUserData({ email: 'a@b.com', phone: '020 7946 0958' }))).toEqual({
			userData: { em: [sha256('a@b.com')] },
			dropped: [
				{
					field: 'phone',
					reason:
						'Phone is a national number (leading 0) without a country code, and the event has no Country',
				},
			],
		});
		const noCode = buildUserData({ email: 'a@b.com', phone: '020 7946 0958', country: 'AQ' });
		expect(noCode.ok && noCode.value.dropped[0].field).toBe('phone');
		expect(noCode.ok && noCode.value.userData.ph).toBeUndefined();
	});

	it('keeps the leading zeros of a US zip given as a number', () => {
		expect(userDataOf({ email: 'a@b.com', zip: 2134 }).zp).toEqual([sha256('02134')]);
		expect(userDataOf({ email: 'a@b.com', zip: 2134, country: 'US' }).zp).toEqual([
			sha256('02134'),
		]);
		expect(userDataOf({ email: 'a@b.com', zip: 21341234 }).zp).toEqual([sha256('02134')]);
		expect(userDataOf({ email: 'a@b.com', zip: 1067, country: 'DE' }).zp).toEqual([sha256('1067')]);
	});
});

describe('buildUserData: the SHA-256 of an empty text is no identity', () => {
	const EMPTY_TEXT_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

	it('is the digest of ""', () => {
		expect(sha256('')).toBe(EMPTY_TEXT_SHA256);
	});

	it('drops it, in any case of hex, from every hashed field, with a reason', () => {
		const outcome = accepted(
			buildUserData({
				...IP_AND_AGENT,
				email: [EMPTY_TEXT_SHA256.toUpperCase(), 'a@b.com'],
				phone: EMPTY_TEXT_SHA256,
				firstName: EMPTY_TEXT_SHA256,
				externalId: EMPTY_TEXT_SHA256,
				mobileAdId: EMPTY_TEXT_SHA256,
			}),
		);
		expect(outcome).toEqual({
			userData: {
				em: [sha256('a@b.com')],
				client_ip_address: IP_AND_AGENT.clientIpAddress,
				client_user_agent: IP_AND_AGENT.clientUserAgent,
			},
			dropped: [
				{ field: 'email', reason: 'Email (value 1 of 2) is the SHA-256 of an empty text' },
				{ field: 'phone', reason: 'Phone is the SHA-256 of an empty text' },
				{ field: 'firstName', reason: 'First name is the SHA-256 of an empty text' },
				{ field: 'externalId', reason: 'External ID is the SHA-256 of an empty text' },
				{ field: 'mobileAdId', reason: 'Mobile ad ID is the SHA-256 of an empty text' },
			],
		});
	});

	it('refuses an event whose only identity is that digest', () => {
		expect(problemsOf({ email: EMPTY_TEXT_SHA256, phone: EMPTY_TEXT_SHA256 })).toEqual([
			{
				field: 'email',
				message:
					'Pinterest needs an email, a mobile ad ID, or both client IP address and client user agent to match the event; missing: email, mobileAdId, clientIpAddress, clientUserAgent (Email is the SHA-256 of an empty text)',
				fix: 'Map at least one of these fields; client IP address and user agent only count together.',
			},
		]);
	});
});
