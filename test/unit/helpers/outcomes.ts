import type { Failed, InputProblem } from '../../../nodes/PinterestConversions/core/types';

/** The accepted side of a "value or problems" outcome; the problems, when there are any, fail the test. */
export function accepted<T extends { ok: true }>(outcome: T | Failed): T {
	if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
	return outcome;
}

/** The problems of a "value or problems" outcome; an accepted input fails the test. */
export function refused<T extends { ok: true }>(outcome: T | Failed): InputProblem[] {
	if (outcome.ok) throw new Error(`expected problems, got ${JSON.stringify(outcome)}`);
	return outcome.problems;
}
