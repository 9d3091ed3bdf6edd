import type * as RetryPolicy from '../../../shared/transport/retryPolicy';

/**
 * shared/transport/retryPolicy.ts with the retry waits' random jitter at 0, so a test knows each wait to the
 * millisecond (Math.random itself stays real: the stack traces of n8n and jest sort with it). `scheduled`
 * changes the scheduled budget, for the one timing no fake clock reaches (see timingFaults.engine.test.ts).
 */
export function retryPolicyWithoutJitter(
	scheduled: Partial<typeof RetryPolicy.SCHEDULED_BUDGET> = {},
): typeof RetryPolicy {
	const actual = jest.requireActual<typeof RetryPolicy>('../../../shared/transport/retryPolicy');
	return {
		...actual,
		decideRetry: (outcome, retriesSoFar, spentMsSoFar, _jitter, budget) =>
			actual.decideRetry(outcome, retriesSoFar, spentMsSoFar, 0, budget),
		SCHEDULED_BUDGET: { ...actual.SCHEDULED_BUDGET, ...scheduled },
	};
}
