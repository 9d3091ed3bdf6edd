// Answers Pinterest's API never gives (a broken proxy or API), on n8n's engine against the fake: each ends in one
// error naming the call and the account, never in a run that pages for ever or fails with "rows.map is not a
// function". (The contract-checking proxy of the end-to-end tests refuses such answers, so these never ran through it.)
import type { IDataObject } from 'n8n-workflow';

import { fakePinterestForEachTest } from '../harness/pinterest';
import { campaignSpend, failedWith, SCOPE, SYNC_CALLS, US } from './faultRun';

const pinterest = fakePinterestForEachTest();

const answer = (pathPattern: string, body: unknown, extra: IDataObject = {}) =>
	pinterest.faults([{ kind: 'answer', pathPattern, body: body as IDataObject, ...extra }]);
const LIST = `GET /ad_accounts/${US}/campaigns`;

describe('answers of the wrong shape', () => {
	it('a list whose bookmark repeats: stops at the second page with an error naming the list and account', async () => {
		await answer('/campaigns$', { items: [], bookmark: 'c2FtZQ' }, { method: 'GET', times: 1e6 });
		const error = failedWith(await campaignSpend(pinterest));
		expect(error.message).toBe(
			`Pinterest's answer to "list campaigns" for ad account ${US} (page 2) gave a bookmark an earlier page had already given, so the list would never end; paging stopped`,
		);
		expect(error.description).toMatch(
			/If the credential's environment is Custom, check that the proxy/,
		);
		expect(await pinterest.calls()).toEqual([`GET /ad_accounts/${US}`, LIST, LIST]);
	});

	it('a list with a new bookmark on every page: stops after 1,000 pages', async () => {
		await pinterest.faults([{ kind: 'endlessPages', pathPattern: '/campaigns$', times: 1e6 }]);
		const error = failedWith(await campaignSpend(pinterest));
		expect(error.message).toBe(
			`Pinterest's answer to "list campaigns" for ad account ${US} still had more after 1000 pages; paging stopped`,
		);
		expect((await pinterest.calls()).filter((call) => call === LIST)).toHaveLength(1000);
	});

	it('a listed ad account whose id is not digits: refused before its id goes into a path', async () => {
		await answer('^/ad_accounts$', {
			items: [{ id: `${US}/campaigns`, name: 'Odd', currency: 'USD' }],
			bookmark: null,
		});
		const run = await campaignSpend(pinterest, {}, { parameters: { adAccountSelection: 'all' } });
		expect(failedWith(run).message).toBe(
			`Pinterest's answer to "list ad accounts" lists an ad account whose ID is "${US}/campaigns", not an ad account ID (digits only)`,
		);
		expect(await pinterest.calls()).toEqual(['GET /ad_accounts']);
	});

	it('synchronous analytics answered with an object instead of rows: a clear error naming the missing rows', async () => {
		await answer('/campaigns/analytics$', { rows: [] });
		const error = failedWith(await campaignSpend(pinterest));
		expect(error.message).toBe(
			`Pinterest's answer to "get campaigns analytics" for ad account ${US} is an object, not a list of rows`,
		);
		expect(error.description).toContain(`Missing: ${SCOPE}`);
		expect(await pinterest.calls()).toEqual(SYNC_CALLS);
	});

	it.each([
		['a string', { rawBody: '"FINISHED"' }, 'is a string, not a report status'],
		['an empty answer', { rawBody: '' }, 'is empty, not a report status'],
		[
			'an object without a status',
			{ body: { url: null } },
			'has empty as its report status, not a status',
		],
	])(
		'a report status that is %s: a clear error, nothing downloaded',
		async (_name, fault: IDataObject, problem) => {
			await pinterest.faults([
				{ kind: 'answer', method: 'GET', pathPattern: '/reports$', ...fault },
			]);
			const error = failedWith(await campaignSpend(pinterest, { strategy: 'async' }));
			expect(error.message).toBe(
				`Pinterest's answer to "check the spend report" for ad account ${US} ${problem}`,
			);
			expect(error.description).toContain(`Missing: ${SCOPE}`);
			expect((await pinterest.state()).downloads).toEqual([]);
		},
	);

	it.each([
		[
			'a list instead of an object',
			{ body: [{ SPEND_IN_MICRO_DOLLAR: 1 }] },
			'is a list, not an object of rows by ID',
		],
		[
			'an object instead of rows',
			{ body: { 123: { SPEND_IN_MICRO_DOLLAR: 1 } } },
			'holds an object under "123", not a list of rows',
		],
		['a string', { rawBody: '"rows"' }, 'is a string, not an object of rows by ID'],
		['an empty answer', { rawBody: '' }, 'is empty, not an object of rows by ID'],
	])(
		'a report file that is %s: a clear error naming the missing rows',
		async (_name, fault: IDataObject, problem) => {
			await pinterest.faults([{ kind: 'answer', pathPattern: '^/__downloads/', ...fault }]);
			const error = failedWith(await campaignSpend(pinterest, { strategy: 'async' }));
			expect(error.message).toBe(
				`Pinterest's answer to "download the spend report" for ad account ${US} ${problem}`,
			);
			expect(error.description).toContain(`Missing: ${SCOPE}`);
			expect((await pinterest.state()).downloads).toEqual(['report-1']);
		},
	);
});
