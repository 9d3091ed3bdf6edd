import { createHash } from 'crypto';
import type { IDataObject, INodeExecutionData, NodeTypeAndVersion } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { PinterestConversions } from '../../../../../../nodes/PinterestConversions/PinterestConversions.node';
import { fixNow } from '../../../../helpers/clock';
import { FakePinterestEvents } from '../../../../helpers/fakePinterestEvents';
import { executeContext, type ItemExpression } from '../../../../helpers/n8nContext';

// Retry waits return at once; the waits asked for are still recorded.
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));
const sleepMock = sleep as jest.MockedFunction<typeof sleep>;

const node = new PinterestConversions();
const ACCOUNT = '549755885175';
const OTHER_ACCOUNT = '549755885176';
const NOW = '2026-11-26T12:00:00Z';
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

interface RunOptions {
	parameters?: IDataObject;
	continueOnFail?: boolean;
	mode?: string;
	parents?: NodeTypeAndVersion[];
	expressions?: Record<string, ItemExpression>;
}

function run(
	pinterest: FakePinterestEvents,
	items: INodeExecutionData[],
	options: RunOptions = {},
) {
	const { context, recorded } = executeContext({
		properties: node.description.properties,
		parameters: { ...MAPPED, ...options.parameters },
		items,
		expressions: options.expressions,
		credentials: {
			pinterestConversionsApi: {
				environment: 'production',
				accessToken: 'pina_secret',
				adAccountId: ACCOUNT,
			},
		},
		http: pinterest.http,
		continueOnFail: options.continueOnFail,
		mode: options.mode,
		parents: options.parents,
	});
	return { result: node.execute.call(context), recorded };
}

beforeAll(() => fixNow(NOW));
afterAll(() => jest.useRealTimers());
beforeEach(() => {
	sleepMock.mockClear();
	jest.spyOn(Math, 'random').mockReturnValue(0);
});

