// Bad-input catalogue, Pinterest Conversions (docs/bad-input.md): every case is one item of a single
// run in a real n8n, so each item's own outcome is asserted: exactly what reached the fake for an
// accepted item (event_time, SHA-256 of the normalised value), the field and message for a refused
// one. n8n runs with debug logging, and no log line, message or output may hold raw personal data,
// the token or a stack trace.
const { createHash } = require('node:crypto');

const { e2eContext, freshPinterestForEachTest } = require('../harness/e2eContext');
const { workflowWith, conversionsNode } = require('../harness/fixtures');
const { runWithLog, leaksIn, withoutCliErrorReport } = require('../harness/loggedRun');

const ctx = e2eContext();
freshPinterestForEachTest(ctx);
afterEach(async () => {
	expect((await ctx.fake.state()).privacyViolations).toEqual([]);
});

const US = '549755885175';
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const NOW = Math.floor(Date.now() / 1000);
const HOUR = 3600;
const DAY = 86_400;
const IP = '203.0.113.7';
const UA = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0';
const LONG = 10_000;

/** A time as ISO text with a fixed offset, e.g. 2026-11-26T12:00:00+02:00. */
function isoWithOffset(seconds, offsetHours) {
	const shifted = new Date((seconds + offsetHours * HOUR) * 1000).toISOString().slice(0, 19);
	return `${shifted}+${String(offsetHours).padStart(2, '0')}:00`;
}
const isoUtc = (seconds) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

const JANE = sha256('jane.doe@example.com');
const GB_PHONE = sha256('442079460958');
const US_PHONE = sha256('16505551234');
const TIME_FIX =
	'Map the time the conversion happened: an ISO 8601 date-time (e.g. 2025-03-10T09:00:00Z), Unix seconds or milliseconds, or a date.';
const AMOUNT_FIX =
	'Map a plain number such as 19.99: "." as decimal point, no currency symbol or thousands separator.';
const REFUND_FIX =
	'Pinterest has no refund event: send refunds elsewhere, or leave the amount empty.';
const IDENTITY_FIX =
	'Map at least one of these fields; client IP address and user agent only count together.';
const CONTENTS_KEYS_FIX =
	'Give each line item the keys id, item_price, quantity, item_name, item_category or item_brand (camelCase such as itemPrice works too).';
const EMPTY_TEXT_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/**
 * The catalogue. `item` overrides a valid order; `sent` is checked against the event the fake
 * received (only the keys given), `dropped` against the Sent item's droppedFields; `refused` lists
 * the [field, message, fix] of the Failed item's problems.
 */
