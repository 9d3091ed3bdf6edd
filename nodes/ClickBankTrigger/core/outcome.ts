import type { IDataObject } from 'n8n-workflow';

/** Why a request was refused: the HTTP status ClickBank gets and a message safe to show it. */
export interface Rejection {
	kind: 'rejected';
	statusCode: 400 | 403 | 413;
	message: string;
}

export type Step<T> = { kind: 'ok'; value: T } | Rejection;

/**
 * The credential's key breaks the key rule, so no request can be trusted: ClickBank gets a 5xx (and retries
 * later), the workflow's owner a log line with the problem.
 */
export interface UnusableKey {
	kind: 'unusableKey';
	statusCode: 500;
	message: string;
	problem: string;
}

/** What the trigger does with one request. */
export type Outcome =
	| { kind: 'accepted'; item: IDataObject }
	| { kind: 'ignored'; transactionType: string }
	| Rejection
	| UnusableKey;

export function reject(statusCode: Rejection['statusCode'], message: string): Rejection {
	return { kind: 'rejected', statusCode, message };
}

export function ok<T>(value: T): Step<T> {
	return { kind: 'ok', value };
}
