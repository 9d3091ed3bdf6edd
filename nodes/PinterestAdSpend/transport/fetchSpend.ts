import { ActionableError } from '../../../shared/errors';
import type { PinterestClient } from '../../../shared/transport/client';
import type { AnalyticsRow, EntityLevel, Granularity } from '../core/levels';
import { lostRows } from '../core/levels';
import type { AnalyticsCall, EntityLists, ListedEntity, SpendPlan } from '../core/plan';
import type { FetchedSpend } from '../core/reconcile';
import { fetchAnalytics, fetchEntityList, fetchReport, type ReportOutcome } from './analytics';

// The I/O stage of a spend request: makes the calls nodes/PinterestAdSpend/core/plan.ts planned, in
// that order, and returns the rows raw.

/** Writes a warning to n8n's log. */
export type Warn = (message: string) => void;

/** The entity lists entityListsToFetch (nodes/PinterestAdSpend/core/plan.ts) names, in that order. */
export async function fetchEntityLists(
	client: PinterestClient,
	adAccountId: string,
	levels: EntityLevel[],
): Promise<EntityLists> {
	const lists: EntityLists = {};
	for (const level of levels)
		lists[level] = await fetchEntityList<ListedEntity>(client, adAccountId, level);
	return lists;
}

interface SpendCalls {
	client: PinterestClient;
	warn: Warn;
	adAccountId: string;
	granularity: Granularity;
}

/**
 * A report; one that Pinterest could not build (FAILED, EXPIRED…) is requested once more. One still running
 * when polling stops is not: asking again would double a wait that already reached its bound.
 */
async function fetchReportRows(
	calls: SpendCalls,
	call: Extract<AnalyticsCall, { kind: 'report' }>,
): Promise<AnalyticsRow[]> {
	const { client, warn, adAccountId, granularity } = calls;
	const lost = lostRows(call.level, call.window, adAccountId);
	const stillRunning = (outcome: ReportOutcome) => {
		if (!('stillRunning' in outcome)) return;
		throw new ActionableError(
			`Pinterest's spend report for ad account ${adAccountId} was still running after ${Math.round(outcome.waitedMs / 1000)} seconds (${outcome.polls} checks)`,
			`${lost} Pinterest may be busy: run the workflow again later, or set Strategy to Synchronous for ranges in the last 89 days.`,
		);
	};
	const query = {
		adAccountId,
		level: call.level,
		window: call.window,
		granularity,
		columns: call.columns,
	};
	const first = await fetchReport(client, query);
	if ('rows' in first) return first.rows;
	stillRunning(first);
	const firstStatus = 'failedStatus' in first ? first.failedStatus : '';
	warn(
		`Pinterest Ad Spend: report for ad account ${adAccountId} ended ${firstStatus}; requesting it once more`,
	);
	const second = await fetchReport(client, query);
	if ('rows' in second) return second.rows;
	stillRunning(second);
	const secondStatus = 'failedStatus' in second ? second.failedStatus : '';
	throw new ActionableError(
		`Pinterest's spend report for ad account ${adAccountId} ended ${firstStatus}, then ${secondStatus}`,
		`${lost} Pinterest could not build the report. Run the workflow again later, or set Strategy to Synchronous for ranges in the last 89 days.`,
	);
}

async function fetchCalls(calls: SpendCalls, planned: AnalyticsCall[]): Promise<AnalyticsRow[]> {
	const rows: AnalyticsRow[] = [];
	for (const call of planned) {
		if (call.kind === 'report') {
			rows.push(...(await fetchReportRows(calls, call)));
			continue;
		}
		rows.push(
			...(await fetchAnalytics(calls.client, {
				adAccountId: calls.adAccountId,
				level: call.level,
				ids: call.ids,
				window: call.window,
				granularity: calls.granularity,
				columns: call.columns,
			})),
		);
	}
	return rows;
}

/** One pull: the plan's calls, the account's total first. */
export async function fetchSpend(input: {
	client: PinterestClient;
	warn: Warn;
	adAccountId: string;
	plan: SpendPlan;
}): Promise<FetchedSpend> {
	const { plan, ...rest } = input;
	const calls = { ...rest, granularity: plan.granularity };
	const totalRows = await fetchCalls(calls, plan.totalCalls);
	const levelRows = await fetchCalls(calls, plan.levelCalls);
	return { totalRows, levelRows };
}
