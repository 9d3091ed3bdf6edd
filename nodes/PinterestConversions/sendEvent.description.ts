import type { INodeProperties } from 'n8n-workflow';

import { ACTION_SOURCES, STANDARD_EVENT_NAMES } from './core/constants';

const show = (extra: Record<string, string[]> = {}) => ({
	show: { operation: ['sendEvent'], ...extra },
});

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
		description: 'Line items: [{"ID": "sku-1", "itemPrice": 19.99, "quantity": 2}]',
	},
	text(
		'Currency',
		'currency',
		'ISO 4217 code; Pinterest uses the ad account currency when empty',
		'USD',
	),
	{ displayName: 'Number of Items', name: 'numItems', type: 'number', default: 0 },
	text('Opt Out Type', 'optOutType', 'Privacy flags, e.g. LDP'),
	text('Order ID', 'orderId', 'Helps Pinterest deduplicate', '={{ $json.orderId }}'),
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
	text('Partner Name', 'partnerName', 'Your integration name, e.g. ss-mystore'),
];

/** The fields of "Send conversion event". */
export const sendEventFields: INodeProperties[] = [
	{
		displayName: 'Ad Account',
		name: 'adAccount',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: show({ authentication: ['oAuth2'] }),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchAdAccounts', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '549755885175',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*\\d{1,18}\\s*$',
							errorMessage: 'An ad account ID is a number',
						},
					},
				],
			},
		],
	},
	{
		displayName: 'Ad Account ID',
		name: 'adAccount',
		type: 'string',
		default: '',
		placeholder: "Empty: the credential's ad account",
		description: "The ad account to send to. Leave empty to use the credential's ad account.",
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
		displayOptions: show({ testMode: [true as unknown as string] }),
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
			'A stable ID of this event, such as the order ID: retries and Pinterest Tag duplicates with the same ID are counted once',
		displayOptions: show(),
	},
	{
		displayName: 'Event Time',
		name: 'eventTime',
		type: 'string',
		default: '',
		placeholder: '={{ $json.orderTime }}',
		description:
			'When the event happened: ISO date-time, Unix seconds or milliseconds. Empty: now. Pinterest accepts the last 7 days.',
		displayOptions: show(),
	},
	{
		displayName: 'Action Source',
		name: 'actionSource',
		type: 'options',
		default: 'web',
		options: ACTION_SOURCES.map((source) => ({ name: titleCase(source), value: source })),
		displayOptions: show(),
	},
	{
		displayName: 'User Data',
		name: 'userData',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: userDataFields,
		displayOptions: show(),
	},
	{
		displayName: 'Custom Data',
		name: 'customData',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: customDataFields,
		displayOptions: show(),
	},
	{
		displayName: 'Event Options',
		name: 'eventOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: eventOptionFields,
		displayOptions: show(),
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
];
