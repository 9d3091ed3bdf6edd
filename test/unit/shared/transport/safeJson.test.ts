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

describe('parseJsonKeepingIds on the shapes report files and API answers take', () => {
	it('keeps 18-digit ids as bare numbers in arrays and in objects, with whitespace around them', () => {
		expect(
			parseJsonKeepingIds(
				'{ "ids" : [ 687194767360123457 ,549755885175123456\n,\t-687194767360123457 ] ,\r\n"id":549755885175000001 }',
			),
		).toEqual({
			ids: ['687194767360123457', '549755885175123456', '-687194767360123457'],
			id: '549755885175000001',
		});
	});

	it('keeps nested arrays of ids and ids next to other values', () => {
		expect(
			parseJsonKeepingIds(
				'[[687194767360123457],[687194767360123458,1],{"a":[687194767360123459]},true,null]',
			),
		).toEqual([
			['687194767360123457'],
			['687194767360123458', 1],
			{ a: ['687194767360123459'] },
			true,
			null,
		]);
	});

	it('leaves exponents and long decimals as numbers', () => {
		expect(
			parseJsonKeepingIds(
				'[1e21, 12345678901234567e2, 1.2345678901234567, -12345678901234567.5, 1E+300, 5e-7]',
			),
		).toEqual([
			1e21,
			Number('12345678901234567e2'),
			Number('1.2345678901234567'),
			Number('-12345678901234567.5'),
			1e300,
			5e-7,
		]);
	});

	it('leaves strings that hold digits, separators and escaped quotes exactly as they are', () => {
		const text = String.raw`{"name":"ad :687194767360123457, copy","quoted":"say \"[687194767360123457]\"","slash":"\\","id":687194767360123457,"tail":"x\\\",549755885175123456}"}`;
		expect(parseJsonKeepingIds(text)).toEqual({
			name: 'ad :687194767360123457, copy',
			quoted: 'say "[687194767360123457]"',
			slash: '\\',
			id: '687194767360123457',
			tail: 'x\\",549755885175123456}',
		});
	});

	it('keeps a whole text that is one long integer, and numbers that are keys', () => {
		expect(parseJsonKeepingIds(' 687194767360123457 ')).toBe('687194767360123457');
		expect(parseJsonKeepingIds('12')).toBe(12);
		expect(parseJsonKeepingIds('{"687194767360123457":{"1":687194767360123457}}')).toEqual({
			'687194767360123457': { '1': '687194767360123457' },
		});
	});

	it('keeps 15-digit integers as numbers and turns 16-digit ones into strings', () => {
		expect(parseJsonKeepingIds('[999999999999999,1000000000000000]')).toEqual([
			999999999999999,
			'1000000000000000',
		]);
	});

	it('rejects invalid JSON around long integers, including text the quoting would not fix', () => {
		for (const text of [
			'[687194767360123457',
			'{"a":687194767360123457 687194767360123457}',
			'["a:687194767360123457,"687194767360123457]',
			'{"a" 687194767360123457}',
			'',
		]) {
			expect(() => parseJsonKeepingIds(text)).toThrow(SyntaxError);
		}
	});
});
