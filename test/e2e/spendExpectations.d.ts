// Types of spendExpectations.js, which the fast tier (test/engine) shares with the end-to-end tests.

type Row = Record<string, unknown> & { spendMicros: number };

export function expectedDailyRows(
	state: Record<string, unknown>,
	query: {
		adAccountId: string;
		level: 'adAccount' | 'campaign' | 'adGroup' | 'ad';
		startDate: string;
		endDate: string;
		includeZeroSpend?: boolean;
	},
): Row[];

export function totalMicros(rows: Array<{ spendMicros?: unknown }>): number;

/** The UTC date n days before now (Date.now: the fake clock in the fast tier). */
export function daysAgo(n: number): string;

export function days(startDate: string, endDate: string): string[];
