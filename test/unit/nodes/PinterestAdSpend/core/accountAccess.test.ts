import {
	isAccountRefusal,
	whyNotReadable,
} from '../../../../../nodes/PinterestAdSpend/core/accountAccess';
import { callFailed } from '../../../../../shared/errors';

const refusal = (statusCode: number, fileDownload = false) =>
	callFailed(
		{ statusCode, attempts: 1, pinterestCode: 29 },
		{
			label: fileDownload ? 'download the spend report' : 'list ads',
			adAccountId: '1',
			fileDownload,
		},
		{},
		0,
	);

describe('ad account access', () => {
	it('skips accounts whose roles cannot read analytics; tries those without a role list', () => {
		expect(whyNotReadable({ id: '1', permissions: ['FINANCE_VIEW', 'AUDIENCE_MANAGER'] })).toBe(
			"the login's role (FINANCE_VIEW, AUDIENCE_MANAGER) cannot read analytics; Owner, Admin, Analyst or Campaign Manager can",
		);
		for (const role of ['OWNER', 'ADMIN', 'ANALYST', 'CAMPAIGN_MANAGER'])
			expect(whyNotReadable({ id: '1', permissions: ['FINANCE_VIEW', role] })).toBeUndefined();
		expect(whyNotReadable({ id: '1' })).toBeUndefined();
		expect(whyNotReadable({ id: '1', permissions: [] })).toBeUndefined();
	});

	it('treats 403 and 404 about the account as refusals, a refused report link not', () => {
		expect(isAccountRefusal(refusal(403))).toBe(true);
		expect(isAccountRefusal(refusal(404))).toBe(true);
		expect(isAccountRefusal(refusal(500))).toBe(false);
		expect(isAccountRefusal(refusal(403, true))).toBe(false);
		expect(refusal(403, true).message).toBe(
			'Could not download the spend report for ad account 1: the report link was refused (HTTP 403)',
		);
		expect(isAccountRefusal(new Error('403'))).toBe(false);
	});
});