const CASES = [
	// Event ID and event name
	{
		id: 'C01 missing event id',
		item: { orderId: '' },
		refused: [
			[
				'eventId',
				'Event ID is required: Pinterest uses it to drop duplicates of retries and of events the Pinterest Tag also sent',
				"Map an ID that stays the same for this event on every run, e.g. the order ID (plus the event name if one order sends several events), and use the same value as the Tag's eventID.",
			],
		],
	},
	{
		id: 'C02 unknown event name',
		item: { event: 'purchase' },
		refused: [
			[
				'eventName',
				'Event name is not a Pinterest event name. Did you mean "checkout"?',
				'Valid names: add_payment_info, add_to_cart, add_to_wishlist, app_install, checkout, custom, initiate_checkout, lead, page_visit, search, signup, subscribe, view_category, view_content, watch_video. Use "custom" for any other event.',
			],
		],
	},
	{
		id: 'C03 event name in another case',
		item: { event: 'Add To Cart' },
		sent: { event_name: 'add_to_cart' },
	},
	// Event time: what is accepted is sent as exact Unix seconds
	{
		id: 'C04 time in seconds',
		item: { time: NOW - 1 * HOUR },
		sent: { event_time: NOW - 1 * HOUR },
	},
	{
		id: 'C05 time in milliseconds',
		item: { time: (NOW - 2 * HOUR) * 1000 + 999 },
		sent: { event_time: NOW - 2 * HOUR },
	},
	{
		id: 'C06 time in seconds as text',
		item: { time: ` ${NOW - 3 * HOUR} ` },
		sent: { event_time: NOW - 3 * HOUR },
	},
	{
		id: 'C07 time in milliseconds as text',
		item: { time: String((NOW - 4 * HOUR) * 1000) },
		sent: { event_time: NOW - 4 * HOUR },
	},
	{
		id: 'C08 time as ISO 8601 with an offset',
		item: { time: isoWithOffset(NOW - 5 * HOUR, 2) },
		sent: { event_time: NOW - 5 * HOUR },
	},
	{
		id: 'C09 time as ISO 8601 UTC with milliseconds',
		item: { time: new Date((NOW - 6 * HOUR) * 1000 + 250).toISOString() },
		sent: { event_time: NOW - 6 * HOUR },
	},
	{
		id: 'C10 time as ISO 8601 without a zone (read as UTC)',
		item: { time: isoUtc(NOW - 7 * HOUR).replace('Z', '') },
		sent: { event_time: NOW - 7 * HOUR },
	},
	{
		id: 'C11 time as RFC 2822 text',
		item: { time: new Date((NOW - 8 * HOUR) * 1000).toUTCString() },
		sent: { event_time: NOW - 8 * HOUR },
	},
	{
		id: 'C12 time that is not a date',
		item: { time: 'yesterday evening' },
		refused: [['eventTime', 'Event time is not a date-time Pinterest can use', TIME_FIX]],
	},
	{
		id: 'C13 time one hour in the future',
		item: { time: NOW + HOUR },
		refused: [
			[
				'eventTime',
				`Event time ${isoUtc(NOW + HOUR)} is 60 minutes in the future`,
				'A date-time without a zone is read as UTC: add its offset (e.g. +01:00) or Z, or check the clock of the system that recorded it.',
			],
		],
	},
	{
		id: 'C14 time eight days ago',
		item: { time: NOW - 8 * DAY },
		refused: [
			[
				'eventTime',
				`Event time ${isoUtc(NOW - 8 * DAY)} is 8 days ago; Pinterest only accepts events from the last 7 days`,
				'Send conversions within 7 days of when they happened, and check that Event Time holds the conversion time in seconds or milliseconds, not another unit.',
			],
		],
	},
	{
		id: 'C15 time in microseconds',
		item: { time: (NOW - HOUR) * 1_000_000 },
		refused: [
			[
				'eventTime',
				expect.stringMatching(/^Event time \+?\d{5,}-.* minutes in the future$/),
				expect.any(String),
			],
		],
	},
	{
		id: 'C16 time as an object',
		item: { time: { seconds: NOW } },
		refused: [['eventTime', 'Event time is not a date-time Pinterest can use', TIME_FIX]],
	},
	// Value and currency
	{ id: 'C17 value as text', item: { amount: '19.99' }, sent: { custom_data: { value: '19.99' } } },
	{
		id: 'C18 value as a float',
		item: { amount: 0.1 + 0.2 },
		sent: { custom_data: { value: '0.3' } },
	},
	{
		id: 'C19 value not a number',
		item: { amount: 'abc' },
		refused: [['value', 'Value is not a decimal number', AMOUNT_FIX]],
	},
	{
		id: 'C20 value with a decimal comma',
		item: { amount: '19,99' },
		refused: [['value', 'Value is not a decimal number', AMOUNT_FIX]],
	},
	{
		id: 'C21 value with a currency symbol',
		item: { amount: '$19.99' },
		refused: [['value', 'Value is not a decimal number', AMOUNT_FIX]],
	},
	{
		id: 'C22 negative value',
		item: { amount: -5 },
		refused: [['value', 'Value must not be negative', REFUND_FIX]],
	},
	{
		id: 'C23 negative value as text',
		item: { amount: '-19.99' },
		refused: [['value', 'Value must not be negative', REFUND_FIX]],
	},
	{
		id: 'C24 currency in lower case',
		item: { currency: 'eur' },
		sent: { custom_data: { currency: 'EUR' } },
	},
	{
		id: 'C25 currency not in ISO 4217',
		item: { currency: 'XYZ' },
		refused: [
			[
				'currency',
				'Currency XYZ is not an ISO 4217 currency code',
				'Map the code of the currency the customer paid in, such as USD, EUR or GBP.',
			],
		],
	},
	{
		id: 'C26 currency as a symbol',
		item: { currency: '€' },
		refused: [
			[
				'currency',
				'Currency is not a three-letter ISO 4217 code',
				'Map a code such as USD or EUR, not a symbol.',
			],
		],
	},
	// Emails: the SHA-256 of the normalised address
	{
		id: 'C27 email with capitals and spaces',
		item: { email: '  Jane.Doe@Example.COM ' },
		sent: { user_data: { em: [JANE] } },
	},
	{
		id: 'C28 email as a mail header',
		item: { email: 'Jane Doe <Jane.Doe@Example.com>' },
		sent: { user_data: { em: [JANE] } },
	},
	{
		id: 'C29 email as a mailto link',
		item: { email: 'mailto:JANE.DOE@example.com' },
		sent: { user_data: { em: [JANE] } },
	},
	{
		id: 'C30 several emails, one repeated',
		item: { email: ['jane.doe@example.com', ' JANE.DOE@example.com', 'Shop+Tag@Example.org'] },
		sent: { user_data: { em: [JANE, sha256('shop+tag@example.org')] } },
	},
	{
		id: 'C31 email already hashed (upper-case hex)',
		item: { email: JANE.toUpperCase() },
		sent: { user_data: { em: [JANE] } },
	},
	{
		id: 'C32 email with a decomposed accent',
		item: { email: 'Jo\u0308rg@Bu\u0308cher.example' },
		sent: { user_data: { em: [sha256('j\u00f6rg@b\u00fccher.example')] } },
	},
	{
		id: 'C33 not an email (with IP and user agent)',
		item: { email: 'jane.doe(at)example.com' },
		sent: { user_data: { client_ip_address: IP } },
		noKeys: ['em'],
		dropped: [{ field: 'email', reason: 'Email is not an email address' }],
	},
	// Phones: digits with the country code, then SHA-256
	{
		id: 'C34 phone +1 with punctuation',
		item: { phone: '+1 (650) 555-1234' },
		sent: { user_data: { ph: [US_PHONE] } },
	},
	{
		id: 'C35 phone with 00 prefix',
		item: { phone: '0044 20 7946 0958' },
		sent: { user_data: { ph: [GB_PHONE] } },
	},
	{
		id: 'C36 phone with (0) trunk prefix',
		item: { phone: '+44 (0)20 7946 0958' },
		sent: { user_data: { ph: [GB_PHONE] } },
	},
	{
		id: 'C37 national phone with the event country',
		item: { phone: '020 7946 0958', country: 'GB' },
		sent: { user_data: { ph: [GB_PHONE], country: [sha256('gb')] } },
	},
	{
		id: 'C38 ten-digit US phone with dots',
		item: { phone: '650.555.1234', country: 'us' },
		sent: { user_data: { ph: [US_PHONE] } },
	},
	{
		id: 'C39 phone as a number',
		item: { phone: 16505551234 },
		sent: { user_data: { ph: [US_PHONE] } },
	},
	{
		id: 'C40 national phone without a country',
		item: { phone: '020 7946 0958' },
		sent: { user_data: { em: [JANE] } },
		noKeys: ['ph'],
		dropped: [
			{
				field: 'phone',
				reason:
					'Phone is a national number (leading 0) without a country code, and the event has no Country',
			},
		],
	},
	{
		id: 'C41 phone without digits',
		item: { phone: 'call me' },
		sent: { user_data: { em: [JANE] } },
		noKeys: ['ph'],
		dropped: [{ field: 'phone', reason: 'Phone has no digits' }],
	},
	// Names: NFC, lower case, hashed
	{
		id: 'C42 accented names, one decomposed',
		item: { firstName: ' ÉLODIE ', lastName: 'Mu\u0308ller' },
		sent: { user_data: { fn: [sha256('élodie')], ln: [sha256('m\u00fcller')] } },
	},
	{
		id: 'C43 Cyrillic and CJK names',
		item: { firstName: 'Дмитрий', lastName: '山田  太郎' },
		sent: { user_data: { fn: [sha256('дмитрий')], ln: [sha256('山田 太郎')] } },
	},
	{
		id: 'C44 Greek name (final sigma)',
		item: { firstName: 'ΟΔΥΣΣΕΥΣ' },
		sent: { user_data: { fn: [sha256('οδυσσευς')] } },
	},
	// User data that cannot identify anyone
	{
		id: 'C45 empty user data',
		item: { email: '', phone: '', ip: '', ua: '' },
		refused: [
			[
				'email',
				'Pinterest needs an email, a mobile ad ID, or both client IP address and client user agent to match the event; missing: email, mobileAdId, clientIpAddress, clientUserAgent',
				IDENTITY_FIX,
			],
		],
	},
	{
		id: 'C46 IP address without user agent',
		item: { email: null, ua: null },
		refused: [
			[
				'clientUserAgent',
				'Pinterest needs an email, a mobile ad ID, or both client IP address and client user agent to match the event; missing: email, mobileAdId, clientUserAgent',
				IDENTITY_FIX,
			],
		],
	},
	// 10,000-character strings
	{
		id: 'C47 10,000-character event id',
		item: { orderId: 'E'.repeat(LONG) },
		sent: { event_id: 'E'.repeat(LONG) },
	},
	{
		id: 'C48 10,000-character email',
		item: { email: `${'a'.repeat(LONG - 12)}@example.com` },
		sent: { user_data: { em: [sha256(`${'a'.repeat(LONG - 12)}@example.com`)] } },
	},
	{
		id: 'C49 10,000-character user agent',
		item: { ua: 'U'.repeat(LONG) },
		sent: { user_data: { client_user_agent: 'U'.repeat(LONG) } },
	},
	{
		id: 'C50 10,000-digit value',
		item: { amount: '9'.repeat(LONG) },
		refused: [
			[
				'value',
				'Value is too large to be an amount',
				'Check the field holds an amount in currency units, not an ID or micro-units.',
			],
		],
	},
	{
		id: 'C51 10,000-character currency',
		item: { currency: 'U'.repeat(LONG) },
		refused: [
			[
				'currency',
				'Currency is not a three-letter ISO 4217 code',
				'Map a code such as USD or EUR, not a symbol.',
			],
		],
	},
	// Objects where text belongs
	{
		id: 'C52 event id as an object',
		item: { orderId: { id: 7 } },
		refused: [
			['eventId', 'Event ID must be text', 'Map Event ID to a single text value.'],
			['orderId', 'Order ID must be text', 'Map Order ID to a single text value.'],
		],
	},
	{
		id: 'C53 email as an object (with IP and user agent)',
		item: { email: { address: 'jane.doe@example.com' } },
		sent: { user_data: { client_ip_address: IP } },
		noKeys: ['em'],
		dropped: [{ field: 'email', reason: 'Email must be text' }],
	},
	{
		id: 'C54 value as an object',
		item: { amount: { amount: 5 } },
		refused: [['value', 'Value is not a decimal number', AMOUNT_FIX]],
	},
	{
		id: 'C55 currency as an object',
		item: { currency: { code: 'USD' } },
		refused: [['currency', 'Currency must be text', 'Map Currency to a single text value.']],
	},
	// Identities that look filled in but identify no one, or would be sent wrong
	{
		id: 'C58 national phone with the trunk prefix in brackets',
		item: { phone: '(0)20 7946 0958', country: 'gb' },
		sent: { user_data: { ph: [GB_PHONE], country: [sha256('gb')] } },
	},
	{
		id: 'C59 phone too short for a country code, without one',
		item: { phone: '555 12' },
		sent: { user_data: { em: [JANE] } },
		noKeys: ['ph'],
		dropped: [
			{ field: 'phone', reason: 'Phone has 5 digits, too few for a number with its country code' },
		],
	},
	{
		id: 'C60 email given as the SHA-256 of an empty text (with IP and user agent)',
		item: { email: EMPTY_TEXT_SHA256 },
		sent: { user_data: { client_ip_address: IP } },
		noKeys: ['em'],
		dropped: [{ field: 'email', reason: 'Email is the SHA-256 of an empty text' }],
	},
	{
		id: 'C61 email and phone only the SHA-256 of an empty text',
		item: { email: EMPTY_TEXT_SHA256, phone: EMPTY_TEXT_SHA256.toUpperCase(), ip: '', ua: '' },
		refused: [
			[
				'email',
				'Pinterest needs an email, a mobile ad ID, or both client IP address and client user agent to match the event; missing: email, mobileAdId, clientIpAddress, clientUserAgent (Email is the SHA-256 of an empty text)',
				IDENTITY_FIX,
			],
		],
	},
	// Raw data the user's input holds is never repeated in a message
	{
		id: 'C62 line item keyed by an email',
		item: { contents: [{ id: 'sku-1', 'jane.doe@example.com': 1 }] },
		refused: [
			[
				'contents[0]',
				'Contents entry 1 has an unknown key (key 2, not shown: it is not a plain field name)',
				CONTENTS_KEYS_FIX,
			],
		],
	},
	{
		id: 'C63 contents as JSON text that is not JSON, holding an email',
		item: { contents: '[{"id": jane.doe@example.com}]' },
		refused: [
			[
				'contents',
				expect.stringMatching(/^Contents is not valid JSON( \(at character \d+\))?$/),
				`Give a JSON list of line items. ${CONTENTS_KEYS_FIX}`,
			],
		],
	},
	{
		// n8n keeps an extension's message, which quotes the argument: here an email given as a unit.
		id: 'C64 expression whose error quotes the item data',
		item: { rawUnit: 'jane.doe@example.com' },
		refused: [
			[
				'contentName',
				`The expression of contentName failed: Unsupported unit "…". Supported: 'milliseconds', 'seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'quarters', 'years'.`,
				'Fix the expression of contentName, or make it give nothing when the item lacks the data (e.g. {{ $json.customer?.email }}).',
			],
		],
	},
];

