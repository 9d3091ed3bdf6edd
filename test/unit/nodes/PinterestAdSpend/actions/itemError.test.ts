import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asItemError, errorFields } from '../../../../../nodes/PinterestAdSpend/actions/itemError';
import { SpendInputError } from '../../../../../nodes/PinterestAdSpend/core/dates';
import { SpendError } from '../../../../../nodes/PinterestAdSpend/core/spendError';
import { toPinterestApiError } from '../../../../../shared/errors';
import { adSpendNode as node } from '../../../helpers/adSpendNode';

const refusal = (statusCode: number) =>
	toPinterestApiError(
		node,
		{ statusCode, attempts: 1, pinterestCode: 29 },
		{ label: 'list ads', adAccountId: '1', fileDownload: false },
		0,
	);

describe('item errors', () => {
	it('keeps an n8n error as it is and sets its item index once', () => {
		const apiError = refusal(403);
		expect(asItemError(node, apiError, 2)).toBe(apiError);
		expect(apiError.context.itemIndex).toBe(2);
		expect(asItemError(node, apiError, 5).context.itemIndex).toBe(2);
		const operationError = new NodeOperationError(node, 'bad', { description: 'fix' });
		expect(asItemError(node, operationError, 1)).toBe(operationError);
		expect(operationError.description).toBe('fix');
		const wrapped = asItemError(node, new Error('boom'), 3);
		expect(wrapped).toBeInstanceOf(NodeOperationError);
		expect(wrapped.message).toBe('boom');
		expect(wrapped.context.itemIndex).toBe(3);
		expect(wrapped).not.toBeInstanceOf(NodeApiError);
	});

	it('wraps a spend failure once, its fix as the description', () => {
		const wrapped = asItemError(
			node,
			new SpendError('Report ended FAILED', 'Run it again later.'),
			4,
		);
		expect(wrapped).toBeInstanceOf(NodeOperationError);
		expect(wrapped.message).toBe('Report ended FAILED');
		expect(wrapped.description).toBe('Run it again later.');
		expect(wrapped.context.itemIndex).toBe(4);
		const input = asItemError(node, new SpendInputError('No ad account selected', 'Pick one.'), 0);
		expect(input.description).toBe('Pick one.');
	});
});

describe('error fields of an output item', () => {
	it('carry the message and the fix, from a spend failure or an n8n error', () => {
		expect(errorFields(new SpendError('Report ended FAILED', 'Run it again later.'))).toEqual({
			error: 'Report ended FAILED',
			fix: 'Run it again later.',
		});
		expect(errorFields(new NodeOperationError(node, 'bad', { description: 'fix it' }))).toEqual({
			error: 'bad',
			fix: 'fix it',
		});
		expect(errorFields(new Error('boom'))).toEqual({ error: 'boom' });
	});
});
