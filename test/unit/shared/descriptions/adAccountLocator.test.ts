import type { INodeProperties, INodePropertyCollection } from 'n8n-workflow';

import { PinterestAdSpend } from '../../../../nodes/PinterestAdSpend/PinterestAdSpend.node';
import { PinterestConversions } from '../../../../nodes/PinterestConversions/PinterestConversions.node';
import {
	AD_ACCOUNT_ID_REGEX,
	adAccountLocator,
} from '../../../../shared/descriptions/adAccountLocator';

const field = (properties: INodeProperties[], name: string, type: string) =>
	properties.find((property) => property.name === name && property.type === type);

/** The picker without what each place sets itself. */
function pickerPart(property: INodeProperties | undefined) {
	const { name, displayName, displayOptions, ...rest } = property ?? ({} as INodeProperties);
	return { rest, named: [name, displayName], shown: displayOptions !== undefined };
}

describe('the one ad-account picker', () => {
	const reference = pickerPart(adAccountLocator({ name: 'x', displayName: 'X' })).rest;

	it('is a resource locator: a searchable list, or an ID of 1 to 18 digits', () => {
		expect(reference.type).toBe('resourceLocator');
		expect(reference.modes?.map((mode) => [mode.name, mode.type])).toEqual([
			['list', 'list'],
			['id', 'string'],
		]);
		expect(reference.modes?.[0].typeOptions).toEqual({
			searchListMethod: 'searchAdAccounts',
			searchable: true,
		});
		const id = new RegExp(AD_ACCOUNT_ID_REGEX);
		expect(['549755885175', ' 1 ', '123456789012345678'].every((v) => id.test(v))).toBe(true);
		expect(['', 'acme-us', '1234567890123456789', '12 34'].some((v) => id.test(v))).toBe(false);
	});

	it('is the same in Pinterest Conversions (OAuth2) and in each selected account of Ad Spend', () => {
		const conversions = field(
			new PinterestConversions().description.properties,
			'adAccount',
			'resourceLocator',
		);
		const collection = field(
			new PinterestAdSpend().description.properties,
			'adAccounts',
			'fixedCollection',
		);
		const perAccount = (collection?.options as INodePropertyCollection[] | undefined)?.[0]
			.values[0];
		expect(pickerPart(conversions)).toEqual({
			rest: reference,
			named: ['adAccount', 'Ad Account'],
			shown: true,
		});
		expect(pickerPart(perAccount)).toEqual({
			rest: reference,
			named: ['adAccount', 'Ad Account'],
			shown: false,
		});
		expect(collection?.typeOptions).toEqual({ multipleValues: true });
	});

	it('lists through the same method in both nodes', () => {
		expect(new PinterestAdSpend().methods.listSearch.searchAdAccounts).toBe(
			new PinterestConversions().methods.listSearch.searchAdAccounts,
		);
	});
});
