import type * as RetryPolicy from '../../../shared/transport/retryPolicy';

/**
 * shared/transport/retryPolicy.ts with the retry waits' random jitter at 0, so a test knows each wait to the
 * millisecond (Math.random itself stays real: the stack traces of n8n and jest sort with it). setup.ts installs it
 * for every file before the nodes are loaded; a file that needs another budget changes the module's budget objects
 * (see timingFaults.engine.test.ts), since a jest.mock of its own would come too late.
 */
export function retryPolicyWithoutJitter(): typeof RetryPolicy {
	const actual = jest.requireActual<typeof RetryPolicy>('../../../shared/transport/retryPolicy');
	return {
		...actual,
		decideRetry: (outcome, retriesSoFar, spentMsSoFar, _jitter, budget) =>
			actual.decideRetry(outcome, retriesSoFar, spentMsSoFar, 0, budget),
		SCHEDULED_BUDGET: { ...actual.SCHEDULED_BUDGET },
	};
}
