import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { mapItemAutomatically } from './core/autoMapping';
import type { PendingEvent } from './core/batches';
import { buildConversionEvent } from './core/buildEvent';
import type { ConversionEventInput, DroppedField, InputProblem } from './core/types';
import { collectionOf, ParameterReader } from './parameters';

export type InputMode = 'defineBelow' | 'auto';

/** An item refused before sending: no request is made for it. */
export interface RefusedItem {
	itemIndex: number;
	adAccountId: string | null;
	eventName: string | null;
	eventId: string | null;
	problems: InputProblem[];
}

export interface PreparedEvents {
	pending: PendingEvent[];
	refused: RefusedItem[];
	/** Fields left out of each pending event, by item index. */
	dropped: Map<number, DroppedField[]>;
}

const AD_ACCOUNT_ID = /^\d{1,18}$/;

/** Only plain text or numbers are echoed into the output, never an object an expression produced. */
function shown(value: unknown): string | null {
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : null;
}

function adAccountProblem(adAccountId: string): InputProblem | undefined {
	if (AD_ACCOUNT_ID.test(adAccountId)) return undefined;
	return {
		field: 'adAccount',
		message:
			adAccountId === ''
				? 'No ad account ID for this item'
				: 'Ad account ID is not a Pinterest ad account ID (digits only)',
		fix: 'Choose an ad account, or give its number as shown in Ads Manager.',
	};
}

function inputFromParameters(
	values: Record<string, unknown>,
	eventTimeLeftEmpty: boolean,
): ConversionEventInput {
	return {
		...collectionOf(values, 'eventOptions'),
		eventName: values.eventName,
		actionSource: values.actionSource,
		eventTime: values.eventTime,
		eventTimeEmptyMeansNow: eventTimeLeftEmpty,
		eventId: values.eventId,
		userData: collectionOf(values, 'userData'),
		customData: collectionOf(values, 'customData'),
	};
}

/**
 * Reads, validates, normalises and hashes every item: one pending event per valid item, one refusal per invalid
 * one, each with its ad account (the item's, the node's, or the credential's default).
 */
export function prepareEvents(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	{
		inputMode,
		credentialAdAccountId,
		nowSeconds,
	}: { inputMode: InputMode; credentialAdAccountId: string; nowSeconds: number },
): PreparedEvents {
	const reader = new ParameterReader(
		ctx,
		inputMode === 'auto' ? ['eventName', 'actionSource', 'adAccount'] : undefined,
	);
	const prepared: PreparedEvents = { pending: [], refused: [], dropped: new Map() };
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const { values, problems } = reader.read(itemIndex);
		let input: ConversionEventInput;
		let adAccount: unknown = values.adAccount;
		if (inputMode === 'auto') {
			const mapped = mapItemAutomatically(items[itemIndex].json as IDataObject, {
				eventName: values.eventName,
				actionSource: values.actionSource,
			});
			input = mapped.input;
			adAccount = mapped.adAccountId ?? adAccount;
		} else {
			input = inputFromParameters(values, reader.eventTimeLeftEmpty);
		}
		const adAccountId = shown(adAccount) || credentialAdAccountId;
		const accountProblem = adAccountProblem(adAccountId);
		if (accountProblem) problems.push(accountProblem);
		const built = buildConversionEvent(input, nowSeconds);
		if (!built.ok || problems.length > 0) {
			prepared.refused.push({
				itemIndex,
				adAccountId: accountProblem ? null : adAccountId,
				eventName: shown(input.eventName),
				eventId: shown(input.eventId),
				// A field whose expression failed is reported once, by its expression.
				problems: [
					...problems,
					...(built.ok ? [] : built.problems).filter(
						(found) => !problems.some((failed) => failed.field === found.field),
					),
				],
			});
		} else {
			prepared.pending.push({ itemIndex, adAccountId, event: built.event });
			prepared.dropped.set(itemIndex, built.dropped);
		}
	}
	return prepared;
}
