// What real ad accounts do to a spend pull, switched on per test through /__fake/config:
// - `missingAdAccounts: [id]`: the account is listed but answers 404 (closed since);
// - accounts whose `permissions` hold no role that may read analytics answer 403 to analytics,
//   entity lists and reports, as Pinterest does;
// - `accountOnlySpend: { [adAccountId]: micros }`: spend per day that only the account total
//   carries (catalog spend on product group promotions), spread over the hours like ads' spend;
// - `hiddenEntities: [id]`: entities the lists no longer return (removed between two calls),
//   whose spend stays in the account total;
// - `todayMoves: { micros, afterCalls: [n, …] }`: after the nth analytics call that covers today
//   (synchronous or a report), today's spend of each account's first ad grows by `micros`;
// - `reportHourShape: 'hourColumn' | 'dateTime'`: where hourly report rows carry the hour.
// Ads in DRAFT or DELETED_DRAFT never ran: they have no delivery at all.
const { adDelivery, hash } = require('./dataset');

/** Roles that may read analytics (spec: the analytics operations' descriptions). */
const ANALYTICS_ROLES = ['OWNER', 'ADMIN', 'ANALYST', 'CAMPAIGN_MANAGER'];
const NEVER_RAN = ['DRAFT', 'DELETED_DRAFT'];
const ZERO = {
	spendMicros: 0,
	impressions: 0,
	pinClicks: 0,
	outboundClicks: 0,
	conversions: 0,
	earnedClicks: 0,
};

function scenarioDefaults() {
	return {
		missingAdAccounts: [],
		accountOnlySpend: {},
		hiddenEntities: [],
		todayMoves: undefined,
		reportHourShape: 'hourColumn',
	};
}

/** The refusal Pinterest gives this request about the account, if any. */
function accountRefusal(state, adAccountId, path) {
	if (state.config.missingAdAccounts.includes(adAccountId))
		return { status: 404, code: 2, message: 'AdAccount not found.' };
	const account = state.dataset.account(adAccountId);
	const readsData = /\/(analytics|reports|campaigns|ad_groups|ads)$/.test(path);
	const roles = account?.permissions;
	if (readsData && Array.isArray(roles) && !roles.some((role) => ANALYTICS_ROLES.includes(role)))
		return { status: 403, code: 29, message: 'You are not permitted to access that resource.' };
	return undefined;
}

function isHidden(state, entityId) {
	return state.config.hiddenEntities.includes(entityId);
}

/** Counts analytics calls covering today and applies the configured moves after them. */
function noteAnalyticsCall(state, { startDate, endDate }, todayUtc) {
	if (!(startDate <= todayUtc && todayUtc <= endDate)) return;
	state.todayCalls = (state.todayCalls ?? 0) + 1;
	const moves = state.config.todayMoves;
	if (moves?.afterCalls?.includes(state.todayCalls))
		state.todayExtraMicros = (state.todayExtraMicros ?? 0) + moves.micros;
}

/** The delivery of one ad on one day as the scenario has it. */
function deliveryFor(state, todayUtc) {
	const firstAds = new Set();
	for (const account of state.dataset.accounts) {
		const first = state.dataset.ads.find((ad) => ad.ad_account_id === account.id);
		if (first) firstAds.add(first.id);
	}
	return (adId, day) => {
		const ad = state.dataset.entity(adId);
		if (NEVER_RAN.includes(ad?.status)) return { ...ZERO };
		// Earned (organic) clicks come on days without spend too.
		const delivery = state.dataset.delivery
			? state.dataset.delivery(adId, day)
			: { ...adDelivery(adId, day), earnedClicks: earnedClicks(adId, day) };
		if (day === todayUtc && firstAds.has(adId) && state.todayExtraMicros)
			return { ...delivery, spendMicros: delivery.spendMicros + state.todayExtraMicros };
		return delivery;
	};
}

/** Earned pin clicks of an ad on a day: 0 to 3, whether or not it spent. */
function earnedClicks(adId, day) {
	return hash(`${adId}|${day}|earned`) % 4;
}

/** Spend of an account on a day that no entity carries: the same each day, or per day in a hand-picked dataset. */
function accountOnlyMicros(state, adAccountId) {
	return (
		state.dataset.accountOnlyMicros?.(adAccountId) ??
		state.config.accountOnlySpend[adAccountId] ??
		0
	);
}

/**
 * Hour `hour` (0–23) of a day's amount, split by stable weights so the 24 parts are each at least
 * 1 for any amount of 216 or more, and always add up to the day exactly.
 */
function hourShare(amount, key, hour) {
	const weights = Array.from({ length: 24 }, (_, h) => (hash(`${key}|${h}`) % 9) + 1);
	const total = weights.reduce((a, b) => a + b, 0);
	const parts = weights.map((w) => Math.floor((amount * w) / total));
	parts[23] += amount - parts.reduce((a, b) => a + b, 0);
	return parts[hour];
}

module.exports = {
	scenarioDefaults,
	accountRefusal,
	isHidden,
	noteAnalyticsCall,
	deliveryFor,
	accountOnlyMicros,
	hourShare,
	earnedClicks,
	ANALYTICS_ROLES,
	NEVER_RAN,
};
