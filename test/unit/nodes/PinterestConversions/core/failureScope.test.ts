import type { EventBatch } from '../../../../../nodes/PinterestConversions/core/batches';
import {
	failAll,
	reasonOf,
	scopeOf,
} from '../../../../../nodes/PinterestConversions/core/failureScope';

describe('what a failed request rules out', () => {
	it.each([
		['401', 'all'],
		['403', 'adAccount'],
		['404', 'adAccount'],
		['429', 'all'],
		['500', 'all'],
		['503', 'all'],
		[undefined, 'all'],
		[null, 'all'],
		['400', 'batch'],
		['413', 'batch'],
	])('HTTP %s: %s', (httpCode, scope) => {
		expect(scopeOf(httpCode)).toBe(scope);
	});

	it('reason: the message, with the description when there is one', () => {
		expect(reasonOf({ message: 'Forbidden' })).toBe('Forbidden');
		expect(reasonOf({ message: 'Forbidden', description: null })).toBe('Forbidden');
		expect(reasonOf({ message: 'Forbidden', description: 'Check the token' })).toBe(
			'Forbidden. Check the token',
		);
	});

	it('fails every item of the batch with the same error, in order', () => {
		const event = (id: string) => ({
			event_name: 'checkout' as const,
			action_source: 'web' as const,
			event_time: 1,
			event_id: id,
			user_data: {},
		});
		const batch: EventBatch = {
			adAccountId: '549755885175',
			deduplicated: true,
			items: [
				{ itemIndex: 4, adAccountId: '549755885175', event: event('a') },
				{ itemIndex: 9, adAccountId: '549755885175', event: event('b') },
			],
		};
		expect(failAll(batch, 'No answer')).toEqual([
			{ itemIndex: 4, eventId: 'a', status: 'failed', error: 'No answer' },
			{ itemIndex: 9, eventId: 'b', status: 'failed', error: 'No answer' },
		]);
	});
});
