import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { PinterestClient, type PinterestCredentialType } from '../../shared/transport/client';
import { groupIntoBatches, type ItemOutcome } from './core/batches';
import { DEDUPLICATION_WINDOW_HOURS } from './core/dedup';
import { summariseDropped } from './core/droppedSummary';
import { matchKeysOf } from './core/matchKeys';
import type { InputProblem } from './core/types';
import { deliver } from './delivery';
import { retryBudgetOf, type RetryTimeLimit } from './liveBudget';
import { prepareEvents, type InputMode, type PreparedEvents } from './prepareEvents';

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

function describeProblems(problems: InputProblem[]) {
	return problems.map((p) => `${p.field}: ${p.message}. ${p.fix}`).join(' | ');
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
			problems: refused.problems as unknown as IDataObject[],
		},
	}));
}

function deliveredResults(
	prepared: PreparedEvents,
	outcomes: ItemOutcome[],
	test: boolean,
	includeUserData: boolean,
): ItemResult[] {
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
		json.matchKeys = matchKeysOf(event.user_data);
		json.droppedFields = (prepared.dropped.get(outcome.itemIndex) ??
			[]) as unknown as IDataObject[];
		if (includeUserData) json.userData = event.user_data as IDataObject;
		return { itemIndex: outcome.itemIndex, sent: true, json };
	});
}

function stopBeforeSending(ctx: IExecuteFunctions, prepared: PreparedEvents, total: number) {
	const first = prepared.refused[0];
	return new NodeOperationError(
		ctx.getNode(),
		`${prepared.refused.length} of ${total} events cannot be sent, so none was sent; the first (item ${first.itemIndex + 1}): ${describeProblems(first.problems)}`,
		{
			itemIndex: first.itemIndex,
			description:
				'Fix these items and run again, or set Failed Events to "Route to the Failed Output" to send the valid ones.',
		},
	);
}

function stopAfterSending(ctx: IExecuteFunctions, results: ItemResult[], total: number) {
	const failed = results.filter((r) => !r.sent);
	const sent = results.length - failed.length;
	return new NodeOperationError(
		ctx.getNode(),
		`${failed.length} of ${total} events were not processed by Pinterest; the first: ${String(failed[0].json.reason)}`,
		{
			itemIndex: failed[0].itemIndex,
			description: `${sent} events were processed. Pinterest counts an event ID with its event name once within ${DEDUPLICATION_WINDOW_HOURS} hours, so sending the same items again does not count those twice, except offline events, which Pinterest does not deduplicate: for those, send only the failed items.`,
		},
	);
}

/** "Send conversion event" for all input items at once: batched per ad account, one outcome per item. */
export async function sendEvents(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
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
	if (stop && prepared.refused.length > 0) throw stopBeforeSending(this, prepared, items.length);

	const results = refusedResults(prepared, test);
	if (prepared.pending.length > 0) {
		const client = await PinterestClient.create(this, credentialType, {
			budget: retryBudgetOf(this, options.retryTimeLimit ?? 'auto'),
		});
		const batches = groupIntoBatches(
			prepared.pending,
			test ? MAX_TEST_EVENTS_PER_REQUEST : undefined,
		);
		const outcomes = await deliver(this, client, batches, {
			test,
			continueOnFail: this.continueOnFail(),
		});
		results.push(...deliveredResults(prepared, outcomes, test, options.includeUserData === true));
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
	if (stop && results.some((r) => !r.sent)) throw stopAfterSending(this, results, items.length);

	const toItem = (r: ItemResult): INodeExecutionData => ({
		json: options.includeInputFields ? { ...items[r.itemIndex].json, ...r.json } : r.json,
		pairedItem: { item: r.itemIndex },
	});
	return [results.filter((r) => r.sent).map(toItem), results.filter((r) => !r.sent).map(toItem)];
}
