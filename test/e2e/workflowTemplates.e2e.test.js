// The bundled workflow templates doing their job in a running n8n 2.41 against the fake Pinterest API:
// the spend sync restating its data table, the purchase postback answering networks over HTTP, and
// ROI by campaign and ad checked against figures worked out by hand.
const { e2eContext, freshPinterestForEachTest } = require('../harness/e2eContext');
const { startN8nServer } = require('../../scripts/n8n-server');
const { laneN8nEnv } = require('../harness/lane');
const { daysAgo } = require('./spendExpectations');
const { templateApi, describeSpendSync, describePostback } = require('./templateScenarios');

const ctx = e2eContext();
freshPinterestForEachTest(ctx);

const ROI_TEMPLATE = require('../../workflows/pinterest-roi-by-campaign-and-ad.json');

let server;
const api = templateApi(() => server);

beforeAll(async () => {
	server = await startN8nServer({ env: laneN8nEnv() });
});

afterAll(async () => {
	await server?.stop();
});

describeSpendSync(ctx, api);
describePostback(ctx, api);

describe('ROI by campaign and ad', () => {
	test('joins spend and sent conversions per day, campaign and ad, and flags currency mismatches', async () => {
		for (const table of ['pinterest_roi', 'pinterest_ad_spend', 'pinterest_conversions'])
			await api.dropTable(table);
		const id = await api.createWorkflow(ROI_TEMPLATE_CONFIGURED());
		// A first run on nothing creates the three tables and writes no ROI row.
		const empty = await api.runFromTrigger(id, 'Every Hour');
		expect([empty.status, api.nodeError(empty)]).toEqual(['success', undefined]);
		expect(await api.tableRows('pinterest_roi')).toEqual([]);

		const today = daysAgo(0);
		const yesterday = daysAgo(1);
		const old = daysAgo(40);
		const spend = (date, currency, campaignId, adId, micros, impressions, pinClicks) => ({
			date,
			adAccountId: currency === 'USD' ? '900000000001' : '900000000002',
			adAccountName: `Shop ${currency}`,
			currency,
			campaignId,
			campaignName: `Campaign ${campaignId}`,
			adGroupId: `${campaignId}0`,
			adGroupName: 'Group',
			adId,
			adName: `Ad ${adId}`,
			spend: micros / 1e6,
			spendMicros: micros,
			impressions,
			pinClicks,
		});
		await api.insertRows('pinterest_ad_spend', [
			spend(today, 'USD', 'C1', 'A1', 12_500_000, 2000, 50),
			spend(today, 'USD', 'C1', 'A2', 7_500_000, 3000, 30),
			spend(yesterday, 'USD', 'C1', 'A1', 10_000_000, 4000, 40),
			spend(today, 'EUR', 'C2', 'B1', 20_000_000, 1000, 10),
			spend(old, 'USD', 'C1', 'A1', 5_000_000, 100, 1),
		]);
		const conversion = (date, orderId, campaignId, adId, value, currency, status = 'sent') => ({
			date,
			orderId,
			event: 'checkout',
			value,
			currency,
			campaignId,
			adId,
			status,
			reason: '',
		});
		await api.insertRows('pinterest_conversions', [
			conversion(today, 'o1', 'C1', 'A1', 30, 'USD'),
			conversion(today, 'o2', 'C1', 'A1', 20, ''), // no currency: the ad account's
			conversion(today, 'o3', 'C1', 'A2', 15, 'USD'),
			conversion(today, 'o4', 'C1', 'A2', 99, 'USD', 'failed'),
			conversion(today, 'o5', 'C1', 'A2', 99, 'USD', 'test'),
			conversion(yesterday, 'o6', '', 'A1', 25, 'USD'), // campaign found through the ad
			conversion(today, 'o7', 'C2', 'B1', 40, 'USD'), // spend is in EUR
		]);

		for (let run = 0; run < 2; run++) {
			const execution = await api.runFromTrigger(id, 'Every Hour');
			expect([execution.status, api.nodeError(execution)]).toEqual(['success', undefined]);
		}

		const rows = (await api.tableRows('pinterest_roi')).sort((a, b) => a.key.localeCompare(b.key));
		const row = (date, level, campaignId, adId, currency, figures) => ({
			key: level === 'campaign' ? `${date}|${campaignId}` : `${date}|${campaignId}|${adId}`,
			date,
			level,
			campaignId,
			adId,
			currency,
			currencyMismatch: false,
			...figures,
		});
		// Worked out by hand: CPA = spend / conversions, ROAS = revenue / spend, ROI = (revenue - spend) / spend,
		// CPC = spend / clicks, CPM = spend / impressions * 1000, CTR = clicks / impressions.
		const expected = [
			row(today, 'campaign', 'C1', '', 'USD', {
				spend: 20,
				impressions: 5000,
				clicks: 80,
				conversions: 3,
				revenue: 65,
				revenueByCurrency: 'USD 65',
				cpa: 6.666667,
				roas: 3.25,
				roi: 2.25,
				cpc: 0.25,
				cpm: 4,
				ctr: 0.016,
			}),
			row(today, 'ad', 'C1', 'A1', 'USD', {
				spend: 12.5,
				impressions: 2000,
				clicks: 50,
				conversions: 2,
				revenue: 50,
				revenueByCurrency: 'USD 50',
				cpa: 6.25,
				roas: 4,
				roi: 3,
				cpc: 0.25,
				cpm: 6.25,
				ctr: 0.025,
			}),
			row(today, 'ad', 'C1', 'A2', 'USD', {
				spend: 7.5,
				impressions: 3000,
				clicks: 30,
				conversions: 1,
				revenue: 15,
				revenueByCurrency: 'USD 15',
				cpa: 7.5,
				roas: 2,
				roi: 1,
				cpc: 0.25,
				cpm: 2.5,
				ctr: 0.01,
			}),
			{
				...row(today, 'campaign', 'C2', '', 'EUR', {
					spend: 20,
					impressions: 1000,
					clicks: 10,
					conversions: 1,
					revenue: null,
					revenueByCurrency: 'USD 40',
					cpa: 20,
					roas: null,
					roi: null,
					cpc: 2,
					cpm: 20,
					ctr: 0.01,
				}),
				currencyMismatch: true,
			},
			{
				...row(today, 'ad', 'C2', 'B1', 'EUR', {
					spend: 20,
					impressions: 1000,
					clicks: 10,
					conversions: 1,
					revenue: null,
					revenueByCurrency: 'USD 40',
					cpa: 20,
					roas: null,
					roi: null,
					cpc: 2,
					cpm: 20,
					ctr: 0.01,
				}),
				currencyMismatch: true,
			},
			row(yesterday, 'campaign', 'C1', '', 'USD', {
				spend: 10,
				impressions: 4000,
				clicks: 40,
				conversions: 1,
				revenue: 25,
				revenueByCurrency: 'USD 25',
				cpa: 10,
				roas: 2.5,
				roi: 1.5,
				cpc: 0.25,
				cpm: 2.5,
				ctr: 0.01,
			}),
			row(yesterday, 'ad', 'C1', 'A1', 'USD', {
				spend: 10,
				impressions: 4000,
				clicks: 40,
				conversions: 1,
				revenue: 25,
				revenueByCurrency: 'USD 25',
				cpa: 10,
				roas: 2.5,
				roi: 1.5,
				cpc: 0.25,
				cpm: 2.5,
				ctr: 0.01,
			}),
		].sort((a, b) => a.key.localeCompare(b.key));
		expect(rows).toEqual(expected);
		await api.publicApi('DELETE', `/workflows/${id}`);
	});
});

function ROI_TEMPLATE_CONFIGURED() {
	return api.asConfigured(ROI_TEMPLATE);
}
