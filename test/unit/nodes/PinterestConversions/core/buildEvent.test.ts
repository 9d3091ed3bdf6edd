import { createHash } from 'crypto';

import { buildConversionEvent } from '../../../../../nodes/PinterestConversions/core/buildEvent';
import type { ConversionEventInput } from '../../../../../nodes/PinterestConversions/core/input';
import spec from '../../../../fixtures/pinterest-openapi/openapi.json';
import { accepted, refused } from '../../../helpers/outcomes';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const NOW_SECONDS = 1741597200; // 2025-03-10T09:00:00Z
const eventSchema = spec.components.schemas.ConversionEvents.properties.data.items;

const checkout: ConversionEventInput = {
	eventName: 'checkout',
	eventTime: '2025-03-09T14:30:00Z',
	eventId: 'order-1001',
	userData: {
		email: ' Jane@Example.com ',
		clientIpAddress: '203.0.113.7',
		clientUserAgent: 'Mozilla/5.0',
	},
	customData: { value: 19.99, currency: 'usd', orderId: 'order-1001' },
};

/** What `checkout` becomes on the wire: written out by hand from the spec, not by the code under test. */
const checkoutEvent = {
	event_name: 'checkout',
	action_source: 'web',
	event_time: 1741530600,
	event_id: 'order-1001',
	user_data: {
		em: [sha256('jane@example.com')],
		client_ip_address: '203.0.113.7',
		client_user_agent: 'Mozilla/5.0',
	},
	custom_data: { currency: 'USD', value: '19.99', order_id: 'order-1001' },
};

const eventOf = (input: ConversionEventInput) =>
	accepted(buildConversionEvent(input, NOW_SECONDS)).event;
const problemsOf = (input: ConversionEventInput) =>
	refused(buildConversionEvent(input, NOW_SECONDS));

