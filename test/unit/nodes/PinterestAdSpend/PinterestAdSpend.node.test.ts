import { PinterestAdSpend } from '../../../../nodes/PinterestAdSpend/PinterestAdSpend.node';
import { LEVEL_NAMES } from '../../../../nodes/PinterestAdSpend/core/levels';

const node = new PinterestAdSpend();

describe('Pinterest Ad Spend node description', () => {
	it('is the one version, offering the picker and no other way to select accounts', () => {
		expect(node.description.version).toBe(1);
		expect(node.description.defaultVersion).toBeUndefined();
		expect(node.methods).toEqual({
			listSearch: { searchAdAccounts: expect.any(Function) },
		});
		const selecting = node.description.properties.filter((property) =>
			property.displayOptions?.show?.adAccountSelection?.includes('selected'),
		);
		expect(selecting.map((property) => [property.name, property.type])).toEqual([
			['adAccounts', 'fixedCollection'],
		]);
	});

	it('names the level in its subtitle as the messages do', () => {
		expect(node.description.subtitle).toBe(
			`={{"Get ad spend by " + (${JSON.stringify(LEVEL_NAMES)})[$parameter["level"]]}}`,
		);
	});
});
