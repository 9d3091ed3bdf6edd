import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { adAccountPath } from '../../../shared/adAccountId';
import { type PinterestCall, type PinterestClient } from '../../../shared/transport/client';
import {
	checkAnalyticsRows,
	checkReportFileRows,
	checkReportStatus,
	checkReportToken,
	type Checked,
} from '../core/answerShapes';
import type { DateRange } from '../core/dates';
import {
	ALL_ENTITY_STATUSES,
	LEVEL_API,
	lostRows,
	type AnalyticsRow,
	type EntityLevel,
	type Granularity,
	type Level,
} from '../core/levels';

// Pinterest's analytics endpoints, one call (or one report) at a time, in the order
// nodes/PinterestAdSpend/core/plan.ts plans them.

/** One call, its answer checked (nodes/PinterestAdSpend/core/answerShapes.ts): an answer of the wrong shape throws. */
async function requestChecked<T>(
	client: PinterestClient,
	call: PinterestCall,
	check: (answer: unknown) => Checked<T>,
): Promise<T> {
	const checked = check(await client.request<unknown>(call));
	if ('problem' in checked) throw client.unexpectedAnswer(call, checked.problem);
	return checked.value;
}

/** Every campaign, ad group or ad of the account, whatever its status. */
export async function fetchEntityList<T>(
	client: PinterestClient,
	adAccountId: string,
	level: EntityLevel,
) {
	// https://developers.pinterest.com/docs/api/v5/campaigns-list (ad_groups-list, ads-list alike)
	return await client.requestAllPages<T>({
		method: 'GET',
		path: adAccountPath(adAccountId, `/${LEVEL_API[level].listPath}`),
		qs: { entity_statuses: ALL_ENTITY_STATUSES, order: 'ASCENDING' },
		label: `list ${LEVEL_API[level].listPath!.replace('_', ' ')}`,
		adAccountId,
	});
}

/** What one analytics call or report asks for. */
export interface AnalyticsQuery {
	adAccountId: string;
	level: Level;
	window: DateRange;
	granularity: Granularity;
	columns: string[];
}

/** Synchronous analytics for one window; `ids` at most 250 (none for the ad account level). */
export async function fetchAnalytics(
	client: PinterestClient,
	query: AnalyticsQuery & { ids: string[] },
): Promise<AnalyticsRow[]> {
	const { adAccountId, level, ids, window, granularity, columns } = query;
	const { listPath, idsParam } = LEVEL_API[level];
	const qs: IDataObject = {
		start_date: window.startDate,
		end_date: window.endDate,
		granularity,
		// `columns` is the one array the spec sends comma-separated (explode: false).
		columns: columns.join(','),
	};
	if (idsParam) qs[idsParam] = ids;
	// https://developers.pinterest.com/docs/api/v5/ad_account-analytics (campaigns-analytics, …)
	const call: PinterestCall = {
		method: 'GET',
		path: adAccountPath(adAccountId, `${listPath ? `/${listPath}` : ''}/analytics`),
		qs,
		label: `get ${level === 'adAccount' ? 'ad account' : listPath!.replace('_', ' ')} analytics`,
		adAccountId,
		lost: lostRows(level, window, adAccountId),
	};
	return await requestChecked(client, call, checkAnalyticsRows);
}

const FAILED_REPORT_STATUSES = ['FAILED', 'EXPIRED', 'CANCELLED', 'DOES_NOT_EXIST'];
/** Poll waits: Pinterest gives no guidance; start at 1 s, double, cap at 30 s, give up after 15 min. */
const REPORT_POLL = { firstWaitMs: 1000, maxWaitMs: 30_000, maxTotalWaitMs: 15 * 60 * 1000 };

/**
 * A report's rows, or the status it ended with when Pinterest could not build it, or that it was still running
 * when polling stopped (after `polls` checks).
 */
export type ReportOutcome =
	| { rows: AnalyticsRow[] }
	| { failedStatus: string }
	| { stillRunning: true; polls: number; waitedMs: number };

/**
 * One asynchronous report: create, poll with backoff, download. The file is an object keyed by
 * entity id.
 */
export async function fetchReport(
	client: PinterestClient,
	query: AnalyticsQuery,
): Promise<ReportOutcome> {
	const { adAccountId, level, window, granularity, columns } = query;
	// https://developers.pinterest.com/docs/api/v5/analytics-create_report
	const lost = lostRows(level, window, adAccountId);
	const token = await requestChecked(
		client,
		{
			method: 'POST',
			path: adAccountPath(adAccountId, '/reports'),
			body: {
				start_date: window.startDate,
				end_date: window.endDate,
				granularity,
				columns,
				level: LEVEL_API[level].reportLevel,
				report_format: 'JSON',
				// The file is read as an object keyed by entity id, which is what BY_ID gives.
				primary_sort: 'BY_ID',
			},
			label: 'create a spend report',
			adAccountId,
			lost,
		},
		checkReportToken,
	);
	let waitMs = REPORT_POLL.firstWaitMs;
	let polls = 0;
	let waitedMs = 0;
	// The next wait is taken only while it keeps the total within the budget: polling is bounded.
	for (
		;
		waitedMs + waitMs <= REPORT_POLL.maxTotalWaitMs;
		waitMs = Math.min(waitMs * 2, REPORT_POLL.maxWaitMs)
	) {
		await sleep(waitMs);
		waitedMs += waitMs;
		polls++;
		// https://developers.pinterest.com/docs/api/v5/analytics-get_report
		const report = await requestChecked(
			client,
			{
				method: 'GET',
				path: adAccountPath(adAccountId, '/reports'),
				qs: { token },
				label: 'check the spend report',
				adAccountId,
				lost,
			},
			checkReportStatus,
		);
		if (report.url !== undefined) {
			const rows = await requestChecked(
				client,
				{
					method: 'GET',
					path: '',
					presignedUrl: report.url,
					label: 'download the spend report',
					adAccountId,
					lost,
					fileDownload: true,
				},
				(file) => checkReportFileRows(file, LEVEL_API[level].idColumn),
			);
			return { rows };
		}
		if (FAILED_REPORT_STATUSES.includes(report.status)) {
			return { failedStatus: report.status };
		}
	}
	return { stillRunning: true, polls, waitedMs };
}
