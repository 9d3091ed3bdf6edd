import type { IDataObject } from 'n8n-workflow';

/** Why a request was refused: the HTTP status ClickBank gets and a message safe to show it. */
export interface Rejection {
	kind: 'rejected';
	statusCode: 400 | 403 | 413;
	message: string;
}

export type Step<T> = { kind: 'ok'; value: T } | Rejection;

/** What the trigger does with one request. */
export type Outcome =
	| { kind: 'accepted'; item: IDataObject }
	| { kind: 'ignored'; transactionType: string }
	| Rejection;

export function reject(statusCode: Rejection['statusCode'], message: string): Rejection {
	return { kind: 'rejected', statusCode, message };
}

export function ok<T>(value: T): Step<T> {
	return { kind: 'ok', value };
}
