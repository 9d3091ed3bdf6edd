import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperation, type OperationTable } from '../../../shared/operations';
import * as getSpend from './spend/get.operation';

/** Each input item is a spend request of its own: operations run per item (shared/operations.ts). */
export const OPERATIONS: OperationTable = {
	rule: 'perItem',
	outputCount: 1,
	operations: { get: getSpend.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperation.call(this, OPERATIONS);
}
