import type { IExecuteFunctions } from 'n8n-workflow';

import type { AdAccount } from '../../shared/transport/adAccounts';
import type { PinterestClient } from '../../shared/transport/client';
import { columnsToFetch } from './columns';
import type { DateRange } from './dates';
import { fetchSpend, listLevel, SPEND_COLUMNS } from './fetchSpend';
import { describeGaps, describeUnmergeable } from './notices';
import { findGaps, settleGaps } from './reconcile';
import { LEVEL_API, type AnalyticsRow, type Granularity, type Level } from './spendApi';
import {
	isEmptyRow,
	mergeRows,
	spendMicrosOf,
	toSpendRow,
	unattributedRow,
	type SpendRow,
	type SpendRowContext,
} from './spendRows';
import { planStrategy, type StrategyChoice } from './strategy';
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
