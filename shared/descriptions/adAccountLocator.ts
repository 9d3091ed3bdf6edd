import type { INodeProperties } from 'n8n-workflow';

/** shared/adAccountId.ts as n8n's field validation takes it: a string, with the spaces a paste brings allowed. */
export const AD_ACCOUNT_ID_REGEX = '^\\s*\\d{1,18}\\s*$';

/**
 * The one ad-account picker of the package: a resource locator whose list is searched by name or id
 * (methods.listSearch.searchAdAccounts) or that takes an id. Both nodes use it; Ad Spend repeats it
 * inside a fixed collection to pick several accounts.
 */
export function adAccountLocator(
	field: Pick<INodeProperties, 'name' | 'displayName'> & Partial<INodeProperties>,
): INodeProperties {
	return {
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchAdAccounts', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '549755885175',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: AD_ACCOUNT_ID_REGEX,
							errorMessage: 'An ad account ID is a number',
						},
					},
				],
			},
		],
		...field,
	};
}
