/**
 * A SALE in the shape of ClickBank's INS samples (fields of the 6.0 and 7.0 samples, version 8.0),
 * with the affiliate link's `traffic_source` forwarded by the seller in `vendorVariables`. Names and
 * addresses are made up; emails use the reserved example.com domain.
 */
export function saleNotification(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		transactionTime: '20261126T101530-0800',
		receipt: 'CWOGBZLN',
		transactionType: 'SALE',
		vendor: 'acmevendor',
		affiliate: 'pinaffiliate',
		role: 'VENDOR',
		totalAccountAmount: 21.45,
		paymentMethod: 'VISA',
		totalOrderAmount: 49.95,
		totalTaxAmount: 2.5,
		totalShippingAmount: 0,
		currency: 'USD',
		orderLanguage: 'EN',
		trackingCodes: ['pin_spring_01'],
		lineItems: [
			{
				itemNo: '1',
				productTitle: 'Garden Planner',
				shippable: false,
				recurring: false,
				accountAmount: 21.45,
				quantity: 1,
				downloadUrl: '',
				lineItemType: 'ORIGINAL',
				productPrice: 47.45,
				productDiscount: 0,
				affiliatePayout: 23.72,
				taxAmount: 2.5,
				shippingAmount: 0,
				shippingLiable: false,
			},
		],
		customer: {
			shipping: {
				firstName: 'Test',
				lastName: 'Buyer',
				fullName: 'Test Buyer',
				email: 'ship@example.com',
				address: { state: 'NV', postalCode: '89101', country: 'US' },
			},
			billing: {
				firstName: 'Test',
				lastName: 'Buyer',
				fullName: 'Test Buyer',
				email: 'buyer@example.com',
				address: { state: 'NV', postalCode: '89101', country: 'US' },
			},
		},
		upsell: { upsellFlowId: 55, upsellSession: 'VVVVVVVVVV' },
		version: 8.0,
		attemptCount: 1,
		vendorVariables: { traffic_source: 'pinterest', campaign_id: '626736533506' },
		...overrides,
	};
}
