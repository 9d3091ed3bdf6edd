import type { DateTime } from 'luxon';

import { parseAdditionalColumns } from './columns';
import { resolveDateRange, type DatePreset } from './dates';
import type { Granularity, Level } from './levels';
import type { SpendRequest } from './plan';
import { checkReach, type StrategyChoice } from './strategy';
import { checkNotFuture } from './windows';

/** The spend parameters of one item as n8n gives them. */
export interface SpendParameters {
	level: Level;
	datePreset: DatePreset;
	/** Only for the custom preset. */
	startDate?: unknown;
	endDate?: unknown;
	granularity: Granularity;
	includeNames: boolean;
	metrics: string[];
	options: {
		dateZone?: string;
		extraColumns?: string;
		includeZeroSpend?: boolean;
		strategy?: StrategyChoice;
	};
}

/**
 * The parameters as a spend request, refused before any call when no Pinterest endpoint could serve it.
 * `now` and the workflow's zone are passed in.
 */
export function toSpendRequest(input: {
	parameters: SpendParameters;
	now: DateTime;
	workflowZone: string;
	/** False in Pinterest's sandbox, which cannot run asynchronous reports. */
	reportsAvailable: boolean;
}): SpendRequest {
	const { parameters, now, reportsAvailable } = input;
	const { options } = parameters;
	const range = resolveDateRange(parameters.datePreset, {
		now,
		zone: options.dateZone === 'workflow' ? input.workflowZone : 'UTC',
		customStart: parameters.startDate,
		customEnd: parameters.endDate,
	});
	const todayUtc = now.toUTC().toISODate() as string;
	checkNotFuture(range, todayUtc);
	const request: SpendRequest = {
		level: parameters.level,
		range,
		granularity: parameters.granularity,
		includeNames: parameters.includeNames,
		metricColumns: [
			...new Set([...parameters.metrics, ...parseAdditionalColumns(options.extraColumns ?? '')]),
		],
		includeZeroSpend: options.includeZeroSpend === true,
		strategy: options.strategy ?? 'auto',
		todayUtc,
		reportsAvailable,
	};
	checkReach({ ...request, requested: request.strategy });
	return request;
}
