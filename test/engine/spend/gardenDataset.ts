import type { IDataObject } from 'n8n-workflow';

export const ACCOUNT = '549755885175';
export const OTHER_ACCOUNT = '549755885176';

/**
 * One USD account: two campaigns, three ad groups, five ads (one paused without spend, one draft that never ran),
 * as a dataset the fake Pinterest API serves (`given` in test/fake-pinterest/dataset.js); beside it an account
 * whose role cannot read analytics. Micros are picked so that rounding in currency units would show: 3,000,001 is
 * 3.000001.
 */
export function gardenDataset() {
	const a = ACCOUNT;
	return {
		accounts: [
			{ id: a, name: 'Garden Co', currency: 'USD', permissions: ['OWNER'] },
			{ id: OTHER_ACCOUNT, name: 'Viewer Only', currency: 'EUR', permissions: ['BILLING'] },
		],
		campaigns: [
			{ id: '626736533506', ad_account_id: a, name: 'Spring', status: 'ACTIVE' },
			{ id: '626736533507', ad_account_id: a, name: 'Autumn', status: 'ARCHIVED' },
		],
		adGroups: [
			{
				id: '2680060704746',
				ad_account_id: a,
				campaign_id: '626736533506',
				name: 'Planners',
				status: 'ACTIVE',
			},
			{
				id: '2680060704747',
				ad_account_id: a,
				campaign_id: '626736533506',
				name: 'Seeds',
				status: 'PAUSED',
			},
			{
				id: '2680060704748',
				ad_account_id: a,
				campaign_id: '626736533507',
				name: 'Bulbs',
				status: 'ARCHIVED',
			},
		],
		ads: [
			{
				id: '687195905986',
				ad_account_id: a,
				campaign_id: '626736533506',
				ad_group_id: '2680060704746',
				name: 'Planner pin',
				status: 'ACTIVE',
			},
			{
				id: '687195905987',
				ad_account_id: a,
				campaign_id: '626736533506',
				ad_group_id: '2680060704746',
				name: 'Planner video',
				status: 'ACTIVE',
			},
			{
				id: '687195905988',
				ad_account_id: a,
				campaign_id: '626736533506',
				ad_group_id: '2680060704747',
				name: 'Seed pin',
				status: 'PAUSED',
			},
			{
				id: '687195905989',
				ad_account_id: a,
				campaign_id: '626736533507',
				ad_group_id: '2680060704748',
				name: 'Bulb pin',
				status: 'ARCHIVED',
			},
			{
				id: '687195905990',
				ad_account_id: a,
				campaign_id: '626736533506',
				ad_group_id: '2680060704747',
				name: 'Draft pin',
				status: 'DRAFT',
			},
		],
		spend: {
			'687195905986': { '2026-11-20': 1_250_000, '2026-11-21': 3_000_001 },
			'687195905987': { '2026-11-20': 500_000, '2026-11-22': 10 },
			'687195905989': { '2026-11-21': 7_777_777 },
		} as Record<string, Record<string, number>>,
		accountOnlySpend: {} as Record<string, Record<string, number>>,
	} satisfies IDataObject;
}

/** The account's spend over 2026-11-20..22 in micros: every ad's spend added up. */
export const ACCOUNT_TOTAL_MICROS = 1_250_000 + 3_000_001 + 500_000 + 10 + 7_777_777;

/** One ad-account picker (the resource locator) as n8n stores it. */
export const picked = (mode: 'list' | 'id', value: unknown) => ({
	adAccount: { __rl: true, mode, value },
});

/** "Selected Ad Accounts" with one picker By ID per account. */
export const pickedAccounts = (...ids: unknown[]) => ({
	adAccountSelection: 'selected',
	adAccounts: { account: ids.map((id) => picked('id', id)) },
});
