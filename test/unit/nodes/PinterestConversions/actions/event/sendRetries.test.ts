import type { IDataObject, INodeExecutionData, NodeTypeAndVersion } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { PinterestConversions } from '../../../../../../nodes/PinterestConversions/PinterestConversions.node';
import { fixNow } from '../../../../helpers/clock';
import type { RecordedRequest } from '../../../../helpers/fakeHttp';
import { FakePinterestEvents } from '../../../../helpers/fakePinterestEvents';
import { executeContext } from '../../../../helpers/n8nContext';

// Retry waits return at once; the waits asked for are still recorded.
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));
const sleepMock = sleep as jest.MockedFunction<typeof sleep>;

const node = new PinterestConversions();
const ACCOUNT = '549755885175';
const EVENT_TIME = '2026-11-26T10:15:00Z';

function orders(sources: string[]): INodeExecutionData[] {
	return sources.map((source, index) => ({
		json: {
			orderId: `order-${index}`,
			email: `buyer${index}@example.com`,
			time: EVENT_TIME,
			source,
		},
	}));
}

function run(
	pinterest: FakePinterestEvents,
	items: INodeExecutionData[],
	options: {
		parameters?: IDataObject;
		continueOnFail?: boolean;
		mode?: string;
		parents?: NodeTypeAndVersion[];
	} = {},
) {
	const { context, recorded } = executeContext({
		properties: node.description.properties,
		parameters: {
			eventName: 'checkout',
			eventId: '={{ $json.orderId }}',
			eventTime: '={{ $json.time }}',
			actionSource: '={{ $json.source }}',
			userData: { email: '={{ $json.email }}' },
			...options.parameters,
		},
		items,
		credentials: { pinterestConversionsApi: { environment: 'production', adAccountId: ACCOUNT } },
		http: pinterest.http,
		continueOnFail: options.continueOnFail,
		mode: options.mode,
		parents: options.parents,
	});
	return { result: node.execute.call(context), recorded };
}

const offlineBatch = (r: RecordedRequest) =>
	(r.body as { data: IDataObject[] }).data.every((event) => event.action_source === 'offline');
const webBatch = (r: RecordedRequest) => !offlineBatch(r);
const unavailable = { status: 503, body: { code: 12, message: 'Service unavailable' } };

/** A Webhook node before this one; "lastNode" makes its caller wait for the workflow. */
const webhookParent = (responseMode: string): NodeTypeAndVersion => ({
	name: 'Webhook',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	disabled: false,
	parameters: { responseMode },
});

beforeAll(() => fixNow('2026-11-26T12:00:00Z'));
afterAll(() => jest.useRealTimers());
beforeEach(() => {
	sleepMock.mockClear();
	jest.spyOn(Math, 'random').mockReturnValue(0);
});

describe('Pinterest Conversions execute: deduplication and retries', () => {
	it('offline events travel in requests of their own, apart from the web ones of the same account', async () => {
		const pinterest = new FakePinterestEvents();
		await run(pinterest, orders(['offline', 'web', 'offline', 'web'])).result;
		expect(pinterest.batches().map((b) => b.eventIds)).toEqual([
			['order-0', 'order-2'],
			['order-1', 'order-3'],
		]);
		expect(pinterest.conversions).toHaveLength(4);
	});

	it('a 503 after web events is sent again (Pinterest drops the duplicate); offline events are not', async () => {
		const pinterest = new FakePinterestEvents();
		pinterest.http.failOnce(webBatch, unavailable).failOnce(offlineBatch, unavailable);
		const [sent, failed] = await run(pinterest, orders(['web', 'offline', 'web']), {
			continueOnFail: true,
		}).result;
		// web: 503 then 200; offline: one 503, not repeated, since Pinterest would count it twice.
		expect(pinterest.http.requests.map((r) => (offlineBatch(r) ? 'offline' : 'web'))).toEqual([
			'web',
			'web',
			'offline',
		]);
		expect(sleepMock.mock.calls.map(([ms]) => ms)).toEqual([500]);
		expect(sent.map((item) => item.json.eventId)).toEqual(['order-0', 'order-2']);
		expect(failed.map((item) => item.json.eventId)).toEqual(['order-1']);
		expect(String(failed[0].json.reason)).toContain('503');
	});

	it('in test mode nothing is recorded, so even offline events are sent again after a 503', async () => {
		const pinterest = new FakePinterestEvents();
		pinterest.http.failOnce(offlineBatch, unavailable);
		const [sent] = await run(pinterest, orders(['offline']), { parameters: { testMode: true } })
			.result;
		expect(pinterest.http.requests).toHaveLength(2);
		expect(sent).toHaveLength(1);
	});

	it('a 429 is sent again whatever the events: Pinterest refused the whole request', async () => {
		const pinterest = new FakePinterestEvents();
		pinterest.http.failOnce(() => true, {
			status: 429,
			body: { code: 8, message: 'Rate limit exceeded' },
			headers: { 'x-ratelimit-reset': '3' },
		});
		const [sent] = await run(pinterest, orders(['offline'])).result;
		expect(pinterest.http.requests).toHaveLength(2);
		expect(sleepMock.mock.calls.map(([ms]) => ms)).toEqual([3000]);
		expect(sent).toHaveLength(1);
		expect(pinterest.conversions).toHaveLength(1);
	});
});

