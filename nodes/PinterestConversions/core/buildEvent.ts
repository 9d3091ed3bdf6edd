import { ACTION_SOURCES, DEFAULT_ACTION_SOURCE } from './conversionsApiRules';
import { buildCustomData } from './customData';
import { checkEventName, type EventName } from './eventNames';
import { toEventTimeSeconds } from './eventTime';
import { drop, fail, pass, problem, readBoolean, readText, take, withoutEmpty } from './input';
import type { WireCustomData } from './customData';
import type { Checked, DroppedField, InputProblem, ConversionEventInput, Reading } from './input';
import type { WireUserData } from './userData';
import { buildUserData } from './userData';

export type ActionSource = (typeof ACTION_SOURCES)[number];

export type WireAppFields = {
	app_id?: string;
	app_name?: string;
	app_version?: string;
	device_brand?: string;
	device_carrier?: string;
	device_model?: string;
	device_type?: string;
	os_version?: string;
	wifi?: boolean;
};

export type WireConversionEvent = WireAppFields & {
	event_name: EventName;
	action_source: ActionSource;
	event_time: number;
	event_id: string;
	event_source_url?: string;
	opt_out?: boolean;
	partner_name?: string;
	language?: string;
	user_data: WireUserData;
	custom_data?: WireCustomData;
};

type AppTextKey = Exclude<keyof WireAppFields, 'wifi'>;

/** Flat app and device fields of spec v5.23 (the nested `app_info`/`device_info` objects are not used). */
const APP_TEXT_FIELDS: ReadonlyArray<[keyof ConversionEventInput, AppTextKey, string]> = [
	['appId', 'app_id', 'App ID'],
	['appName', 'app_name', 'App name'],
	['appVersion', 'app_version', 'App version'],
	['deviceBrand', 'device_brand', 'Device brand'],
	['deviceCarrier', 'device_carrier', 'Device carrier'],
	['deviceModel', 'device_model', 'Device model'],
	['deviceType', 'device_type', 'Device type'],
	['osVersion', 'os_version', 'OS version'],
];

function readActionSource(value: unknown): Reading<ActionSource> {
	const reading = readText(value, { field: 'actionSource', label: 'Action source' });
	if (!reading.ok) return reading;
	const actionSource = (reading.value ?? DEFAULT_ACTION_SOURCE).toLowerCase();
	const known = ACTION_SOURCES.find((source) => source === actionSource);
	if (known) return pass(known);
	return fail(
		problem(
			'actionSource',
			`Action source is not one of ${ACTION_SOURCES.join(', ')}`,
			'Pick where the conversion happened.',
		),
	);
}

/** Pinterest deduplicates on `event_id` with `event_name` (see dedup.ts), so one is never made up here. */
function readEventId(value: unknown): Reading<string> {
	const reading = readText(value, { field: 'eventId', label: 'Event ID' });
	if (!reading.ok || reading.value !== undefined) return reading;
	return fail(
		problem(
			'eventId',
			'Event ID is required: Pinterest uses it to drop duplicates of retries and of events the Pinterest Tag also sent',
			"Map an ID that stays the same for this event on every run, e.g. the order ID (plus the event name if one order sends several events), and use the same value as the Tag's eventID.",
		),
	);
}

function readUrl(value: unknown): Reading<string> {
	const reading = readText(value, { field: 'eventSourceUrl', label: 'Event source URL' });
	if (!reading.ok || reading.value === undefined || /^https?:\/\/\S+$/i.test(reading.value))
		return reading;
	return fail(
		problem(
			'eventSourceUrl',
			'Event source URL is not an http(s) URL',
			'Map the full page URL, including the epik parameter when present.',
		),
	);
}

/** Spec: "Two-character ISO-639-1 language code"; a locale such as en-US is reduced to its language. */
function readLanguage(value: unknown): Reading<string> {
	const reading = readText(value, { field: 'language', label: 'Language' });
	if (!reading.ok || reading.value === undefined) return reading;
	const language = /^([a-z]{2})(?:[-_][a-z0-9]+)*$/i.exec(reading.value);
	if (language) return pass(language[1].toLowerCase());
	return fail(
		problem(
			'language',
			'Language is not a two-letter ISO 639-1 code',
			'Map a code such as en or de.',
		),
	);
}

/**
 * Validates and assembles one Conversions API event from user-facing inputs. What Pinterest requires (event name,
 * action source, event time, event ID, the identity rule, amounts and line items when given, opt-out) refuses the
 * event when wrong, with every problem at once; an optional field that cannot be used is left out and listed in
 * `dropped`. Only keys the spec allows are emitted. `nowSeconds` is injected (pure function).
 */
export function buildConversionEvent(
	input: ConversionEventInput,
	nowSeconds: number,
): Checked<{ event: WireConversionEvent; dropped: DroppedField[] }> {
	const problems: InputProblem[] = [];
	const dropped: DroppedField[] = [];
	const eventName = take(checkEventName(input.eventName), problems);
	const actionSource = take(readActionSource(input.actionSource), problems);
	const eventTimeSeconds = take(
		toEventTimeSeconds({
			value: input.eventTime,
			nowSeconds,
			emptyMeansNow: input.eventTimeEmptyMeansNow === true,
		}),
		problems,
	);
	const eventId = take(readEventId(input.eventId), problems);
	const optional = withoutEmpty({
		event_source_url: drop(readUrl(input.eventSourceUrl), dropped),
		// Refused rather than left out: dropping an opt-out would send the event as if the user had not opted out.
		opt_out: take(readBoolean(input.optOut, { field: 'optOut', label: 'Opt out' }), problems),
		partner_name: drop(
			readText(input.partnerName, { field: 'partnerName', label: 'Partner name' }),
			dropped,
		),
		language: drop(readLanguage(input.language), dropped),
	});
	const app: WireAppFields = {};
	for (const [field, wire, label] of APP_TEXT_FIELDS) {
		if (input[field] === undefined) continue;
		const text = drop(readText(input[field], { field, label }), dropped);
		if (text !== undefined) app[wire] = text;
	}
	const wifi = drop(readBoolean(input.wifi, { field: 'wifi', label: 'Wi-Fi' }), dropped);
	if (wifi !== undefined) app.wifi = wifi;
	const user = take(buildUserData(input.userData ?? {}), problems);
	const custom = take(buildCustomData(input.customData), problems);
	if (
		problems.length > 0 ||
		eventName === undefined ||
		actionSource === undefined ||
		eventTimeSeconds === undefined ||
		eventId === undefined ||
		user === undefined ||
		custom === undefined
	) {
		return fail(...problems);
	}
	const event: WireConversionEvent = {
		event_name: eventName,
		action_source: actionSource,
		event_time: eventTimeSeconds,
		event_id: eventId,
		...optional,
		...app,
		user_data: user.userData,
	};
	if (custom.customData) event.custom_data = custom.customData;
	return pass({ event, dropped: [...dropped, ...user.dropped, ...custom.dropped] });
}
