import type { IExecuteFunctions } from 'n8n-workflow';

import { ParameterReader } from '../../../../../../nodes/PinterestConversions/actions/event/parameters';

/**
 * The three calls ParameterReader makes, for a node whose Event ID is an expression that throws what
 * JSON.parse throws on the item's text (as `{{ JSON.parse($json.raw) }}` does in n8n).
 */
function throwingContext(raw: string): IExecuteFunctions {
	return {
		getNode: () => ({ parameters: { eventId: '={{ JSON.parse($json.raw) }}' } }),
		getInputData: () => [{ json: { raw } }],
		getNodeParameter: () => JSON.parse(raw) as unknown,
	} as unknown as IExecuteFunctions;
}

describe('ParameterReader: an expression that throws', () => {
	it('names the field and never quotes the text JSON.parse failed on', () => {
		const { values, problems } = new ParameterReader(throwingContext('abc@x.com')).read(0);
		expect(values).toEqual({});
		expect(problems).toEqual([
			{
				field: 'eventId',
				message: 'The expression of eventId failed: it parsed text that is not valid JSON',
				fix: 'Fix the expression of eventId, or make it give nothing when the item lacks the data (e.g. {{ $json.customer?.email }}).',
			},
		]);
	});
});
