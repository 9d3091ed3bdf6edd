import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchAdAccounts } from '../../shared/methods/adAccountSearch';
import * as send from './actions/event/send.operation';
import { router } from './actions/router';

// Programmatic rather than declarative: all items of a run are validated, hashed and sent in
// batches of up to 1,000 events, and Pinterest's per-event answers are mapped back to the items.
export class PinterestConversions implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Pinterest Conversions',
		name: 'pinterestConversions',
		icon: { light: 'file:../../icons/pinterest.svg', dark: 'file:../../icons/pinterest.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{"Send " + $parameter["eventName"] + ($parameter["testMode"] ? " (test)" : "")}}',
		description:
			'Send conversion events to the Pinterest Conversions API, hashed, batched and deduplicated',
		defaults: { name: 'Pinterest Conversions' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Sent', 'Failed'],
		credentials: [
			{
				name: 'pinterestConversionsApi',
				required: true,
				displayOptions: { show: { authentication: ['conversionToken'] } },
			},
			{
				name: 'pinterestAdsOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				default: 'conversionToken',
				options: [
					{
						name: 'Conversion Access Token',
						value: 'conversionToken',
						description: 'Generated in Ads Manager; no rate limit on events',
					},
					{ name: 'OAuth2 (Needs Ads:Write)', value: 'oAuth2' },
				],
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				default: 'sendEvent',
				options: [
					{
						name: 'Send Conversion Event',
						value: 'sendEvent',
						action: 'Send conversion event',
						description: 'One event per input item; Pinterest says which were processed',
					},
				],
			},
			...send.description,
		],
	};

	methods = { listSearch: { searchAdAccounts } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
