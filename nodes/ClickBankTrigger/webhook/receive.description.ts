import type { INodeProperties } from 'n8n-workflow';

import { TRANSACTION_TYPES } from '../core/insProtocol';

const TYPE_NAMES: Record<(typeof TRANSACTION_TYPES)[number], string> = {
	SALE: 'SALE (Initial Sale)',
	BILL: 'BILL (Subscription Rebill)',
	RFND: 'RFND (Refund)',
	CGBK: 'CGBK (Chargeback)',
	INSF: 'INSF (Insufficient Funds)',
	'CANCEL-REBILL': 'CANCEL-REBILL (Subscription Cancelled)',
	'UNCANCEL-REBILL': 'UNCANCEL-REBILL (Cancellation Reversed)',
	ABANDONED_ORDER: 'ABANDONED_ORDER (Cart Abandoned)',
	TEST: 'TEST (Test Button in ClickBank)',
	TEST_SALE: 'TEST_SALE (Test Purchase)',
	TEST_BILL: 'TEST_BILL (Test Rebill)',
	TEST_RFND: 'TEST_RFND (Test Refund)',
	'CANCEL-TEST-REBILL': 'CANCEL-TEST-REBILL (Test Cancellation)',
};

export const description: INodeProperties[] = [
	{
		displayName:
			"In ClickBank, open Vendor Settings → My Site → Advanced Tools, paste this node's Production URL as an Instant Notification URL, choose version 8.0 and the same secret key as the credential, then publish this workflow.",
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Transaction Types',
		name: 'transactionTypes',
		type: 'multiOptions',
		default: [],
		options: TRANSACTION_TYPES.map((type) => ({ name: TYPE_NAMES[type], value: type })),
		description:
			'Only these start the workflow; others are answered 200 and ignored. Leave empty to accept all types.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Other Transaction Types',
				name: 'otherTransactionTypes',
				type: 'string',
				default: '',
				placeholder: 'JV_SALE, JV_BILL',
				description:
					'Comma-separated types missing from the list above, accepted too. With Transaction Types they form one set; both empty accept every type.',
			},
		],
	},
];
