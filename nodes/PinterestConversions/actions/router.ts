import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperation, type OperationTable } from '../../../shared/operations';
import * as send from './event/send.operation';

/**
 * Events of many items share a request, so operations run once for all items (shared/operations.ts); their outputs
 * are Sent and Failed.
 */
export const OPERATIONS: OperationTable = {
	rule: 'allItems',
	outputCount: 2,
	operations: { sendEvent: send.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperation.call(this, OPERATIONS);
}
