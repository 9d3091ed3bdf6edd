import { bucketDates, fillZeroRows } from '../../../../../nodes/PinterestAdSpend/core/zeroFill';

describe('zero-spend rows', () => {
	it('knows the DATE of every bucket Pinterest reports', () => {
		const range = { startDate: '2025-02-26', endDate: '2025-03-04' };
		expect(bucketDates(range, 'DAY')).toEqual([
			'2025-02-26',
			'2025-02-27',
			'2025-02-28',
			'2025-03-01',
			'2025-03-02',
			'2025-03-03',
			'2025-03-04',
		]);
		expect(bucketDates(range, 'WEEK')).toEqual(['2025-02-24', '2025-03-03']);
		expect(bucketDates(range, 'MONTH')).toEqual(['2025-02-01', '2025-03-01']);
		expect(bucketDates(range, 'TOTAL')).toEqual([undefined]);
		expect(bucketDates(range, 'HOUR')).toBeUndefined();
	});

	it('adds a row for each entity and day without delivery, keeping the rows Pinterest sent', () => {
		const rows = [{ AD_ID: '1', DATE: '2025-03-01', SPEND_IN_MICRO_DOLLAR: 5 }];
		expect(
			fillZeroRows(
				rows,
				['1', '2'],
				'AD_ID',
				{ startDate: '2025-03-01', endDate: '2025-03-02' },
				'DAY',
			),
		).toEqual([
			{ AD_ID: '1', DATE: '2025-03-01', SPEND_IN_MICRO_DOLLAR: 5 },
			{ AD_ID: '1', DATE: '2025-03-02' },
			{ AD_ID: '2', DATE: '2025-03-01' },
			{ AD_ID: '2', DATE: '2025-03-02' },
		]);
		expect(
			fillZeroRows(
				[],
				['7'],
				'CAMPAIGN_ID',
				{ startDate: '2025-03-01', endDate: '2025-03-02' },
				'TOTAL',
			),
		).toEqual([{ CAMPAIGN_ID: '7' }]);
	});
});
