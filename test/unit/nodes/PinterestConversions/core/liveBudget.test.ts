import type { NodeTypeAndVersion } from 'n8n-workflow';

import {
	budgetFor,
	isLiveWebhookRun,
} from '../../../../../nodes/PinterestConversions/core/liveBudget';
import { LIVE_BUDGET, SCHEDULED_BUDGET } from '../../../../../shared/transport/retryPolicy';

const webhook = (responseMode?: string, disabled = false): NodeTypeAndVersion => ({
	name: 'Postback',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	disabled,
	parameters: responseMode ? { path: 'p', responseMode } : { path: 'p' },
});
const code: NodeTypeAndVersion = {
	name: 'Read Postback',
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	disabled: false,
	parameters: {},
};
const clickbank: NodeTypeAndVersion = {
	name: 'ClickBank Trigger',
	type: 'n8n-nodes-pinterest-ads.clickBankTrigger',
	typeVersion: 1,
	disabled: false,
	parameters: {},
};

describe('isLiveWebhookRun: does someone wait for this run to answer?', () => {
	it('yes: a webhook run whose Webhook node answers from the workflow', () => {
		expect(isLiveWebhookRun('webhook', [webhook('responseNode'), code])).toBe(true);
		expect(isLiveWebhookRun('webhook', [code, webhook('lastNode')])).toBe(true);
	});

	it('no: the Webhook node answered on receipt (its default), or was disabled', () => {
		expect(isLiveWebhookRun('webhook', [webhook('onReceived'), code])).toBe(false);
		expect(isLiveWebhookRun('webhook', [webhook(undefined), code])).toBe(false);
		expect(isLiveWebhookRun('webhook', [webhook('responseNode', true)])).toBe(false);
	});

	it('no: a trigger that answers at once (the ClickBank Trigger)', () => {
		expect(isLiveWebhookRun('webhook', [clickbank, code])).toBe(false);
	});

	it('no: manual, scheduled (trigger), test-webhook, retried and sub-workflow runs', () => {
		for (const mode of ['manual', 'trigger', 'retry', 'integrated', 'cli', 'internal', undefined]) {
			expect(isLiveWebhookRun(mode, [webhook('responseNode')])).toBe(false);
		}
	});

	it('yes when the nodes before this one or their settings cannot be read: a slow answer is the worse mistake', () => {
		expect(isLiveWebhookRun('webhook', undefined)).toBe(true);
		const withoutParameters = { ...webhook('onReceived'), parameters: undefined };
		expect(isLiveWebhookRun('webhook', [withoutParameters, code])).toBe(true);
	});
});

describe('budgetFor: the "Retry Time Limit" option', () => {
	it('Auto follows the run; Short and Long are fixed', () => {
		expect(budgetFor('auto', true)).toBe(LIVE_BUDGET);
		expect(budgetFor('auto', false)).toBe(SCHEDULED_BUDGET);
		expect(budgetFor('short', false)).toBe(LIVE_BUDGET);
		expect(budgetFor('long', true)).toBe(SCHEDULED_BUDGET);
	});
});
