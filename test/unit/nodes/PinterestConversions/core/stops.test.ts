import {
	describeProblems,
	processedBeforeNote,
	stopAfterSending,
	stopBeforeSending,
} from '../../../../../nodes/PinterestConversions/core/stops';
import { ActionableError } from '../../../../../shared/errors';

const EMAIL_PROBLEM = { field: 'email', message: 'Email is missing', fix: 'Map an email.' };
const NAME_PROBLEM = { field: 'eventName', message: 'Event name is required', fix: 'Pick one.' };

describe('stopping a run', () => {
	it('describes problems as field: message. fix, joined by " | "', () => {
		expect(describeProblems([EMAIL_PROBLEM, NAME_PROBLEM])).toBe(
			'email: Email is missing. Map an email. | eventName: Event name is required. Pick one.',
		);
	});

	it('before sending: names the first refused item (1-based) and how many of all', () => {
		const stop = stopBeforeSending({
			refusedCount: 2,
			firstRefused: { itemIndex: 3, problems: [EMAIL_PROBLEM] },
			totalCount: 10,
		});
		expect(stop).toBeInstanceOf(ActionableError);
		expect([stop.message, stop.itemIndex, stop.fix]).toEqual([
			'2 of 10 events cannot be sent, so none was sent; the first (item 4): email: Email is missing. Map an email.',
			3,
			'Fix these items and run again, or set Failed Events to "Route to the Failed Output" to send the valid ones.',
		]);
	});

	it('after sending: names the first failed item and how many were processed', () => {
		const stop = stopAfterSending({
			failed: [
				{ itemIndex: 5, reason: 'Invalid custom_data' },
				{ itemIndex: 7, reason: 'other' },
			],
			sentCount: 8,
			totalCount: 10,
		});
		expect([stop.message, stop.itemIndex]).toEqual([
			'2 of 10 events were not processed by Pinterest; the first: Invalid custom_data',
			5,
		]);
		expect(stop.fix).toBe(
			'8 events were processed. Pinterest counts an event ID with its event name once within 48 hours, so sending the same items again does not count those twice, except offline events, which Pinterest does not deduplicate: for those, send only the failed items.',
		);
	});

	it('says what earlier requests delivered: none, one, or several', () => {
		expect(processedBeforeNote(0)).toBe('No earlier request of this run had delivered events.');
		expect(processedBeforeNote(1)).toBe(
			'1 event of earlier requests of this run was processed by Pinterest; sending them again within 48 hours with the same event IDs does not count them twice, except offline events.',
		);
		expect(processedBeforeNote(1000)).toBe(
			'1000 events of earlier requests of this run were processed by Pinterest; sending them again within 48 hours with the same event IDs does not count them twice, except offline events.',
		);
	});
});
