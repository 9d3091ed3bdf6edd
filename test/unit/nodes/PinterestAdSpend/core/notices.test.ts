import {
	describeGaps,
	describeUnmergeable,
} from '../../../../../nodes/PinterestAdSpend/core/notices';

const account = { id: '549755885175', name: 'Acme US', currency: 'USD' };

describe('hints about totals', () => {
	it('sums unattributed spend and names at most five buckets', () => {
		const unattributed = Array.from({ length: 7 }, (_, i) => ({
			bucket: { DATE: `2025-06-0${i + 1}` },
			micros: 1_000_001,
		}));
		expect(describeGaps(account, 'adGroup', { unattributed, movedToday: [] })).toEqual([
			'Ad account Acme US (549755885175): 7.000007 USD of spend is carried by no listed ad group (2025-06-01, 2025-06-02, 2025-06-03, 2025-06-04, 2025-06-05 and 2 more), e.g. catalog spend on product groups or an ad group removed since. It is output as rows with "unattributed": true and the ad group ID null, so the rows add up to the account\'s total.',
		]);
	});

	it("says how far today's rows ran ahead, hour by hour when hourly", () => {
		expect(
			describeGaps({ id: '1' }, 'campaign', {
				unattributed: [],
				movedToday: [
					{
						bucket: { DATE: '2025-06-30', HOUR: 9 },
						accountMicros: 10,
						levelMicros: 15,
						includesToday: true,
					},
				],
			}),
		).toEqual([
			"Ad account 1: today's campaign rows add up to 0.000005 more than the account total read a moment before them (2025-06-30 09:00); Pinterest was still updating today's numbers. The rows are output as read; the next run catches up.",
		]);
		expect(describeGaps(account, 'ad', { unattributed: [], movedToday: [] })).toEqual([]);
	});

	it('names entity rows above the account total on closed days apart from unattributed spend', () => {
		expect(
			describeGaps(account, 'campaign', {
				unattributed: [
					{ bucket: { DATE: '2025-06-01' }, micros: -250_000 },
					{ bucket: { DATE: '2025-06-02' }, micros: 1 },
				],
				movedToday: [],
			}),
		).toEqual([
			'Ad account Acme US (549755885175): 0.000001 USD of spend is carried by no listed campaign (2025-06-02), e.g. catalog spend on product groups or a campaign removed since. It is output as rows with "unattributed": true and the campaign ID null, so the rows add up to the account\'s total.',
			'Ad account Acme US (549755885175): the campaign rows add up to 0.25 USD more than Pinterest\'s own account total (2025-06-01). A row with "unattributed": true and negative spend keeps the rows equal to the account\'s total; the campaign rows are as Pinterest sent them.',
		]);
	});

	it('names the columns a merge left null, with the account', () => {
		expect(describeUnmergeable(account, [])).toEqual([]);
		expect(describeUnmergeable(account, ['ECPC_IN_DOLLAR', 'TOTAL_IMPRESSION_FREQUENCY'])).toEqual([
			"Ad account Acme US (549755885175): ECPC_IN_DOLLAR, TOTAL_IMPRESSION_FREQUENCY cannot be added up across Pinterest's request windows and were left null where rows were merged; ask for a shorter range or a finer granularity to get Pinterest's own values.",
		]);
	});
});
