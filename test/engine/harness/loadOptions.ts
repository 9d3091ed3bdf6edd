import { ExecutionLifecycleHooks, LoadOptionsContext } from 'n8n-core';
import type { IDataObject, ILoadOptionsFunctions, IWorkflowBase } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { additionalData } from './engine';
import { nodeTypeName, packageNodeTypes, type PackageNode } from './packageTypes';

/** n8n's own context for a node's list search or load options (n8n-core's LoadOptionsContext), with credentials. */
export function loadOptionsContext(
	nodeName: PackageNode,
	credentials: Record<string, IDataObject>,
): ILoadOptionsFunctions {
	const node = {
		id: 'node-under-test',
		name: 'Node Under Test',
		type: nodeTypeName(nodeName),
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: {},
		credentials: Object.fromEntries(
			Object.keys(credentials).map((type) => [type, { id: `${type}-1`, name: type }]),
		),
	};
	const workflow = new Workflow({
		id: 'workflow-under-test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: packageNodeTypes,
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'execution-1', {
		id: 'workflow-under-test',
		nodes: [node],
		connections: {},
	} as unknown as IWorkflowBase);
	return new LoadOptionsContext(
		workflow,
		workflow.getNode(node.name)!,
		additionalData(new TestCredentialsHelper(credentials), hooks),
		'parameters.adAccount',
	);
}