describe('Pinterest Conversions execute: live or long retry budget', () => {
	const rateLimited30s = {
		status: 429,
		body: { code: 8, message: 'Rate limit exceeded' },
		headers: { 'x-ratelimit-reset': '30' },
	};

	it('a scheduled run waits the 30 s Pinterest asks for, then delivers', async () => {
		const pinterest = new FakePinterestEvents();
		pinterest.http.failOnce(() => true, rateLimited30s);
		const [sent] = await run(pinterest, orders(['web']), { mode: 'trigger' }).result;
		expect(sleepMock.mock.calls.map(([ms]) => ms)).toEqual([30000]);
		expect(sent).toHaveLength(1);
	});

	it('a webhook whose caller waits (Respond: When Last Node Finishes) gives up at once: 30 s exceeds its 20 s', async () => {
		const pinterest = new FakePinterestEvents();
		pinterest.http.failOnce(() => true, rateLimited30s);
		const { result } = run(pinterest, orders(['web']), {
			mode: 'webhook',
			parents: [webhookParent('lastNode')],
		});
		await expect(result).rejects.toMatchObject({
			httpCode: '429',
			description: expect.stringContaining('a live webhook run gives Pinterest at most 20 seconds'),
		});
		expect(sleepMock).not.toHaveBeenCalled();
		expect(pinterest.http.requests).toHaveLength(1);
	});

	it('live backoff is shorter: a 503 in a waiting webhook run waits 250 ms, in a scheduled one 500 ms', async () => {
		const live = new FakePinterestEvents();
		live.http.failOnce(() => true, unavailable);
		await run(live, orders(['web']), { mode: 'webhook', parents: [webhookParent('responseNode')] })
			.result;
		const scheduled = new FakePinterestEvents();
		scheduled.http.failOnce(() => true, unavailable);
		await run(scheduled, orders(['web']), { mode: 'trigger' }).result;
		expect(sleepMock.mock.calls.map(([ms]) => ms)).toEqual([250, 500]);
	});

	it.each([
		[
			'a webhook that answered at once (ClickBank Trigger)',
			'webhook',
			[
				{
					name: 'ClickBank Trigger',
					type: 'n8n-nodes-pinterest-ads.clickBankTrigger',
					typeVersion: 1,
					disabled: false,
					parameters: {},
				},
			],
			'auto',
			true,
		],
		[
			'a Webhook node answering immediately',
			'webhook',
			[webhookParent('onReceived')],
			'auto',
			true,
		],
		[
			'Retry Time Limit: Long in a waiting webhook',
			'webhook',
			[webhookParent('lastNode')],
			'long',
			true,
		],
		['Retry Time Limit: Short in a manual run', 'manual', [], 'short', false],
	])(
		'%s: the long budget (waits 30 s) unless Short',
		async (_name, mode, parents, retryTimeLimit, long) => {
			const pinterest = new FakePinterestEvents();
			pinterest.http.failOnce(() => true, rateLimited30s);
			const { result } = run(pinterest, orders(['web']), {
				mode,
				parents: parents as NodeTypeAndVersion[],
				parameters: { options: { retryTimeLimit } },
			});
			if (long) {
				await expect(result).resolves.toHaveLength(2);
				expect(pinterest.http.requests).toHaveLength(2);
			} else {
				await expect(result).rejects.toMatchObject({ httpCode: '429' });
				expect(pinterest.http.requests).toHaveLength(1);
			}
		},
	);
});
