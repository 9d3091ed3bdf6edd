import { createHash } from 'crypto';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { fakePinterestForEachTest } from '../harness/pinterest';
import { batches, conversions, runConversions } from './conversionsRun';

const ACCOUNT = '549755885175';
const OTHER_ACCOUNT = '549755885176';
const EVENT_TIME = '2026-11-26T10:15:00Z';
const EVENT_SECONDS = Date.parse(EVENT_TIME) / 1000;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Items as a shop would send them: one order each. */
function orders(
	count: number,
	extra: (index: number) => IDataObject = () => ({}),
): INodeExecutionData[] {
	return Array.from({ length: count }, (_, index) => ({
		json: {
			orderId: `order-${index}`,
			email: ` Buyer${index}@Example.com `,
			amount: 19.99,
			time: EVENT_TIME,
			source: 'web',
			...extra(index),
		},
	}));
}

/** Define Below, each field mapped from the item as users do. */
const MAPPED = {
	eventName: 'checkout',
	eventId: '={{ $json.orderId }}',
	eventTime: '={{ $json.time }}',
	actionSource: '={{ $json.source }}',
	userData: { email: '={{ $json.email }}' },
	customData: { value: '={{ $json.amount }}', currency: 'usd' },
};

const pinterest = fakePinterestForEachTest();

const run = async (
	items: INodeExecutionData[],
	options: Parameters<typeof runConversions>[3] & { parameters?: IDataObject } = {},
) => {
	const { parameters, ...runOptions } = options;
	return await runConversions(pinterest, items, { ...MAPPED, ...parameters }, runOptions);
};

describe('Pinterest Conversions execute: Wi-Fi and predicted lifetime value', () => {
	it('Define Below sends the Wi-Fi option and the predicted lifetime value as Pinterest names them', async () => {
		const {
			outputs: [sent, failed],
		} = await run(
			orders(1, () => ({ ltv: '120.50' })),
			{
				parameters: {
					eventOptions: { wifi: true },
					customData: { ...MAPPED.customData, predictedLtv: '={{ $json.ltv }}' },
				},
			},
		);
		expect([sent.length, failed.length]).toEqual([1, 0]);
		const [request] = await pinterest.requests();
		const [event] = (request.json as { data: IDataObject[] }).data;
		expect([event.wifi, event.custom_data]).toEqual([
			true,
			{ value: '19.99', currency: 'USD', predicted_ltv: '120.5' },
		]);
	});
});

describe('Pinterest Conversions execute: batching', () => {
	it('2,500 items: three requests of 1,000, 1,000 and 500, each item once in Sent, hashed', async () => {
		const {
			outputs: [sent, failed],
		} = await run(orders(2500));
		expect(
			(await batches(pinterest)).map((b) => [b.adAccountId, b.test, b.eventIds.length]),
		).toEqual([
			[ACCOUNT, false, 1000],
			[ACCOUNT, false, 1000],
			[ACCOUNT, false, 500],
		]);
		expect((await batches(pinterest)).flatMap((b) => b.eventIds)).toEqual(
			Array.from({ length: 2500 }, (_, i) => `order-${i}`),
		);
		expect(sent).toHaveLength(2500);
		expect(failed).toHaveLength(0);
		expect(sent.map((item) => (item.pairedItem as { item: number }).item)).toEqual(
			Array.from({ length: 2500 }, (_, i) => i),
		);
		expect(sent[7].json).toEqual({
			status: 'sent',
			test: false,
			adAccountId: ACCOUNT,
			eventName: 'checkout',
			eventId: 'order-7',
			eventTime: EVENT_SECONDS,
			// Pinterest's own warning, passed through: these events carry no click_id.
			warning: 'click_id is missing: add the epik value to improve attribution.',
			matchKeys: ['em'],
			droppedFields: [],
		});
		const [firstRequest] = await pinterest.requests();
		const event = (firstRequest.json as { data: IDataObject[] }).data[7];
		expect(event).toEqual({
			event_name: 'checkout',
			action_source: 'web',
			event_time: EVENT_SECONDS,
			event_id: 'order-7',
			user_data: { em: [sha256('buyer7@example.com')] },
			custom_data: { value: '19.99', currency: 'USD' },
		});
		expect(await conversions(pinterest)).toHaveLength(2500);
		expect((await pinterest.state()).privacyViolations).toEqual([]);
		// No raw email left the node, in requests or output.
		expect(JSON.stringify(await pinterest.requests())).not.toContain('example.com');
		expect(JSON.stringify(sent)).not.toContain('example.com');
	});

	it('test mode: requests of 20 with test=true, nothing counted', async () => {
		const {
			outputs: [sent, failed],
		} = await run(orders(45), { parameters: { testMode: true } });
		expect((await batches(pinterest)).map((b) => [b.test, b.eventIds.length])).toEqual([
			[true, 20],
			[true, 20],
			[true, 5],
		]);
		expect(sent).toHaveLength(45);
		expect(failed).toHaveLength(0);
		expect(sent.every((item) => item.json.test === true)).toBe(true);
		expect(await conversions(pinterest)).toHaveLength(0);
	});

	it('one request per ad account, accounts in order of first appearance', async () => {
		const items = orders(5, (i) => ({ account: i % 2 === 1 ? OTHER_ACCOUNT : ACCOUNT }));
		const {
			outputs: [sent],
		} = await run(items, { parameters: { adAccount: '={{ $json.account }}' } });
		expect((await batches(pinterest)).map((b) => [b.adAccountId, b.eventIds])).toEqual([
			[ACCOUNT, ['order-0', 'order-2', 'order-4']],
			[OTHER_ACCOUNT, ['order-1', 'order-3']],
		]);
		expect(sent.map((item) => item.json.adAccountId)).toEqual([
			ACCOUNT,
			OTHER_ACCOUNT,
			ACCOUNT,
			OTHER_ACCOUNT,
			ACCOUNT,
		]);
	});
});

