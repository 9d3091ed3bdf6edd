import openapi from '../../../../fixtures/pinterest-openapi/openapi.json';
import { STANDARD_EVENT_NAMES } from '../../../../../nodes/PinterestConversions/core/conversionsApiRules';
import { checkEventName } from '../../../../../nodes/PinterestConversions/core/eventNames';

/** The spec lists the event names as a Markdown list (`- \`checkout\``) in the field's description, not as an enum. */
const specEventNames = (): string[] => {
	const description =
		openapi.components.schemas.ConversionEvents.properties.data.items.properties.event_name
			.description;
	return [...description.matchAll(/^- `([a-z_]+)`$/gm)].map((match) => match[1]);
};

const VALID_LIST =
	'Valid names: add_payment_info, add_to_cart, add_to_wishlist, app_install, checkout, custom, initiate_checkout, lead, page_visit, search, signup, subscribe, view_category, view_content, watch_video.';

describe('checkEventName', () => {
	it("knows exactly the names listed in Pinterest's OpenAPI description", () => {
		const names = specEventNames();
		expect(openapi.info.version).toBe('5.23.0');
		expect(names).toHaveLength(15);
		expect([...STANDARD_EVENT_NAMES].sort()).toEqual([...names].sort());
		for (const name of names) expect(checkEventName(name)).toEqual({ ok: true, value: name });
	});

	it.each([
		[' Checkout ', 'checkout'],
		['Add To Cart', 'add_to_cart'],
		['addtocart', 'add_to_cart'],
		['PageVisit', 'page_visit'],
		['sign-up', 'signup'],
		['VIEW_CATEGORY', 'view_category'],
		['Custom', 'custom'],
	])('reads %p as %p (case, spaces, hyphens and underscores ignored)', (input, expected) => {
		expect(checkEventName(input)).toEqual({ ok: true, value: expected });
	});

	it('refuses unknown names with the list of valid ones', () => {
		expect(checkEventName('refund')).toEqual({
			ok: false,
			problems: [
				{
					field: 'eventName',
					message: 'Event name is not a Pinterest event name.',
					fix: `${VALID_LIST} Use "custom" for any other event.`,
				},
			],
		});
	});

	it.each([
		['purchase', 'checkout'],
		['Page View', 'page_visit'],
		['CompleteRegistration', 'signup'],
		['begin_checkout', 'initiate_checkout'],
	])('suggests, but never applies, the Pinterest name for %p', (input, suggestion) => {
		const outcome = checkEventName(input);
		expect(outcome.ok).toBe(false);
		expect(!outcome.ok && outcome.problems[0].message).toBe(
			`Event name is not a Pinterest event name. Did you mean "${suggestion}"?`,
		);
	});

	it('refuses numbers and objects', () => {
		expect(checkEventName(42)).toMatchObject({
			problems: [{ message: 'Event name is not a Pinterest event name.' }],
		});
		expect(checkEventName({ name: 'checkout' })).toMatchObject({
			problems: [{ message: 'Event name must be text' }],
		});
	});

	it.each([undefined, null, '', '  '])('requires a name (%p)', (value) => {
		expect(checkEventName(value)).toEqual({
			ok: false,
			problems: [
				{
					field: 'eventName',
					message: 'Event name is required',
					fix: `Pick a Pinterest event. ${VALID_LIST}`,
				},
			],
		});
	});
});
