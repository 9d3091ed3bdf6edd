import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AdAccount } from '../shared/adAccounts';
import type { PinterestClient } from '../shared/transport';
import type { DateRange } from './dates';
import { buildEntityChains, type PinterestEntity } from './entityChains';
import {
	fetchAnalytics,
	LEVEL_API,
	listEntities,
	MAX_IDS_PER_ANALYTICS_CALL,
	runReport,
	type AnalyticsRow,
	type Granularity,
	type Level,
	type ReportOutcome,
} from './spendApi';
import { mergeRows, spendMicrosOf, toSpendRow, type SpendRow } from './spendRows';
import { planStrategy, type StrategyChoice, type StrategyPlan } from './strategy';
import { asyncWindows, syncWindows } from './windows';
import { fillZeroRows } from './zeroFill';

export interface SpendRequest {
	level: Level;
	range: DateRange;
	granularity: Granularity;
	includeNames: boolean;
	/** Analytics columns besides spend, e.g. IMPRESSION_1. */
	metricColumns: string[];
	includeZeroSpend: boolean;
	strategy: StrategyChoice;
	todayUtc: string;
}

const SPEND_COLUMNS = ['SPEND_IN_MICRO_DOLLAR'];

function chunk<T>(items: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
	return chunks;
}

/** The entities of the level (their ids are what is asked for) and, for names, the levels above. */
async function listLevel(client: PinterestClient, adAccountId: string, request: SpendRequest) {
	const { level, includeNames } = request;
	const order: Level[] = ['campaign', 'adGroup', 'ad'];
	// The level itself always; the levels above it only to name the rows.
	const needed = (entityLevel: Level) =>
		entityLevel === level || (includeNames && order.indexOf(entityLevel) < order.indexOf(level));
	const list = async (entityLevel: Exclude<Level, 'adAccount'>) =>
		needed(entityLevel)
			? await listEntities<PinterestEntity>(client, adAccountId, entityLevel)
			: [];
	const campaigns = await list('campaign');
	const adGroups = await list('adGroup');
	const ads = await list('ad');
	const ofLevel = { adAccount: [], campaign: campaigns, adGroup: adGroups, ad: ads }[level];
	return {
		ids: ofLevel.map((entity) => entity.id),
		chains: buildEntityChains(campaigns, adGroups, ads),
	};
}

/** Runs a report; one that Pinterest could not build (FAILED, EXPIRED…) is requested once more. */
async function reportWithOneRetry(
	ctx: IExecuteFunctions,
	run: () => Promise<ReportOutcome>,
	adAccountId: string,
): Promise<AnalyticsRow[]> {
	const first = await run();
	if ('rows' in first) return first.rows;
	ctx.logger.warn(
		`Pinterest Ad Spend: report for ad account ${adAccountId} ended ${first.failedStatus}; requesting it once more`,
	);
	const second = await run();
	if ('rows' in second) return second.rows;
	throw new NodeOperationError(
		ctx.getNode(),
		`Pinterest's spend report for ad account ${adAccountId} ended ${first.failedStatus}, then ${second.failedStatus}`,
		{
			description:
				'Pinterest could not build the report. Run the workflow again later, or set Strategy to Synchronous for ranges in the last 89 days.',
		},
	);
}

/** One pull of an account's rows (merged per entity and day) and of its own total for the same days. */
async function fetchSpend(
	ctx: IExecuteFunctions,
	client: PinterestClient,
	account: AdAccount,
	request: SpendRequest,
	plan: StrategyPlan,
	ids: string[],
	columns: string[],
) {
	const { level, granularity } = request;
	const levelRows: AnalyticsRow[] = [];
	const accountRows: AnalyticsRow[] = [];
	for (const window of plan.windows) {
		if (plan.strategy === 'sync') {
			accountRows.push(
				...(await fetchAnalytics(
					client,
					account.id,
					'adAccount',
					[],
					window,
					granularity,
					level === 'adAccount' ? columns : SPEND_COLUMNS,
				)),
			);
			for (const idChunk of level === 'adAccount' ? [] : chunk(ids, MAX_IDS_PER_ANALYTICS_CALL)) {
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
				)),
			);
		}
	}
	if (level === 'adAccount') levelRows.push(...accountRows);
	else if (plan.strategy === 'async')
		accountRows.push(...(await accountTotalRows(ctx, client, account.id, request)));

	const rows = mergeRows(levelRows, LEVEL_API[level].idColumn, columns);
	return {
		rows,
		levelMicros: rows.reduce((sum, row) => sum + spendMicrosOf(row), 0),
		accountMicros: accountRows.reduce((sum, row) => sum + spendMicrosOf(row), 0),
	};
}

