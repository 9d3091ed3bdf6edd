import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ActionableError, PinterestCallError } from './errors';

/**
 * The contract between each node's router and its operations, the same for every node of this package.
 *
 * - An operation throws this package's plain errors (errors.ts: ActionableError, PinterestCallError). Here, and
 *   nowhere else, they become n8n's errors and continue-on-fail is applied.
 * - A node runs its operations by one rule. `perItem`: once per input item (Ad Spend: each item is a spend
 *   request of its own); a throw fails that item, which becomes an error item when the node continues on fail.
 *   `allItems`: once for all items (Conversions: events of many items share requests); a throw fails the run,
 *   and n8n applies continue-on-fail to it as to any node's error.
 * - A part that may fail alone — one ad account of a spend request, one request of events — is handed to
 *   `partFailed`: it throws the node's error, or, when the node continues on fail, returns, and the operation
 *   outputs that part as failed and goes on with the others.
 */
export interface OperationRun {
	/** The item whose parameters the operation reads: each in turn (per item), or 0 (all items). */
	itemIndex: number;
	partFailed(error: unknown): void;
}

export type Operation = (
	this: IExecuteFunctions,
	run: OperationRun,
) => Promise<INodeExecutionData[][]>;

export interface OperationTable {
	rule: 'perItem' | 'allItems';
	/** How many outputs the node has. */
	outputCount: number;
	/** Operation value (the "Operation" selector) → its execute. A new operation is one line. */
	operations: Record<string, Operation>;
}

/** The only place a problem of this package becomes n8n's error. */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		// n8n's own (an expression that failed): it only gains the item. Wrapping would return it unchanged.
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	if (error instanceof PinterestCallError) {
		const { failure, call } = error;
		const body: JsonObject = {
			httpCode: failure?.statusCode ?? null,
			code: failure?.pinterestCode ?? null,
			message: failure?.message ?? null,
			requestId: failure?.requestId ?? null,
			call: call.label,
			adAccountId: call.adAccountId ?? null,
			fileDownload: call.fileDownload === true,
		};
		const apiError = new NodeApiError(node, body, {
			message: error.message,
			description: error.fix,
			httpCode: error.httpCode,
		});
		apiError.context.itemIndex = itemIndex;
		return apiError;
	}
	if (error instanceof ActionableError) {
		return new NodeOperationError(node, error.message, {
			itemIndex: error.itemIndex ?? itemIndex,
			description: error.fix,
		});
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/**
 * A failure as an output item's fields. The fix travels with the message: an error item is often all a scheduled
 * run leaves.
 */
export function errorFields(error: unknown): IDataObject {
	const fix =
		error instanceof ActionableError ? error.fix : (error as { description?: unknown }).description;
	return {
		error: (error as Error).message,
		...(typeof fix === 'string' && fix !== '' ? { fix } : {}),
	};
}

function operationAt(ctx: IExecuteFunctions, table: OperationTable, itemIndex: number): Operation {
	const name = ctx.getNodeParameter('operation', itemIndex) as string;
	const operation = table.operations[name];
	if (operation === undefined) {
		throw new ActionableError(
			`The operation "${name}" is not known`,
			'Pick an operation from the list.',
		);
	}
	return operation;
}

/** Runs a node's operation by its table's rule (see OperationRun above). */
export async function runOperation(
	this: IExecuteFunctions,
	table: OperationTable,
): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const continueOnFail = this.continueOnFail();
	const runFor = (itemIndex: number): OperationRun => ({
		itemIndex,
		partFailed(error) {
			if (!continueOnFail) throw toNodeError(node, error, itemIndex);
		},
	});
	if (table.rule === 'allItems') {
		try {
			return await operationAt(this, table, 0).call(this, runFor(0));
		} catch (error) {
			throw toNodeError(node, error);
		}
	}
	const outputs: INodeExecutionData[][] = Array.from({ length: table.outputCount }, () => []);
	for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
		let result: INodeExecutionData[][];
		try {
			result = await operationAt(this, table, itemIndex).call(this, runFor(itemIndex));
		} catch (error) {
			if (!continueOnFail) throw toNodeError(node, error, itemIndex);
			result = [[{ json: errorFields(error), pairedItem: { item: itemIndex } }]];
		}
		result.forEach((items, output) => outputs[output].push(...items));
	}
	return outputs;
}
