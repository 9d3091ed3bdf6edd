import type { IDisplayOptions, INodeProperties, NodeParameterValue } from 'n8n-workflow';

import { adAccountLocator } from '../../../../shared/descriptions/adAccountLocator';
import { STANDARD_EVENT_NAMES } from '../../core/conversionsApiRules';

const show = (extra: Record<string, NodeParameterValue[]> = {}): IDisplayOptions => ({
	show: { operation: ['sendEvent'], ...extra },
});
const defineBelow = () => show({ inputMode: ['defineBelow'] });

/** Spec `action_source` values, named as users read them. */
const ACTION_SOURCE_OPTIONS = [
	{ name: 'App Android', value: 'app_android' },
	{ name: 'App iOS', value: 'app_ios' },
	{ name: 'Offline', value: 'offline' },
	{ name: 'Web', value: 'web' },
];

function titleCase(name: string) {
	return name.replace(/_/g, ' ').replace(/\b\w/g, (letter) => letter.toUpperCase());
}

const text = (
	displayName: string,
	name: string,
	description: string,
	placeholder = '',
): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder,
	description,
});

/** Identity fields: hashed with SHA-256 after Pinterest's normalisation, unless marked otherwise. */
const userDataFields: INodeProperties[] = [
	text('City', 'city', 'Hashed', 'Menlo Park'),
	text(
		'Click ID (Epik)',
		'clickId',
		'The epik value from the _epik cookie or the epik= URL parameter; sent as is',
		'={{ $json.epik }}',
	),
	text(
		'Client IP Address',
		'clientIpAddress',
		'Sent as is. With the user agent, enough to identify the event.',
	),
	text('Client User Agent', 'clientUserAgent', 'Sent as is'),
	text('Country', 'country', 'Two-letter ISO code; hashed', 'US'),
	text('Date of Birth', 'dateOfBirth', 'YYYY-MM-DD; hashed', '1990-04-07'),
	text('Email', 'email', 'Hashed. An array of several emails is accepted.', '={{ $json.email }}'),
	text('External ID', 'externalId', 'Your ID of the customer; hashed'),
	text('First Name', 'firstName', 'Hashed'),
	text('Gender', 'gender', 'm, f or n (male, female, non-binary); hashed'),
	text('Last Name', 'lastName', 'Hashed'),
	text('Mobile Ad ID', 'mobileAdId', 'GAID or IDFA; hashed'),
	text('Partner ID', 'partnerId', 'A third-party visitor ID; sent as is'),
	text('Phone', 'phone', 'With country code; hashed', '+1 650 555 1234'),
	text('State', 'state', 'Two-letter code; hashed', 'CA'),
	text('Zip', 'zip', 'Hashed', '94025'),
];

const customDataFields: INodeProperties[] = [
	text('Content Brand', 'contentBrand', ''),
	text('Content Category', 'contentCategory', ''),
	text('Content IDs', 'contentIds', 'Product IDs: an array, or one ID'),
	text('Content Name', 'contentName', ''),
	{
		displayName: 'Contents',
		name: 'contents',
		type: 'json',
		default: '[]',
		description: 'Line items as a JSON list, one object per product',
		hint: 'Keys per line item: id, item_price, quantity, item_name, item_category, item_brand (itemPrice and the other camelCase names work too)',
	},
	text(
		'Currency',
		'currency',
		'ISO 4217 code; Pinterest uses the ad account currency when empty',
		'USD',
	),
	{
		displayName: 'Number of Items',
		name: 'numItems',
		type: 'number',
		default: 0,
		description: 'How many items the order holds; 0 sends nothing',
	},
	text('Opt Out Type', 'optOutType', 'Privacy flags, e.g. LDP'),
	text(
		'Order ID',
		'orderId',
		'Your order number; helps Pinterest deduplicate. Sent whenever given.',
		'={{ $json.orderId }}',
	),
	text(
		'Predicted Lifetime Value',
		'predictedLtv',
		"Your prediction of the customer's lifetime value (a number); sent as text as Pinterest asks",
	),
	text('Search String', 'searchString', ''),
	text(
		'Value',
		'value',
		'Order value (a number); sent as text as Pinterest asks',
		'={{ $json.amount }}',
	),
];

const eventOptionFields: INodeProperties[] = [
	text('App ID', 'appId', ''),
	text('App Name', 'appName', ''),
	text('App Version', 'appVersion', ''),
	text('Device Brand', 'deviceBrand', ''),
	text('Device Carrier', 'deviceCarrier', ''),
	text('Device Model', 'deviceModel', ''),
	text('Device Type', 'deviceType', ''),
	text(
		'Event Source URL',
		'eventSourceUrl',
		'The page of the event; keep the epik parameter in it',
	),
	text('Language', 'language', 'Two-letter ISO 639-1 code', 'en'),
	{
		displayName: 'Opt Out',
		name: 'optOut',
		type: 'boolean',
		default: false,
		description: 'Whether the user opted out of tracking',
	},
	text('OS Version', 'osVersion', ''),
	text(
		'Partner Name',
		'partnerName',
		'Only for a third party (an agency or platform) sending events for the advertiser: its Pinterest partner name, such as ss-yourplatform. Leave empty when sending for your own ad account.',
	),
	{
		displayName: 'Wi-Fi',
		name: 'wifi',
		type: 'boolean',
		default: false,
		description: 'Whether the device was on Wi-Fi when the event happened (app events)',
	},
];

