import type { IDataObject, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { SpendError } from '../core/spendError';

/**
 * The error to throw for an input item: an n8n error keeps its class, message and description and
 * only gains the item index (wrapping a NodeApiError in another returns the first unchanged, so the
 * index would be lost); a SpendError keeps its fix as the description; anything else is wrapped once.
 */
export function asItemError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	if (error instanceof SpendError) {
		return new NodeOperationError(node, error.message, { itemIndex, description: error.fix });
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/**
 * An error as an output item's fields. The fix travels with the message: an error item is often all a
 * scheduled run leaves.
 */
export function errorFields(error: unknown): IDataObject {
	const fix =
		error instanceof SpendError ? error.fix : (error as { description?: unknown }).description;
	return {
		error: (error as Error).message,
		...(typeof fix === 'string' && fix !== '' ? { fix } : {}),
	};
}