/** A valid order; each case changes some of its fields. */
function orderFor(index, overrides) {
	return {
		orderId: `case-${index + 1}`,
		event: 'checkout',
		time: NOW - 30 * 60,
		email: 'jane.doe@example.com',
		ip: IP,
		ua: UA,
		amount: 10 + index,
		currency: 'USD',
		...overrides,
	};
}

const mapping = {
	eventName: '={{ $json.event }}',
	eventId: '={{ $json.orderId }}',
	eventTime: '={{ $json.time }}',
	userData: {
		email: '={{ $json.email }}',
		phone: '={{ $json.phone }}',
		firstName: '={{ $json.firstName }}',
		lastName: '={{ $json.lastName }}',
		country: '={{ $json.country }}',
		clientIpAddress: '={{ $json.ip }}',
		clientUserAgent: '={{ $json.ua }}',
	},
	customData: {
		value: '={{ $json.amount }}',
		currency: '={{ $json.currency }}',
		orderId: '={{ $json.orderId }}',
		contents: '={{ $json.contents }}',
		contentName:
			'={{ $json.rawUnit === undefined ? undefined : $now.diffTo($now, $json.rawUnit) }}',
	},
};

/** Raw personal data the cases carry: none may appear in a log line, a message or the node's output. */
const RAW_PII = [
	'jane.doe@example.com',
	'Jane.Doe@Example',
	'shop+tag@example.org',
	'@Bu\u0308cher',
	'650) 555-1234',
	'6505551234',
	'16505551234',
	'7946 0958',
	'442079460958',
	'ÉLODIE',
	'élodie',
	'Дмитрий',
	'山田',
	'ΟΔΥΣΣΕΥΣ',
];

