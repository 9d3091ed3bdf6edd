import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/engine';
import type { FakeRequest, InProcessPinterest } from '../harness/pinterest';
import { ACCOUNT, gardenDataset, pickedAccounts } from './gardenDataset';

export { picked, pickedAccounts } from './gardenDataset';

export const CLOSED_DAYS = { datePreset: 'custom', startDate: '2026-11-20', endDate: '2026-11-22' };

/** A fresh fake serving the garden dataset, changed by `change` first (an ad more, account-only spend…). */
export async function serveGarden(
	pinterest: InProcessPinterest,
	change: (data: ReturnType<typeof gardenDataset>) => void = () => undefined,
) {
	const data = gardenDataset();
	change(data);
	await pinterest.reset({ given: data });
}

/** "Get ad spend" of the garden account over the closed days 2026-11-20..22, with the parameters given. */
export function runSpend(
	pinterest: InProcessPinterest,
	parameters: IDataObject,
	{ continueOnFail = false } = {},
) {
	return runNode({
		node: 'pinterestAdSpend',
		parameters: {
			...pickedAccounts(ACCOUNT),
			...CLOSED_DAYS,
			...parameters,
		},
		credentials: pinterest.credentials(),
		continueOnFail,
		nodeName: 'Pinterest Ad Spend',
	});
}

export const sumMicros = (rows: IDataObject[]) =>
	rows.reduce((sum, row) => sum + Number(row.spendMicros ?? 0), 0);

/** The API requests as `METHOD /path` below /ad_accounts. */
export async function paths(pinterest: InProcessPinterest): Promise<string[]> {
	return (await pinterest.calls()).map((call) => call.replace(' /ad_accounts', ' '));
}

/** The requests to paths matching the pattern, in order. */
export async function requestsTo(
	pinterest: InProcessPinterest,
	method: string,
	pathPattern: RegExp,
): Promise<FakeRequest[]> {
	return (await pinterest.requests()).filter(
		(r) => r.method === method && pathPattern.test(r.path),
	);
}

/** A request's query: a repeated parameter as the list of its values. */
export function queryOf(request: FakeRequest): Record<string, string | string[]> {
	const query = new URLSearchParams(request.query);
	return Object.fromEntries(
		[...new Set(query.keys())].map((key) => {
			const values = query.getAll(key);
			return [key, values.length > 1 ? values : values[0]];
		}),
	);
}
