import type { IDataObject } from 'n8n-workflow';

import { receiveEvents, type EventsState } from '../../fake-pinterest/events';
import { FakeHttp, type FakeAnswer, type RecordedRequest } from './fakeHttp';

const EVENTS_PATH = /^\/v5\/ad_accounts\/(\d+)\/events$/;

type WireEvent = IDataObject & {
	event_id: string;
	event_name: string;
	action_source: string;
	user_data?: IDataObject;
};

/**
 * Answers `POST /ad_accounts/{id}/events` with the end-to-end fake's rules (test/fake-pinterest/events.js): per-event
 * results in request order, HTTP 422 with them under `details` unless all were processed, only the first 20
 * processed in test mode, nothing recorded in test mode, and a processed event recorded once per
 * (event_id, event_name) except offline ones, which each count.
 */
export class FakePinterestEvents {
	readonly http = new FakeHttp();

	/** Event ids Pinterest refuses (as it would an invalid custom_data). */
	readonly rejectEventIds = new Set<string>();

	private readonly state: EventsState = {
		privacyViolations: [],
		config: {},
		seenEventKeys: new Set(),
		conversions: [],
	};

	constructor() {
		this.http.route((request) => this.answer(request));
	}

	/** Conversions Pinterest counted. */
	get conversions(): Array<{ adAccountId: string; event: WireEvent }> {
		return this.state.conversions.map(({ adAccountId, event }) => ({
			adAccountId,
			event: event as WireEvent,
		}));
	}

	/** Hashed fields sent in the clear (event id and field only): must stay empty. */
	get privacyViolations(): Array<{ eventId: string; field: string }> {
		return this.state.privacyViolations.map(({ event_id, field }) => ({
			eventId: event_id,
			field,
		}));
	}

	/** The event requests, in order: ad account, test flag and event ids of each. */
	batches() {
		return this.http.to('POST', EVENTS_PATH).map((request) => ({
			adAccountId: EVENTS_PATH.exec(request.path)![1],
			test: request.qs.test === true,
			eventIds: ((request.body as { data: WireEvent[] }).data ?? []).map((event) => event.event_id),
		}));
	}

	private answer(request: RecordedRequest): FakeAnswer | undefined {
		const match = EVENTS_PATH.exec(request.path);
		if (!match || request.method !== 'POST') return undefined;
		this.state.config.rejectEventIds = [...this.rejectEventIds];
		const { status, body } = receiveEvents(
			this.state,
			match[1],
			(request.body as { data: WireEvent[] }).data,
			{ test: request.qs.test === true, nowSeconds: Math.floor(Date.now() / 1000) },
		);
		return status === 200 ? { body } : { status, body };
	}
}
