import type { AdAccount } from '../../../shared/transport/adAccounts';
import { LEVEL_API, type AnalyticsRow } from './levels';
import { describeGaps, describeUnmergeable } from './notices';
import type { LevelEntities, SpendRequest } from './plan';
import type { SettledSpend } from './reconcile';
import {
	isEmptyRow,
	spendMicrosOf,
	toSpendRow,
	unattributedRow,
	type SpendRow,
	type SpendRowContext,
} from './spendRows';
import { fillZeroRows } from './zeroFill';

// The last stage of a spend request: the reconciled rows of one account as output rows and hints.

/** An account's rows, and what the user should know about them (shown as execution hints). */
export interface AccountSpend {
	rows: SpendRow[];
	notices: string[];
}

/**
 * Every bucket adds up to the account's own total: spend no listed entity carries comes out as an
 * unattributed row; only today's still-moving numbers may differ, and then the user is told.
 */
export function toAccountSpend(input: {
	request: SpendRequest;
	account: AdAccount;
	entities: LevelEntities;
	reconciled: SettledSpend;
}): AccountSpend {
	const { request, account, entities, reconciled } = input;
	const { level, range, granularity } = request;
	const idColumn = LEVEL_API[level].idColumn;
	const rows = reconciled.rows;
	let kept: AnalyticsRow[];
	if (request.includeZeroSpend) {
		// Zero rows for entities that may deliver and for those that did in the range; not for
		// every archived entity ever made.
		const delivered = rows
			.filter((row) => spendMicrosOf(row) !== 0)
			.map((row) => String(row[idColumn]));
		const fillIds =
			level === 'adAccount' ? [account.id] : [...new Set([...entities.liveIds, ...delivered])];
		kept = fillZeroRows(rows, fillIds, idColumn, range, granularity);
	} else {
		kept = rows.filter((row) => !isEmptyRow(row, request.metricColumns));
	}
	const context: SpendRowContext = {
		account,
		level,
		idColumn,
		entities: entities.chains,
		includeNames: request.includeNames,
		metricColumns: request.metricColumns,
		range,
	};
	const output = kept.map((row) => toSpendRow(row, context));
	for (const { bucket, micros } of reconciled.settled.unattributed)
		output.push(unattributedRow(bucket, micros, context));
	return {
		rows: output.sort(compareRows),
		notices: [
			...describeGaps(account, level, reconciled.settled),
			...describeUnmergeable(account, reconciled.unmergeableColumns),
		],
	};
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
