import {
	batchRequestBody,
	groupIntoBatches,
	matchResponseToItems,
	type PendingEvent,
} from '../../../../../nodes/PinterestConversions/core/batches';
import type { WireConversionEvent } from '../../../../../nodes/PinterestConversions/core/buildEvent';

function eventWithId(eventId: string): WireConversionEvent {
	return {
		event_name: 'checkout',
		action_source: 'web',
		event_time: 1741530600,
		event_id: eventId,
		user_data: { client_ip_address: '203.0.113.7', client_user_agent: 'Mozilla/5.0' },
	};
}

function pending(count: number, adAccountId = '549755885175', firstIndex = 0): PendingEvent[] {
	return Array.from({ length: count }, (_, offset) => ({
		itemIndex: firstIndex + offset,
		adAccountId,
		event: eventWithId(`order-${firstIndex + offset}`),
	}));
}

const sizesOf = (items: PendingEvent[], max?: number) =>
	groupIntoBatches(items, max).map((batch) => batch.items.length);

describe('groupIntoBatches', () => {
	it.each([
		[999, [999]],
		[1000, [1000]],
		[1001, [1000, 1]],
		[10_000, [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000]],
		[0, []],
	])('cuts %i events of one account into %p', (count, sizes) => {
		expect(sizesOf(pending(count))).toEqual(sizes);
	});

	it('keeps input order inside and across batches', () => {
		const batches = groupIntoBatches(pending(2500));
		const order = batches.flatMap((batch) => batch.items.map((item) => item.itemIndex));
		expect(order).toEqual(Array.from({ length: 2500 }, (_, index) => index));
		expect(batches[1].items[0].itemIndex).toBe(1000);
	});

	it('groups interleaved accounts, in order of first appearance', () => {
		const items = [
			...pending(1, 'B', 0),
			...pending(1, 'A', 1),
			...pending(1, 'B', 2),
			...pending(1, 'C', 3),
			...pending(1, 'A', 4),
			...pending(1, 'B', 5),
		];
		expect(
			groupIntoBatches(items, 2).map((batch) => [
				batch.adAccountId,
				batch.items.map((item) => item.itemIndex),
			]),
		).toEqual([
			['B', [0, 2]],
			['B', [5]],
			['A', [1, 4]],
			['C', [3]],
		]);
	});

	it('honours a smaller limit (test mode processes 20) and caps anything above 1000', () => {
		expect(sizesOf(pending(45), 20)).toEqual([20, 20, 5]);
		expect(sizesOf(pending(1500), 5000)).toEqual([1000, 500]);
		expect(sizesOf(pending(3), 0)).toEqual([1, 1, 1]);
	});

	it('keeps offline events in requests of their own, since Pinterest does not deduplicate them', () => {
		const offline = (index: number): PendingEvent => ({
			...pending(1, 'A', index)[0],
			event: { ...eventWithId(`order-${index}`), action_source: 'offline' },
		});
		const items = [...pending(1, 'A', 0), offline(1), ...pending(1, 'A', 2), offline(3)];
		expect(
			groupIntoBatches(items).map((batch) => [
				batch.adAccountId,
				batch.deduplicated,
				batch.items.map((item) => item.itemIndex),
			]),
		).toEqual([
			['A', true, [0, 2]],
			['A', false, [1, 3]],
		]);
	});

	it('builds the request body from the events only', () => {
		const [batch] = groupIntoBatches(pending(2));
		expect(batchRequestBody(batch)).toEqual({
			data: [eventWithId('order-0'), eventWithId('order-1')],
		});
	});
});

describe('matchResponseToItems', () => {
	const [batch] = groupIntoBatches([
		...pending(1, 'A', 4),
		...pending(1, 'A', 7),
		...pending(1, 'A', 9),
	]);

	it('maps a 200 with mixed results back to item indexes, in request order', () => {
		const response = {
			num_events_received: 3,
			num_events_processed: 2,
			events: [
				{ status: 'processed', error_message: null, warning_message: null },
				{
					status: 'failed',
					error_message: 'Invalid event_name: subscription.',
					warning_message: '',
				},
				{ status: 'processed', error_message: '', warning_message: 'external_id is missing' },
			],
		};
		expect(matchResponseToItems(batch, response)).toEqual({
			ok: true,
			outcomes: [
				{ itemIndex: 4, eventId: 'order-4', status: 'sent' },
				{
					itemIndex: 7,
					eventId: 'order-7',
					status: 'failed',
					error: 'Invalid event_name: subscription.',
				},
				{ itemIndex: 9, eventId: 'order-9', status: 'sent', warning: 'external_id is missing' },
			],
		});
	});

	it('maps a 422 DetailedError through details.events', () => {
		const failed = {
			status: 'failed',
			error_message: 'Invalid event_timestamp parameter. Given timestamp is in the past.',
			warning_message: '',
		};
		const response = {
			code: 953,
			message:
				'The action could not be processed properly due to some or all data provided being invalid.',
			details: {
				num_events_processed: 0,
				num_events_received: 3,
				events: [failed, failed, { status: 'failed' }],
			},
		};
		expect(matchResponseToItems(batch, response)).toEqual({
			ok: true,
			outcomes: [
				{ itemIndex: 4, eventId: 'order-4', status: 'failed', error: failed.error_message },
				{ itemIndex: 7, eventId: 'order-7', status: 'failed', error: failed.error_message },
				{
					itemIndex: 9,
					eventId: 'order-9',
					status: 'failed',
					error: 'Pinterest marked the event as failed without giving a reason',
				},
			],
		});
	});

	it('fails the whole request, with the reason, when result count and batch size differ', () => {
		const response = {
			num_events_received: 3,
			num_events_processed: 2,
			events: [{ status: 'processed' }, { status: 'processed' }],
		};
		expect(matchResponseToItems(batch, response)).toEqual({
			ok: false,
			error:
				'Pinterest returned 2 event results for the 3 events sent, so they cannot be matched to items. Pinterest may have recorded them; sending the same events again within 48 hours does not count them twice.',
		});
		const [offline] = groupIntoBatches([
			{ ...pending(1, 'A', 0)[0], event: { ...eventWithId('o'), action_source: 'offline' } },
		]);
		expect(matchResponseToItems(offline, response)).toEqual({
			ok: false,
			error:
				'Pinterest returned 2 event results for the 1 events sent, so they cannot be matched to items. Pinterest may have recorded them, and offline events are not deduplicated: check Ads Manager before sending them again.',
		});
	});

	it('fails the whole request when there are no per-event results at all', () => {
		expect(
			matchResponseToItems(batch, { code: 4196, message: 'The request was invalid.' }),
		).toEqual({
			ok: false,
			error:
				'Pinterest did not return per-event results ("The request was invalid."). Pinterest may have recorded them; sending the same events again within 48 hours does not count them twice.',
		});
		expect(matchResponseToItems(batch, '<html>Bad gateway</html>').ok).toBe(false);
	});

	it('treats an unreadable status as failed', () => {
		const response = { events: [{ status: 'processed' }, { status: 'queued' }, null] };
		const matched = matchResponseToItems(batch, response);
		expect(matched.ok && matched.outcomes.map((outcome) => outcome.status)).toEqual([
			'sent',
			'failed',
			'failed',
		]);
	});
});
