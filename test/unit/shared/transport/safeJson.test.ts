import { parseJsonKeepingIds } from '../../../../shared/transport/safeJson';

describe('parseJsonKeepingIds', () => {
	it('keeps 18-digit ids that JSON.parse would round', () => {
		const text =
			'{"687194767360123457":[{"PIN_PROMOTION_ID":687194767360123457,"SPEND_IN_MICRO_DOLLAR":1234567}]}';
		expect(JSON.parse(text)['687194767360123457'][0].PIN_PROMOTION_ID).toBe(687194767360123500);
		expect(parseJsonKeepingIds(text)).toEqual({
			'687194767360123457': [
				{ PIN_PROMOTION_ID: '687194767360123457', SPEND_IN_MICRO_DOLLAR: 1234567 },
			],
		});
	});

	it('leaves numbers that fit, decimals, negatives and digits inside strings alone', () => {
		expect(
			parseJsonKeepingIds(
				'[123456789012345, -3, 1.5e3, 0.000001, "1234567890123456789", "a\\"9999999999999999"]',
			),
		).toEqual([123456789012345, -3, 1500, 0.000001, '1234567890123456789', 'a"9999999999999999']);
	});

	it('turns negative long integers into strings too', () => {
		expect(parseJsonKeepingIds('{"x":-12345678901234567}')).toEqual({ x: '-12345678901234567' });
	});

	it('still rejects invalid JSON', () => {
		expect(() => parseJsonKeepingIds('{"items": [1, 2')).toThrow(SyntaxError);
	});
});
