import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { PinterestAdSpend } from '../../../../../../nodes/PinterestAdSpend/PinterestAdSpend.node';
import { fixNow } from '../../../../helpers/clock';
import { FakePinterestSpend } from '../../../../helpers/fakePinterestSpend';
import { executeContext } from '../../../../helpers/n8nContext';
import {
	ACCOUNT,
	ACCOUNT_TOTAL_MICROS,
	OTHER_ACCOUNT,
	pickedAccounts,
	spendDataset,
} from './spendDataset';

// Retry waits return at once; the waits asked for are still recorded.
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));
const sleepMock = sleep as jest.MockedFunction<typeof sleep>;

const node = new PinterestAdSpend();
const MISSING_ACCOUNT = '549755880000';

function run(pinterest: FakePinterestSpend, parameters: IDataObject, continueOnFail = false) {
	const { context, recorded } = executeContext({
		properties: node.description.properties,
		parameters: {
			...pickedAccounts(ACCOUNT),
			level: 'campaign',
			datePreset: 'custom',
			startDate: '2026-11-20',
			endDate: '2026-11-22',
			...parameters,
		},
		credentials: { pinterestAdsOAuth2Api: { environment: 'production' } },
		http: pinterest.http,
		continueOnFail,
	});
	return { result: node.execute.call(context), recorded };
}

const sumMicros = (rows: IDataObject[]) =>
	rows.reduce((sum, row) => sum + Number(row.spendMicros ?? 0), 0);

beforeAll(() => fixNow('2026-11-26T12:00:00Z'));
afterAll(() => jest.useRealTimers());
beforeEach(() => {
	sleepMock.mockClear();
	jest.spyOn(Math, 'random').mockReturnValue(0);
});

describe('Pinterest Ad Spend execute: a failing account', () => {
	it('with continue on fail: the failing account becomes one error item, the other keeps all its rows', async () => {
		const pinterest = new FakePinterestSpend(spendDataset());
		const { result } = run(pinterest, pickedAccounts(MISSING_ACCOUNT, ACCOUNT), true);
		const [output] = await result;
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
		expect(pinterest.http.requests.filter((r) => r.path.includes(MISSING_ACCOUNT))).toHaveLength(1);
	});

	it('without it: the node fails naming the account and the item', async () => {
		const pinterest = new FakePinterestSpend(spendDataset());
		const { result } = run(pinterest, pickedAccounts(ACCOUNT, MISSING_ACCOUNT));
		await expect(result).rejects.toMatchObject({
			httpCode: '403',
			context: expect.objectContaining({ itemIndex: 0 }),
		});
		await expect(result).rejects.toThrow(MISSING_ACCOUNT);
	});

	it('"all accounts": one the login may not read is skipped with a hint, not failed', async () => {
		const pinterest = new FakePinterestSpend(spendDataset());
		const { result, recorded } = run(pinterest, { adAccountSelection: 'all' });
		const [output] = await result;
		expect(output.map((item) => item.json.adAccountId)).toEqual([
			ACCOUNT,
			ACCOUNT,
			ACCOUNT,
			ACCOUNT,
		]);
		expect(sumMicros(output.map((item) => item.json))).toBe(ACCOUNT_TOTAL_MICROS);
		expect(recorded.hints).toEqual([
			{
				type: 'warning',
				location: 'outputPane',
				message: `Skipped 1 of 2 ad accounts this login can see: Viewer Only (${OTHER_ACCOUNT}): the login's role (BILLING) cannot read analytics; Owner, Admin, Analyst or Campaign Manager can. The other accounts' spend is complete; give the login a role that can read analytics in Pinterest Business Manager to include them.`,
			},
		]);
		expect(pinterest.http.requests.some((r) => r.path.includes(OTHER_ACCOUNT))).toBe(false);
	});

	it('a refused input is refused before any request, with the fix', async () => {
		const pinterest = new FakePinterestSpend(spendDataset());
		const { result } = run(pinterest, pickedAccounts('act_123'));
		await expect(result).rejects.toMatchObject({
			message: 'Selected Ad Accounts: account 1 is "act_123", not an ad account ID',
		});
		expect(pinterest.http.requests).toHaveLength(0);
	});
});

