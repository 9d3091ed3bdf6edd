import type { NodeTypeAndVersion } from 'n8n-workflow';

import {
	LIVE_BUDGET,
	SCHEDULED_BUDGET,
	type RetryBudget,
} from '../../../shared/transport/retryPolicy';

/** The node's "Retry Time Limit" option. */
export type RetryTimeLimit = 'auto' | 'short' | 'long';

const WEBHOOK_NODE_TYPE = 'n8n-nodes-base.webhook';
/** Webhook "Respond" settings under which the caller waits for the workflow (the default answers at once). */
const WAITING_RESPONSE_MODES = new Set(['responseNode', 'lastNode']);

/**
 * Whether someone waits for this run's answer: n8n started it for a webhook call (mode "webhook", kept by the worker
 * that runs it in queue mode), and a Webhook node before this one answers only when the workflow says so. A webhook
 * that answered at once (such as the ClickBank Trigger) leaves nobody waiting. When the nodes before this one, or the
 * Webhook node's setting, cannot be read, a webhook run counts as waiting: a slow answer is the worse mistake there.
 */
export function isLiveWebhookRun(
	mode: string | undefined,
	parents: readonly NodeTypeAndVersion[] | undefined,
): boolean {
	if (mode !== 'webhook') return false;
	if (parents === undefined) return true;
	return parents.some(
		(node) =>
			node.type === WEBHOOK_NODE_TYPE &&
			!node.disabled &&
			// An n8n that does not give parameters (older versions) leaves the Webhook's setting unknown.
			(node.parameters === undefined ||
				WAITING_RESPONSE_MODES.has(String(node.parameters.responseMode ?? 'onReceived'))),
	);
}

export function budgetFor(choice: RetryTimeLimit, live: boolean): RetryBudget {
	if (choice === 'short') return LIVE_BUDGET;
	if (choice === 'long') return SCHEDULED_BUDGET;
	return live ? LIVE_BUDGET : SCHEDULED_BUDGET;
}
