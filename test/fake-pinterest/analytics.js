// Synchronous analytics and asynchronous report files, computed from the dataset.
const { adDelivery } = require('./dataset');
const { hourShare } = require('./spendScenarios');

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
	CLICKTHROUGH_2: (d) => d.earnedClicks,
	// Ratios of the bucket, as Pinterest computes them for the rows it sends.
	CTR: (d) => (d.impressions ? d.pinClicks / d.impressions : 0),
	ECPC_IN_DOLLAR: (d) => (d.pinClicks ? d.spendMicros / d.pinClicks / 1e6 : 0),
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

const METRICS = [
	'spendMicros',
	'impressions',
	'pinClicks',
	'outboundClicks',
	'conversions',
	'earnedClicks',
];

/** Delivery of the ads over the days, or over one hour of one day when `hour` is given. */
function sumDelivery(ads, days, delivery = adDelivery, hour = undefined) {
	const total = Object.fromEntries(METRICS.map((key) => [key, 0]));
	for (const ad of ads) {
		for (const day of days) {
			const d = delivery(ad.id, day);
			for (const key of METRICS)
				total[key] +=
					hour === undefined
						? (d[key] ?? 0)
						: hourShare(d[key] ?? 0, `${ad.id}|${day}|${key}`, hour);
		}
	}
	return total;
}

/**
 * Rows for the given entities: one per (entity, bucket) with any delivery; a metric that is 0 is
 * left out, as Pinterest does ("If a column has no value, it may not be returned"). HOUR gives 24
 * buckets a day, each day's hours adding up to the day; the hour goes in an HOUR column (DATE
 * stays a date, as the spec types it) or, with hourShape 'dateTime', into DATE itself.
 * `accountOnlyMicros` is spend per day only the ad account level carries: the same each day, or a function of the day.
 */
function analyticsRows(
	dataset,
	{
		level,
		ids,
		idColumn,
		startDate,
		endDate,
		granularity,
		columns,
		delivery = adDelivery,
		accountOnlyMicros = 0,
		hourShape = 'hourColumn',
	},
) {
	const buckets = new Map();
	for (const day of daysBetween(startDate, endDate)) {
		if (granularity === 'HOUR') {
			for (let hour = 0; hour < 24; hour++)
				buckets.set(`${day}|${hour}`, { day, hour, days: [day] });
			continue;
		}
		const bucket = bucketOf(day, granularity);
		if (!buckets.has(bucket)) buckets.set(bucket, { day: bucket, days: [] });
		buckets.get(bucket).days.push(day);
	}
	const rows = [];
	for (const id of ids) {
		const ads = dataset.adsUnder(level, id);
		for (const { day, hour, days } of buckets.values()) {
			const total = sumDelivery(ads, days, delivery, hour);
			if (level === 'adAccount' && accountOnlyMicros) {
				const onDay = (d) =>
					typeof accountOnlyMicros === 'function' ? accountOnlyMicros(d) : accountOnlyMicros;
				total.spendMicros +=
					hour === undefined
						? days.reduce((sum, d) => sum + onDay(d), 0)
						: hourShare(onDay(day), `${id}|${day}|accountOnly`, hour);
			}
			if (total.spendMicros === 0 && total.impressions === 0 && total.earnedClicks === 0) continue;
			const row = { [idColumn]: id };
			if (granularity === 'HOUR' && hourShape === 'dateTime')
				row.DATE = `${day} ${String(hour).padStart(2, '0')}:00:00`;
			else if (granularity === 'HOUR') Object.assign(row, { DATE: day, HOUR: hour });
			else if (day !== 'TOTAL') row.DATE = day;
			for (const column of columns) {
				const metric = METRIC_OF_COLUMN[column];
				const value = metric ? metric(total) : 0;
				if (value !== 0) row[column] = value;
			}
			// Rows whose requested columns are all 0 are left out, as Pinterest's reports do.
			if (columns.some((column) => row[column] !== undefined)) rows.push(row);
		}
	}
	return rows;
}

module.exports = { analyticsRows, daysBetween, sumDelivery };
