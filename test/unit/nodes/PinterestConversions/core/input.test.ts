import {
	adAccountProblem,
	collectionOf,
	inputFromParameters,
	itemKeysOf,
	readItemKeys,
	shown,
} from '../../../../../nodes/PinterestConversions/core/input';

describe('event input from parameters', () => {
	it('echoes only text and numbers, trimmed', () => {
		expect([shown(' order-1 '), shown(42), shown({ id: 1 }), shown(undefined)]).toEqual([
			'order-1',
			'42',
			null,
			null,
		]);
	});

	it('accepts an ad account ID of 1 to 18 digits only', () => {
		expect(adAccountProblem('549755885175')).toBeUndefined();
		expect(adAccountProblem('')).toEqual({
			field: 'adAccount',
			message: 'No ad account ID for this item',
			fix: 'Choose an ad account, or give its number as shown in Ads Manager.',
		});
		expect(adAccountProblem('1234567890123456789')?.message).toBe(
			'Ad account ID is not a Pinterest ad account ID (digits only)',
		);
		expect(adAccountProblem('act_12')?.message).toBe(
			'Ad account ID is not a Pinterest ad account ID (digits only)',
		);
	});

	it('collects sub-fields by collection', () => {
		const values = { eventId: 'o-1', 'userData.email': 'a@b.com', 'userData.phone': '1', x: 2 };
		expect(collectionOf(values, 'userData')).toEqual({ email: 'a@b.com', phone: '1' });
		expect(collectionOf(values, 'customData')).toEqual({});
	});

	it('builds the input of one item from values keyed by path', () => {
		expect(
			inputFromParameters({
				values: {
					eventName: 'checkout',
					actionSource: 'web',
					eventTime: 1741597200,
					eventId: 'order-1',
					adAccount: '549755885175',
					'userData.email': 'a@b.com',
					'customData.value': 19.99,
					'eventOptions.language': 'en',
				},
				eventTimeLeftEmpty: false,
			}),
		).toEqual({
			language: 'en',
			eventName: 'checkout',
			actionSource: 'web',
			eventTime: 1741597200,
			eventTimeEmptyMeansNow: false,
			eventId: 'order-1',
			userData: { email: 'a@b.com' },
			customData: { value: 19.99 },
		});
	});
});

describe('plain item-field expressions', () => {
	it.each([
		['={{ $json.email }}', ['email']],
		['={{$json.customer.email}}', ['customer', 'email']],
		['={{ $json["order id"] }}', ['order id']],
		["={{ $json['e-mail'].value }}", ['e-mail', 'value']],
		['={{ $json.lines[0].sku }}', ['lines', '0', 'sku']],
		['={{ $json.$id_2 }}', ['$id_2']],
	])('%s reads the item keys %j', (expression, keys) => {
		expect(itemKeysOf(expression)).toEqual(keys);
	});

	it.each([
		'={{ $json.email.trim() }}',
		'={{ $json.email || $json.mail }}',
		'={{ $json.customer?.email }}',
		'={{ $json }}',
		'={{ $json.a }} {{ $json.b }}',
		'=order-{{ $json.id }}',
		'={{ $("Shop").item.json.email }}',
		'={{ $json[key] }}',
		'$json.email',
		'={{ $json.email }}x',
		42,
		{ mode: 'id', value: '={{ $json.account }}' },
	])('%j is left to n8n', (value) => {
		expect(itemKeysOf(value)).toBeUndefined();
	});

	it('reads what the keys point at, exactly, and nothing where a key is missing', () => {
		const json = { amount: 19.5, customer: { email: 'a@b.c' }, lines: [{ sku: 'X1' }], zero: 0 };
		expect(readItemKeys(json, ['amount'])).toBe(19.5);
		expect(readItemKeys(json, ['customer', 'email'])).toBe('a@b.c');
		expect(readItemKeys(json, ['lines', '0', 'sku'])).toBe('X1');
		expect(readItemKeys(json, ['zero'])).toBe(0);
		expect(readItemKeys(json, ['customer'])).toBe(json.customer);
		expect(readItemKeys(json, ['missing'])).toBeUndefined();
		expect(readItemKeys(json, ['missing', 'email'])).toBeUndefined();
		expect(readItemKeys(json, ['amount', 'cents'])).toBeUndefined();
	});
});
