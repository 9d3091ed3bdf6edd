import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { getAdAccounts } from '../../shared/transport/adAccounts';
import { getSpendFields } from './getSpend.description';
import { getSpend } from './getSpend.operation';
import { asItemError } from './itemError';

// Programmatic rather than declarative: one run lists accounts and entities, batches ids, may
// switch to asynchronous reports and checks totals, which routing descriptions cannot express.
export class PinterestAdSpend implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Pinterest Ad Spend',
		name: 'pinterestAdSpend',
		icon: { light: 'file:../../icons/pinterest.svg', dark: 'file:../../icons/pinterest.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle:
			'={{"Get ad spend by " + ({ adAccount: "ad account", campaign: "campaign", adGroup: "ad group", ad: "ad" })[$parameter["level"]]}}',
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
			...getSpendFields,
		],
	};

	methods = { loadOptions: { getAdAccounts } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				output.push(...(await getSpend.call(this, itemIndex)));
			} catch (error) {
				if (this.continueOnFail()) {
					// The fix travels with the message: an error item is often all a scheduled run leaves.
					const fix = (error as { description?: unknown }).description;
					output.push({
						json: {
							error: (error as Error).message,
							...(typeof fix === 'string' && fix !== '' ? { fix } : {}),
						},
						pairedItem: { item: itemIndex },
					});
					continue;
				}
				throw asItemError(this.getNode(), error, itemIndex);
			}
		}
		return [output];
	}
}
