import {
	bucketIncludesToday,
	findGaps,
	reconcileSpend,
	settleGaps,
} from '../../../../../nodes/PinterestAdSpend/core/reconcile';

const todayUtc = '2025-06-30';
const range = { startDate: '2025-06-29', endDate: todayUtc };
const options = { granularity: 'DAY' as const, range, todayUtc };

describe('totals check', () => {
	it('finds no gap when every day adds up', () => {
		expect(
			findGaps(
				[
					{ AD_ID: '1', DATE: '2025-06-29', SPEND_IN_MICRO_DOLLAR: 10 },
					{ AD_ID: '2', DATE: '2025-06-29', SPEND_IN_MICRO_DOLLAR: 5 },
				],
				[{ AD_ACCOUNT_ID: '9', DATE: '2025-06-29', SPEND_IN_MICRO_DOLLAR: 15 }],
				options,
			),
		).toEqual([]);
	});

	it('closed days always add up: the rest is unattributed, whatever its sign', () => {
		const gaps = findGaps(
			[{ AD_ID: '1', DATE: '2025-06-29', SPEND_IN_MICRO_DOLLAR: 10 }],
			[
				{ AD_ACCOUNT_ID: '9', DATE: '2025-06-29', SPEND_IN_MICRO_DOLLAR: 1_000_010 },
				{ AD_ACCOUNT_ID: '9', DATE: todayUtc, SPEND_IN_MICRO_DOLLAR: 3 },
			],
			options,
		);
		expect(gaps).toEqual([
			{
				bucket: { DATE: '2025-06-29' },
				accountMicros: 1_000_010,
				levelMicros: 10,
				includesToday: false,
			},
			{ bucket: { DATE: todayUtc }, accountMicros: 3, levelMicros: 0, includesToday: true },
		]);
		expect(settleGaps(gaps)).toEqual({
			unattributed: [
				{ bucket: { DATE: '2025-06-29' }, micros: 1_000_000 },
				{ bucket: { DATE: todayUtc }, micros: 3 },
			],
			movedToday: [],
		});
		const closedAhead = findGaps(
			[{ AD_ID: '1', DATE: '2025-06-29', SPEND_IN_MICRO_DOLLAR: 12 }],
			[{ AD_ACCOUNT_ID: '9', DATE: '2025-06-29', SPEND_IN_MICRO_DOLLAR: 10 }],
			options,
		);
		expect(settleGaps(closedAhead).unattributed).toEqual([
			{ bucket: { DATE: '2025-06-29' }, micros: -2 },
		]);
	});

	it("today's entity rows running ahead of the earlier account total are left as read", () => {
		const gaps = findGaps(
			[{ AD_ID: '1', DATE: todayUtc, SPEND_IN_MICRO_DOLLAR: 20 }],
			[{ AD_ACCOUNT_ID: '9', DATE: todayUtc, SPEND_IN_MICRO_DOLLAR: 15 }],
			options,
		);
		expect(settleGaps(gaps)).toEqual({ unattributed: [], movedToday: gaps });
	});

	it('compares hourly buckets hour by hour, whatever shape the hour comes in', () => {
		const gaps = findGaps(
			[
				{ AD_ID: '1', DATE: '2025-06-29', HOUR: 3, SPEND_IN_MICRO_DOLLAR: 5 },
				{ AD_ID: '1', DATE: '2025-06-29 04:00:00', SPEND_IN_MICRO_DOLLAR: 5 },
			],
			[
				{ AD_ACCOUNT_ID: '9', DATE: '2025-06-29', HOUR: 3, SPEND_IN_MICRO_DOLLAR: 5 },
				{ AD_ACCOUNT_ID: '9', DATE: '2025-06-29', HOUR: 4, SPEND_IN_MICRO_DOLLAR: 7 },
			],
			{ ...options, granularity: 'HOUR' },
		);
		expect(gaps).toEqual([
			{
				bucket: { DATE: '2025-06-29', HOUR: 4 },
				accountMicros: 7,
				levelMicros: 5,
				includesToday: false,
			},
		]);
	});

	it('knows which buckets include today', () => {
		const at = (
			DATE: string | undefined,
			granularity: 'DAY' | 'WEEK' | 'MONTH' | 'TOTAL' | 'HOUR',
		) => bucketIncludesToday(DATE ? { DATE } : {}, granularity, range, todayUtc);
		expect(at('2025-06-30', 'DAY')).toBe(true);
		expect(at('2025-06-29', 'DAY')).toBe(false);
		expect(at('2025-06-30', 'HOUR')).toBe(true);
		expect(at('2025-06-30', 'WEEK')).toBe(true); // a Monday
		expect(at('2025-06-23', 'WEEK')).toBe(false);
		expect(at('2025-06-01', 'MONTH')).toBe(true);
		expect(at('2025-05-01', 'MONTH')).toBe(false);
		expect(at(undefined, 'TOTAL')).toBe(true);
		expect(
			bucketIncludesToday(
				{},
				'TOTAL',
				{ startDate: '2025-06-01', endDate: '2025-06-29' },
				todayUtc,
			),
		).toBe(false);
	});
});