describe('Pinterest Conversions execute: batching', () => {
	it('2,500 items: three requests of 1,000, 1,000 and 500, each item once in Sent, hashed', async () => {
		const pinterest = new FakePinterestEvents();
		const [sent, failed] = await run(pinterest, orders(2500)).result;
		expect(pinterest.batches().map((b) => [b.adAccountId, b.test, b.eventIds.length])).toEqual([
			[ACCOUNT, false, 1000],
			[ACCOUNT, false, 1000],
			[ACCOUNT, false, 500],
		]);
		expect(pinterest.batches().flatMap((b) => b.eventIds)).toEqual(
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
		const [firstRequest] = pinterest.http.requests;
		const event = (firstRequest.body as { data: IDataObject[] }).data[7];
		expect(event).toEqual({
			event_name: 'checkout',
			action_source: 'web',
			event_time: EVENT_SECONDS,
			event_id: 'order-7',
			user_data: { em: [sha256('buyer7@example.com')] },
			custom_data: { value: '19.99', currency: 'USD' },
		});
		expect(pinterest.conversions).toHaveLength(2500);
		expect(pinterest.privacyViolations).toEqual([]);
		// No raw email left the node, in requests or output.
		expect(JSON.stringify(pinterest.http.requests)).not.toContain('example.com');
		expect(JSON.stringify(sent)).not.toContain('example.com');
	});

	it('test mode: requests of 20 with test=true, nothing counted', async () => {
		const pinterest = new FakePinterestEvents();
		const [sent, failed] = await run(pinterest, orders(45), { parameters: { testMode: true } })
			.result;
		expect(pinterest.batches().map((b) => [b.test, b.eventIds.length])).toEqual([
			[true, 20],
			[true, 20],
			[true, 5],
		]);
		expect(sent).toHaveLength(45);
		expect(failed).toHaveLength(0);
		expect(sent.every((item) => item.json.test === true)).toBe(true);
		expect(pinterest.conversions).toHaveLength(0);
	});

	it('one request per ad account, accounts in order of first appearance', async () => {
		const pinterest = new FakePinterestEvents();
		const items = orders(5, (i) => ({ account: i % 2 === 1 ? OTHER_ACCOUNT : ACCOUNT }));
		const [sent] = await run(pinterest, items, {
			parameters: { adAccount: '={{ $json.account }}' },
		}).result;
		expect(pinterest.batches().map((b) => [b.adAccountId, b.eventIds])).toEqual([
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
		const pinterest = new FakePinterestEvents();
		pinterest.rejectEventIds.add('order-1').add('order-3');
		const [sent, failed] = await run(pinterest, orders(4)).result;
		expect(pinterest.http.requests).toHaveLength(1);
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
		expect(pinterest.conversions.map((c) => c.event.event_id)).toEqual(['order-0', 'order-2']);
	});

	it('"Stop the Workflow": the same 422 fails the node, saying how many were processed', async () => {
		const pinterest = new FakePinterestEvents();
		pinterest.rejectEventIds.add('order-2');
		const { result } = run(pinterest, orders(3), { parameters: { onFailedEvents: 'stop' } });
		await expect(result).rejects.toMatchObject({
			message:
				'1 of 3 events were not processed by Pinterest; the first: Invalid custom_data: the event was refused (configured in the fake).',
			description: expect.stringMatching(/^2 events were processed\./),
		});
	});

	it('a 401 with continue on fail: every item in Failed, one request only (the token rules out the rest)', async () => {
		const pinterest = new FakePinterestEvents();
		pinterest.http.failOnce(() => true, {
			status: 401,
			body: { code: 2, message: 'Authentication failed.' },
		});
		const items = orders(1500);
		const [sent, failed] = await run(pinterest, items, { continueOnFail: true }).result;
		expect(pinterest.http.requests).toHaveLength(1);
		expect(sent).toHaveLength(0);
		expect(failed).toHaveLength(1500);
		expect(String(failed[1499].json.reason)).toMatch(
			/^Not sent: an earlier request of this run failed\./,
		);
		expect(JSON.stringify(failed)).not.toContain('pina_secret');
	});
});

describe('Pinterest Conversions execute: items refused before sending', () => {
	const items = () => [
		...orders(1),
		{ json: { orderId: 'order-1', time: EVENT_TIME, source: 'web', amount: 5 } },
		...orders(1, () => ({ orderId: 'order-2', source: 'moon' })),
	];

	it('route: refused items go to Failed naming field and fix; only the valid one is sent', async () => {
		const pinterest = new FakePinterestEvents();
		const [sent, failed] = await run(pinterest, items()).result;
		expect(pinterest.batches().map((b) => b.eventIds)).toEqual([['order-0']]);
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
		const pinterest = new FakePinterestEvents();
		const { result } = run(pinterest, items(), { parameters: { onFailedEvents: 'stop' } });
		await expect(result).rejects.toMatchObject({
			message: expect.stringMatching(
				/^2 of 3 events cannot be sent, so none was sent; the first \(item 2\): email: /,
			),
		});
		expect(pinterest.http.requests).toHaveLength(0);
	});

	it('an expression that fails for one item fails that item only, naming the field', async () => {
		const pinterest = new FakePinterestEvents();
		const [sent, failed] = await run(pinterest, orders(2), {
			parameters: {
				userData: {
					email: '={{ $json.customer.email.trim() }}',
					clientIpAddress: '203.0.113.7',
					clientUserAgent: 'Mozilla/5.0',
				},
			},
			expressions: {
				'={{ $json.customer.email.trim() }}': (json, index) => {
					if (index === 1) throw new Error("Cannot read properties of undefined (reading 'email')");
					return `buyer${index}@example.com`;
				},
			},
		}).result;
		expect(sent.map((item) => item.json.eventId)).toEqual(['order-0']);
		expect(failed[0].json.problems).toEqual([
			{
				field: 'email',
				message:
					"The expression of email failed: Cannot read properties of undefined (reading 'email')",
				fix: 'Fix the expression of email, or make it give nothing when the item lacks the data (e.g. {{ $json.customer?.email }}).',
			},
		]);
	});
});
