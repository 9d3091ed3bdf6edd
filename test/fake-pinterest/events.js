// POST /ad_accounts/{id}/events: Pinterest's per-event verdicts, and the privacy check the tests rely on.
const HASHED_FIELDS = [
	'em',
	'ph',
	'fn',
	'ln',
	'ge',
	'db',
	'ct',
	'st',
	'zp',
	'country',
	'external_id',
	'hashed_maids',
];
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** The event names Pinterest's OpenAPI description lists (as a Markdown list in the field's description). */
const STANDARD_EVENTS = new Set(
	require('../fixtures/pinterest-openapi/openapi.json')
		.components.schemas.ConversionEvents.properties.data.items.properties.event_name.description.match(
			/`[a-z_]+`/g,
		)
		.map((name) => name.slice(1, -1)),
);
const MAX_AGE_SECONDS = 7 * 86400;
/** events/create docs: in test mode only the first 20 events of a request are processed. */
const MAX_TEST_EVENTS = 20;
const MAX_FUTURE_SECONDS = 3600;

/** The error message Pinterest would give the event, or undefined if it would be processed. */
function verdict(event, nowSeconds, privacyViolations, rejectEventIds = []) {
	const user = event.user_data ?? {};
	for (const field of HASHED_FIELDS) {
		for (const value of user[field] ?? []) {
			if (!SHA256_HEX.test(value))
				privacyViolations.push({ event_id: event.event_id, field, value });
		}
	}
	if (!STANDARD_EVENTS.has(event.event_name)) return `Invalid event_name: ${event.event_name}.`;
	if (rejectEventIds.includes(event.event_id))
		return 'Invalid custom_data: the event was refused (configured in the fake).';
	if (event.event_time < nowSeconds - MAX_AGE_SECONDS) {
		return 'Invalid event_timestamp parameter. Given timestamp is in the past and out of the accepted window.';
	}
	if (event.event_time > nowSeconds + MAX_FUTURE_SECONDS)
		return 'Invalid event_timestamp parameter. Given timestamp is in the future.';
	const identified =
		user.em?.length ||
		user.hashed_maids?.length ||
		(user.client_ip_address && user.client_user_agent);
	if (!identified)
		return 'user_data must contain em, hashed_maids, or client_ip_address and client_user_agent.';
	return undefined;
}

/**
 * Answers a batch as Pinterest does: per-event results in request order; HTTP 422 with the results under `details`
 * unless every event was processed ("Not all events were successfully processed"). Test mode processes only the
 * first 20 events and records nothing. Processed events are recorded once per (event_id, event_name), except
 * offline events, which Pinterest cannot deduplicate: each copy counts.
 */
function receiveEvents(state, adAccountId, events, { test, nowSeconds }) {
	const results = events.map((event, index) => {
		const error =
			test && index >= MAX_TEST_EVENTS
				? `Test mode processes only the first ${MAX_TEST_EVENTS} events of a request.`
				: verdict(event, nowSeconds, state.privacyViolations, state.config.rejectEventIds);
		if (error) return { status: 'failed', error_message: error, warning_message: null };
		if (!test) {
			const key = `${adAccountId}|${event.event_id}|${event.event_name}`;
			if (event.action_source === 'offline' || !state.seenEventKeys.has(key)) {
				state.seenEventKeys.add(key);
				state.conversions.push({ adAccountId, event });
			}
		}
		const warning = event.user_data?.click_id
			? null
			: 'click_id is missing: add the epik value to improve attribution.';
		return { status: 'processed', error_message: null, warning_message: warning };
	});
	const processed = results.filter((r) => r.status === 'processed').length;
	const summary = {
		num_events_received: events.length,
		num_events_processed: processed,
		events: results,
	};
	if (processed < events.length) {
		return {
			status: 422,
			body: {
				code: 953,
				message:
					'The action could not be processed properly due to some or all data provided being invalid.',
				details: summary,
			},
		};
	}
	return { status: 200, body: summary };
}

/**
 * An answer that disagrees with itself (faults.js `fewerResults`): the events were handled as usual, but the last
 * `count` per-event results are missing from it, while the counts still say how many were received.
 */
function dropLastResults(body, count) {
	if (!count) return body;
	const summary = body.details ?? body;
	const events = summary.events.slice(0, Math.max(0, summary.events.length - count));
	return body.details ? { ...body, details: { ...summary, events } } : { ...summary, events };
}

module.exports = { receiveEvents, dropLastResults, HASHED_FIELDS };
