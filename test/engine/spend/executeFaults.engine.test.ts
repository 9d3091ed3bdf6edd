import type { IDataObject } from 'n8n-workflow';

import { warnings } from '../harness/engine';
import { waits } from '../harness/fakeClock';
import { fakePinterestForEachTest } from '../harness/pinterest';
import { ACCOUNT, ACCOUNT_TOTAL_MICROS, OTHER_ACCOUNT } from './gardenDataset';
import { pickedAccounts, requestsTo, runSpend, serveGarden, sumMicros } from './spendRun';

/** An account the login is refused (403, Pinterest code 29). */
const MISSING_ACCOUNT = '549755880000';

const pinterest = fakePinterestForEachTest(serveGarden);

const run = async (parameters: IDataObject, continueOnFail = false) =>
	await runSpend(pinterest, { level: 'campaign', ...parameters }, { continueOnFail });

/** The garden dataset with one more account, which the test login may not read. */
async function withRefusedAccount() {
	await serveGarden(pinterest, (data) =>
		data.accounts.push({
			id: MISSING_ACCOUNT,
			name: 'Closed',
			currency: 'USD',
			permissions: ['OWNER'],
		}),
	);
	await pinterest.config({ forbiddenAdAccounts: { 'access-1': [MISSING_ACCOUNT] } });
}

const campaignAnalytics = '/campaigns/analytics$';

describe('Pinterest Ad Spend execute: a failing account', () => {
	it('with continue on fail: the failing account becomes one error item, the other keeps all its rows', async () => {
		await withRefusedAccount();
		const { items: output } = await run(pickedAccounts(MISSING_ACCOUNT, ACCOUNT), true);
		const errors = output.filter((item) => 'error' in item.json);
		expect(errors).toHaveLength(1);
		expect(errors[0].json).toMatchObject({ adAccountId: MISSING_ACCOUNT, adAccountName: null });
		expect(String(errors[0].json.error)).toContain(MISSING_ACCOUNT);
		expect(typeof errors[0].json.fix).toBe('string');
		// Neither a token nor a stack in what the user sees.
		expect(JSON.stringify(errors[0].json)).not.toMatch(/Bearer|at .*\.ts:\d+/);
		const rows = output.filter((item) => !('error' in item.json)).map((item) => item.json);
		expect(rows).toHaveLength(4);
		expect(sumMicros(rows)).toBe(ACCOUNT_TOTAL_MICROS);
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		// A refused account is not asked again: one read, then the good account's four calls.
		expect(
			(await pinterest.requests()).filter((r) => r.path.includes(MISSING_ACCOUNT)),
		).toHaveLength(1);
	});

	it('without it: the node fails naming the account and the item', async () => {
		await withRefusedAccount();
		const { error, json } = await run(pickedAccounts(ACCOUNT, MISSING_ACCOUNT));
		expect(json).toEqual([]);
		expect(error).toMatchObject({
			httpCode: '403',
			context: expect.objectContaining({ itemIndex: 0 }),
		});
		expect(error?.message).toContain(MISSING_ACCOUNT);
	});

	it('"all accounts": one the login may not read is skipped with a hint, not failed', async () => {
		const { items: output, hints } = await run({ adAccountSelection: 'all' });
		expect(output.map((item) => item.json.adAccountId)).toEqual([
			ACCOUNT,
			ACCOUNT,
			ACCOUNT,
			ACCOUNT,
		]);
		expect(sumMicros(output.map((item) => item.json))).toBe(ACCOUNT_TOTAL_MICROS);
		expect(hints).toEqual([
			{
				type: 'warning',
				location: 'outputPane',
				message: `Skipped 1 of 2 ad accounts this login can see: Viewer Only (${OTHER_ACCOUNT}): the login's role (BILLING) cannot read analytics; Owner, Admin, Analyst or Campaign Manager can. The other accounts' spend is complete; give the login a role that can read analytics in Pinterest Business Manager to include them.`,
			},
		]);
		expect((await pinterest.requests()).some((r) => r.path.includes(OTHER_ACCOUNT))).toBe(false);
	});

	// A literal By ID value that is not a number is refused by n8n before the run; one an expression gives is the node's.
	it('a refused input is refused before any request, with the fix', async () => {
		const { error } = await run(pickedAccounts("={{ 'act_123' }}"));
		expect(error).toMatchObject({
			message: 'Selected Ad Accounts: account 1 is "act_123", not an ad account ID',
		});
		expect(await pinterest.requests()).toHaveLength(0);
	});
});

