import { buildEntityChains } from '../../../nodes/PinterestAdSpend/entityChains';
import {
	mergeRows,
	metricFieldName,
	microsToDecimal,
	toSpendRow,
	type SpendRowContext,
} from '../../../nodes/PinterestAdSpend/spendRows';

const chains = buildEntityChains(
	[{ id: '687194767361000000', name: 'Spring sale' }],
	[{ id: '687194767362000000', name: 'Women 25-34', campaign_id: '687194767361000000' }],
	[
		{
			id: '687194767363000000',
			name: 'Red dress pin',
			campaign_id: '687194767361000000',
			ad_group_id: '687194767362000000',
		},
	],
);
const account = { id: '549755885176', name: 'Acme EU', currency: 'EUR' };
const range = { startDate: '2025-03-01', endDate: '2025-03-07' };
const context = (overrides: Partial<SpendRowContext>): SpendRowContext => ({
	account,
	level: 'ad',
	idColumn: 'AD_ID',
	entities: chains,
	includeNames: true,
	metricColumns: [],
	range,
	...overrides,
});

describe('spend rows', () => {
	it('converts micros to currency units exactly', () => {
		expect(
			[1, 100, 1_234_567, 999_999, 10_000_000_000_001, 123_456_789_012].map(microsToDecimal),
		).toEqual([0.000001, 0.0001, 1.234567, 0.999999, 10000000.000001, 123456.789012]);
	});

	it('names an ad row with every level above it', () => {
		const row = toSpendRow(
			{ AD_ID: '687194767363000000', DATE: '2025-03-02', SPEND_IN_MICRO_DOLLAR: 1_234_567 },
			context({}),
		);
		expect(row).toEqual({
			adAccountId: '549755885176',
			adAccountName: 'Acme EU',
			currency: 'EUR',
			level: 'ad',
			campaignId: '687194767361000000',
			campaignName: 'Spring sale',
			adGroupId: '687194767362000000',
			adGroupName: 'Women 25-34',
			adId: '687194767363000000',
			adName: 'Red dress pin',
			date: '2025-03-02',
			spend: 1.234567,
			spendMicros: 1234567,
		});
	});

	it('leaves out names when asked, and the levels below the row', () => {
		const row = toSpendRow(
			{ AD_GROUP_ID: '687194767362000000', DATE: '2025-03-02', SPEND_IN_MICRO_DOLLAR: 5 },
			context({ level: 'adGroup', idColumn: 'AD_GROUP_ID', includeNames: false }),
		);
		expect(row).toEqual({
			adAccountId: '549755885176',
			currency: 'EUR',
			level: 'adGroup',
			campaignId: '687194767361000000',
			adGroupId: '687194767362000000',
			date: '2025-03-02',
			spend: 0.000005,
			spendMicros: 5,
		});
	});

	it('reads a missing column as 0 and names metrics in camelCase', () => {
		const row = toSpendRow(
			{ CAMPAIGN_ID: '687194767361000000', DATE: '2025-03-02', IMPRESSION_1: 40 },
			context({
				level: 'campaign',
				idColumn: 'CAMPAIGN_ID',
				metricColumns: ['IMPRESSION_1', 'CLICKTHROUGH_1', 'OUTBOUND_CLICK_1', 'TOTAL_CONVERSIONS'],
			}),
		);
		expect(row).toMatchObject({
			spend: 0,
			spendMicros: 0,
			impressions: 40,
			pinClicks: 0,
			outboundClicks: 0,
			totalConversions: 0,
		});
		expect(metricFieldName('CPC_IN_MICRO_DOLLAR')).toBe('cpcInMicroDollar');
	});

	it('keeps the id and money of an entity missing from the lists', () => {
		const row = toSpendRow({ AD_ID: '687194767363999999', SPEND_IN_MICRO_DOLLAR: 70 }, context({}));
		expect(row).toMatchObject({
			adId: '687194767363999999',
			adName: null,
			campaignId: null,
			spendMicros: 70,
			date: null,
			startDate: '2025-03-01',
			endDate: '2025-03-07',
		});
	});

	it('keeps the hours of hourly rows apart, whether Pinterest puts the hour in DATE or in HOUR', () => {
		const rows = [
			{ AD_ID: '1', DATE: '2025-03-01', HOUR: 4, SPEND_IN_MICRO_DOLLAR: 10 },
			{ AD_ID: '1', DATE: '2025-03-01', HOUR: 5, SPEND_IN_MICRO_DOLLAR: 20 },
			{ AD_ID: '1', DATE: '2025-03-01 06:00:00', SPEND_IN_MICRO_DOLLAR: 30 },
		];
		const merged = mergeRows(rows, 'AD_ID', ['SPEND_IN_MICRO_DOLLAR']);
		expect(merged).toHaveLength(3);
		expect(
			merged
				.map((row) => toSpendRow(row, context({})))
				.map((row) => [row.date, row.hour, row.spendMicros]),
		).toEqual([
			['2025-03-01', 4, 10],
			['2025-03-01', 5, 20],
			['2025-03-01 06:00:00', undefined, 30],
		]);
	});

	it('does not add up rates from different windows: the merged rate is unknown', () => {
		const merged = mergeRows(
			[
				{ AD_ID: '1', SPEND_IN_MICRO_DOLLAR: 100, CTR: 0.5, CPC_IN_MICRO_DOLLAR: 20 },
				{ AD_ID: '1', SPEND_IN_MICRO_DOLLAR: 200, CTR: 0.25, CPC_IN_MICRO_DOLLAR: 40 },
			],
			'AD_ID',
			['SPEND_IN_MICRO_DOLLAR', 'CTR', 'CPC_IN_MICRO_DOLLAR'],
		);
		expect(merged).toEqual([
			{ AD_ID: '1', SPEND_IN_MICRO_DOLLAR: 300, CTR: null, CPC_IN_MICRO_DOLLAR: null },
		]);
		expect(toSpendRow(merged[0], context({ metricColumns: ['CTR'] })).ctr).toBeNull();
	});

	it('adds up rows of the same entity and day from different request windows', () => {
		const merged = mergeRows(
			[
				{ AD_ID: '1', DATE: '2025-02-24', SPEND_IN_MICRO_DOLLAR: 100, IMPRESSION_1: 3 },
				{ AD_ID: '2', DATE: '2025-02-24', SPEND_IN_MICRO_DOLLAR: 7 },
				{ AD_ID: '1', DATE: '2025-02-24', SPEND_IN_MICRO_DOLLAR: 250 },
				{ AD_ID: '1', DATE: '2025-03-03', SPEND_IN_MICRO_DOLLAR: 1 },
			],
			'AD_ID',
			['SPEND_IN_MICRO_DOLLAR', 'IMPRESSION_1'],
		);
		expect(merged).toEqual([
			{ AD_ID: '1', DATE: '2025-02-24', SPEND_IN_MICRO_DOLLAR: 350, IMPRESSION_1: 3 },
			{ AD_ID: '2', DATE: '2025-02-24', SPEND_IN_MICRO_DOLLAR: 7 },
			{ AD_ID: '1', DATE: '2025-03-03', SPEND_IN_MICRO_DOLLAR: 1 },
		]);
	});
});