test(`catalogue: ${CASES.length} bad or unusual conversion inputs in one run, each item its own outcome`, async () => {
	const inputItems = CASES.map((c, index) => orderFor(index, c.item));
	const result = await runWithLog(
		ctx,
		workflowWith(conversionsNode(mapping, { credential: 'token' }), { inputItems }),
	);
	expect(result.code).toBe(0);

	const sentItems = result.items('Pinterest Conversions', 0);
	const failedItems = result.items('Pinterest Conversions', 1);
	// Every input item ends in exactly one output.
	const outputIndexes = [...sentItems, ...failedItems].map((item) => item.pairedItem.item);
	expect(outputIndexes.sort((a, b) => a - b)).toEqual(CASES.map((_, index) => index));

	const requests = (await ctx.fake.requests()).filter((r) => r.path.endsWith('/events'));
	expect(requests.map((r) => [r.path, r.authorization])).toEqual([
		[`/ad_accounts/${US}/events`, 'Bearer conv-token-1'],
	]);
	const events = requests[0].json.data;
	expect(events).toHaveLength(CASES.filter((c) => !c.refused).length);

	const byItem = (items) => new Map(items.map((item) => [item.pairedItem.item, item.json]));
	const sent = byItem(sentItems);
	const failed = byItem(failedItems);
	let eventIndex = 0;
	const outcomes = CASES.map((c, index) => {
		if (c.refused) {
			const item = failed.get(index);
			return {
				id: c.id,
				status: item?.status,
				problems: item?.problems.map((p) => [p.field, p.message, p.fix]),
				reason: item?.reason,
			};
		}
		const event = events[eventIndex++];
		const item = sent.get(index);
		const picked = {};
		for (const key of Object.keys(c.sent)) {
			picked[key] =
				typeof c.sent[key] === 'object'
					? Object.fromEntries(Object.keys(c.sent[key]).map((k) => [k, event[key]?.[k]]))
					: event[key];
		}
		return {
			id: c.id,
			status: item?.status,
			eventId: item?.eventId === event.event_id,
			event: picked,
			absent: (c.noKeys ?? []).filter((key) => key in event.user_data),
			dropped: item?.droppedFields,
		};
	});
	const expected = CASES.map((c) =>
		c.refused
			? {
					id: c.id,
					status: 'failed',
					problems: c.refused,
					reason: c.refused
						.map(([field, message, fix]) => `${field}: ${message}. ${fix}`)
						.join(' | '),
				}
			: {
					id: c.id,
					status: 'sent',
					eventId: true,
					event: c.sent,
					absent: [],
					dropped: c.dropped ?? [],
				},
	);
	// The reason joins the problems; asymmetric matchers inside it are checked through `problems`.
	for (const [index, c] of CASES.entries()) {
		if (c.refused?.some((parts) => parts.some((part) => typeof part !== 'string'))) {
			expected[index].reason = expect.any(String);
		}
	}
	expect(outcomes).toEqual(expected);

	// Accepted values reach the fake exactly once each; refused ones never.
	expect((await ctx.fake.state()).conversions).toHaveLength(events.length);
	const output = JSON.stringify(result.run.data.resultData.runData['Pinterest Conversions']);
	expect(leaksIn(output, [...RAW_PII, 'conv-token-1'])).toEqual([]);
	expect(leaksIn(result.log, [...RAW_PII, 'conv-token-1'])).toEqual([]);
	// The log did capture this run: the node's own summary line is there.
	expect(result.log).toContain(`Pinterest Conversions: ${events.length} events in 1 requests`);
});

