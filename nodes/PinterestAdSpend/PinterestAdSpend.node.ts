import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchAdAccounts } from '../../shared/methods/adAccountSearch';
import { router } from './actions/router';
import * as getSpend from './actions/spend/get.operation';

// Programmatic rather than declarative: one run lists accounts and entities, batches ids, may
// switch to asynchronous reports and checks totals, which routing descriptions cannot express.
export class PinterestAdSpend implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Pinterest Ad Spend',
		name: 'pinterestAdSpend',
		icon: { light: 'file:../../icons/pinterest.svg', dark: 'file:../../icons/pinterest.dark.svg' },
		group: ['input'],
		version: 1,
		// A literal, as n8n's lint requires: core/levels.ts LEVEL_NAMES written out (a unit test keeps them equal).
		subtitle:
			'={{"Get ad spend by " + ({"adAccount":"ad account","campaign":"campaign","adGroup":"ad group","ad":"ad"})[$parameter["level"]]}}',
		description: 'Get ad spend per ad account, campaign, ad group or ad from Pinterest Ads',
		defaults: { name: 'Pinterest Ad Spend' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'pinterestAdsOAuth2Api', required: true }],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				default: 'get',
				options: [
					{
						name: 'Get Ad Spend',
						value: 'get',
						action: 'Get ad spend',
						description:
							'Spend (and optional counts) per entity and day, in the ad account currency',
					},
				],
			},
			...getSpend.description,
		],
	};

	methods = { listSearch: { searchAdAccounts } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
