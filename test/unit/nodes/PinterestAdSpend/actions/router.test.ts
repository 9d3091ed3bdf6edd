import type { INodePropertyOptions } from 'n8n-workflow';

import { PinterestAdSpend } from '../../../../../nodes/PinterestAdSpend/PinterestAdSpend.node';
import { OPERATIONS } from '../../../../../nodes/PinterestAdSpend/actions/router';

it('routes exactly the operations the node offers', () => {
	const selector = new PinterestAdSpend().description.properties.find(
		(p) => p.name === 'operation',
	);
	const offered = (selector?.options as INodePropertyOptions[]).map((option) => option.value);
	expect(Object.keys(OPERATIONS.operations)).toEqual(offered);
	expect(offered).toEqual(['get']);
});
