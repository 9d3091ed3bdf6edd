import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AdAccount } from '../shared/adAccounts';
import type { PinterestClient } from '../shared/transport';
import { columnsToFetch } from './columns';
import type { DateRange } from './dates';
import { buildEntityChains, type PinterestEntity } from './entityChains';
import { describeGaps, describeUnmergeable } from './notices';
import { findGaps, settleGaps } from './reconcile';
import {
	fetchAnalytics,
	LEVEL_API,
	listEntities,
	LIVE_STATUSES,
	MAX_IDS_PER_ANALYTICS_CALL,
	NEVER_RAN_STATUSES,
	runReport,
	type AnalyticsRow,
	type Granularity,
	type Level,
	type ReportOutcome,
} from './spendApi';
import {
	isEmptyRow,
	mergeRows,
	spendMicrosOf,
	toSpendRow,
	unattributedRow,
	type SpendRow,
	type SpendRowContext,
} from './spendRows';
import { planStrategy, type StrategyChoice, type StrategyPlan } from './strategy';
import { asyncWindows, syncWindows } from './windows';
import { fillZeroRows } from './zeroFill';

export interface SpendRequest {
	level: Level;
	range: DateRange;
	granularity: Granularity;
	includeNames: boolean;
	/** Analytics columns besides spend, e.g. IMPRESSION_1, as the user asked for them. */
	metricColumns: string[];
	includeZeroSpend: boolean;
	strategy: StrategyChoice;
	todayUtc: string;
	/** False in Pinterest's sandbox, which cannot run asynchronous reports. */
	reportsAvailable: boolean;
}

/** An account's rows, and what the user should know about them (shown as execution hints). */
export interface AccountSpend {
	rows: SpendRow[];
	notices: string[];
}

const SPEND_COLUMNS = ['SPEND_IN_MICRO_DOLLAR'];

function chunk<T>(items: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
	return chunks;
}

type ListedEntity = PinterestEntity & { status?: string };

/** The entities of the level (their ids are what is asked for) and, for names, the levels above. */
async function listLevel(client: PinterestClient, adAccountId: string, request: SpendRequest) {
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
			)),
		);
	}
	return rows;
}

/** One pull: the level's rows and the account's own total for the same buckets. */
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
				)),
			);
		}
	}
	return { levelRows, accountRows: totals };
}

/**
 * Spend rows of one ad account. Every bucket adds up to the account's own total: spend no listed
 * entity carries comes out as an unattributed row; only today's still-moving numbers may differ,
 * and then the user is told.
 */
export async function pullAccountSpend(
	ctx: IExecuteFunctions,
	client: PinterestClient,
	account: AdAccount,
	request: SpendRequest,
): Promise<AccountSpend> {
	const { level, granularity, range, todayUtc } = request;
	const columns = columnsToFetch([...SPEND_COLUMNS, ...request.metricColumns]);
	const idColumn = LEVEL_API[level].idColumn;
	let listed = await listLevel(client, account.id, request);
	const plan = planStrategy({
		...request,
		requested: request.strategy,
		entityCount: listed.analyticsIds.length,
	});

	const pull = async () => {
		const fetched = await fetchSpend(
			ctx,
			client,
			account,
			request,
			plan,
			listed.analyticsIds,
			columns,
		);
		const merged = mergeRows(fetched.levelRows, idColumn, columns);
		const gaps =
			level === 'adAccount'
				? []
				: findGaps(merged.rows, fetched.accountRows, { granularity, range, todayUtc });
		return { merged, gaps };
	};
	let pulled = await pull();
	if (pulled.gaps.length > 0) {
		// Today's numbers can move between two calls, and an entity can appear or vanish between
		// the list and the analytics: list again and pull once more before settling.
		ctx.logger.warn(
			`Pinterest Ad Spend: the ${level} rows of ad account ${account.id} differ from its total in ${pulled.gaps.length} buckets; pulling once more`,
		);
		listed = await listLevel(client, account.id, request);
		pulled = await pull();
	}
	const settled = settleGaps(pulled.gaps);
	const notices = describeGaps(account, level, settled);
	notices.push(...describeUnmergeable(account, pulled.merged.unmergeableColumns));

	const rows = pulled.merged.rows;
	let kept: AnalyticsRow[];
	if (request.includeZeroSpend) {
		// Zero rows for entities that may deliver and for those that did in the range; not for
		// every archived entity ever made.
		const delivered = rows
			.filter((row) => spendMicrosOf(row) !== 0)
			.map((row) => String(row[idColumn]));
		const fillIds =
			level === 'adAccount' ? [account.id] : [...new Set([...listed.liveIds, ...delivered])];
		kept = fillZeroRows(rows, fillIds, idColumn, range, granularity);
	} else {
		kept = rows.filter((row) => !isEmptyRow(row, request.metricColumns));
	}
	const context: SpendRowContext = {
		account,
		level,
		idColumn,
		entities: listed.chains,
		includeNames: request.includeNames,
		metricColumns: request.metricColumns,
		range,
	};
	const output = kept.map((row) => toSpendRow(row, context));
	for (const { bucket, micros } of settled.unattributed)
		output.push(unattributedRow(bucket, micros, context));
	return { rows: output.sort(compareRows), notices };
}

const SORT_FIELDS = ['date', 'hour', 'campaignId', 'adGroupId', 'adId'];
function sortable(value: SpendRow[string]): string {
	// Hours as numbers: 9 before 10.
	return typeof value === 'number' ? String(value).padStart(2, '0') : String(value ?? '');
}
function compareRows(a: SpendRow, b: SpendRow): number {
	for (const field of SORT_FIELDS) {
		const order = sortable(a[field]).localeCompare(sortable(b[field]));
		if (order !== 0) return order;
	}
	return 0;
}
