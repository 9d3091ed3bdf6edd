// The spend the fake's data holds, computed straight from test/fake-pinterest/dataset.js (not through the API), to
// compare the node's rows with.
const { adDelivery } = require('../fake-pinterest/dataset');
const { NEVER_RAN } = require('../fake-pinterest/spendScenarios');

function days(startDate, endDate) {
	const list = [];
	for (
		let t = Date.parse(`${startDate}T00:00:00Z`);
		t <= Date.parse(`${endDate}T00:00:00Z`);
		t += 86_400_000
	) {
		list.push(new Date(t).toISOString().slice(0, 10));
	}
	return list;
}

function daysAgo(n) {
	return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}

/** Expected DAY rows of a level for an account, as the node should output them (names on). */
function expectedDailyRows(
	state,
	{ adAccountId, level, startDate, endDate, includeZeroSpend = false },
) {
	const account = state.adAccounts.find((a) => a.id === adAccountId);
	const campaigns = new Map(state.campaigns.map((c) => [c.id, c]));
	const adGroups = new Map(state.adGroups.map((g) => [g.id, g]));
	const ads = state.ads.filter(
		(ad) => ad.ad_account_id === adAccountId && !NEVER_RAN.includes(ad.status),
	);
	const keyOf = {
		campaign: (ad) => ad.campaign_id,
		adGroup: (ad) => ad.ad_group_id,
		ad: (ad) => ad.id,
		adAccount: () => adAccountId,
	}[level];
	const statusOf = {
		campaign: (id) => campaigns.get(id).status,
		adGroup: (id) => adGroups.get(id).status,
		ad: (id) => ads.find((a) => a.id === id).status,
		adAccount: () => 'ACTIVE',
	}[level];
	// Zero rows are filled for live entities and for those that spent in the range.
	const spent = new Set(
		ads
			.filter((ad) =>
				days(startDate, endDate).some((day) => adDelivery(ad.id, day).spendMicros > 0),
			)
			.map(keyOf),
	);
	const fillable = (id) => ['ACTIVE', 'PAUSED'].includes(statusOf(id)) || spent.has(id);
	const rows = [];
	for (const day of days(startDate, endDate)) {
		const micros = new Map();
		for (const ad of ads)
			micros.set(keyOf(ad), (micros.get(keyOf(ad)) ?? 0) + adDelivery(ad.id, day).spendMicros);
		for (const [id, spendMicros] of micros) {
			if (spendMicros === 0 && !(includeZeroSpend && fillable(id))) continue;
			const row = { adAccountId, adAccountName: account.name, currency: account.currency, level };
			const ad = ads.find((a) => a.id === id);
			const adGroup = adGroups.get(ad ? ad.ad_group_id : id);
			const campaign = campaigns.get(adGroup ? adGroup.campaign_id : id);
			if (level !== 'adAccount')
				Object.assign(row, { campaignId: campaign.id, campaignName: campaign.name });
			if (level === 'adGroup' || level === 'ad')
				Object.assign(row, { adGroupId: adGroup.id, adGroupName: adGroup.name });
			if (level === 'ad') Object.assign(row, { adId: ad.id, adName: ad.name });
			rows.push({ ...row, date: day, spend: spendMicros / 1e6, spendMicros });
		}
	}
	const sortKey = (r) => [r.date, r.campaignId ?? '', r.adGroupId ?? '', r.adId ?? ''].join('|');
	return rows.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}

function totalMicros(rows) {
	return rows.reduce((sum, row) => sum + row.spendMicros, 0);
}

module.exports = { expectedDailyRows, totalMicros, daysAgo, days };
