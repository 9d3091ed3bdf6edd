import type { INodeExecutionData } from 'n8n-workflow';

import { waits } from '../harness/fakeClock';
import { fakePinterestForEachTest } from '../harness/pinterest';
import { batches, conversions, runConversions, webhookParent } from './conversionsRun';

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

const MAPPED = {
	eventName: 'checkout',
	eventId: '={{ $json.orderId }}',
	eventTime: '={{ $json.time }}',
	actionSource: '={{ $json.source }}',
	userData: { email: '={{ $json.email }}' },
};

const pinterest = fakePinterestForEachTest();

const run = async (
	items: INodeExecutionData[],
	options: Parameters<typeof runConversions>[3] & { parameters?: object } = {},
) => {
	const { parameters, ...runOptions } = options;
	return await runConversions(pinterest, items, { ...MAPPED, ...parameters }, runOptions);
};

const EVENTS = '/events$';
const OFFLINE = '"action_source":"offline"';
const WEB = '"action_source":"web"';
const unavailable = { kind: 'serverError', status: 503, pathPattern: EVENTS };
const rateLimited = (resetSeconds: number) => ({
	kind: 'rateLimit',
	resetSeconds,
	pathPattern: EVENTS,
});

describe('Pinterest Conversions execute: deduplication and retries', () => {
	it('offline events travel in requests of their own, apart from the web ones of the same account', async () => {
		await run(orders(['offline', 'web', 'offline', 'web']));
		expect((await batches(pinterest)).map((b) => b.eventIds)).toEqual([
			['order-0', 'order-2'],
			['order-1', 'order-3'],
		]);
		expect(await conversions(pinterest)).toHaveLength(4);
	});

	it('a 503 after web events is sent again (Pinterest drops the duplicate); offline events are not', async () => {
		await pinterest.faults([
			{ ...unavailable, bodyPattern: WEB },
			{ ...unavailable, bodyPattern: OFFLINE },
		]);
		const {
			outputs: [sent, failed],
		} = await run(orders(['web', 'offline', 'web']), { continueOnFail: true });
		// web: 503 then 200; offline: one 503, not repeated, since Pinterest would count it twice.
		expect((await batches(pinterest)).map((b) => b.actionSources[0])).toEqual([
			'web',
			'web',
			'offline',
		]);
		expect(waits()).toEqual([500]);
		expect(sent.map((item) => item.json.eventId)).toEqual(['order-0', 'order-2']);
		expect(failed.map((item) => item.json.eventId)).toEqual(['order-1']);
		expect(String(failed[0].json.reason)).toContain('503');
	});

	it('in test mode nothing is recorded, so even offline events are sent again after a 503', async () => {
		await pinterest.faults([{ ...unavailable, bodyPattern: OFFLINE }]);
		const {
			outputs: [sent],
		} = await run(orders(['offline']), { parameters: { testMode: true } });
		expect(await pinterest.requests()).toHaveLength(2);
		expect(sent).toHaveLength(1);
	});

	it('a 429 is sent again whatever the events: Pinterest refused the whole request', async () => {
		await pinterest.faults([rateLimited(3)]);
		const {
			outputs: [sent],
		} = await run(orders(['offline']));
		expect(await pinterest.requests()).toHaveLength(2);
		expect(waits()).toEqual([3000]);
		expect(sent).toHaveLength(1);
		expect(await conversions(pinterest)).toHaveLength(1);
	});
});

describe('Pinterest Conversions execute: live or long retry budget', () => {
	it('a scheduled run waits the 30 s Pinterest asks for, then delivers', async () => {
		await pinterest.faults([rateLimited(30)]);
		const {
			outputs: [sent],
		} = await run(orders(['web']), { mode: 'trigger' });
		expect(waits()).toEqual([30000]);
		expect(sent).toHaveLength(1);
	});

	it('a webhook whose caller waits (Respond: When Last Node Finishes) gives up at once: 30 s exceeds its 20 s', async () => {
		await pinterest.faults([rateLimited(30)]);
		const { error } = await run(orders(['web']), {
			mode: 'webhook',
			parents: [webhookParent('lastNode')],
		});
		expect(error).toMatchObject({
			httpCode: '429',
			description: expect.stringContaining('a live webhook run gives Pinterest at most 20 seconds'),
		});
		expect(waits()).toEqual([]);
		expect(await pinterest.requests()).toHaveLength(1);
	});

	it('live backoff is shorter: a 503 in a waiting webhook run waits 250 ms, in a scheduled one 500 ms', async () => {
		await pinterest.faults([unavailable]);
		await run(orders(['web']), { mode: 'webhook', parents: [webhookParent('responseNode')] });
		await pinterest.faults([unavailable]);
		await run(orders(['web']), { mode: 'trigger' });
		expect(waits()).toEqual([250, 500]);
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
	] as const)(
		'%s: the long budget (waits 30 s) unless Short',
		async (_name, mode, parents, retryTimeLimit, long) => {
			await pinterest.faults([rateLimited(30)]);
			const { outputs, error } = await run(orders(['web']), {
				mode,
				parents: [...parents],
				parameters: { options: { retryTimeLimit } },
			});
			if (long) {
				expect(error).toBeUndefined();
				expect(outputs).toHaveLength(2);
				expect(await pinterest.requests()).toHaveLength(2);
			} else {
				expect(error).toMatchObject({ httpCode: '429' });
				expect(await pinterest.requests()).toHaveLength(1);
			}
		},
	);
});
