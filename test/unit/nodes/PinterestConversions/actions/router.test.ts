import type { INodePropertyOptions } from 'n8n-workflow';

import { PinterestConversions } from '../../../../../nodes/PinterestConversions/PinterestConversions.node';
import { OPERATIONS } from '../../../../../nodes/PinterestConversions/actions/router';

it('routes exactly the operations the node offers', () => {
	const selector = new PinterestConversions().description.properties.find(
		(p) => p.name === 'operation',
	);
	const offered = (selector?.options as INodePropertyOptions[]).map((option) => option.value);
	expect(Object.keys(OPERATIONS.operations)).toEqual(offered);
	expect(offered).toEqual(['sendEvent']);
});
