import type { Checked, InputProblem } from '../../../nodes/PinterestConversions/core/input';

/** The value of a "value or problems" result; the problems, when there are any, fail the test. */
export function accepted<T>(outcome: Checked<T>): T {
	if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
	return outcome.value;
}

/** The problems of a "value or problems" result; an accepted input fails the test. */
export function refused<T>(outcome: Checked<T>): InputProblem[] {
	if (outcome.ok) throw new Error(`expected problems, got ${JSON.stringify(outcome)}`);
	return outcome.problems;
}
