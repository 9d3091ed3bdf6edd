import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	NodeTypeAndVersion,
} from 'n8n-workflow';

import type { OperationRun } from '../../../../shared/operations';
import { PinterestClient, type PinterestCredentialType } from '../../../../shared/transport/client';
import type { RetryBudget } from '../../../../shared/transport/retryPolicy';
import { groupIntoBatches, type ItemOutcome } from '../../core/batches';
import { summariseDropped } from '../../core/droppedSummary';
import { budgetFor, isLiveWebhookRun, type RetryTimeLimit } from '../../core/liveBudget';
import { describeProblems, stopAfterSending, stopBeforeSending } from '../../core/stops';
import { deliver } from '../../transport/delivery';
import { prepareEvents, type InputMode, type PreparedEvents } from './prepareEvents';

export { description } from './send.description';

/** In test mode Pinterest processes only the first 20 events of a request. */
const MAX_TEST_EVENTS_PER_REQUEST = 20;

interface ItemResult {
	itemIndex: number;
	json: IDataObject;
	sent: boolean;
}

interface OutputOptions {
	includeInputFields?: boolean;
	includeUserData?: boolean;
	retryTimeLimit?: RetryTimeLimit;
}

function refusedResults(prepared: PreparedEvents, test: boolean): ItemResult[] {
	return prepared.refused.map((refused) => ({
		itemIndex: refused.itemIndex,
		sent: false,
		json: {
			status: 'failed',
			test,
			adAccountId: refused.adAccountId,
			eventName: refused.eventName,
			eventId: refused.eventId,
			reason: describeProblems(refused.problems),
			problems: refused.problems,
		},
	}));
}

function deliveredResults({
	prepared,
	outcomes,
	test,
	includeUserData,
}: {
	prepared: PreparedEvents;
	outcomes: ItemOutcome[];
	test: boolean;
	includeUserData: boolean;
}): ItemResult[] {
	const pending = new Map(prepared.pending.map((p) => [p.itemIndex, p]));
	return outcomes.map((outcome) => {
		const { event, adAccountId } = pending.get(outcome.itemIndex)!;
		const json: IDataObject = {
			status: outcome.status,
			test,
			adAccountId,
			eventName: event.event_name,
			eventId: event.event_id,
			eventTime: event.event_time,
		};
		if (outcome.status === 'failed') {
			return {
				itemIndex: outcome.itemIndex,
				sent: false,
				json: { ...json, reason: outcome.error },
			};
		}
		json.warning = outcome.warning ?? null;
		// The `user_data` keys the event was sent with (`em`, `ph`, `client_ip_address`…): what Pinterest can match on.
		json.matchKeys = Object.keys(event.user_data);
		json.droppedFields = prepared.dropped.get(outcome.itemIndex) ?? [];
		if (includeUserData) json.userData = event.user_data;
		return { itemIndex: outcome.itemIndex, sent: true, json };
	});
}

/** The retry budget of this run, from the option and how n8n started the run. */
function retryBudgetOf(ctx: IExecuteFunctions, choice: RetryTimeLimit): RetryBudget {
	if (choice !== 'auto') return budgetFor(choice, false);
	let parents: NodeTypeAndVersion[] | undefined;
	try {
		parents = ctx.getParentNodes(ctx.getNode().name, { includeNodeParameters: true });
	} catch {
		parents = undefined;
	}
	return budgetFor(choice, isLiveWebhookRun(ctx.getMode(), parents));
}

/** Business Access roles that may send conversion events (spec: events/create), as refusals name them. */
const CONVERSIONS_ROLE = 'the Admin, Analyst, Audience or Campaign Manager role';

/**
 * "Send conversion event" for all input items at once: batched per ad account, one outcome per item, on the Sent
 * or the Failed output.
 */
export async function execute(
	this: IExecuteFunctions,
	{ partFailed }: OperationRun,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	if (items.length === 0) return [[], []];
	const authentication = this.getNodeParameter('authentication', 0) as string;
	const credentialType: PinterestCredentialType =
		authentication === 'oAuth2' ? 'pinterestAdsOAuth2Api' : 'pinterestConversionsApi';
	const test = this.getNodeParameter('testMode', 0, false) as boolean;
	const inputMode = this.getNodeParameter('inputMode', 0, 'defineBelow') as InputMode;
	const stop = this.getNodeParameter('onFailedEvents', 0, 'route') === 'stop';
	const options = this.getNodeParameter('options', 0, {}) as OutputOptions;
	const credentialAdAccountId =
		credentialType === 'pinterestConversionsApi'
			? String((await this.getCredentials(credentialType)).adAccountId ?? '').trim()
			: '';

	const prepared = prepareEvents(this, items, {
		inputMode,
		credentialAdAccountId,
		nowSeconds: Math.floor(Date.now() / 1000),
	});
	if (stop && prepared.refused.length > 0) {
		throw stopBeforeSending({
			refusedCount: prepared.refused.length,
			firstRefused: prepared.refused[0],
			totalCount: items.length,
		});
	}

	const results = refusedResults(prepared, test);
	if (prepared.pending.length > 0) {
		const client = await PinterestClient.create(this, credentialType, {
			budget: retryBudgetOf(this, options.retryTimeLimit ?? 'auto'),
			wording: {
				neededRole: CONVERSIONS_ROLE,
				notResentBecause: 'Pinterest does not deduplicate offline events',
			},
		});
		const batches = groupIntoBatches(
			prepared.pending,
			test ? MAX_TEST_EVENTS_PER_REQUEST : undefined,
		);
		const outcomes = await deliver({
			client,
			batches,
			test,
			partFailed,
		});
		results.push(
			...deliveredResults({
				prepared,
				outcomes,
				test,
				includeUserData: options.includeUserData === true,
			}),
		);
		this.logger.info(
			`Pinterest Conversions: ${prepared.pending.length} events in ${client.requestCount} requests`,
		);
	}

	const droppedSummary = summariseDropped(
		results.filter((r) => r.sent).map((r) => prepared.dropped.get(r.itemIndex) ?? []),
	);
	if (droppedSummary) {
		this.addExecutionHints({ message: droppedSummary, type: 'warning', location: 'outputPane' });
		this.logger.warn(`Pinterest Conversions: ${droppedSummary}`);
	}
	results.sort((a, b) => a.itemIndex - b.itemIndex);
	const failed = results.filter((r) => !r.sent);
	if (stop && failed.length > 0) {
		throw stopAfterSending({
			failed: failed.map((r) => ({ itemIndex: r.itemIndex, reason: String(r.json.reason) })),
			sentCount: results.length - failed.length,
			totalCount: items.length,
		});
	}

	const toItem = (r: ItemResult): INodeExecutionData => ({
		json: options.includeInputFields ? { ...items[r.itemIndex].json, ...r.json } : r.json,
		pairedItem: { item: r.itemIndex },
	});
	return [results.filter((r) => r.sent).map(toItem), failed.map(toItem)];
}
