import { mapItemAutomatically } from '../../../../../nodes/PinterestConversions/core/autoMapping';
import { buildConversionEvent } from '../../../../../nodes/PinterestConversions/core/buildEvent';
import { summariseDropped } from '../../../../../nodes/PinterestConversions/core/droppedSummary';

const defaults = { eventName: 'checkout', actionSource: 'web' };

describe('mapItemAutomatically', () => {
	it('reads a shop export by its own field names', () => {
		const { input, adAccountId } = mapItemAutomatically(
			{
				orderId: 'A-1001',
				timestamp: 1741530600,
				email: 'jane@example.com',
				phone: '+1 650 555 1234',
				amount: 19.99,
				currency: 'usd',
				epik: 'dj0yJnU9',
				ip: '203.0.113.7',
				user_agent: 'Mozilla/5.0',
				line_items: [{ id: 'sku-1', quantity: 1 }],
				status: 'paid',
			},
			defaults,
		);
		expect(adAccountId).toBeUndefined();
		expect(input).toEqual({
			eventName: 'checkout',
			actionSource: 'web',
			eventId: 'A-1001',
			eventTime: 1741530600,
			userData: {
				email: 'jane@example.com',
				phone: '+1 650 555 1234',
				clientIpAddress: '203.0.113.7',
				clientUserAgent: 'Mozilla/5.0',
				clickId: 'dj0yJnU9',
			},
			customData: {
				value: 19.99,
				currency: 'usd',
				orderId: 'A-1001',
				contents: [{ id: 'sku-1', quantity: 1 }],
			},
		});
	});

	it("prefers Pinterest's names, reads nested user_data/custom_data, and the item's own event and account", () => {
		const { input, adAccountId } = mapItemAutomatically(
			{
				event_name: 'lead',
				event_id: 'lead-7',
				order_id: 'O-7',
				event_time: '2025-03-09T14:30:00Z',
				action_source: 'offline',
				ad_account_id: '549755885176',
				user_data: { em: ['a@b.com'], ph: '0044 20 7946 0958' },
				custom_data: { value: '5', currency: 'EUR' },
			},
			defaults,
		);
		expect(adAccountId).toBe('549755885176');
		expect(input).toEqual({
			eventName: 'lead',
			eventId: 'lead-7',
			eventTime: '2025-03-09T14:30:00Z',
			actionSource: 'offline',
			userData: { email: ['a@b.com'], phone: '0044 20 7946 0958' },
			customData: { value: '5', currency: 'EUR', orderId: 'O-7' },
		});
	});

	it('reads Wi-Fi and the predicted lifetime value, which reach the event as Pinterest names them', () => {
		const { input } = mapItemAutomatically(
			{ order_id: 'A-2', time: 1741530600, email: 'a@b.com', on_wifi: 'true', ltv: '120.50' },
			defaults,
		);
		expect(input).toMatchObject({ wifi: 'true', customData: { predictedLtv: '120.50' } });
		const outcome = buildConversionEvent(input, 1741597200);
		expect(outcome.ok && [outcome.value.event.wifi, outcome.value.event.custom_data]).toEqual([
			true,
			{ order_id: 'A-2', predicted_ltv: '120.5' },
		]);
	});

	it('an item without a time is refused, never sent with the time of sending', () => {
		const { input } = mapItemAutomatically({ order_id: 'A-1', email: 'a@b.com' }, defaults);
		const outcome = buildConversionEvent(input, 1741597200);
		expect(outcome.ok ? 'sent' : outcome.problems.map((p) => p.message)).toEqual([
			'Event time is empty for this item',
		]);
	});
});

describe('summariseDropped', () => {
	it('one line per run: events, and fields by frequency', () => {
		expect(
			summariseDropped([
				[{ field: 'state', reason: 'x' }],
				[],
				[
					{ field: 'phone', reason: 'y' },
					{ field: 'state', reason: 'x' },
				],
				[
					{ field: 'phone', reason: 'y (value 2 of 2)' },
					{ field: 'phone', reason: 'y' },
				],
			]),
		).toBe(
			'3 events were sent without fields that could not be used: phone (2), state (2). Each Sent item lists them with the reason under droppedFields.',
		);
		expect(summariseDropped([[], []])).toBeUndefined();
	});
});
