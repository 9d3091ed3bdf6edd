import { AD_ACCOUNT_ID } from '../../../shared/adAccountId';
import { collectionOf } from './itemFields';
import type { CustomDataInput, InputProblem, UserDataInput } from './types';

export interface ConversionEventInput {
	eventName?: unknown;
	actionSource?: unknown;
	eventTime?: unknown;
	/**
	 * True only when the node's Event Time was left empty (not an expression): then an empty time means "now", the
	 * live-postback case. An expression or an item field that comes out empty is refused instead.
	 */
	eventTimeEmptyMeansNow?: boolean;
	eventId?: unknown;
	eventSourceUrl?: unknown;
	optOut?: unknown;
	partnerName?: unknown;
	language?: unknown;
	appId?: unknown;
	appName?: unknown;
	appVersion?: unknown;
	deviceBrand?: unknown;
	deviceCarrier?: unknown;
	deviceModel?: unknown;
	deviceType?: unknown;
	osVersion?: unknown;
	wifi?: unknown;
	userData?: UserDataInput;
	customData?: CustomDataInput;
}

/** Only plain text or numbers are echoed into the output, never an object an expression produced. */
export function shown(value: unknown): string | null {
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : null;
}

export function adAccountProblem(adAccountId: string): InputProblem | undefined {
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

/** The event input of one item in "Define Below" mode, from its parameter values keyed by path. */
export function inputFromParameters({
	values,
	eventTimeLeftEmpty,
}: {
	values: Record<string, unknown>;
	eventTimeLeftEmpty: boolean;
}): ConversionEventInput {
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
