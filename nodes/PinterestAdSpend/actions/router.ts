import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asItemError, errorFields } from './itemError';
import * as getSpend from './spend/get.operation';

/** Operation value → its execute for one input item. A new operation is one line here. */
export const OPERATIONS: Record<
	string,
	(this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>
> = {
	get: getSpend.execute,
};

/** Runs the operation for every input item; the one place errors meet n8n (continue on fail, item index). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const execute = OPERATIONS[operation];
			if (execute === undefined) {
				throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known`, {
					itemIndex,
				});
			}
			output.push(...(await execute.call(this, itemIndex)));
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({ json: errorFields(error), pairedItem: { item: itemIndex } });
				continue;
			}
			throw asItemError(this.getNode(), error, itemIndex);
		}
	}
	return [output];
}
