import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AdAccount } from '../../shared/transport/adAccounts';
import type { PinterestClient } from '../../shared/transport/client';
import { buildEntityChains, type PinterestEntity } from './entityChains';
import type { SpendRequest } from './pullAccountSpend';
import {
	fetchAnalytics,
	listEntities,
	LIVE_STATUSES,
	MAX_IDS_PER_ANALYTICS_CALL,
	NEVER_RAN_STATUSES,
	rowsOf,
	runReport,
	type AnalyticsRow,
	type Level,
	type ReportOutcome,
} from './spendApi';
import type { StrategyPlan } from './strategy';
import { asyncWindows, syncWindows } from './windows';

// The calls of one pull: entity lists, the account's own total and the level's rows.

export const SPEND_COLUMNS = ['SPEND_IN_MICRO_DOLLAR'];

function chunk<T>(items: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
	return chunks;
}

type ListedEntity = PinterestEntity & { status?: string };

/** The entities of the level (their ids are what is asked for) and, for names, the levels above. */
export async function listLevel(
	client: PinterestClient,
	adAccountId: string,
	request: SpendRequest,
) {
	const { level, includeNames } = request;
	const order: Level[] = ['campaign', 'adGroup', 'ad'];
	// The level itself always; the levels above it only to name the rows.
	const needed = (entityLevel: Level) =>
		level !== 'adAccount' &&
		(entityLevel === level || (includeNames && order.indexOf(entityLevel) < order.indexOf(level)));
	const list = async (entityLevel: Exclude<Level, 'adAccount'>) =>
		needed(entityLevel) ? await listEntities<ListedEntity>(client, adAccountId, entityLevel) : [];
	const campaigns = await list('campaign');
	const adGroups = await list('adGroup');
	const ads = await list('ad');
	const ofLevel: ListedEntity[] = {
		adAccount: [],
		campaign: campaigns,
		adGroup: adGroups,
		ad: ads,
	}[level];
	return {
		analyticsIds: ofLevel
			.filter((entity) => !NEVER_RAN_STATUSES.includes(entity.status ?? ''))
			.map((entity) => entity.id),
		liveIds: ofLevel
			.filter((entity) => entity.status === undefined || LIVE_STATUSES.includes(entity.status))
			.map((entity) => entity.id),
		chains: buildEntityChains(campaigns, adGroups, ads),
	};
}

/**
 * Runs a report; one that Pinterest could not build (FAILED, EXPIRED…) is requested once more. One still running
 * when polling stops is not: asking again would double a wait that already reached its bound.
 */
async function reportWithOneRetry(
	ctx: IExecuteFunctions,
	run: () => Promise<ReportOutcome>,
	adAccountId: string,
	scope: string,
): Promise<AnalyticsRow[]> {
	const missing = `Missing: ${scope} of ad account ${adAccountId}; no rows of this account are output.`;
	const stillRunning = (outcome: ReportOutcome) => {
		if (!('stillRunning' in outcome)) return;
		throw new NodeOperationError(
			ctx.getNode(),
			`Pinterest's spend report for ad account ${adAccountId} was still running after ${Math.round(outcome.waitedMs / 1000)} seconds (${outcome.polls} checks)`,
			{
				description: `${missing} Pinterest may be busy: run the workflow again later, or set Strategy to Synchronous for ranges in the last 89 days.`,
			},
		);
	};
	const first = await run();
	if ('rows' in first) return first.rows;
	stillRunning(first);
	const firstStatus = 'failedStatus' in first ? first.failedStatus : '';
	ctx.logger.warn(
		`Pinterest Ad Spend: report for ad account ${adAccountId} ended ${firstStatus}; requesting it once more`,
	);
	const second = await run();
	if ('rows' in second) return second.rows;
	stillRunning(second);
	const secondStatus = 'failedStatus' in second ? second.failedStatus : '';
	throw new NodeOperationError(
		ctx.getNode(),
		`Pinterest's spend report for ad account ${adAccountId} ended ${firstStatus}, then ${secondStatus}`,
		{
			description: `${missing} Pinterest could not build the report. Run the workflow again later, or set Strategy to Synchronous for ranges in the last 89 days.`,
		},
	);
}

/**
 * The ad account's own rows for the range, per bucket of the granularity: synchronous where those
 * endpoints reach (or the plan says so), reports otherwise.
 */
async function accountRows(
	ctx: IExecuteFunctions,
	client: PinterestClient,
	adAccountId: string,
	request: SpendRequest,
	columns: string[],
	plan?: StrategyPlan,
): Promise<AnalyticsRow[]> {
	const { range, granularity, todayUtc } = request;
	const sync = plan
		? plan.strategy === 'sync' && plan.windows
		: syncWindows(range, granularity, todayUtc);
	const rows: AnalyticsRow[] = [];
	if (sync) {
		for (const window of sync)
			rows.push(
				...(await fetchAnalytics(
					client,
					adAccountId,
					'adAccount',
					[],
					window,
					granularity,
					columns,
				)),
			);
		return rows;
	}
	for (const window of plan ? plan.windows : asyncWindows(range, granularity, todayUtc)) {
		rows.push(
			...(await reportWithOneRetry(
				ctx,
				async () => await runReport(client, adAccountId, 'adAccount', window, granularity, columns),
				adAccountId,
				rowsOf('adAccount', window),
			)),
		);
	}
	return rows;
}

/** One pull: the level's rows and the account's own total for the same buckets. */
export async function fetchSpend(
	ctx: IExecuteFunctions,
	client: PinterestClient,
	account: AdAccount,
	request: SpendRequest,
	plan: StrategyPlan,
	ids: string[],
	columns: string[],
) {
	const { level, granularity } = request;
	if (level === 'adAccount') {
		// The account's own rows are its total: nothing to check them against.
		const rows = await accountRows(ctx, client, account.id, request, columns, plan);
		return { levelRows: rows, accountRows: rows };
	}
	// The account total first, the entities after: see settleGaps for why the order matters.
	const totals = await accountRows(
		ctx,
		client,
		account.id,
		request,
		SPEND_COLUMNS,
		plan.strategy === 'sync' ? plan : undefined,
	);
	const levelRows: AnalyticsRow[] = [];
	for (const window of plan.windows) {
		if (plan.strategy === 'sync') {
			for (const idChunk of chunk(ids, MAX_IDS_PER_ANALYTICS_CALL)) {
				levelRows.push(
					...(await fetchAnalytics(
						client,
						account.id,
						level,
						idChunk,
						window,
						granularity,
						columns,
					)),
				);
			}
		} else {
			levelRows.push(
				...(await reportWithOneRetry(
					ctx,
					async () => await runReport(client, account.id, level, window, granularity, columns),
					account.id,
					rowsOf(level, window),
				)),
			);
		}
	}
	return { levelRows, accountRows: totals };
}
