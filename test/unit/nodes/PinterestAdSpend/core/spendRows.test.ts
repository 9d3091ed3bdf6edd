import { buildEntityChains } from '../../../../../nodes/PinterestAdSpend/core/entityChains';
import {
	isEmptyRow,
	mergeRows,
	metricFieldName,
	microsToDecimal,
	toSpendRow,
	unattributedRow,
	type SpendRowContext,
} from '../../../../../nodes/PinterestAdSpend/core/spendRows';

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
			{ AD_ID: '1', DATE: '2025-03-01', HOUR: '5', SPEND_IN_MICRO_DOLLAR: 20 },
			{ AD_ID: '1', DATE: '2025-03-01 06:00:00', SPEND_IN_MICRO_DOLLAR: 30 },
			{ AD_ID: '1', DATE: '2025-03-01T06:00:00', SPEND_IN_MICRO_DOLLAR: 1 },
		];
		const { rows: merged } = mergeRows(rows, 'AD_ID', ['SPEND_IN_MICRO_DOLLAR']);
		expect(merged).toHaveLength(3);
		expect(
			merged
				.map((row) => toSpendRow(row, context({})))
				.map((row) => [row.date, row.hour, row.spendMicros]),
		).toEqual([
			['2025-03-01', 4, 10],
			['2025-03-01', 5, 20],
			['2025-03-01', 6, 31],
		]);
	});

	it('rebuilds merged ratios from their summed parts, and leaves the rest null, never summed', () => {
		const merged = mergeRows(
			[
				{
					AD_ID: '1',
					SPEND_IN_MICRO_DOLLAR: 100,
					CLICKTHROUGH_1: 4,
					IMPRESSION_1: 10,
					CTR: 0.4,
					CPC_IN_MICRO_DOLLAR: 25,
					ECPC_IN_DOLLAR: 1,
					TOTAL_IMPRESSION_FREQUENCY: 1.5,
					PIN_ID: '123',
				},
				{
					AD_ID: '1',
					SPEND_IN_MICRO_DOLLAR: 200,
					CLICKTHROUGH_1: 1,
					IMPRESSION_1: 30,
					CTR: 0.0333,
					CPC_IN_MICRO_DOLLAR: 200,
					ECPC_IN_DOLLAR: 2,
					TOTAL_IMPRESSION_FREQUENCY: 1.1,
					PIN_ID: '123',
				},
			],
			'AD_ID',
			[
				'SPEND_IN_MICRO_DOLLAR',
				'CLICKTHROUGH_1',
				'IMPRESSION_1',
				'CTR',
				'CPC_IN_MICRO_DOLLAR',
				'ECPC_IN_DOLLAR',
				'TOTAL_IMPRESSION_FREQUENCY',
				'PIN_ID',
			],
		);
		expect(merged.rows).toEqual([
			{
				AD_ID: '1',
				SPEND_IN_MICRO_DOLLAR: 300,
				CLICKTHROUGH_1: 5,
				IMPRESSION_1: 40,
				CTR: 5 / 40,
				CPC_IN_MICRO_DOLLAR: 60,
				ECPC_IN_DOLLAR: null,
				TOTAL_IMPRESSION_FREQUENCY: null,
				PIN_ID: '123',
			},
		]);
		expect(merged.unmergeableColumns.sort()).toEqual([
			'ECPC_IN_DOLLAR',
			'TOTAL_IMPRESSION_FREQUENCY',
		]);
		// A ratio whose parts were not fetched cannot be rebuilt either.
		const withoutParts = mergeRows(
			[
				{ AD_ID: '1', SPEND_IN_MICRO_DOLLAR: 100, CTR: 0.5 },
				{ AD_ID: '1', SPEND_IN_MICRO_DOLLAR: 200, CTR: 0.25 },
			],
			'AD_ID',
			['SPEND_IN_MICRO_DOLLAR', 'CTR'],
		);
		expect(withoutParts.rows[0].CTR).toBeNull();
		expect(withoutParts.unmergeableColumns).toEqual(['CTR']);
		expect(toSpendRow(withoutParts.rows[0], context({ metricColumns: ['CTR'] })).ctr).toBeNull();
	});

	it('adds up rows of the same entity and day from different request windows', () => {
		const { rows: merged } = mergeRows(
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

	it('keeps id and text columns exact strings, and never outputs NaN', () => {
		const row = toSpendRow(
			{
				AD_ID: '687194767363000000',
				DATE: '2025-03-02',
				SPEND_IN_MICRO_DOLLAR: 5,
				PIN_ID: '1125899906842624123',
				PROMO_ID: 42,
				CAMPAIGN_OBJECTIVE_TYPE: 'CONSIDERATION',
				TOTAL_CONVERSIONS: '3',
				SOME_NEW_COLUMN: 'n/a',
			},
			context({
				metricColumns: [
					'PIN_ID',
					'PROMO_ID',
					'CAMPAIGN_OBJECTIVE_TYPE',
					'TOTAL_CONVERSIONS',
					'SOME_NEW_COLUMN',
					'AD_GROUP_ENTITY_STATUS',
				],
			}),
		);
		expect(row).toMatchObject({
			pinId: '1125899906842624123',
			promoId: '42',
			campaignObjectiveType: 'CONSIDERATION',
			totalConversions: 3,
			someNewColumn: 'n/a',
			adGroupEntityStatus: null,
		});
	});

	it('drops a row only when spend and every requested metric are 0', () => {
		const metrics = ['IMPRESSION_1', 'CLICKTHROUGH_2', 'TOTAL_CONVERSIONS', 'PIN_ID'];
		expect(isEmptyRow({ AD_ID: '1', PIN_ID: '9' }, metrics)).toBe(true);
		expect(isEmptyRow({ AD_ID: '1', IMPRESSION_1: 0, TOTAL_CONVERSIONS: null }, metrics)).toBe(
			true,
		);
		expect(isEmptyRow({ AD_ID: '1', CLICKTHROUGH_2: 3 }, metrics)).toBe(false);
		expect(isEmptyRow({ AD_ID: '1', TOTAL_CONVERSIONS: 1 }, metrics)).toBe(false);
		expect(isEmptyRow({ AD_ID: '1', SPEND_IN_MICRO_DOLLAR: 1 }, [])).toBe(false);
	});

	it('builds the unattributed row of a bucket: ids null, metrics unknown, flagged', () => {
		expect(
			unattributedRow(
				{ DATE: '2025-03-02', HOUR: 7 },
				777,
				context({ level: 'adGroup', idColumn: 'AD_GROUP_ID', metricColumns: ['IMPRESSION_1'] }),
			),
		).toEqual({
			adAccountId: '549755885176',
			adAccountName: 'Acme EU',
			currency: 'EUR',
			level: 'adGroup',
			campaignId: null,
			campaignName: null,
			adGroupId: null,
			adGroupName: null,
			date: '2025-03-02',
			hour: 7,
			spend: 0.000777,
			spendMicros: 777,
			impressions: null,
			unattributed: true,
		});
	});
});
