// The pull of the spend fault matrix (docs/fault-matrix.md) on n8n's engine: the fake's default data, one selected
// ad account, Campaign level, the three full days before today (the fake clock's), as the end-to-end fault tests
// pulled it.
import type { IDataObject } from 'n8n-workflow';

import { expectedDailyRows, totalMicros, daysAgo } from '../../e2e/spendExpectations';
import { runNode, type NodeRun } from '../harness/engine';
import type { TestCredentialsHelper } from '../harness/credentialsHelper';
import type { InProcessPinterest } from '../harness/pinterest';
import { pickedAccounts } from './spendRun';

export const US = '549755885175';
export const range = { startDate: daysAgo(3), endDate: daysAgo(1) };
/** What a failed pull says it lacks (CallContext.missing). */
export const SCOPE = `the campaign rows of ${range.startDate} to ${range.endDate} of ad account ${US}; no rows of this account are output.`;

export const ANALYTICS = `GET /ad_accounts/${US}/campaigns/analytics`;
/** What a clean synchronous campaign pull sends: the account, its campaigns, the total, the campaigns' rows. */
export const SYNC_CALLS = [
	`GET /ad_accounts/${US}`,
	`GET /ad_accounts/${US}/campaigns`,
	`GET /ad_accounts/${US}/analytics`,
	ANALYTICS,
];
/** SYNC_CALLS with `path` sent `times` times. */
export const withRepeats = (path: string, times: number) =>
	SYNC_CALLS.flatMap((call) => (call === path ? Array(times).fill(call) : [call]));

/** "Get ad spend" of the US account's campaigns over the range; `options` are the node's Options. */
export function campaignSpend(
	pinterest: InProcessPinterest,
	options: IDataObject = {},
	{
		parameters = {},
		credentials = pinterest.credentials(),
		continueOnFail = false,
	}: {
		/** Parameters replacing the pull's (the level, the accounts). */
		parameters?: IDataObject;
		credentials?: TestCredentialsHelper | Record<string, IDataObject>;
		continueOnFail?: boolean;
	} = {},
) {
	return runNode({
		node: 'pinterestAdSpend',
		parameters: {
			...pickedAccounts(US),
			level: 'campaign',
			datePreset: 'custom',
			startDate: `${range.startDate}T00:00:00`,
			endDate: `${range.endDate}T00:00:00`,
			...(Object.keys(options).length ? { options } : {}),
			...parameters,
		},
		credentials,
		continueOnFail,
		nodeName: 'Pinterest Ad Spend',
	});
}

/** The run succeeded with the rows the fake holds for the range, adding up to the account's own total to the micro. */
export async function expectCompleteRows(pinterest: InProcessPinterest, run: NodeRun) {
	expect(run.error).toBeUndefined();
	const state = await pinterest.state();
	expect(run.json).toEqual(
		expectedDailyRows(state, { adAccountId: US, level: 'campaign', ...range }),
	);
	const accountTotal = totalMicros(
		expectedDailyRows(state, { adAccountId: US, level: 'adAccount', ...range }),
	);
	expect(accountTotal).toBeGreaterThan(0);
	expect(totalMicros(run.json)).toBe(accountTotal);
}

/** A failed run: no rows, the error, and no token or secret anywhere in what n8n's engine kept of the run. */
export function failedWith(run: NodeRun) {
	expect(run.json).toEqual([]);
	expect(run.error).toBeDefined();
	expect(JSON.stringify(run.run)).not.toMatch(
		/access-\d|refresh-\d|refresh-revoked|access-expired|client-secret|Bearer/,
	);
	return run.error!;
}
