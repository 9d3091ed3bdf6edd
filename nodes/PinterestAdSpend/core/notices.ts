import type { AdAccount } from '../../../shared/transport/adAccounts';
import type { SettledGaps } from './reconcile';
import { LEVEL_NAMES, type AnalyticsRow, type Level } from './levels';
import { microsToDecimal } from './spendRows';

const MAX_BUCKETS_NAMED = 5;

/** "Acme US (549755885175)", or the id alone for an account without a name. */
export function accountLabel(account: AdAccount) {
	return account.name ? `${account.name} (${account.id})` : account.id;
}

function money(micros: number, account: AdAccount) {
	return `${microsToDecimal(micros)} ${account.currency ?? ''}`.trim();
}

function bucketLabel(bucket: AnalyticsRow) {
	if (bucket.DATE === undefined) return 'the whole range';
	return bucket.HOUR === undefined
		? String(bucket.DATE)
		: `${String(bucket.DATE)} ${String(bucket.HOUR).padStart(2, '0')}:00`;
}

function listBuckets(buckets: AnalyticsRow[]) {
	const named = buckets.slice(0, MAX_BUCKETS_NAMED).map(bucketLabel).join(', ');
	return buckets.length > MAX_BUCKETS_NAMED
		? `${named} and ${buckets.length - MAX_BUCKETS_NAMED} more`
		: named;
}

/** What the user should know about an account's totals, in words (one sentence per kind). */
export function describeGaps(account: AdAccount, level: Level, settled: SettledGaps): string[] {
	const notices: string[] = [];
	const levelName = LEVEL_NAMES[level];
	const carried = settled.unattributed.filter((gap) => gap.micros > 0);
	if (carried.length > 0) {
		const micros = carried.reduce((sum, gap) => sum + gap.micros, 0);
		notices.push(
			`Ad account ${accountLabel(account)}: ${money(micros, account)} of spend is carried by no listed ${levelName} (${listBuckets(carried.map((gap) => gap.bucket))}), e.g. catalog spend on product groups or ${levelName.startsWith('a') ? 'an' : 'a'} ${levelName} removed since. It is output as rows with "unattributed": true and the ${levelName} ID null, so the rows add up to the account's total.`,
		);
	}
	const excess = settled.unattributed.filter((gap) => gap.micros < 0);
	if (excess.length > 0) {
		const micros = excess.reduce((sum, gap) => sum - gap.micros, 0);
		notices.push(
			`Ad account ${accountLabel(account)}: the ${levelName} rows add up to ${money(micros, account)} more than Pinterest's own account total (${listBuckets(excess.map((gap) => gap.bucket))}). A row with "unattributed": true and negative spend keeps the rows equal to the account's total; the ${levelName} rows are as Pinterest sent them.`,
		);
	}
	if (settled.movedToday.length > 0) {
		const micros = settled.movedToday.reduce(
			(sum, gap) => sum + gap.levelMicros - gap.accountMicros,
			0,
		);
		notices.push(
			`Ad account ${accountLabel(account)}: today's ${levelName} rows add up to ${money(micros, account)} more than the account total read a moment before them (${listBuckets(settled.movedToday.map((gap) => gap.bucket))}); Pinterest was still updating today's numbers. The rows are output as read; the next run catches up.`,
		);
	}
	return notices;
}

/** Columns left null where rows of several request windows were merged. */
export function describeUnmergeable(account: AdAccount, columns: string[]): string[] {
	if (columns.length === 0) return [];
	return [
		`Ad account ${accountLabel(account)}: ${columns.join(', ')} cannot be added up across Pinterest's request windows and ${columns.length === 1 ? 'was' : 'were'} left null where rows were merged; ask for a shorter range or a finer granularity to get Pinterest's own values.`,
	];
}
