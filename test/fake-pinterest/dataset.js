// Deterministic ad accounts, entities and delivery for the fake Pinterest API. Spend is a pure
// function of (ad id, UTC day), so any date range gives the same, checkable numbers.

/** 18-digit ids, above Number.MAX_SAFE_INTEGER, so a client that parses ids as numbers fails. */
const ID_BASE = 687194767360000000n;
const STATUSES = ['ACTIVE', 'PAUSED', 'ARCHIVED'];

const DEFAULT_ACCOUNTS = [
	{ id: '549755885175', name: 'Acme US', currency: 'USD', shared: false, permissions: ['OWNER'] },
	{ id: '549755885176', name: 'Acme EU', currency: 'EUR', shared: false, permissions: ['OWNER'] },
	{
		id: '549755885177',
		name: 'Acme JP',
		currency: 'JPY',
		shared: true,
		permissions: ['ANALYST', 'FINANCE_VIEW'],
	},
];

/** FNV-1a: a small, stable hash so every number is reproducible. */
function hash(text) {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h;
}

/** Spend of one ad on one UTC day, in micro-units of the account currency; about 1 in 7 is 0. */
function adSpendMicros(adId, day) {
	const h = hash(`${adId}|${day}`);
	return h % 7 === 0 ? 0 : (h % 4_999_999) + 1001;
}

/** Delivery of one ad on one day: every metric the fake reports, as integers. */
function adDelivery(adId, day) {
	const spendMicros = adSpendMicros(adId, day);
	if (spendMicros === 0)
		return { spendMicros: 0, impressions: 0, pinClicks: 0, outboundClicks: 0, conversions: 0 };
	const h = hash(`${day}|${adId}|delivery`);
	const impressions = Math.floor(spendMicros / 2500) + (h % 40) + 1;
	const pinClicks = Math.floor(impressions / 37);
	return {
		spendMicros,
		impressions,
		pinClicks,
		outboundClicks: Math.floor(pinClicks / 2),
		conversions: h % 3,
	};
}

/**
 * Builds the entity tree. `shape` per account: { campaigns, adGroupsPerCampaign, adsPerAdGroup,
 * draftAds }. Statuses rotate through ACTIVE, PAUSED, ARCHIVED so every list needs all of them;
 * `draftAds` more ads in the first ad group are DRAFT and DELETED_DRAFT (they never ran).
 */
function buildDataset({ accounts = DEFAULT_ACCOUNTS, shapes = {}, given } = {}) {
	if (given) return givenDataset(given);
	const campaigns = [];
	const adGroups = [];
	const ads = [];
	accounts.forEach((account, accountIndex) => {
		const shape = {
			campaigns: 3,
			adGroupsPerCampaign: 2,
			adsPerAdGroup: 3,
			draftAds: 0,
			...shapes[account.id],
		};
		const base = ID_BASE + BigInt(accountIndex) * 10_000_000n;
		let adSeq = 0;
		for (let c = 0; c < shape.campaigns; c++) {
			const campaign = {
				id: String(base + 1_000_000n + BigInt(c)),
				ad_account_id: account.id,
				name: `Campaign ${c + 1} (${account.name})`,
				status: STATUSES[c % 3],
			};
			campaigns.push(campaign);
			for (let g = 0; g < shape.adGroupsPerCampaign; g++) {
				const adGroup = {
					id: String(base + 2_000_000n + BigInt(c * shape.adGroupsPerCampaign + g)),
					ad_account_id: account.id,
					campaign_id: campaign.id,
					name: `Ad group ${c + 1}.${g + 1}`,
					status: STATUSES[(c + g) % 3],
				};
				adGroups.push(adGroup);
				for (let a = 0; a < shape.adsPerAdGroup; a++) {
					ads.push({
						id: String(base + 3_000_000n + BigInt(adSeq++)),
						ad_account_id: account.id,
						campaign_id: campaign.id,
						ad_group_id: adGroup.id,
						name: `Ad ${c + 1}.${g + 1}.${a + 1}`,
						status: STATUSES[(c + g + a) % 3],
					});
				}
			}
		}
		const firstAdGroup = adGroups.find((g) => g.ad_account_id === account.id);
		for (let d = 0; d < shape.draftAds && firstAdGroup; d++) {
			ads.push({
				id: String(base + 3_000_000n + BigInt(adSeq++)),
				ad_account_id: account.id,
				campaign_id: firstAdGroup.campaign_id,
				ad_group_id: firstAdGroup.id,
				name: `Draft ad ${d + 1}`,
				status: d % 2 === 0 ? 'DRAFT' : 'DELETED_DRAFT',
			});
		}
	});
	return index({ accounts, campaigns, adGroups, ads });
}

/**
 * A dataset picked by hand, entity by entity, for tests whose numbers must show something (micros that rounding
 * would change): `spend[adId][day]` micros per ad and day (0 where absent), and `accountOnlySpend[accountId][day]`
 * micros of the account no ad carries (catalog spend). An ad with spend delivers nothing else.
 */
function givenDataset({ accounts, campaigns, adGroups, ads, spend = {}, accountOnlySpend = {} }) {
	const dataset = index({ accounts, campaigns, adGroups, ads });
	const spendMicros = (adId, day) => spend[adId]?.[day] ?? 0;
	return {
		...dataset,
		delivery: (adId, day) => ({
			spendMicros: spendMicros(adId, day),
			impressions: 0,
			pinClicks: 0,
			outboundClicks: 0,
			conversions: 0,
			earnedClicks: 0,
		}),
		accountOnlyMicros: (accountId) =>
			accountOnlySpend[accountId] ? (day) => accountOnlySpend[accountId][day] ?? 0 : undefined,
	};
}

function groupBy(list, key) {
	const groups = new Map();
	for (const item of list) {
		if (!groups.has(item[key])) groups.set(item[key], []);
		groups.get(item[key]).push(item);
	}
	return groups;
}

function index(data) {
	const byId = new Map([...data.campaigns, ...data.adGroups, ...data.ads].map((e) => [e.id, e]));
	const adsByAccount = groupBy(data.ads, 'ad_account_id');
	const adsByCampaign = groupBy(data.ads, 'campaign_id');
	const adsByAdGroup = groupBy(data.ads, 'ad_group_id');
	return {
		...data,
		account: (id) => data.accounts.find((a) => a.id === id),
		entity: (id) => byId.get(id),
		/** The ads whose delivery adds up to the given entity (or account) of the account. */
		adsUnder(level, id) {
			if (level === 'adAccount') return adsByAccount.get(id) ?? [];
			if (level === 'campaign') return adsByCampaign.get(id) ?? [];
			if (level === 'adGroup') return adsByAdGroup.get(id) ?? [];
			const ad = byId.get(id);
			return ad?.ad_group_id ? [ad] : [];
		},
	};
}

module.exports = { buildDataset, adDelivery, adSpendMicros, hash, DEFAULT_ACCOUNTS };