describe('Pinterest Ad Spend execute: rate limits', () => {
	it('a 429 with X-RateLimit-Reset waits that long once, then the same rows', async () => {
		const pinterest = new FakePinterestSpend(spendDataset());
		pinterest.http.failOnce((r) => r.path.endsWith('/campaigns/analytics'), {
			status: 429,
			body: { code: 8, message: 'Rate limit exceeded' },
			headers: { 'x-ratelimit-reset': '7' },
		});
		const { result, recorded } = run(pinterest, {});
		const [output] = await result;
		expect(sumMicros(output.map((item) => item.json))).toBe(ACCOUNT_TOTAL_MICROS);
		expect(pinterest.http.to('GET', /\/campaigns\/analytics$/)).toHaveLength(2);
		expect(pinterest.http.requests).toHaveLength(5);
		// 7 s as asked, plus no jitter (Math.random is 0 here).
		expect(sleepMock.mock.calls.map(([ms]) => ms)).toEqual([7000]);
		expect(recorded.logs.filter((log) => log.level === 'warn').map((log) => log.message)).toEqual([
			'Pinterest: retrying "get campaigns analytics" in 7000 ms (attempt 1, HTTP 429)',
		]);
	});

	it('an answer saying the window is used up (remaining 0) makes the next call wait for its reset', async () => {
		const pinterest = new FakePinterestSpend(spendDataset());
		pinterest.http.failOnce((r) => r.path.endsWith(`/${ACCOUNT}/analytics`), {
			body: [],
			headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2' },
		});
		const { result } = run(pinterest, {});
		await result;
		expect(sleepMock.mock.calls.map(([ms]) => ms)).toEqual([2000]);
	});

	it('a daily limit that resets hours later fails at once with when to run again, without waiting', async () => {
		const pinterest = new FakePinterestSpend(spendDataset());
		pinterest.http.failOnce((r) => r.path.endsWith('/campaigns/analytics'), {
			status: 429,
			body: { code: 8, message: 'Rate limit exceeded' },
			headers: { 'x-ratelimit-reset': '36000' },
		});
		const { result } = run(pinterest, {});
		await expect(result).rejects.toMatchObject({ httpCode: '429' });
		expect(sleepMock).not.toHaveBeenCalled();
		expect(pinterest.http.to('GET', /\/campaigns\/analytics$/)).toHaveLength(1);
	});

	it('a 503 is retried with exponential backoff until it passes', async () => {
		const pinterest = new FakePinterestSpend(spendDataset());
		for (let i = 0; i < 3; i++)
			pinterest.http.failOnce((r) => r.path.endsWith('/campaigns/analytics'), {
				status: 503,
				body: { code: 12, message: 'Service unavailable' },
			});
		const [output] = await run(pinterest, {}).result;
		expect(sumMicros(output.map((item) => item.json))).toBe(ACCOUNT_TOTAL_MICROS);
		expect(pinterest.http.to('GET', /\/campaigns\/analytics$/)).toHaveLength(4);
		// base 1 s doubled, times (0.5 + jitter/2) with jitter 0.
		expect(sleepMock.mock.calls.map(([ms]) => ms)).toEqual([500, 1000, 2000]);
	});
});

describe('Pinterest Ad Spend execute: asynchronous report faults', () => {
	const reportCheck = (r: { method: string; path: string }) =>
		r.method === 'GET' && r.path.endsWith('/reports');

	it('a report Pinterest could not build is requested once more, then its rows are output', async () => {
		const pinterest = new FakePinterestSpend(spendDataset());
		pinterest.http.failOnce(reportCheck, {
			body: { report_status: 'FAILED', url: null, size: null },
		});
		const { result, recorded } = run(pinterest, { options: { strategy: 'async' } });
		const [output] = await result;
		expect(sumMicros(output.map((item) => item.json))).toBe(ACCOUNT_TOTAL_MICROS);
		expect(pinterest.http.to('POST', /\/reports$/)).toHaveLength(2);
		expect(recorded.logs.map((log) => log.message)).toContain(
			`Pinterest Ad Spend: report for ad account ${ACCOUNT} ended FAILED; requesting it once more`,
		);
	});

	it('twice failed: the node fails saying which rows are missing', async () => {
		const pinterest = new FakePinterestSpend(spendDataset());
		const failed = { body: { report_status: 'EXPIRED', url: null, size: null } };
		pinterest.http.failOnce(reportCheck, failed).failOnce(reportCheck, failed);
		await expect(run(pinterest, { options: { strategy: 'async' } }).result).rejects.toMatchObject({
			message: `Pinterest's spend report for ad account ${ACCOUNT} ended EXPIRED, then EXPIRED`,
			description: expect.stringMatching(
				/^Missing: the campaign rows of 2026-11-20 to 2026-11-22 of ad account 549755885175; no rows of this account are output\./,
			),
		});
	});

	it("a report link outside Pinterest's report storage is refused and never fetched", async () => {
		const pinterest = new FakePinterestSpend(spendDataset());
		pinterest.http.failOnce(reportCheck, {
			body: {
				report_status: 'FINISHED',
				url: 'https://reports.example.net/report-1.json',
				size: 10,
			},
		});
		await expect(run(pinterest, { options: { strategy: 'async' } }).result).rejects.toThrow(
			`Refused to download the spend report for ad account ${ACCOUNT}`,
		);
		expect(pinterest.http.requests.some((r) => r.url.includes('example.net'))).toBe(false);
	});
});
