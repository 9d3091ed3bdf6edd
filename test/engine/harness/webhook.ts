import { ExecutionLifecycleHooks, WebhookContext } from 'n8n-core';
import type { IDataObject, IWebhookData, IWorkflowBase } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { additionalData } from './engine';
import { nodeTypeName, packageNode, packageNodeTypes } from './packageTypes';

/** What the trigger answered itself through n8n's response object (a refusal), if it did. */
export interface WebhookAnswer {
	statusCode?: number;
	json?: unknown;
}

/**
 * A POST to the ClickBank Trigger's webhook, handled by the trigger's `webhook` in n8n's own webhook context
 * (n8n-core's WebhookContext: parameters with their defaults, credentials, request and response objects).
 */
export async function receiveWebhook(options: {
	parameters?: IDataObject;
	credentials: Record<string, IDataObject>;
	rawBody: Buffer | undefined;
}) {
	const name = 'ClickBank Trigger';
	const node = {
		id: 'trigger',
		name,
		type: nodeTypeName('clickBankTrigger'),
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: structuredClone(options.parameters ?? {}) as IDataObject as never,
		webhookId: 'clickbank-webhook',
		credentials: Object.fromEntries(
			Object.keys(options.credentials).map((type) => [type, { id: `${type}-1`, name: type }]),
		),
	};
	const workflow = new Workflow({
		id: 'workflow-under-test',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: packageNodeTypes,
	});
	const answer: WebhookAnswer = {};
	const response = {
		status(code: number) {
			answer.statusCode = code;
			return response;
		},
		json(value: unknown) {
			answer.json = value;
			return response;
		},
	};
	const hooks = new ExecutionLifecycleHooks('webhook', 'execution-1', {
		id: 'workflow-under-test',
		nodes: [node],
		connections: {},
	} as unknown as IWorkflowBase);
	const data = additionalData(new TestCredentialsHelper(options.credentials), hooks);
	Object.assign(data, {
		httpRequest: { rawBody: options.rawBody, body: {}, headers: {}, query: {}, params: {} },
		httpResponse: response,
	});
	const webhookData = {
		httpMethod: 'POST',
		node: name,
		path: 'clickbank-webhook',
		webhookDescription: { name: 'default', httpMethod: 'POST', path: 'webhook' },
		workflowId: 'workflow-under-test',
		workflowExecuteAdditionalData: data,
	} as unknown as IWebhookData;
	const context = new WebhookContext(
		workflow,
		workflow.getNode(name)!,
		data,
		'webhook',
		webhookData,
		[],
		null,
	);
	const result = await packageNode('clickBankTrigger').webhook!.call(context);
	return { result, answer };
}
