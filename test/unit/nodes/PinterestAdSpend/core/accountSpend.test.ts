import { toAccountSpend } from '../../../../../nodes/PinterestAdSpend/core/accountSpend';
import {
	toLevelEntities,
	type SpendRequest,
} from '../../../../../nodes/PinterestAdSpend/core/plan';

const account = { id: '9', name: 'Acme', currency: 'EUR' };
const request: SpendRequest = {
	level: 'campaign',
	range: { startDate: '2025-06-27', endDate: '2025-06-28' },
	granularity: 'DAY',
	includeNames: false,
	metricColumns: [],
	includeZeroSpend: false,
	strategy: 'auto',
	todayUtc: '2025-06-30',
	reportsAvailable: true,
};
const entities = toLevelEntities(
	{
		campaign: [
			{ id: '2', status: 'ACTIVE' },
			{ id: '1', status: 'ARCHIVED' },
		],
	},
	'campaign',
);
const reconciled = {
	repull: false as const,
	rows: [
		{ CAMPAIGN_ID: '2', DATE: '2025-06-28', SPEND_IN_MICRO_DOLLAR: 1_500_000 },
		{ CAMPAIGN_ID: '1', DATE: '2025-06-27', SPEND_IN_MICRO_DOLLAR: 0 },
		{ CAMPAIGN_ID: '1', DATE: '2025-06-28', SPEND_IN_MICRO_DOLLAR: 250_000 },
	],
	unmergeableColumns: [],
	settled: { unattributed: [{ bucket: { DATE: '2025-06-27' }, micros: 40 }], movedToday: [] },
};
const row = (campaignId: string | null, date: string, micros: number) => ({
	adAccountId: '9',
	currency: 'EUR',
	level: 'campaign',
	campaignId,
	date,
	spend: micros / 1_000_000,
	spendMicros: micros,
});

describe('toAccountSpend', () => {
	it('drops empty rows, adds the unattributed rest, sorts by date then id, says why', () => {
		const spend = toAccountSpend({ request, account, entities, reconciled });
		expect(spend.rows).toEqual([
			{ ...row(null, '2025-06-27', 40), unattributed: true },
			row('1', '2025-06-28', 250_000),
			row('2', '2025-06-28', 1_500_000),
		]);
		expect(spend.notices).toEqual([
			'Ad account Acme (9): 0.00004 EUR of spend is carried by no listed campaign (2025-06-27), e.g. catalog spend on product groups or a campaign removed since. It is output as rows with "unattributed": true and the campaign ID null, so the rows add up to the account\'s total.',
		]);
	});

	it('with zero-spend rows: every live entity, and every one that spent, on every day', () => {
		const spend = toAccountSpend({
			request: { ...request, includeZeroSpend: true },
			account,
			entities,
			reconciled: { ...reconciled, settled: { unattributed: [], movedToday: [] } },
		});
		expect(spend.rows).toEqual([
			row('1', '2025-06-27', 0),
			row('2', '2025-06-27', 0),
			row('1', '2025-06-28', 250_000),
			row('2', '2025-06-28', 1_500_000),
		]);
		expect(spend.notices).toEqual([]);
	});
});
