import {
	snakeCase,
	trackingParameters,
} from '../../../../../nodes/ClickBankTrigger/core/trackingParameters';

describe('snakeCase', () => {
	it.each([
		['trafficSource', 'traffic_source'],
		['TrafficSource', 'traffic_source'],
		['TRAFFIC_SOURCE', 'traffic_source'],
		['traffic-source', 'traffic_source'],
		['adGroupID', 'ad_group_id'],
		['utm_source', 'utm_source'],
		['tid', 'tid'],
	])('%s → %s', (key, expected) => expect(snakeCase(key)).toBe(expected));
});

describe('trackingParameters', () => {
	it('is empty when the notification carries no tracking data', () => {
		expect(trackingParameters({ transactionType: 'TEST' })).toEqual({});
	});

	it('takes the first tracking code as tid (the HopLink tid)', () => {
		expect(trackingParameters({ trackingCodes: ['', 'fb_video2', 'second'] })).toEqual({
			tid: 'fb_video2',
		});
	});

	it('takes the scalar vendor variables of the order link, keys in snake_case', () => {
		expect(
			trackingParameters({
				vendorVariables: {
					trafficSource: 'pinterest',
					v1: 'variable1',
					count: 3,
					flag: true,
					nested: { a: 1 },
					list: ['x'],
					blank: ' ',
				},
			}),
		).toEqual({ traffic_source: 'pinterest', v1: 'variable1', count: '3', flag: 'true' });
	});

	it('reads affiliate tracking parameters as top-level fields, in camelCase or snake_case', () => {
		expect(
			trackingParameters({
				receipt: 'ABCD1234',
				vendor: 'acmevendor',
				trafficSource: 'pinterest',
				traffic_type: 'paid',
				campaign: 'spring',
				adGroup: 'women_25_34',
				creative: 'red_dress',
				extclid: 'cb.123.abc',
			}),
		).toEqual({
			traffic_source: 'pinterest',
			traffic_type: 'paid',
			campaign: 'spring',
			ad_group: 'women_25_34',
			creative: 'red_dress',
			extclid: 'cb.123.abc',
		});
	});

	it('reads a top-level tracking-parameters object, whichever of the expected names it has', () => {
		for (const name of [
			'trackingParameters',
			'affiliateTrackingParameters',
			'tracking_params',
			'extraInformation',
		]) {
			expect(
				trackingParameters({ [name]: { traffic_source: 'pinterest', adId: '687194767363' } }),
			).toEqual({
				traffic_source: 'pinterest',
				ad_id: '687194767363',
			});
		}
	});

	it('lets affiliate parameters win over vendor variables, and vendor variables over the tid', () => {
		expect(
			trackingParameters({
				trackingCodes: ['from_tid'],
				vendorVariables: { tid: 'from_vendor', traffic_source: 'facebook', v1: 'kept' },
				trackingParameters: { trafficSource: 'pinterest' },
			}),
		).toEqual({ tid: 'from_vendor', traffic_source: 'pinterest', v1: 'kept' });
	});
});