/** Spend rows of one ad account, checked against the account's own total for the same days. */
export async function pullAccountSpend(
	ctx: IExecuteFunctions,
	client: PinterestClient,
	account: AdAccount,
	request: SpendRequest,
): Promise<SpendRow[]> {
	const { level, granularity, range, todayUtc } = request;
	const columns = [...new Set([...SPEND_COLUMNS, ...request.metricColumns])];
	const { ids, chains } = await listLevel(client, account.id, request);
	const plan = planStrategy({
		requested: request.strategy,
		level,
		entityCount: ids.length,
		range,
		granularity,
		todayUtc,
	});

	const idColumn = LEVEL_API[level].idColumn;
	let fetched = await fetchSpend(ctx, client, account, request, plan, ids, columns);
	if (fetched.levelMicros !== fetched.accountMicros) {
		// Today's numbers can move between two calls: one fresh pull before failing.
		ctx.logger.warn(
			`Pinterest Ad Spend: totals of ad account ${account.id} differ; pulling once more`,
		);
		fetched = await fetchSpend(ctx, client, account, request, plan, ids, columns);
	}
	if (fetched.levelMicros !== fetched.accountMicros) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The ${level} rows of ad account ${account.id} add up to ${fetched.levelMicros} micros, but Pinterest reports ${fetched.accountMicros} micros for the account from ${range.startDate} to ${range.endDate}`,
			{
				description:
					'Some spend could not be attributed to a listed entity. Run the workflow again; if it persists, use the Ad Account level.',
			},
		);
	}
	const merged = fetched.rows;
	const rows = request.includeZeroSpend
		? fillZeroRows(merged, level === 'adAccount' ? [account.id] : ids, idColumn, range, granularity)
		: merged.filter((row) => spendMicrosOf(row) !== 0);
	const context = {
		account,
		level,
		idColumn,
		entities: chains,
		includeNames: request.includeNames,
		metricColumns: request.metricColumns,
		range,
	};
	return rows.map((row) => toSpendRow(row, context)).sort(compareRows);
}

/** The account's own spend for the range, to check a report against: synchronous when it reaches. */
async function accountTotalRows(
	ctx: IExecuteFunctions,
	client: PinterestClient,
	adAccountId: string,
	request: SpendRequest,
) {
	const windows = syncWindows(request.range, request.granularity, request.todayUtc);
	if (windows) {
		const rows: AnalyticsRow[] = [];
		for (const window of windows)
			rows.push(
				...(await fetchAnalytics(
					client,
					adAccountId,
					'adAccount',
					[],
					window,
					'TOTAL',
					SPEND_COLUMNS,
				)),
			);
		return rows;
	}
	const rows: AnalyticsRow[] = [];
	for (const window of asyncWindows(request.range, request.granularity, request.todayUtc)) {
		rows.push(
			...(await reportWithOneRetry(
				ctx,
				async () =>
					await runReport(client, adAccountId, 'adAccount', window, 'TOTAL', SPEND_COLUMNS),
				adAccountId,
			)),
		);
	}
	return rows;
}

const SORT_FIELDS = ['date', 'campaignId', 'adGroupId', 'adId'];
function compareRows(a: SpendRow, b: SpendRow): number {
	for (const field of SORT_FIELDS) {
		const order = String(a[field] ?? '').localeCompare(String(b[field] ?? ''));
		if (order !== 0) return order;
	}
	return 0;
}
