import type { INodeProperties } from 'n8n-workflow';

import { adAccountLocator } from '../../../../shared/descriptions/adAccountLocator';

const showForOperation = { operation: ['get'] };

/** The fields of "Get ad spend". */
export const getSpendFields: INodeProperties[] = [
	{
		displayName: 'Ad Accounts',
		name: 'adAccountSelection',
		type: 'options',
		default: 'all',
		displayOptions: { show: showForOperation },
		options: [
			{
				name: 'All Ad Accounts This Login Can Access',
				value: 'all',
				description: 'Owned and shared through Business Access, found anew on every run',
			},
			{ name: 'Selected Ad Accounts', value: 'selected' },
		],
	},
	{
		displayName: 'Selected Ad Accounts',
		name: 'adAccounts',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Ad Account',
		default: { account: [{ adAccount: { mode: 'list', value: '' } }] },
		description: 'The ad accounts to pull, each picked from the list (searchable) or given by ID',
		displayOptions: {
			show: { ...showForOperation, adAccountSelection: ['selected'] },
		},
		options: [
			{
				name: 'account',
				displayName: 'Ad Account',
				values: [adAccountLocator({ name: 'adAccount', displayName: 'Ad Account' })],
			},
		],
	},
	{
		displayName: 'Level',
		name: 'level',
		type: 'options',
		default: 'ad',
		displayOptions: { show: showForOperation },
		description:
			'One row per entity of this level. Rows carry the IDs (and names) of every level above, to join them to tracked clicks.',
		options: [
			{ name: 'Ad Account', value: 'adAccount' },
			{ name: 'Campaign', value: 'campaign' },
			{ name: 'Ad Group', value: 'adGroup' },
			{ name: 'Ad (Pin Promotion)', value: 'ad' },
		],
	},
	{
		displayName: 'Date Range',
		name: 'datePreset',
		type: 'options',
		default: 'todayAndYesterday',
		displayOptions: { show: showForOperation },
		description:
			'Pinterest reports spend in UTC days: "today" is the current day in UTC unless "Resolve Dates In" says otherwise',
		options: [
			{ name: 'Custom', value: 'custom' },
			{ name: 'Last 30 Days', value: 'last30Days', description: 'The 30 full days before today' },
			{ name: 'Last 7 Days', value: 'last7Days', description: 'The 7 full days before today' },
			{ name: 'Last Month', value: 'lastMonth' },
			{ name: 'This Month', value: 'thisMonth' },
			{ name: 'Today', value: 'today' },
			{ name: 'Today and Yesterday', value: 'todayAndYesterday' },
			{ name: 'Yesterday', value: 'yesterday' },
		],
	},
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'First day of the range (inclusive), a Pinterest reporting day (UTC)',
		displayOptions: { show: { ...showForOperation, datePreset: ['custom'] } },
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'Last day of the range (inclusive), a Pinterest reporting day (UTC)',
		displayOptions: { show: { ...showForOperation, datePreset: ['custom'] } },
	},
	{
		displayName: 'Granularity',
		name: 'granularity',
		type: 'options',
		default: 'DAY',
		displayOptions: { show: showForOperation },
		options: [
			{ name: 'Day', value: 'DAY' },
			{ name: 'Hour', value: 'HOUR', description: 'Only for the last 8 days, 3 days per request' },
			{ name: 'Month', value: 'MONTH' },
			{ name: 'Total', value: 'TOTAL', description: 'One row per entity for the whole range' },
			{ name: 'Week', value: 'WEEK' },
		],
	},
	{
		displayName: 'Include Names',
		name: 'includeNames',
		type: 'boolean',
		default: true,
		displayOptions: { show: showForOperation },
		description:
			'Whether to add the names of the ad account, campaign, ad group and ad to each row',
	},
	{
		displayName: 'Metrics',
		name: 'metrics',
		type: 'multiOptions',
		default: [],
		displayOptions: { show: showForOperation },
		description: 'Spend is always included. Pinterest-side counts to add to each row.',
		options: [
			{ name: 'Impressions', value: 'IMPRESSION_1', description: 'Paid impressions' },
			{ name: 'Pin Clicks', value: 'CLICKTHROUGH_1', description: 'Paid pin clicks' },
			{
				name: 'Outbound Clicks',
				value: 'OUTBOUND_CLICK_1',
				description: 'Paid clicks to your site',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showForOperation },
		options: [
			{
				displayName: 'Additional Columns',
				name: 'extraColumns',
				type: 'string',
				default: '',
				placeholder: 'TOTAL_CONVERSIONS, CPC_IN_MICRO_DOLLAR',
				description:
					'More Pinterest analytics columns, comma-separated, added to each row in camelCase (TOTAL_CONVERSIONS → totalConversions)',
			},
			{
				displayName: 'Include Zero-Spend Rows',
				name: 'includeZeroSpend',
				type: 'boolean',
				default: false,
				description:
					'Whether to output rows without spend or any requested metric, for active and paused entities and those with spend in the range',
			},
			{
				displayName: 'Resolve Dates In',
				name: 'dateZone',
				type: 'options',
				default: 'utc',
				description:
					'Picks which UTC days are asked for: the presets count from today in UTC, or from today in the workflow time zone (never past today in UTC). Pinterest reports UTC days either way.',
				options: [
					{ name: 'UTC (Pinterest Reporting Days)', value: 'utc' },
					{ name: 'Workflow Time Zone', value: 'workflow' },
				],
			},
			{
				displayName: 'Strategy',
				name: 'strategy',
				type: 'options',
				default: 'auto',
				description: 'How to fetch the numbers from Pinterest',
				options: [
					{
						name: 'Auto',
						value: 'auto',
						description:
							'Synchronous for the last 89 days (as Pinterest recommends for current spend); reports for older ranges and for very large pulls of closed days',
					},
					{
						name: 'Synchronous',
						value: 'sync',
						description:
							'Analytics endpoints, 250 entities per call; ranges starting at most 89 days back (hourly: 8)',
					},
					{
						name: 'Asynchronous Report',
						value: 'async',
						description:
							'One report per ad account and 186 days, up to 914 days back; not in the sandbox',
					},
				],
			},
		],
	},
];
