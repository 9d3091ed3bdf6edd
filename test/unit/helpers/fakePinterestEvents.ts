import type { IDataObject } from 'n8n-workflow';

import { FakeHttp, type FakeAnswer, type RecordedRequest } from './fakeHttp';

const EVENTS_PATH = /^\/v5\/ad_accounts\/(\d+)\/events$/;
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
/** events/create docs: in test mode only the first 20 events of a request are processed. */
const MAX_TEST_EVENTS = 20;

type WireEvent = IDataObject & {
	event_id: string;
	event_name: string;
	action_source: string;
	user_data?: IDataObject;
};

/**
 * Answers `POST /ad_accounts/{id}/events` as Pinterest does (the same rules as test/fake-pinterest/events.js):
 * per-event results in request order, HTTP 422 with them under `details` unless all were processed, only the first
 * 20 processed in test mode, nothing recorded in test mode, and a processed event recorded once per
 * (event_id, event_name) except offline ones, which each count.
 */
export class FakePinterestEvents {
	readonly http = new FakeHttp();

	/** Event ids Pinterest refuses (as it would an invalid custom_data). */
	readonly rejectEventIds = new Set<string>();

	/** Conversions Pinterest counted. */
	readonly conversions: Array<{ adAccountId: string; event: WireEvent }> = [];

	/** Hashed fields sent in the clear: must stay empty. */
	readonly privacyViolations: Array<{ eventId: string; field: string }> = [];

	private readonly seen = new Set<string>();

	constructor() {
		this.http.route((request) => this.answer(request));
	}

	/** The event requests, in order: ad account, test flag and event ids of each. */
	batches() {
		return this.http.to('POST', EVENTS_PATH).map((request) => ({
			adAccountId: EVENTS_PATH.exec(request.path)![1],
			test: request.qs.test === true,
			eventIds: ((request.body as { data: WireEvent[] }).data ?? []).map((event) => event.event_id),
		}));
	}

	private verdict(event: WireEvent, index: number, test: boolean): string | undefined {
		const user = event.user_data ?? {};
		for (const field of HASHED_FIELDS) {
			for (const value of (user[field] as string[] | undefined) ?? []) {
				if (!SHA256_HEX.test(value))
					this.privacyViolations.push({ eventId: event.event_id, field });
			}
		}
		if (test && index >= MAX_TEST_EVENTS)
			return `Test mode processes only the first ${MAX_TEST_EVENTS} events of a request.`;
		if (this.rejectEventIds.has(event.event_id))
			return 'Invalid custom_data: the event was refused (configured in the fake).';
		const identified =
			(user.em as unknown[] | undefined)?.length ||
			(user.hashed_maids as unknown[] | undefined)?.length ||
			(user.client_ip_address && user.client_user_agent);
		if (!identified)
			return 'user_data must contain em, hashed_maids, or client_ip_address and client_user_agent.';
		return undefined;
	}

	private answer(request: RecordedRequest): FakeAnswer | undefined {
		const match = EVENTS_PATH.exec(request.path);
		if (!match || request.method !== 'POST') return undefined;
		const adAccountId = match[1];
		const test = request.qs.test === true;
		const events = (request.body as { data: WireEvent[] }).data;
		const results = events.map((event, index) => {
			const error = this.verdict(event, index, test);
			if (error) return { status: 'failed', error_message: error, warning_message: null };
			const key = `${adAccountId}|${event.event_id}|${event.event_name}`;
			if (!test && (event.action_source === 'offline' || !this.seen.has(key))) {
				this.seen.add(key);
				this.conversions.push({ adAccountId, event });
			}
			return { status: 'processed', error_message: null, warning_message: null };
		});
		const processed = results.filter((result) => result.status === 'processed').length;
		const summary = {
			num_events_received: events.length,
			num_events_processed: processed,
			events: results,
		};
		if (processed === events.length) return { body: summary };
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
}