describe('reconcileSpend', () => {
	const closedDay = { startDate: '2025-06-28', endDate: '2025-06-28' };
	const request = { level: 'ad' as const, granularity: 'DAY' as const, range: closedDay, todayUtc };
	const plan = { columns: ['SPEND_IN_MICRO_DOLLAR'] };
	const levelRows = [
		{ AD_ID: '1', DATE: '2025-06-28', SPEND_IN_MICRO_DOLLAR: 10 },
		{ AD_ID: '1', DATE: '2025-06-28', SPEND_IN_MICRO_DOLLAR: 5 },
	];
	const totalRows = [{ AD_ACCOUNT_ID: '9', DATE: '2025-06-28', SPEND_IN_MICRO_DOLLAR: 40 }];

	it('asks for the one re-pull when the rows differ from the total', () => {
		expect(
			reconcileSpend({ request, plan, fetched: { levelRows, totalRows }, mayRepull: true }),
		).toEqual({ repull: true, gapCount: 1 });
	});

	it('after the re-pull, settles: the rows merged and the difference unattributed', () => {
		expect(
			reconcileSpend({ request, plan, fetched: { levelRows, totalRows }, mayRepull: false }),
		).toEqual({
			repull: false,
			rows: [{ AD_ID: '1', DATE: '2025-06-28', SPEND_IN_MICRO_DOLLAR: 15 }],
			unmergeableColumns: [],
			settled: { unattributed: [{ bucket: { DATE: '2025-06-28' }, micros: 25 }], movedToday: [] },
		});
	});

	it('rows that add up need no re-pull', () => {
		const settled = reconcileSpend({
			request,
			plan,
			fetched: { levelRows, totalRows: [{ ...totalRows[0], SPEND_IN_MICRO_DOLLAR: 15 }] },
			mayRepull: true,
		});
		expect(settled).toEqual({
			repull: false,
			rows: [{ AD_ID: '1', DATE: '2025-06-28', SPEND_IN_MICRO_DOLLAR: 15 }],
			unmergeableColumns: [],
			settled: { unattributed: [], movedToday: [] },
		});
	});

	it('the ad account level is its own total: never compared', () => {
		expect(
			reconcileSpend({
				request: { ...request, level: 'adAccount' },
				plan,
				fetched: {
					levelRows: [{ AD_ACCOUNT_ID: '9', DATE: '2025-06-28', SPEND_IN_MICRO_DOLLAR: 7 }],
					totalRows: [],
				},
				mayRepull: true,
			}),
		).toEqual({
			repull: false,
			rows: [{ AD_ACCOUNT_ID: '9', DATE: '2025-06-28', SPEND_IN_MICRO_DOLLAR: 7 }],
			unmergeableColumns: [],
			settled: { unattributed: [], movedToday: [] },
		});
	});
});
