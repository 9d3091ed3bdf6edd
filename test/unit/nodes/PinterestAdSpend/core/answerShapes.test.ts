import {
	checkAnalyticsRows,
	checkReportFileRows,
	checkReportStatus,
	checkReportToken,
} from '../../../../../nodes/PinterestAdSpend/core/answerShapes';

describe('checkAnalyticsRows', () => {
	it('passes a list of rows on', () => {
		const rows = [{ CAMPAIGN_ID: '1', SPEND_IN_MICRO_DOLLAR: 5 }];
		expect(checkAnalyticsRows(rows)).toEqual({ value: rows });
		expect(checkAnalyticsRows([])).toEqual({ value: [] });
	});

	it.each([
		[{ items: [] }, 'is an object, not a list of rows'],
		['rows', 'is a string, not a list of rows'],
		[undefined, 'is empty, not a list of rows'],
		[[{ a: 1 }, null], 'holds null as row 2, not a row'],
		[[[1]], 'holds a list as row 1, not a row'],
	])('refuses %j', (answer, problem) => {
		expect(checkAnalyticsRows(answer)).toEqual({ problem });
	});
});

describe('checkReportToken', () => {
	it('gives the token', () => {
		expect(checkReportToken({ report_status: 'IN_PROGRESS', token: 'tok-1' })).toEqual({
			value: 'tok-1',
		});
	});

	it.each([
		[undefined, 'is empty, not a report'],
		['tok', 'is a string, not a report'],
		[{ report_status: 'IN_PROGRESS' }, 'has empty as its report token, not a token'],
		[{ token: 12 }, 'has a number as its report token, not a token'],
	])('refuses %j', (answer, problem) => {
		expect(checkReportToken(answer)).toEqual({ problem });
	});
});

describe('checkReportStatus', () => {
	it('gives the status, and the link once FINISHED', () => {
		expect(checkReportStatus({ report_status: 'IN_PROGRESS', url: null })).toEqual({
			value: { status: 'IN_PROGRESS' },
		});
		expect(checkReportStatus({ report_status: 'FINISHED', url: 'https://x/y' })).toEqual({
			value: { status: 'FINISHED', url: 'https://x/y' },
		});
	});

	it.each([
		[{}, 'has empty as its report status, not a status'],
		['FINISHED', 'is a string, not a report status'],
		['', 'is empty, not a report status'],
		[[], 'is a list, not a report status'],
		[
			{ report_status: 'FINISHED', url: null },
			'says FINISHED with null as the report link, not a link',
		],
	])('refuses %j', (answer, problem) => {
		expect(checkReportStatus(answer)).toEqual({ problem });
	});
});

describe('checkReportFileRows', () => {
	it('gives each row with the id it is keyed by; an empty file has no rows', () => {
		expect(
			checkReportFileRows(
				{ '111': [{ SPEND: 1 }, { SPEND: 2 }], '222': [{ SPEND: 3, CAMPAIGN_ID: 2.2e17 }] },
				'CAMPAIGN_ID',
			),
		).toEqual({
			value: [
				{ SPEND: 1, CAMPAIGN_ID: '111' },
				{ SPEND: 2, CAMPAIGN_ID: '111' },
				{ SPEND: 3, CAMPAIGN_ID: '222' },
			],
		});
		expect(checkReportFileRows({}, 'CAMPAIGN_ID')).toEqual({ value: [] });
	});

	it.each([
		[[{ SPEND: 1 }], 'is a list, not an object of rows by ID'],
		['{}', 'is a string, not an object of rows by ID'],
		[undefined, 'is empty, not an object of rows by ID'],
		[{ '111': { SPEND: 1 } }, 'holds an object under "111", not a list of rows'],
		[{ '111': [{ SPEND: 1 }, 'row'] }, 'holds a string among the rows of "111", not a row'],
	])('refuses %j', (file, problem) => {
		expect(checkReportFileRows(file, 'CAMPAIGN_ID')).toEqual({ problem });
	});
});
