// The request limits Pinterest enforces, so the fake rejects what Pinterest would reject.
const DAY_MS = 86_400_000;

function dayNumber(date) {
	return /^\d{4}-\d{2}-\d{2}$/.test(date ?? '') ? Date.parse(`${date}T00:00:00Z`) / DAY_MS : NaN;
}

/** A problem message, or undefined when the range is acceptable. */
function checkRange({ startDate, endDate, todayUtc, maxDaysBack, maxSpanDays }) {
	const start = dayNumber(startDate);
	const end = dayNumber(endDate);
	const today = dayNumber(todayUtc);
	if (Number.isNaN(start) || Number.isNaN(end))
		return 'start_date and end_date must be YYYY-MM-DD.';
	if (end < start) return 'end_date must not be before start_date.';
	if (today - start > maxDaysBack)
		return `start_date cannot be more than ${maxDaysBack} days back from today.`;
	if (end - start > maxSpanDays)
		return `end_date cannot be more than ${maxSpanDays} days past start_date.`;
	return undefined;
}

const SYNC = { maxDaysBack: 90, maxSpanDays: 90, hourMaxDaysBack: 8, hourMaxSpanDays: 3 };
const ASYNC = { maxDaysBack: 914, maxSpanDays: 186 };
const MAX_IDS_PER_CALL = 250;
const MAX_PAGE_SIZE = 250;
const MAX_EVENTS_PER_REQUEST = 1000;

function checkSyncAnalytics({ startDate, endDate, granularity, todayUtc }) {
	const hourly = granularity === 'HOUR';
	return checkRange({
		startDate,
		endDate,
		todayUtc,
		maxDaysBack: hourly ? SYNC.hourMaxDaysBack : SYNC.maxDaysBack,
		maxSpanDays: hourly ? SYNC.hourMaxSpanDays : SYNC.maxSpanDays,
	});
}

function checkReport({ startDate, endDate, todayUtc }) {
	return checkRange({ startDate, endDate, todayUtc, ...ASYNC });
}

module.exports = {
	checkSyncAnalytics,
	checkReport,
	MAX_IDS_PER_CALL,
	MAX_PAGE_SIZE,
	MAX_EVENTS_PER_REQUEST,
};
