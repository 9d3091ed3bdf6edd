// The JavaScript of the templates' Code nodes, run outside n8n with the few `$` helpers it uses:
// ROI by campaign and ad on cases the end-to-end test does not reach, and how a postback is read.
import { runInNewContext } from 'node:vm';

import postbackTemplate from '../../../workflows/pinterest-purchase-postback.json';
import roiTemplate from '../../../workflows/pinterest-roi-by-campaign-and-ad.json';

type Json = Record<string, unknown>;

function codeOf(template: { nodes: Array<{ name: string; parameters: Json }> }, name: string) {
	return String(template.nodes.find((node) => node.name === name)!.parameters.jsCode);
}

/** Runs a Code node's source with `$(name)` answering from `outputs`. */
function runCode(code: string, outputs: Record<string, Json[]>, extra: Json = {}) {
	const $ = (name: string) => ({
		all: () => (outputs[name] ?? []).map((json) => ({ json })),
		first: () => ({ json: (outputs[name] ?? [])[0] }),
		item: { json: (outputs[name] ?? [])[0] },
	});
	return runInNewContext(`(function () {\n${code}\n})()`, { $, ...extra });
}

const today = new Date().toISOString().slice(0, 10);

function roi(spend: Json[], conversions: Json[], days = 30) {
	const result = runCode(codeOf(roiTemplate, 'Compute ROI'), {
		Settings: [{ days }],
		'Read Spend': spend,
		'Read Conversions': conversions,
	}) as Array<{ json: Json }>;
	return Object.fromEntries(result.map(({ json }) => [json.key, json]));
}

const spendRow = (overrides: Json) => ({
	date: today,
	currency: 'USD',
	campaignId: 'C1',
	adId: 'A1',
	spendMicros: 10_000_000,
	impressions: 1000,
	pinClicks: 20,
	...overrides,
});
const sale = (overrides: Json) => ({
	date: today,
	status: 'sent',
	campaignId: 'C1',
	adId: 'A1',
	value: 25,
	currency: 'USD',
	...overrides,
});

describe('ROI by campaign and ad', () => {
	it('computes a day with spend and no conversion: ROI -100 %, no CPA', () => {
		const rows = roi([spendRow({})], []);
		expect(rows[`${today}|C1`]).toMatchObject({
			spend: 10,
			conversions: 0,
			revenue: 0,
			cpa: null,
			roas: 0,
			roi: -1,
			cpc: 0.5,
			cpm: 10,
			ctr: 0.02,
			currencyMismatch: false,
		});
	});

	it('keeps conversions without spend, with no ratio over zero spend', () => {
		const rows = roi([], [sale({ value: 40 })]);
		expect(rows[`${today}|C1|A1`]).toMatchObject({
			spend: 0,
			conversions: 1,
			revenue: 40,
			currency: 'USD',
			cpa: null,
			roas: null,
			roi: null,
			cpc: null,
			cpm: null,
			ctr: null,
		});
	});

	it('never adds two currencies together, and leaves clicks and impressions empty when not pulled', () => {
		const rows = roi(
			[
				spendRow({
					currency: 'JPY',
					spendMicros: 3_000_000_000,
					impressions: null,
					pinClicks: null,
				}),
			],
			[sale({ value: 4000, currency: 'JPY' }), sale({ value: 10, currency: 'EUR' })],
		);
		expect(rows[`${today}|C1`]).toMatchObject({
			currency: 'JPY',
			spend: 3000,
			conversions: 2,
			revenue: null,
			roas: null,
			roi: null,
			cpa: 1500,
			currencyMismatch: true,
			revenueByCurrency: 'JPY 4000; EUR 10',
			impressions: null,
			clicks: null,
			cpc: null,
			cpm: null,
			ctr: null,
		});
	});

	it('counts only sent conversions in the window, and skips conversions of no known campaign', () => {
		const old = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
		const rows = roi(
			[spendRow({}), spendRow({ date: old })],
			[
				sale({ status: 'failed' }),
				sale({ status: 'test' }),
				sale({ status: 'not delivered' }),
				sale({ campaignId: '', adId: '' }),
				sale({ campaignId: '', adId: 'unknown-ad' }),
				sale({ date: old }),
			],
			3,
		);
		expect(Object.keys(rows).sort()).toEqual([`${today}|C1`, `${today}|C1|A1`]);
		expect(rows[`${today}|C1`]).toMatchObject({ conversions: 0, revenue: 0 });
	});
});

describe('Read Postback', () => {
	const read = (request: Json, settings: Json = { secret: 's3cret', trafficSource: 'pinterest' }) =>
		(
			runCode(codeOf(postbackTemplate, 'Read Postback'), {
				Settings: [settings],
				Postback: [request],
			}) as {
				json: Json;
			}
		).json;

	it('prefers the body over the query and reads the first of repeated parameters', () => {
		const out = read({
			query: {
				secret: 's3cret',
				order_id: ['o-1', 'o-2'],
				traffic_source: 'PINTEREST',
				value: '1',
			},
			body: { value: '12.5', currency: 'eur', event_time: '2026-11-20T10:00:00Z' },
		});
		expect(out).toMatchObject({
			decision: 'send',
			orderId: 'o-1',
			event: 'checkout',
			value: '12.5',
			valueNumber: 12.5,
			currency: 'EUR',
			eventTime: 1795168800,
			date: '2026-11-20',
		});
	});

	it('reads Unix milliseconds, and passes an unreadable event time on for the node to refuse', () => {
		const base = { secret: 's3cret', order_id: 'o', traffic_source: 'pinterest' };
		expect(read({ query: { ...base, event_time: '1795168800000' } })).toMatchObject({
			eventTime: 1795168800,
			date: '2026-11-20',
		});
		expect(read({ query: { ...base, event_time: 'yesterday-ish' } })).toMatchObject({
			decision: 'send',
			eventTime: 'yesterday-ish',
		});
	});

	it('answers the placeholder or an empty secret with 403 before anything else', () => {
		for (const secret of ['REPLACE-WITH-A-LONG-RANDOM-SECRET', '  ']) {
			expect(
				read({ query: { secret, order_id: 'o' } }, { secret, trafficSource: '' }),
			).toMatchObject({
				decision: 'answer',
				httpStatus: 403,
			});
		}
	});

	it('accepts every traffic source when the setting is empty', () => {
		expect(
			read({ query: { secret: 's3cret', order_id: 'o' } }, { secret: 's3cret', trafficSource: '' }),
		).toMatchObject({
			decision: 'send',
		});
	});
});
