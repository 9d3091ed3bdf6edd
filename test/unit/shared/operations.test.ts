import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ActionableError, callFailed } from '../../../shared/errors';
import { errorFields, toNodeError } from '../../../shared/operations';
import { adSpendNode as node } from '../helpers/adSpendNode';

const refusal = () =>
	callFailed(
		{ statusCode: 403, attempts: 1, pinterestCode: 29, requestId: 'rid-7', message: 'No.' },
		{ label: 'list ads', adAccountId: '1', fileDownload: false },
		{ neededRole: 'the Analyst role' },
		0,
	);

describe('toNodeError: the one place problems become n8n errors', () => {
	it('a failed call becomes a NodeApiError with Pinterest status, code and request id, its fix as the description', () => {
		const error = toNodeError(node, refusal(), 2);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error).toMatchObject({
			message: 'This Pinterest login has no access to ad account 1 (list ads)',
			description:
				'Check Business Access in Pinterest Business Manager: the user needs the Analyst role on this ad account, or pick another ad account. Pinterest said: "No.". Pinterest request ID: rid-7.',
			httpCode: '403',
		});
		expect(error.context.itemIndex).toBe(2);
		expect((error as NodeApiError).errorResponse).toEqual({
			httpCode: 403,
			code: 29,
			message: 'No.',
			requestId: 'rid-7',
			call: 'list ads',
			adAccountId: '1',
			fileDownload: false,
		});
	});

	it('a problem with a fix becomes a NodeOperationError; its own item wins over the run item', () => {
		const error = toNodeError(
			node,
			new ActionableError('Report ended FAILED', 'Run it again later.'),
			4,
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error).toMatchObject({
			message: 'Report ended FAILED',
			description: 'Run it again later.',
		});
		expect(error.context.itemIndex).toBe(4);
		expect(
			toNodeError(node, new ActionableError('Item 3 is bad', 'Fix it.', 3), 0).context.itemIndex,
		).toBe(3);
	});

	it("keeps n8n's own errors as they are and sets their item once; wraps anything else once", () => {
		const operationError = new NodeOperationError(node, 'bad', { description: 'fix' });
		expect(toNodeError(node, operationError, 1)).toBe(operationError);
		expect(toNodeError(node, operationError, 5).context.itemIndex).toBe(1);
		expect(operationError.description).toBe('fix');
		const wrapped = toNodeError(node, new Error('boom'), 3);
		expect(wrapped).toBeInstanceOf(NodeOperationError);
		expect(wrapped.message).toBe('boom');
		expect(wrapped.context.itemIndex).toBe(3);
	});
});

describe('error fields of an output item', () => {
	it('carry the message and the fix, from a problem of this package or an n8n error', () => {
		expect(errorFields(new ActionableError('Report ended FAILED', 'Run it again later.'))).toEqual({
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
