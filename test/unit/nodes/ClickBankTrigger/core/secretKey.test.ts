import { readSecretKey } from '../../../../../nodes/ClickBankTrigger/core/secretKey';

const EMPTY =
	'The secret key is empty or only spaces, so the ClickBank Trigger refuses every notification until it is fixed: copy it from Vendor Settings → My Site → Advanced Tools';
const NOT_THE_FORM =
	'ClickBank secret keys are 1 to 16 uppercase letters and digits, so the ClickBank Trigger refuses every notification until it is fixed: copy it again from Vendor Settings → My Site';

describe('readSecretKey', () => {
	it('accepts 1 to 16 uppercase letters and digits, trimmed of the spaces a paste adds', () => {
		expect(readSecretKey('MYSECRETKEY2026')).toEqual({ ok: true, key: 'MYSECRETKEY2026' });
		expect(readSecretKey('A')).toEqual({ ok: true, key: 'A' });
		expect(readSecretKey(' ABCDEFGHIJKLMNOP \n')).toEqual({ ok: true, key: 'ABCDEFGHIJKLMNOP' });
	});

	it.each([
		['', EMPTY],
		['   ', EMPTY],
		['\t\n', EMPTY],
		[undefined, EMPTY],
		[42, EMPTY],
		['lowercase', NOT_THE_FORM],
		['ABCDEFGHIJKLMNOPQ', NOT_THE_FORM],
		['MY-KEY', NOT_THE_FORM],
		['MY KEY', NOT_THE_FORM],
	])('refuses %p, saying every notification is refused', (key, problem) => {
		expect(readSecretKey(key)).toEqual({ ok: false, problem });
	});
});
