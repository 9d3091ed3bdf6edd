// The run of the Conversions fault matrix (docs/fault-matrix.md) on n8n's engine: 3 orders mapped as users map
// them, through the conversion token (or OAuth2), against the in-process fake; what reached Pinterest (requests,
// the event ids in each, their arrival on the fake clock), what came out of each output, and what the fake recorded.
import type { IDataObject } from 'n8n-workflow';

import type { TestCredentialsHelper } from '../harness/credentialsHelper';
import { faultOrder, FAULT_ORDER_MAPPING } from '../../harness/fixtures';
import { runNode, type NodeRun } from '../harness/engine';
import type { FakeRequest, InProcessPinterest } from '../harness/pinterest';

export const US = '549755885175';

export const order = (n: number, overrides: IDataObject = {}) =>
	faultOrder(n, overrides) as IDataObject;
export const orders = () => [order(1), order(2), order(3)];
export const IDS = ['order-1', 'order-2', 'order-3'];

/** OAuth2 needs the ad account in the node (the conversion token's credential names its own). */
export const OAUTH = { adAccount: { __rl: true, mode: 'id', value: US } };

export interface SendRun {
	run: NodeRun;
	error: NodeRun['error'];
	sent: IDataObject[];
	failed: IDataObject[];
	/** Every request of this run that reached the fake, the token endpoint's included. */
	all: FakeRequest[];
	/** The event requests of this run. */
	requests: FakeRequest[];
	eventIds: string[][];
	/** The time between one event request's arrival and the next's, on the fake clock. */
	gapsMs: number[];
	/** The event ids the fake has recorded (counted) so far. */
	recorded: string[];
}

export async function recorded(pinterest: InProcessPinterest): Promise<string[]> {
	const conversions = (await pinterest.state()).conversions as Array<{ event: IDataObject }>;
	return conversions.map((c) => String(c.event.event_id));
}

/** Pinterest Conversions on the items (3 orders by default); only this run's requests are returned. */
export async function send(
	pinterest: InProcessPinterest,
	{
		items = orders(),
		credential = 'token',
		parameters = {},
		continueOnFail = false,
		credentials = pinterest.credentials(),
	}: {
		items?: IDataObject[];
		credential?: 'token' | 'oauth';
		parameters?: IDataObject;
		continueOnFail?: boolean;
		credentials?: TestCredentialsHelper | Record<string, IDataObject>;
	} = {},
): Promise<SendRun> {
	const before = (await pinterest.requests()).length;
	const run = await runNode({
		node: 'pinterestConversions',
		parameters: {
			operation: 'sendEvent',
			authentication: credential === 'oauth' ? 'oAuth2' : 'conversionToken',
			...FAULT_ORDER_MAPPING,
			...parameters,
		},
		items: items.map((json) => ({ json })),
		credentials,
		continueOnFail,
		nodeName: 'Pinterest Conversions',
	});
	const all = (await pinterest.requests()).slice(before);
	const requests = all.filter((r) => r.path.endsWith('/events'));
	return {
		run,
		error: run.error,
		sent: (run.outputs[0] ?? []).map((item) => item.json),
		failed: (run.outputs[1] ?? []).map((item) => item.json),
		all,
		requests,
		eventIds: requests.map((r) =>
			((r.json?.data ?? []) as IDataObject[]).map((e) => String(e.event_id)),
		),
		gapsMs: requests.slice(1).map((r, i) => r.at - requests[i].at),
		recorded: await recorded(pinterest),
	};
}

/** Every item came out once: on Sent, or on Failed; the node did not fail. */
export function expectEachItemOnce(
	run: SendRun,
	{ sent = [], failed = [] }: { sent?: string[]; failed?: string[] },
) {
	expect(run.error).toBeUndefined();
	expect(run.sent.map((item) => item.eventId)).toEqual(sent);
	expect(run.failed.map((item) => item.eventId)).toEqual(failed);
}
