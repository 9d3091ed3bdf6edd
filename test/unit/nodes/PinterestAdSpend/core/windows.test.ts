import {
	asyncWindows,
	checkNotFuture,
	splitRange,
	syncWindows,
} from '../../../../../nodes/PinterestAdSpend/core/windows';
import { addDays } from '../../../../../nodes/PinterestAdSpend/core/dates';

const today = '2025-06-30';
const windowsText = (windows?: Array<{ startDate: string; endDate: string }>) =>
	windows?.map((w) => `${w.startDate}..${w.endDate}`);

describe('request windows', () => {
	it('splits a range into windows of at most N days', () => {
		expect(windowsText(splitRange({ startDate: '2025-01-01', endDate: '2025-01-10' }, 4))).toEqual([
			'2025-01-01..2025-01-04',
			'2025-01-05..2025-01-08',
			'2025-01-09..2025-01-10',
		]);
		expect(windowsText(splitRange({ startDate: '2025-01-01', endDate: '2025-01-01' }, 90))).toEqual(
			['2025-01-01..2025-01-01'],
		);
	});

	it('serves the last 89 days synchronously in 90-day windows', () => {
		expect(
			windowsText(syncWindows({ startDate: addDays(today, -89), endDate: today }, 'DAY', today)),
		).toEqual(['2025-04-02..2025-06-30']);
		expect(
			syncWindows({ startDate: addDays(today, -90), endDate: today }, 'DAY', today),
		).toBeUndefined();
	});

	it('keeps hourly requests to 3 days and 8 days back', () => {
		expect(
			windowsText(syncWindows({ startDate: '2025-06-25', endDate: '2025-06-30' }, 'HOUR', today)),
		).toEqual(['2025-06-25..2025-06-27', '2025-06-28..2025-06-30']);
		expect(
			syncWindows({ startDate: '2025-06-21', endDate: '2025-06-22' }, 'HOUR', today),
		).toBeUndefined();
	});

	it('uses 186-day report windows back to 914 days, and refuses older ranges', () => {
		expect(
			windowsText(asyncWindows({ startDate: '2025-01-01', endDate: '2025-06-30' }, 'DAY', today)),
		).toEqual(['2025-01-01..2025-06-30']);
		expect(
			windowsText(asyncWindows({ startDate: '2024-12-26', endDate: '2025-06-30' }, 'DAY', today)),
		).toEqual(['2024-12-26..2025-06-29', '2025-06-30..2025-06-30']);
		expect(
			asyncWindows(
				{ startDate: addDays(today, -914), endDate: addDays(today, -914) },
				'DAY',
				today,
			),
		).toHaveLength(1);
		expect(() =>
			asyncWindows({ startDate: addDays(today, -915), endDate: today }, 'DAY', today),
		).toThrow('Pinterest keeps spend for 914 days; 2022-12-28 is older');
	});

	it('refuses ranges that end in the future', () => {
		expect(() => checkNotFuture({ startDate: today, endDate: '2025-07-01' }, today)).toThrow(
			'The range ends on 2025-07-01, after today (2025-06-30 UTC)',
		);
		expect(() => checkNotFuture({ startDate: today, endDate: today }, today)).not.toThrow();
	});
});
