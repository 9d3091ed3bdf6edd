import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { RequestFailed, RunStopped } from '../core/stops';
import * as send from './event/send.operation';

/** Operation value (the "Operation" selector) → its execute, for all items at once. A new operation: one line. */
export const OPERATIONS: Record<
	string,
	(this: IExecuteFunctions) => Promise<INodeExecutionData[][]>
> = {
	sendEvent: send.execute,
};

/** Turns the operations' plain errors into n8n's errors: the one place they are wrapped. */
function toNodeError(ctx: IExecuteFunctions, error: unknown): unknown {
	if (error instanceof RunStopped) {
		return new NodeOperationError(ctx.getNode(), error.message, {
			itemIndex: error.itemIndex,
			description: error.description,
		});
	}
	if (error instanceof RequestFailed) {
		const apiError =
			error.unmatchedAnswer !== undefined
				? new NodeApiError(
						ctx.getNode(),
						{ message: error.unmatchedAnswer },
						{ message: error.unmatchedAnswer },
					)
				: error.failure instanceof NodeApiError
					? error.failure
					: // What the client throws when it is not a NodeApiError is an Error, read by NodeApiError as JSON.
						new NodeApiError(ctx.getNode(), error.failure as JsonObjectLike);
		apiError.description = `${apiError.description ?? ''}${error.processedBefore}`;
		return apiError;
	}
	return error;
}

type JsonObjectLike = ConstructorParameters<typeof NodeApiError>[1];

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0, 'sendEvent') as string;
	const execute = OPERATIONS[operation];
	if (execute === undefined) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known`);
	}
	try {
		return await execute.call(this);
	} catch (error) {
		throw toNodeError(this, error);
	}
}