test('1,001 items for one ad account: exactly 2 requests of 1,000 and 1, each item sent once', async () => {
	const inputItems = Array.from({ length: 1001 }, (_, index) => orderFor(index, {}));
	const result = await runWithLog(
		ctx,
		workflowWith(conversionsNode(mapping, { credential: 'token' }), { inputItems }),
	);
	expect(result.code).toBe(0);
	const requests = (await ctx.fake.requests()).filter((r) => r.path.endsWith('/events'));
	expect(requests.map((r) => [r.path, r.json.data.length])).toEqual([
		[`/ad_accounts/${US}/events`, 1000],
		[`/ad_accounts/${US}/events`, 1],
	]);
	const sentIds = requests.flatMap((r) => r.json.data.map((e) => e.event_id));
	expect(sentIds).toEqual(inputItems.map((o) => o.orderId));
	expect(result.output('Pinterest Conversions', 0).map((item) => item.eventId)).toEqual(sentIds);
	expect(result.output('Pinterest Conversions', 1)).toEqual([]);
	expect((await ctx.fake.state()).conversions).toHaveLength(1001);
	expect(leaksIn(result.log, ['jane.doe@example.com', 'conv-token-1'])).toEqual([]);
});

test('"Stop the Workflow" on bad input: the node fails naming the item and field, nothing is sent, n8n stays up', async () => {
	const inputItems = [
		orderFor(0, {}),
		orderFor(1, { currency: 'XYZ', email: 'Jane.Doe@Example.com' }),
	];
	const result = await runWithLog(
		ctx,
		workflowWith(conversionsNode({ ...mapping, onFailedEvents: 'stop' }, { credential: 'token' }), {
			inputItems,
		}),
	);
	expect(result.code).not.toBe(0);
	const error = result.nodeError('Pinterest Conversions');
	expect(error.message).toBe(
		'1 of 2 events cannot be sent, so none was sent; the first (item 2): currency: Currency XYZ is not an ISO 4217 currency code. Map the code of the currency the customer paid in, such as USD, EUR or GBP.',
	);
	expect(error.description).toBe(
		'Fix these items and run again, or set Failed Events to "Route to the Failed Output" to send the valid ones.',
	);
	expect((await ctx.fake.requests()).filter((r) => r.path.endsWith('/events'))).toEqual([]);
	const secrets = ['jane.doe@example.com', 'conv-token-1'];
	expect(leaksIn(JSON.stringify(error), secrets)).toEqual([]);
	// `n8n execute` reports a failed run with the error's stack (its own execute.js, whatever node
	// threw: here the router, where the node's errors become n8n's); that report holds the message only,
	// and the rest of the log has no stack at all.
	expect(leaksIn(result.log, secrets)).toEqual([
		expect.stringMatching(/^stack trace: at toNodeError \(/),
	]);
	expect(leaksIn(withoutCliErrorReport(result.log), secrets)).toEqual([]);
});
