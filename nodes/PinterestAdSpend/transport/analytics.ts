import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { PinterestClient } from '../../../shared/transport/client';
import {
	ALL_ENTITY_STATUSES,
	LEVEL_API,
	rowsOf,
	type AnalyticsRow,
	type DateWindow,
	type EntityLevel,
	type Granularity,
	type Level,
} from '../core/levels';

// Pinterest's analytics endpoints, one call (or one report) at a time, in the order
// nodes/PinterestAdSpend/core/plan.ts plans them.

/** Every campaign, ad group or ad of the account, whatever its status. */
export async function fetchEntityList<T>(
	client: PinterestClient,
	adAccountId: string,
	level: EntityLevel,
) {
	// https://developers.pinterest.com/docs/api/v5/campaigns-list (ad_groups-list, ads-list alike)
	return await client.requestAllPages<T>({
		method: 'GET',
		path: `/ad_accounts/${adAccountId}/${LEVEL_API[level].listPath}`,
		qs: { entity_statuses: ALL_ENTITY_STATUSES, order: 'ASCENDING' },
		label: `list ${LEVEL_API[level].listPath!.replace('_', ' ')}`,
		adAccountId,
	});
}

/** What one analytics call or report asks for. */
export interface AnalyticsQuery {
	adAccountId: string;
	level: Level;
	window: DateWindow;
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
	const rows = await client.request<AnalyticsRow[]>({
		method: 'GET',
		path: `/ad_accounts/${adAccountId}${listPath ? `/${listPath}` : ''}/analytics`,
		qs,
		label: `get ${level === 'adAccount' ? 'ad account' : listPath!.replace('_', ' ')} analytics`,
		adAccountId,
		missing: rowsOf(level, window),
	});
	return Array.isArray(rows) ? rows : [];
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
	const created = await client.request<{ token: string }>({
		method: 'POST',
		path: `/ad_accounts/${adAccountId}/reports`,
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
		missing: rowsOf(level, window),
	});
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
		const report = await client.request<{ report_status: string; url?: string | null }>({
			method: 'GET',
			path: `/ad_accounts/${adAccountId}/reports`,
			qs: { token: created.token },
			label: 'check the spend report',
			adAccountId,
			missing: rowsOf(level, window),
		});
		if (report.report_status === 'FINISHED' && report.url) {
			const file = await client.request<Record<string, AnalyticsRow[]>>({
				method: 'GET',
				path: '',
				presignedUrl: report.url,
				label: 'download the spend report',
				adAccountId,
				missing: rowsOf(level, window),
				fileDownload: true,
			});
			// The file is keyed by entity id; the keys are exact, unlike ids inside some rows.
			const idColumn = LEVEL_API[level].idColumn;
			return {
				rows: Object.entries(file ?? {}).flatMap(([id, rows]) =>
					rows.map((row) => ({ ...row, [idColumn]: id })),
				),
			};
		}
		if (FAILED_REPORT_STATUSES.includes(report.report_status)) {
			return { failedStatus: report.report_status };
		}
	}
	return { stillRunning: true, polls, waitedMs };
}