/** The fields of "Send conversion event". */
export const description: INodeProperties[] = [
	adAccountLocator({
		name: 'adAccount',
		displayName: 'Ad Account',
		displayOptions: show({ authentication: ['oAuth2'] }),
	}),
	{
		displayName: 'Ad Account ID',
		name: 'adAccount',
		type: 'string',
		default: '',
		placeholder: "Empty: the credential's ad account",
		description:
			"The ad account to send to. Leave empty to use the credential's ad account. With Map Automatically, an item's ad_account_id field wins.",
		displayOptions: show({ authentication: ['conversionToken'] }),
	},
	{
		displayName: 'Test Mode',
		name: 'testMode',
		type: 'boolean',
		default: false,
		description:
			'Whether Pinterest only validates the events (test=true) without recording them. Turn off for real conversions.',
		displayOptions: show(),
	},
	{
		displayName:
			'Test mode is on: Pinterest validates these events and answers as usual, but does not record them',
		name: 'testModeNotice',
		type: 'notice',
		default: '',
		displayOptions: show({ testMode: [true] }),
	},
	{
		displayName: 'Input Mode',
		name: 'inputMode',
		type: 'options',
		noDataExpression: true,
		default: 'defineBelow',
		options: [
			{
				name: 'Define Below',
				value: 'defineBelow',
				description: 'Map each field by hand, with expressions',
			},
			{
				name: 'Map Automatically',
				value: 'auto',
				description:
					"Read each item's fields by Pinterest's names and common aliases (email, phone, order_id, value, epik…); no expressions, fastest",
			},
		],
		displayOptions: show(),
	},
	{
		displayName:
			'Each item is read by field name: event_id or order_id, event_time or timestamp, email, phone, value or amount, currency, epik, ip, user_agent, contents… (docs/conversions.md in the package lists every name). Event Name and Action Source below are used when an item has none.',
		name: 'autoNotice',
		type: 'notice',
		default: '',
		displayOptions: show({ inputMode: ['auto'] }),
	},
	{
		displayName: 'Event Name',
		name: 'eventName',
		type: 'options',
		default: 'checkout',
		description:
			'A purchase is "Checkout". Choose from the list, or specify a name using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		options: STANDARD_EVENT_NAMES.map((name) => ({ name: titleCase(name), value: name })),
		displayOptions: show(),
	},
	{
		displayName: 'Event ID',
		name: 'eventId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '={{ $json.orderId }}',
		description:
			'A stable ID of this event, such as the order ID: Pinterest counts an event ID and event name once (within 48 hours; offline events excepted). When one order sends several event names, give each event its own ID.',
		displayOptions: defineBelow(),
	},
	{
		displayName: 'Event Time',
		name: 'eventTime',
		type: 'string',
		default: '',
		placeholder: '={{ $json.orderTime }}',
		description:
			'When the event happened: ISO date-time, Unix seconds or milliseconds. Left empty: the time of sending (for live postbacks). An expression that gives nothing for an item refuses that item. Pinterest accepts the last 7 days.',
		displayOptions: defineBelow(),
	},
	{
		displayName: 'Action Source',
		name: 'actionSource',
		type: 'options',
		default: 'web',
		options: ACTION_SOURCE_OPTIONS,
		description:
			'Where the conversion happened. With Map Automatically, an item field action_source wins.',
		displayOptions: show(),
	},
	{
		displayName: 'User Data',
		name: 'userData',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: userDataFields,
		displayOptions: defineBelow(),
	},
	{
		displayName: 'Custom Data',
		name: 'customData',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: customDataFields,
		displayOptions: defineBelow(),
	},
	{
		displayName: 'Event Options',
		name: 'eventOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: eventOptionFields,
		displayOptions: defineBelow(),
	},
	{
		displayName: 'Failed Events',
		name: 'onFailedEvents',
		type: 'options',
		default: 'route',
		options: [
			{
				name: 'Route to the Failed Output',
				value: 'route',
				description: 'Every input item comes out once: Sent or Failed',
			},
			{
				name: 'Stop the Workflow',
				value: 'stop',
				description: 'Fail the node when any event is refused',
			},
		],
		displayOptions: show(),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(),
		options: [
			{
				displayName: 'Include Input Fields',
				name: 'includeInputFields',
				type: 'boolean',
				default: false,
				description:
					"Whether each output item also holds the input item's fields (the result's fields win on a clash). Off by default: input may hold raw emails and phones, and n8n keeps executions.",
			},
			{
				displayName: 'Include Sent User Data',
				name: 'includeUserData',
				type: 'boolean',
				default: false,
				description:
					'Whether Sent items hold the hashed user data that was sent, not only the names of the match keys',
			},
			{
				displayName: 'Retry Time Limit',
				name: 'retryTimeLimit',
				type: 'options',
				default: 'auto',
				description:
					'How long a request keeps retrying rate limits, Pinterest errors and dropped connections before its events go to Failed (or the node fails)',
				options: [
					{
						name: 'Auto',
						value: 'auto',
						description:
							'Short when a Webhook node that answers with "Respond to Webhook" or "When Last Node Finishes" started the run (a live postback waits for the answer), long otherwise',
					},
					{
						name: 'Long (About 5 Minutes)',
						value: 'long',
						description:
							'Up to 6 retries and 5 minutes of waiting between them per request; each attempt may take up to 2 minutes. For scheduled, manual and bulk runs.',
					},
					{
						name: 'Short (20 Seconds)',
						value: 'short',
						description:
							'At most 20 seconds per request, attempts included (each up to 8 seconds), so a webhook can answer within 30 seconds; the sender retries later',
					},
				],
			},
		],
	},
];
