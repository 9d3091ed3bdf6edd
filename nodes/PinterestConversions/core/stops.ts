import { ActionableError } from '../../../shared/errors';

import { DEDUPLICATION_WINDOW_HOURS } from './dedup';
import type { InputProblem } from './input';

export function describeProblems(problems: InputProblem[]): string {
	return problems.map((p) => `${p.field}: ${p.message}. ${p.fix}`).join(' | ');
}

/** Some items cannot be sent and the user chose to stop: nothing is sent. */
export function stopBeforeSending({
	refusedCount,
	firstRefused,
	totalCount,
}: {
	refusedCount: number;
	firstRefused: { itemIndex: number; problems: InputProblem[] };
	totalCount: number;
}): ActionableError {
	return new ActionableError(
		`${refusedCount} of ${totalCount} events cannot be sent, so none was sent; the first (item ${firstRefused.itemIndex + 1}): ${describeProblems(firstRefused.problems)}`,
		'Fix these items and run again, or set Failed Events to "Route to the Failed Output" to send the valid ones.',
		firstRefused.itemIndex,
	);
}

/** Pinterest refused some events and the user chose to stop: says how many were processed. */
export function stopAfterSending({
	failed,
	sentCount,
	totalCount,
}: {
	failed: Array<{ itemIndex: number; reason: string }>;
	sentCount: number;
	totalCount: number;
}): ActionableError {
	return new ActionableError(
		`${failed.length} of ${totalCount} events were not processed by Pinterest; the first: ${failed[0].reason}`,
		`${sentCount} events were processed. Pinterest counts an event ID with its event name once within ${DEDUPLICATION_WINDOW_HOURS} hours, so sending the same items again does not count those twice, except offline events, which Pinterest does not deduplicate: for those, send only the failed items.`,
		failed[0].itemIndex,
	);
}

/** Said after a failed request's fix: what earlier requests of the run delivered. */
export function processedBeforeNote(processedCount: number): string {
	return processedCount > 0
		? `${processedCount} ${processedCount === 1 ? 'event' : 'events'} of earlier requests of this run ${processedCount === 1 ? 'was' : 'were'} processed by Pinterest; sending them again within ${DEDUPLICATION_WINDOW_HOURS} hours with the same event IDs does not count them twice, except offline events.`
		: 'No earlier request of this run had delivered events.';
}