describe('Pinterest Ad Spend execute: rate limits', () => {
	it('a 429 with X-RateLimit-Reset waits that long once, then the same rows', async () => {
		await pinterest.faults([
			{ kind: 'rateLimit', resetSeconds: 7, pathPattern: campaignAnalytics },
		]);
		const { items: output } = await run({});
		expect(sumMicros(output.map((item) => item.json))).toBe(ACCOUNT_TOTAL_MICROS);
		expect(await requestsTo(pinterest, 'GET', /\/campaigns\/analytics$/)).toHaveLength(2);
		expect(await pinterest.requests()).toHaveLength(5);
		// 7 s as asked, plus no jitter (Math.random is 0 here).
		expect(waits()).toEqual([7000]);
		expect(warnings()).toEqual([
			'Pinterest: retrying "get campaigns analytics" in 7000 ms (attempt 1, HTTP 429)',
		]);
	});

	it('an answer saying the window is used up (remaining 0) makes the next call wait for its reset', async () => {
		await pinterest.faults([
			{ kind: 'windowUsedUp', resetSeconds: 2, pathPattern: `/${ACCOUNT}/analytics$` },
		]);
		expect((await run({})).error).toBeUndefined();
		expect(waits()).toEqual([2000]);
	});

	it('a daily limit that resets hours later fails at once with when to run again, without waiting', async () => {
		await pinterest.faults([
			{ kind: 'rateLimit', resetSeconds: 36_000, pathPattern: campaignAnalytics },
		]);
		const { error } = await run({});
		expect(error).toMatchObject({ httpCode: '429' });
		expect(waits()).toEqual([]);
		expect(await requestsTo(pinterest, 'GET', /\/campaigns\/analytics$/)).toHaveLength(1);
	});

	it('a 503 is retried with exponential backoff until it passes', async () => {
		await pinterest.faults([
			{ kind: 'serverError', status: 503, times: 3, pathPattern: campaignAnalytics },
		]);
		const { items: output } = await run({});
		expect(sumMicros(output.map((item) => item.json))).toBe(ACCOUNT_TOTAL_MICROS);
		expect(await requestsTo(pinterest, 'GET', /\/campaigns\/analytics$/)).toHaveLength(4);
		// base 1 s doubled, times (0.5 + jitter/2) with jitter 0.
		expect(waits()).toEqual([500, 1000, 2000]);
	});
});

describe('Pinterest Ad Spend execute: asynchronous report faults', () => {
	it('a report Pinterest could not build is requested once more, then its rows are output', async () => {
		await pinterest.config({ failNextReports: ['FAILED'] });
		const { items: output } = await run({ options: { strategy: 'async' } });
		expect(sumMicros(output.map((item) => item.json))).toBe(ACCOUNT_TOTAL_MICROS);
		expect(await requestsTo(pinterest, 'POST', /\/reports$/)).toHaveLength(2);
		expect(warnings()).toContain(
			`Pinterest Ad Spend: report for ad account ${ACCOUNT} ended FAILED; requesting it once more`,
		);
	});

	it.each([
		['FAILED', 'FAILED'],
		['EXPIRED', 'EXPIRED'],
		['EXPIRED', 'CANCELLED'],
	])(
		'a report that ends %s, then %s: requested once more, then a clear error, nothing downloaded, no rows',
		async (first, second) => {
			await pinterest.config({ failNextReports: [first, second] });
			const { error, json } = await run({ options: { strategy: 'async' } });
			expect(json).toEqual([]);
			expect(error).toMatchObject({
				message: `Pinterest's spend report for ad account ${ACCOUNT} ended ${first}, then ${second}`,
				description: expect.stringMatching(
					/^Missing: the campaign rows of 2026-11-20 to 2026-11-22 of ad account 549755885175; no rows of this account are output\./,
				),
			});
			// Each report is polled twice: IN_PROGRESS, then its end.
			expect((await requestsTo(pinterest, 'POST', /\/reports$/)).length).toBe(2);
			expect((await requestsTo(pinterest, 'GET', /\/reports$/)).length).toBe(4);
			expect((await pinterest.state()).downloads).toEqual([]);
		},
	);

	it("a report link outside Pinterest's report storage is refused and never fetched", async () => {
		await pinterest.config({ reportUrlBase: 'https://reports.example.net' });
		const { error } = await run({ options: { strategy: 'async' } });
		expect(error?.message).toContain(
			`Refused to download the spend report for ad account ${ACCOUNT}`,
		);
		expect((await pinterest.state()).downloads).toEqual([]);
	});
});

describe('Pinterest Ad Spend execute: token refresh (n8n-core OAuth2)', () => {
	it('401 with a successful refresh: retried with the new token, the rotated refresh token stored', async () => {
		await pinterest.faults([
			{ kind: 'unauthorized', expireToken: true, pathPattern: campaignAnalytics },
		]);
		const { error, json, credentials } = await run({});
		expect(error).toBeUndefined();
		expect(sumMicros(json)).toBe(ACCOUNT_TOTAL_MICROS);
		const analytics = await requestsTo(pinterest, 'GET', /\/campaigns\/analytics$/);
		expect(analytics.map((r) => r.authorization)).toEqual(['Bearer access-1', 'Bearer access-2']);
		expect(credentials.stored.pinterestAdsOAuth2Api.oauthTokenData).toMatchObject({
			access_token: 'access-2',
			refresh_token: 'refresh-2',
		});
	});
});
