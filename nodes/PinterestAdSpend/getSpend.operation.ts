import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { getAdAccount, listAdAccounts, type AdAccount } from '../../shared/transport/adAccounts';
import { PINTEREST_BASE_URLS } from '../../shared/environment';
import { PinterestClient } from '../../shared/transport/client';
import { isAccountRefusal, whyNotReadable } from './accountAccess';
import { parseAdditionalColumns } from './columns';
import { resolveDateRange, SpendInputError, type DatePreset } from './dates';
import { asItemError } from './itemError';
import { pullAccountSpend, type SpendRequest } from './pullAccountSpend';
import type { Granularity, Level } from './spendApi';
import { checkReach } from './strategy';
import { checkNotFuture } from './windows';

/** Pinterest ids: digits only, at most 18 (spec: ad_account_id pattern and maxLength). */
const PINTEREST_ID = /^\d{1,18}$/;

const ID_FIX =
	'Ad account IDs are the numbers shown in Ads Manager (digits only); pick them from the list or give them as an array or a comma-separated list.';

function toIdList(value: unknown): string[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(',');
	// An object here is a whole record mapped instead of its id: String() would show "[object Object]".
	const objectAt = list.findIndex((id) => id !== null && typeof id === 'object');
	if (objectAt >= 0) {
		throw new SpendInputError(
			`Ad Account Names or IDs: entry ${objectAt + 1} is an object, not an ad account ID`,
			`${ID_FIX} Map the ID field of each record (e.g. {{ $json.accounts.map(account => account.id) }}).`,
		);
	}
	const ids = list.map((id) => String(id).trim()).filter((id) => id !== '');
	const invalid = ids.find((id) => !PINTEREST_ID.test(id));
	if (invalid !== undefined) {
		throw new SpendInputError(
			`Ad Account Names or IDs: "${invalid}" is not an ad account ID`,
			ID_FIX,
		);
	}
	if (ids.length === 0) {
		throw new SpendInputError(
			'No ad account selected',
			'Pick at least one ad account, or choose "All Ad Accounts This Login Can Access"',
		);
	}
	return [...new Set(ids)];
}

/** Everything the run needs from the parameters, checked before any call to Pinterest. */
function readRequest(
	this: IExecuteFunctions,
	itemIndex: number,
	client: PinterestClient,
): SpendRequest {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const zone = options.dateZone === 'workflow' ? this.getTimezone() : 'UTC';
	const preset = this.getNodeParameter('datePreset', itemIndex) as string;
	const now = DateTime.now();
	const range = resolveDateRange(preset as DatePreset, {
		now,
		zone,
		customStart: preset === 'custom' ? this.getNodeParameter('startDate', itemIndex) : undefined,
		customEnd: preset === 'custom' ? this.getNodeParameter('endDate', itemIndex) : undefined,
	});
	const todayUtc = now.toUTC().toISODate() as string;
	checkNotFuture(range, todayUtc);
	const metrics = this.getNodeParameter('metrics', itemIndex, []) as string[];
	const request: SpendRequest = {
		level: this.getNodeParameter('level', itemIndex) as Level,
		range,
		granularity: this.getNodeParameter('granularity', itemIndex) as Granularity,
		includeNames: this.getNodeParameter('includeNames', itemIndex) as boolean,
		metricColumns: [
			...new Set([...metrics, ...parseAdditionalColumns((options.extraColumns as string) ?? '')]),
		],
		includeZeroSpend: options.includeZeroSpend === true,
		strategy: (options.strategy as SpendRequest['strategy']) ?? 'auto',
		todayUtc,
		reportsAvailable: client.baseUrl !== PINTEREST_BASE_URLS.sandbox,
	};
	checkReach({ ...request, requested: request.strategy });
	return request;
}

function accountLabel(account: AdAccount) {
	return account.name ? `${account.name} (${account.id})` : account.id;
}

/** "Get ad spend" for one input item: every selected account, one output item per row. */
export async function getSpend(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const client = await PinterestClient.create(this, 'pinterestAdsOAuth2Api', {
		timings: {
			requestTimeoutMs: this.getNodeParameter('testRequestTimeoutMs', itemIndex, 0) as number,
			reportPollMaxTotalWaitMs: this.getNodeParameter(
				'testReportPollBudgetMs',
				itemIndex,
				0,
			) as number,
		},
	});
	const allAccounts = this.getNodeParameter('adAccountSelection', itemIndex) === 'all';
	let request: SpendRequest;
	let selectedIds: string[] = [];
	try {
		request = readRequest.call(this, itemIndex, client);
		if (!allAccounts) selectedIds = toIdList(this.getNodeParameter('adAccountIds', itemIndex));
	} catch (error) {
		const fix = error instanceof SpendInputError ? error.fix : undefined;
		throw new NodeOperationError(this.getNode(), (error as Error).message, {
			itemIndex,
			description: fix,
		});
	}
	// Selected accounts are read one by one inside the loop: one the login cannot read fails alone.
	const accounts: AdAccount[] = allAccounts
		? await listAdAccounts(client)
		: selectedIds.map((id) => ({ id }));
	const output: INodeExecutionData[] = [];
	const notices: string[] = [];
	const skipped: string[] = [];
	for (let account of accounts) {
		// With "all", an account the login may list but not read is skipped, not a failed sync.
		const unreadable = allAccounts ? whyNotReadable(account) : undefined;
		if (unreadable) {
			skipped.push(`${accountLabel(account)}: ${unreadable}`);
			continue;
		}
		try {
			// Listed accounts come with their currency; selected ones are read for it.
			if (account.currency === undefined) account = await getAdAccount(client, account.id);
			const spend = await pullAccountSpend(this, client, account, request);
			for (const row of spend.rows) output.push({ json: row, pairedItem: { item: itemIndex } });
			notices.push(...spend.notices);
		} catch (error) {
			if (allAccounts && isAccountRefusal(error)) {
				skipped.push(
					`${accountLabel(account)}: Pinterest answered HTTP ${error.httpCode} (${error.message})`,
				);
				continue;
			}
			// One failing account must not lose the others' rows when the user chose to continue.
			if (!this.continueOnFail()) throw asItemError(this.getNode(), error, itemIndex);
			const fix = (error as { description?: unknown }).description;
			output.push({
				json: {
					error: (error as Error).message,
					...(typeof fix === 'string' && fix !== '' ? { fix } : {}),
					adAccountId: account.id,
					adAccountName: account.name ?? null,
				},
				pairedItem: { item: itemIndex },
			});
		}
	}
	if (skipped.length > 0) {
		notices.unshift(
			`Skipped ${skipped.length} of ${accounts.length} ad accounts this login can see: ${skipped.join('; ')}. The other accounts' spend is complete; give the login a role that can read analytics in Pinterest Business Manager to include them.`,
		);
	}
	for (const message of notices) {
		this.logger.warn(`Pinterest Ad Spend: ${message}`);
		this.addExecutionHints({ message, type: 'warning', location: 'outputPane' });
	}
	this.logger.info(
		`Pinterest Ad Spend: ${output.length} rows from ${accounts.length - skipped.length} ad accounts in ${client.requestCount} API requests`,
	);
	return output;
}
