// Synchronous analytics and asynchronous report files, computed from the dataset.
const { adDelivery } = require('./dataset');

const DAY_MS = 86_400_000;
const METRIC_OF_COLUMN = {
	SPEND_IN_MICRO_DOLLAR: (d) => d.spendMicros,
	SPEND_IN_DOLLAR: (d) => d.spendMicros / 1e6,
	IMPRESSION_1: (d) => d.impressions,
	PAID_IMPRESSION: (d) => d.impressions,
	TOTAL_IMPRESSION: (d) => d.impressions,
	CLICKTHROUGH_1: (d) => d.pinClicks,
	TOTAL_CLICKTHROUGH: (d) => d.pinClicks,
	OUTBOUND_CLICK_1: (d) => d.outboundClicks,
	TOTAL_CONVERSIONS: (d) => d.conversions,
};

function daysBetween(startDate, endDate) {
	const days = [];
	for (
		let t = Date.parse(`${startDate}T00:00:00Z`);
		t <= Date.parse(`${endDate}T00:00:00Z`);
		t += DAY_MS
	) {
		days.push(new Date(t).toISOString().slice(0, 10));
	}
	return days;
}

/** The bucket a day falls in; reported as DATE (weeks start on Monday, months on the 1st). */
function bucketOf(day, granularity) {
	if (granularity === 'TOTAL') return 'TOTAL';
	if (granularity === 'MONTH') return `${day.slice(0, 8)}01`;
	if (granularity === 'WEEK') {
		const t = Date.parse(`${day}T00:00:00Z`);
		const mondayOffset = (new Date(t).getUTCDay() + 6) % 7;
		return new Date(t - mondayOffset * DAY_MS).toISOString().slice(0, 10);
	}
	return day;
}

function sumDelivery(ads, days) {
	const total = { spendMicros: 0, impressions: 0, pinClicks: 0, outboundClicks: 0, conversions: 0 };
	for (const ad of ads) {
		for (const day of days) {
			const d = adDelivery(ad.id, day);
			for (const key of Object.keys(total)) total[key] += d[key];
		}
	}
	return total;
}

/**
 * Rows for the given entities: one per (entity, bucket) with any delivery; a metric that is 0 is
 * left out, as Pinterest does ("If a column has no value, it may not be returned").
 */
function analyticsRows(
	dataset,
	{ level, ids, idColumn, startDate, endDate, granularity, columns },
) {
	const buckets = new Map();
	for (const day of daysBetween(startDate, endDate)) {
		const bucket = bucketOf(day, granularity);
		if (!buckets.has(bucket)) buckets.set(bucket, []);
		buckets.get(bucket).push(day);
	}
	const rows = [];
	for (const id of ids) {
		const ads = dataset.adsUnder(level, id);
		for (const [bucket, days] of buckets) {
			const delivery = sumDelivery(ads, days);
			if (delivery.spendMicros === 0 && delivery.impressions === 0) continue;
			const row = { [idColumn]: id };
			if (bucket !== 'TOTAL') row.DATE = bucket;
			for (const column of columns) {
				const metric = METRIC_OF_COLUMN[column];
				const value = metric ? metric(delivery) : 0;
				if (value !== 0) row[column] = value;
			}
			rows.push(row);
		}
	}
	return rows;
}

module.exports = { analyticsRows, daysBetween, sumDelivery };
