import { shapeOf } from '../../../shared/transport/shapeOf';
import type { AnalyticsRow } from './levels';

// What the analytics and report answers must look like before they are read: a broken proxy or API that answers
// with an object instead of rows, a string or nothing at all gets an error naming the call, not "rows.map is not
// a function" from deep inside the node. Pure: nodes/PinterestAdSpend/transport/analytics.ts throws the problem.

/** The value, or what is wrong with the answer, after "Pinterest's answer to … ". */
export type Checked<T> = { value: T } | { problem: string };

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A key of the answer, shown short: it came from outside. */
const shownKey = (key: string) => JSON.stringify(key.slice(0, 40));

/** Synchronous analytics: a list of row objects. */
export function checkAnalyticsRows(answer: unknown): Checked<AnalyticsRow[]> {
	if (!Array.isArray(answer)) return { problem: `is ${shapeOf(answer)}, not a list of rows` };
	const at = answer.findIndex((row) => !isRecord(row));
	if (at >= 0) return { problem: `holds ${shapeOf(answer[at])} as row ${at + 1}, not a row` };
	return { value: answer as AnalyticsRow[] };
}

/** A created report: the token its status is asked with. */
export function checkReportToken(answer: unknown): Checked<string> {
	if (!isRecord(answer)) return { problem: `is ${shapeOf(answer)}, not a report` };
	const { token } = answer;
	if (typeof token === 'string' && token !== '') return { value: token };
	return { problem: `has ${shapeOf(token)} as its report token, not a token` };
}

/** A report's status, and the link to its file once it is FINISHED. */
export function checkReportStatus(answer: unknown): Checked<{ status: string; url?: string }> {
	if (!isRecord(answer)) return { problem: `is ${shapeOf(answer)}, not a report status` };
	const { report_status: status, url } = answer;
	if (typeof status !== 'string' || status === '')
		return { problem: `has ${shapeOf(status)} as its report status, not a status` };
	if (status !== 'FINISHED') return { value: { status } };
	if (typeof url !== 'string' || url === '')
		return { problem: `says FINISHED with ${shapeOf(url)} as the report link, not a link` };
	return { value: { status, url } };
}

/**
 * A report file: an object keyed by entity id (primary_sort BY_ID), each key a list of rows. The key becomes the
 * rows' id column: the keys are exact, unlike ids inside some rows.
 */
export function checkReportFileRows(file: unknown, idColumn: string): Checked<AnalyticsRow[]> {
	if (!isRecord(file)) return { problem: `is ${shapeOf(file)}, not an object of rows by ID` };
	const rows: AnalyticsRow[] = [];
	for (const [id, list] of Object.entries(file)) {
		if (!Array.isArray(list))
			return { problem: `holds ${shapeOf(list)} under ${shownKey(id)}, not a list of rows` };
		for (const row of list) {
			if (!isRecord(row))
				return { problem: `holds ${shapeOf(row)} among the rows of ${shownKey(id)}, not a row` };
			rows.push({ ...row, [idColumn]: id });
		}
	}
	return { value: rows };
}
