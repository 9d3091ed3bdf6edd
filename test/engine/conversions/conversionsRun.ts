import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runNode, type NodeRunOptions } from '../harness/engine';
import type { InProcessPinterest } from '../harness/pinterest';

export const ACCOUNT = '549755885175';

/** Pinterest Conversions on the items, with the end-to-end credentials pointing at the in-process fake. */
export async function runConversions(
	pinterest: InProcessPinterest,
	items: INodeExecutionData[],
	parameters: IDataObject,
	options: Pick<NodeRunOptions, 'continueOnFail' | 'mode' | 'parents'> = {},
) {
	return await runNode({
		node: 'pinterestConversions',
		parameters,
		items,
		credentials: pinterest.credentials(),
		nodeName: 'Pinterest Conversions',
		...options,
	});
}

/** The event requests, in order: ad account, test flag and event ids of each. */
export async function batches(pinterest: InProcessPinterest) {
	return (await pinterest.requests())
		.filter((r) => r.method === 'POST' && /^\/ad_accounts\/\d+\/events$/.test(r.path))
		.map((r) => ({
			adAccountId: r.path.split('/')[2],
			test: new URLSearchParams(r.query).get('test') === 'true',
			eventIds: ((r.json?.data ?? []) as IDataObject[]).map((event) => event.event_id),
			actionSources: ((r.json?.data ?? []) as IDataObject[]).map((event) => event.action_source),
		}));
}

/** Conversions the fake counted. */
export async function conversions(pinterest: InProcessPinterest) {
	return (await pinterest.state()).conversions as Array<{
		adAccountId: string;
		event: IDataObject;
	}>;
}

/** A Webhook node before this one; "lastNode" makes its caller wait for the workflow. */
export const webhookParent = (responseMode: string) => ({
	name: 'Webhook',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	disabled: false,
	parameters: { responseMode },
});