describe('buildConversionEvent', () => {
	it('assembles the wire event, web by default', () => {
		expect(eventOf(checkout)).toEqual(checkoutEvent);
	});

	it('maps optional event, app and device fields', () => {
		const event = eventOf({
			...checkout,
			actionSource: 'App_iOS',
			eventSourceUrl: 'https://shop.example/thanks?epik=dj0yJnU9',
			optOut: 'false',
			partnerName: 'direct',
			language: 'en-US',
			appId: 429047995,
			appName: 'Shop',
			appVersion: '7.9',
			deviceBrand: 'Apple',
			deviceCarrier: 'T-Mobile',
			deviceModel: 'iPhone X',
			deviceType: 'iPhone',
			osVersion: '12.1.4',
			wifi: true,
			customData: undefined,
		});
		expect(event).toEqual({
			event_name: 'checkout',
			action_source: 'app_ios',
			event_time: 1741530600,
			event_id: 'order-1001',
			event_source_url: 'https://shop.example/thanks?epik=dj0yJnU9',
			opt_out: false,
			partner_name: 'direct',
			language: 'en',
			app_id: '429047995',
			app_name: 'Shop',
			app_version: '7.9',
			device_brand: 'Apple',
			device_carrier: 'T-Mobile',
			device_model: 'iPhone X',
			device_type: 'iPhone',
			os_version: '12.1.4',
			wifi: true,
			user_data: event.user_data,
		});
		const allowed = Object.keys(eventSchema.properties);
		expect(Object.keys(event).filter((key) => !allowed.includes(key))).toEqual([]);
		expect(eventSchema.required.every((key) => key in event)).toBe(true);
	});

	it('never copies unknown input keys onto the wire', () => {
		const input = {
			...checkout,
			event_name: 'lead',
			ip: '1.2.3.4',
			customer: { email: 'x@y.z' },
		} as ConversionEventInput;
		expect(Object.keys(eventOf(input))).toEqual([
			'event_name',
			'action_source',
			'event_time',
			'event_id',
			'user_data',
			'custom_data',
		]);
	});

	it('requires an event id and never invents one', () => {
		expect(problemsOf({ ...checkout, eventId: '  ' })).toEqual([
			{
				field: 'eventId',
				message:
					'Event ID is required: Pinterest uses it to drop duplicates of retries and of events the Pinterest Tag also sent',
				fix: "Map an ID that stays the same for this event on every run, e.g. the order ID (plus the event name if one order sends several events), and use the same value as the Tag's eventID.",
			},
		]);
		expect(eventOf({ ...checkout, eventId: 1001 }).event_id).toBe('1001');
	});

	it('reports every problem at once, in field order, without personal data', () => {
		const problems = problemsOf({
			eventName: 'purchase',
			actionSource: 'email',
			eventTime: '2025-02-01T00:00:00Z',
			eventSourceUrl: 'shop.example/thanks',
			optOut: 'maybe',
			language: 'english',
			userData: { email: 'jane.private.example.org', phone: '+1 650 555 1234' },
			customData: { value: '19,99', currency: 'dollars' },
		});
		expect(problems.map((found) => found.field)).toEqual([
			'eventName',
			'actionSource',
			'eventTime',
			'eventId',
			'optOut',
			'email',
			'currency',
			'value',
		]);
		expect(problems[5].message).toBe(
			'Pinterest needs an email, a mobile ad ID, or both client IP address and client user agent to match the event; missing: email, mobileAdId, clientIpAddress, clientUserAgent (Email is not an email address)',
		);
		const json = JSON.stringify(problems);
		expect(json).not.toContain('jane.private.example.org');
		expect(json).not.toContain('650 555 1234');
	});

	it('sends the event without optional fields that cannot be used, listing them without their values', () => {
		const outcome = buildConversionEvent(
			{
				...checkout,
				eventSourceUrl: 'shop.example/thanks',
				language: 'english',
				userData: {
					...checkout.userData,
					state: 'California',
					country: 'USA',
					gender: 'unknown',
					dateOfBirth: '04/07/1990',
					mobileAdId: '6d92078a8246413ba4e1d8f0c4a2b9e7',
					clientIpAddress: '999.1.1.1',
				},
			},
			NOW_SECONDS,
		);
		expect(accepted(outcome)).toEqual({
			event: {
				...checkoutEvent,
				user_data: { em: [sha256('jane@example.com')], client_user_agent: 'Mozilla/5.0' },
			},
			dropped: [
				{ field: 'eventSourceUrl', reason: 'Event source URL is not an http(s) URL' },
				{ field: 'language', reason: 'Language is not a two-letter ISO 639-1 code' },
				{
					field: 'gender',
					reason: 'Gender is not one of m/male/man, f/female/woman, n/non-binary',
				},
				{
					field: 'dateOfBirth',
					reason:
						'Date of birth is written day-first or month-first (DD/MM/YYYY or MM/DD/YYYY), which is ambiguous',
				},
				{ field: 'state', reason: 'State is not a two-letter state code' },
				{ field: 'country', reason: 'Country is not a two-letter ISO 3166 code' },
				{
					field: 'mobileAdId',
					reason: 'Mobile ad ID is not a GAID or IDFA (8-4-4-4-12 hexadecimal, not all zeros)',
				},
				{ field: 'clientIpAddress', reason: 'Client IP address is not an IPv4 or IPv6 address' },
			],
		});
		expect(JSON.stringify(outcome)).not.toMatch(/California|USA|999\.1|04\/07/);
	});

	it('an expression that leaves Event Time empty refuses the item; the node field left empty means now', () => {
		expect(problemsOf({ ...checkout, eventTime: '' })[0].message).toBe(
			'Event time is empty for this item',
		);
		expect(eventOf({ ...checkout, eventTime: '', eventTimeEmptyMeansNow: true }).event_time).toBe(
			NOW_SECONDS,
		);
	});

	it('needs user data that identifies someone', () => {
		expect(problemsOf({ ...checkout, userData: undefined }).map((found) => found.field)).toEqual([
			'email',
		]);
	});
});
