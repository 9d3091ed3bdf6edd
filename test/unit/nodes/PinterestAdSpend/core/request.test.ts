import { DateTime } from 'luxon';

import {
	toSpendRequest,
	type SpendParameters,
} from '../../../../../nodes/PinterestAdSpend/core/request';

// 2025-06-30 23:30 UTC: already 2025-07-01 in Tokyo.
const now = DateTime.fromISO('2025-06-30T23:30:00Z', { zone: 'UTC' });
const parameters: SpendParameters = {
	level: 'ad',
	datePreset: 'last7Days',
	granularity: 'DAY',
	includeNames: true,
	metrics: ['IMPRESSION_1', 'CLICKTHROUGH_1'],
	options: { extraColumns: 'IMPRESSION_1, TOTAL_CONVERSIONS' },
};

describe('toSpendRequest', () => {
	it('resolves the range in UTC and merges the columns once each', () => {
		expect(
			toSpendRequest({ parameters, now, workflowZone: 'Asia/Tokyo', reportsAvailable: true }),
		).toEqual({
			level: 'ad',
			range: { startDate: '2025-06-23', endDate: '2025-06-29' },
			granularity: 'DAY',
			includeNames: true,
			metricColumns: ['IMPRESSION_1', 'CLICKTHROUGH_1', 'TOTAL_CONVERSIONS'],
			includeZeroSpend: false,
			strategy: 'auto',
			todayUtc: '2025-06-30',
			reportsAvailable: true,
		});
	});

	it("counts from the workflow's day when asked, never past today's UTC date", () => {
		const request = toSpendRequest({
			parameters: { ...parameters, datePreset: 'today', options: { dateZone: 'workflow' } },
			now,
			workflowZone: 'Asia/Tokyo',
			reportsAvailable: true,
		});
		expect(request.range).toEqual({ startDate: '2025-06-30', endDate: '2025-06-30' });
	});

	it('refuses a report in the sandbox before any call', () => {
		expect(() =>
			toSpendRequest({
				parameters: { ...parameters, options: { strategy: 'async', includeZeroSpend: true } },
				now,
				workflowZone: 'UTC',
				reportsAvailable: false,
			}),
		).toThrow("Pinterest's sandbox cannot run asynchronous reports");
	});

	it('refuses a custom range that ends in the future', () => {
		expect(() =>
			toSpendRequest({
				parameters: {
					...parameters,
					datePreset: 'custom',
					startDate: '2025-06-30',
					endDate: '2025-07-01',
				},
				now,
				workflowZone: 'UTC',
				reportsAvailable: true,
			}),
		).toThrow('The range ends on 2025-07-01, after today (2025-06-30 UTC)');
	});
});
