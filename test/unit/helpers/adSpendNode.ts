import type { INode } from 'n8n-workflow';

/** The Pinterest Ad Spend node as n8n hands it to code that names the node in its errors. */
export const adSpendNode: INode = {
	id: 'n1',
	name: 'Pinterest Ad Spend',
	type: 'n8n-nodes-pinterest-ads.pinterestAdSpend',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
