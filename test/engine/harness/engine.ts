import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionBaseError,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	NodeExecutionHint,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { nodeTypeName, packageNodeTypes, type PackageNode } from './packageTypes';

export interface LogLine {
	level: 'debug' | 'info' | 'warn' | 'error';
	message: string;
	meta?: unknown;
}

const lines: LogLine[] = [];

/** n8n's logger (the one every node context hands out), recording instead of printing; any other method does nothing. */
const recordingLogger = new Proxy(
	{},
	{
		get(_target, property) {
			if (
				property === 'debug' ||
				property === 'info' ||
				property === 'warn' ||
				property === 'error'
			)
				return (message: string, meta?: unknown) => lines.push({ level: property, message, meta });
			if (property === 'scoped') return () => recordingLogger;
			return () => undefined;
		},
	},
) as Logger;

/** Records what is logged from now on, forgetting what was before; setup.ts starts it before each test. */
export function recordLogs() {
	lines.length = 0;
	Container.set(Logger, recordingLogger);
}

/** What was logged since the test began, in order. */
export const logs = (): LogLine[] => [...lines];

/** The warnings logged since the test began (a retry, a second pull). */
export const warnings = (): string[] =>
	lines.filter((line) => line.level === 'warn').map((line) => line.message);

/**
 * The context n8n's engine needs around a run: the credential store, lifecycle hooks, and nothing of a server
 * (no database, no webhooks, no sub-workflows).
 */
export function additionalData(
	credentialsHelper: TestCredentialsHelper,
	hooks: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		hooks,
		executionId: 'execution-1',
		currentNodeParameters: undefined,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		variables: {},
		executeWorkflow: async () => {
			throw new Error('No sub-workflows in the fast tier');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => undefined,
		startRunnerTask: async () => {
			throw new Error('No task runners in the fast tier');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface NodeRunOptions {
	node: PackageNode;
	/** The node's stored parameters: n8n fills in the defaults of the rest, as it does for a saved workflow. */
	parameters: IDataObject;
	typeVersion?: number;
	/** The items the node receives; one empty item by default (a manual start). */
	items?: INodeExecutionData[];
	/** Credential data by type, or a store kept across runs (a refreshed token is saved there). */
	credentials: TestCredentialsHelper | Record<string, IDataObject>;
	/** The node's "On Error: Continue" setting. */
	continueOnFail?: boolean;
	/** How the run started: 'manual', 'trigger', 'webhook'… */
	mode?: WorkflowExecuteMode;
	/** Nodes before this one in the workflow, the first connected to it (they are not run: `items` is their output). */
	parents?: Array<Omit<INode, 'id' | 'position'>>;
	timezone?: string;
	nodeName?: string;
}

export interface NodeRun {
	/** Every output of the node, in order (Pinterest Conversions: sent, then failed). */
	outputs: INodeExecutionData[][];
	/** The node's first output. */
	items: INodeExecutionData[];
	/** The `json` of each output item. */
	json: IDataObject[];
	/** The error the node failed with (the run then has no items). */
	error?: ExecutionBaseError;
	/** The hints the node added to its output (addExecutionHints). */
	hints: NodeExecutionHint[];
	run: IRun;
	credentials: TestCredentialsHelper;
}

/** One node of this package in a workflow of its own, run by n8n's engine (`WorkflowExecute`) on the given items. */
export async function runNode(options: NodeRunOptions): Promise<NodeRun> {
	const credentialsHelper =
		options.credentials instanceof TestCredentialsHelper
			? options.credentials
			: new TestCredentialsHelper(options.credentials);
	const name = options.nodeName ?? 'Node Under Test';
	const nodeUnderTest: INode = {
		id: 'node-under-test',
		name,
		type: nodeTypeName(options.node),
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0],
		parameters: structuredClone(options.parameters) as INode['parameters'],
		credentials: Object.fromEntries(
			Object.keys(credentialsHelper.stored).map((type) => [type, { id: `${type}-1`, name: type }]),
		),
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const parents: INode[] = (options.parents ?? []).map((parent, index) => ({
		id: `parent-${index}`,
		position: [0, 0],
		...parent,
	}));
	const connections: IConnections = {};
	const chain = [...parents].reverse().concat(nodeUnderTest);
	for (let i = 0; i + 1 < chain.length; i++) {
		connections[chain[i].name] = { main: [[{ node: chain[i + 1].name, type: 'main', index: 0 }]] };
	}
	const workflow = new Workflow({
		id: 'workflow-under-test',
		name: 'Fast tier',
		nodes: [...parents, nodeUnderTest],
		connections,
		active: false,
		nodeTypes: packageNodeTypes,
		settings: { timezone: options.timezone ?? 'UTC' },
	});
	const mode = options.mode ?? 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, 'execution-1', {
		id: 'workflow-under-test',
		name: 'Fast tier',
		nodes: [...parents, nodeUnderTest],
		connections,
		active: false,
	} as unknown as IWorkflowBase);
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{
					node: workflow.getNode(name)!,
					data: { main: [options.items ?? [{ json: {} }]] },
					source: parents.length ? { main: [{ previousNode: parents[0].name }] } : null,
				},
			],
		},
	});
	const run = await new WorkflowExecute(
		additionalData(credentialsHelper, hooks),
		mode,
		runExecutionData,
	).processRunExecutionData(workflow);
	const task = run.data.resultData.runData[name]?.[0];
	const outputs = (task?.data?.main ?? []).map((output) => output ?? []);
	const items = outputs[0] ?? [];
	return {
		outputs,
		items,
		json: items.map((item) => item.json),
		error: (task?.error ?? run.data.resultData.error) as ExecutionBaseError | undefined,
		hints: task?.hints ?? [],
		run,
		credentials: credentialsHelper,
	};
}
