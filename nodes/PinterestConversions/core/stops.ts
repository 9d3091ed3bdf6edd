import { DEDUPLICATION_WINDOW_HOURS } from './dedup';
import type { InputProblem } from './types';

/**
 * The run stops on the user's data (Failed Events: "Stop the Workflow"). Plain data: actions/router.ts turns it into
 * n8n's NodeOperationError, the one place errors are wrapped.
 */
export class RunStopped extends Error {
	readonly itemIndex: number;

	readonly description: string;

	constructor({
		message,
		itemIndex,
		description,
	}: {
		message: string;
		itemIndex: number;
		description: string;
	}) {
		super(message);
		this.itemIndex = itemIndex;
		this.description = description;
	}
}

/**
 * A request failed as a whole: `failure` is what the client threw, or `unmatchedAnswer` says why Pinterest's answer
 * could not be matched to the items. actions/router.ts turns it into n8n's NodeApiError with `processedBefore`
 * appended to its description.
 */
export class RequestFailed extends Error {
	readonly failure: unknown;

	readonly unmatchedAnswer: string | undefined;

	readonly processedBefore: string;

	constructor({
		failure,
		unmatchedAnswer,
		processedBefore,
	}: {
		failure: unknown;
		unmatchedAnswer?: string;
		processedBefore: string;
	}) {
		super(unmatchedAnswer ?? 'A request to Pinterest failed');
		this.failure = failure;
		this.unmatchedAnswer = unmatchedAnswer;
		this.processedBefore = processedBefore;
	}
}

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
}): RunStopped {
	return new RunStopped({
		message: `${refusedCount} of ${totalCount} events cannot be sent, so none was sent; the first (item ${firstRefused.itemIndex + 1}): ${describeProblems(firstRefused.problems)}`,
		itemIndex: firstRefused.itemIndex,
		description:
			'Fix these items and run again, or set Failed Events to "Route to the Failed Output" to send the valid ones.',
	});
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
}): RunStopped {
	return new RunStopped({
		message: `${failed.length} of ${totalCount} events were not processed by Pinterest; the first: ${failed[0].reason}`,
		itemIndex: failed[0].itemIndex,
		description: `${sentCount} events were processed. Pinterest counts an event ID with its event name once within ${DEDUPLICATION_WINDOW_HOURS} hours, so sending the same items again does not count those twice, except offline events, which Pinterest does not deduplicate: for those, send only the failed items.`,
	});
}

/** Appended to a failed request's error: what earlier requests of the run delivered. */
export function processedBeforeNote(processedCount: number): string {
	return processedCount > 0
		? ` ${processedCount} ${processedCount === 1 ? 'event' : 'events'} of earlier requests of this run ${processedCount === 1 ? 'was' : 'were'} processed by Pinterest; sending them again within ${DEDUPLICATION_WINDOW_HOURS} hours with the same event IDs does not count them twice, except offline events.`
		: ' No earlier request of this run had delivered events.';
}
