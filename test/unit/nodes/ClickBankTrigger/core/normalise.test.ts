import {
	isoTransactionTime,
	normaliseNotification,
} from '../../../../../nodes/ClickBankTrigger/core/normalise';
import { saleNotification } from '../fixtures';

describe('isoTransactionTime', () => {
	it.each([
		['20261126T101530-0800', '2026-11-26T10:15:30-08:00'],
		['20200913T120536+0530', '2020-09-13T12:05:36+05:30'],
		['2026-11-26T10:15:30Z', null],
		[20261126, null],
		[undefined, null],
	])('%s → %s', (input, expected) => expect(isoTransactionTime(input)).toBe(expected));
});

describe('normaliseNotification', () => {
	it('gives a sale its normalised fields next to the whole notification', () => {
		const sale = saleNotification();
		expect(normaliseNotification(sale)).toEqual({
			receipt: 'CWOGBZLN',
			transactionType: 'SALE',
			test: false,
			transactionTime: '20261126T101530-0800',
			transactionTimeIso: '2026-11-26T10:15:30-08:00',
			amount: 49.95,
			currency: 'USD',
			taxAmount: 2.5,
			shippingAmount: 0,
			accountAmount: 21.45,
			customerEmail: 'buyer@example.com',
			affiliate: 'pinaffiliate',
			vendor: 'acmevendor',
			role: 'VENDOR',
			trackingCodes: ['pin_spring_01'],
			vendorVariables: { traffic_source: 'pinterest', campaign_id: '626736533506' },
			trafficSource: 'pinterest',
			trackingParameters: {
				tid: 'pin_spring_01',
				traffic_source: 'pinterest',
				campaign_id: '626736533506',
			},
			lineItems: [
				{
					itemNo: '1',
					productTitle: 'Garden Planner',
					lineItemType: 'ORIGINAL',
					quantity: 1,
					productPrice: 47.45,
					productDiscount: 0,
					taxAmount: 2.5,
					shippingAmount: 0,
					accountAmount: 21.45,
					affiliatePayout: 23.72,
					recurring: false,
					shippable: false,
				},
			],
			insVersion: 8,
			attemptCount: 1,
			notification: sale,
		});
	});

	it('falls back to the shipping email, reads amounts sent as text, upper-cases the type', () => {
		const item = normaliseNotification(
			saleNotification({
				transactionType: ' test_sale ',
				totalOrderAmount: '9.56',
				totalAccountAmount: 'n/a',
				customer: { shipping: { email: 'ship@example.com' }, billing: { email: '' } },
			}),
		);
		expect([
			item.transactionType,
			item.test,
			item.amount,
			item.accountAmount,
			item.customerEmail,
		]).toEqual(['TEST_SALE', true, 9.56, null, 'ship@example.com']);
	});

	it('has nulls and empty lists for a bare TEST notification', () => {
		const bare = { transactionType: 'TEST', receipt: 'TESTRCPT' };
		expect(normaliseNotification(bare)).toEqual({
			receipt: 'TESTRCPT',
			transactionType: 'TEST',
			test: true,
			transactionTime: null,
			transactionTimeIso: null,
			amount: null,
			currency: null,
			taxAmount: null,
			shippingAmount: null,
			accountAmount: null,
			customerEmail: null,
			affiliate: null,
			vendor: null,
			role: null,
			trackingCodes: [],
			vendorVariables: {},
			trafficSource: null,
			trackingParameters: {},
			lineItems: [],
			insVersion: null,
			attemptCount: null,
			notification: bare,
		});
	});
});
