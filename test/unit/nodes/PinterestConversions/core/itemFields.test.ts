import {
	itemKeysOf,
	readItemKeys,
} from '../../../../../nodes/PinterestConversions/core/itemFields';

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
