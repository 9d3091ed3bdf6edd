import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { mapItemAutomatically } from '../../core/autoMapping';
import type { PendingEvent } from '../../core/batches';
import { buildConversionEvent } from '../../core/buildEvent';
import type { DroppedField, InputProblem, ConversionEventInput } from '../../core/input';
import { adAccountProblem, inputFromParameters, shown } from '../../core/input';
import { ParameterReader } from './parameters';

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
			input = inputFromParameters({ values, eventTimeLeftEmpty: reader.eventTimeLeftEmpty });
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
			prepared.pending.push({ itemIndex, adAccountId, event: built.value.event });
			prepared.dropped.set(itemIndex, built.value.dropped);
		}
	}
	return prepared;
}