describe('Pinterest Conversions execute: Pinterest refusing events', () => {
	it("a 422 naming some events: those go to Failed with Pinterest's reason, the rest to Sent", async () => {
		await pinterest.config({ rejectEventIds: ['order-1', 'order-3'] });
		const {
			outputs: [sent, failed],
		} = await run(orders(4));
		expect(await pinterest.requests()).toHaveLength(1);
		expect(sent.map((item) => item.json.eventId)).toEqual(['order-0', 'order-2']);
		expect(failed.map((item) => [item.pairedItem, item.json])).toEqual([
			[
				{ item: 1 },
				{
					status: 'failed',
					test: false,
					adAccountId: ACCOUNT,
					eventName: 'checkout',
					eventId: 'order-1',
					eventTime: EVENT_SECONDS,
					reason: 'Invalid custom_data: the event was refused (configured in the fake).',
				},
			],
			[{ item: 3 }, expect.objectContaining({ eventId: 'order-3', status: 'failed' })],
		]);
		expect((await conversions(pinterest)).map((c) => c.event.event_id)).toEqual([
			'order-0',
			'order-2',
		]);
	});

	it('"Stop the Workflow": the same 422 fails the node, saying how many were processed', async () => {
		await pinterest.config({ rejectEventIds: ['order-2'] });
		const { error } = await run(orders(3), { parameters: { onFailedEvents: 'stop' } });
		expect(error).toMatchObject({
			message:
				'1 of 3 events were not processed by Pinterest; the first: Invalid custom_data: the event was refused (configured in the fake).',
			description: expect.stringMatching(/^2 events were processed\./),
		});
	});

	it('a 401 with continue on fail: every item in Failed, one call only (the token rules out the rest)', async () => {
		await pinterest.faults([{ kind: 'unauthorized', pathPattern: '/events$', times: 10 }]);
		const items = orders(1500);
		const {
			outputs: [sent, failed],
		} = await run(items, { continueOnFail: true });
		// n8n itself sends a request once more after a 401 (as the end-to-end test shows too); the node does not.
		expect(await pinterest.requests()).toHaveLength(2);
		expect(sent).toHaveLength(0);
		expect(failed).toHaveLength(1500);
		expect(String(failed[1499].json.reason)).toMatch(
			/^Not sent: an earlier request of this run failed\./,
		);
		expect(JSON.stringify(failed)).not.toContain('conv-token-1');
	});
});

describe('Pinterest Conversions execute: items refused before sending', () => {
	const items = () => [
		...orders(1),
		{ json: { orderId: 'order-1', time: EVENT_TIME, source: 'web', amount: 5 } },
		...orders(1, () => ({ orderId: 'order-2', source: 'moon' })),
	];

	it('route: refused items go to Failed naming field and fix; only the valid one is sent', async () => {
		const {
			outputs: [sent, failed],
		} = await run(items());
		expect((await batches(pinterest)).map((b) => b.eventIds)).toEqual([['order-0']]);
		expect(sent.map((item) => item.json.eventId)).toEqual(['order-0']);
		expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
		expect(failed[0].json).toMatchObject({
			status: 'failed',
			eventId: 'order-1',
			adAccountId: ACCOUNT,
			problems: [expect.objectContaining({ field: 'email' })],
		});
		expect(String(failed[0].json.reason)).toMatch(
			/^email: Pinterest needs an email, a mobile ad ID, or both client IP address and client user agent/,
		);
		expect(failed[1].json.problems).toEqual([
			expect.objectContaining({
				field: 'actionSource',
				message: 'Action source is not one of app_android, app_ios, web, offline',
			}),
		]);
	});

	it('stop: nothing is sent at all, and the error names the first refused item', async () => {
		const { error } = await run(items(), { parameters: { onFailedEvents: 'stop' } });
		expect(error).toMatchObject({
			message: expect.stringMatching(
				/^2 of 3 events cannot be sent, so none was sent; the first \(item 2\): email: /,
			),
		});
		expect(await pinterest.requests()).toHaveLength(0);
	});
});
