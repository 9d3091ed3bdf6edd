import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { getAdAccount, listAdAccounts, type AdAccount } from '../shared/adAccounts';
import { PinterestClient } from '../shared/transport';
import { pullAccountSpend, type SpendRequest } from './pullAccountSpend';
import { resolveDateRange, SpendInputError, type DatePreset } from './dates';
import { checkNotFuture } from './windows';
import type { Granularity, Level } from './spendApi';

function toIdList(value: unknown): string[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(',');
	return list.map((id) => String(id).trim()).filter((id) => id !== '');
}

function parseColumns(value: string): string[] {
	return value
		.split(',')
		.map((column) => column.trim().toUpperCase())
		.filter((column) => column !== '');
}

async function selectedAccounts(
	this: IExecuteFunctions,
	client: PinterestClient,
	itemIndex: number,
) {
	if (this.getNodeParameter('adAccountSelection', itemIndex) === 'all') {
		return await listAdAccounts(client);
	}
	const ids = toIdList(this.getNodeParameter('adAccountIds', itemIndex));
	if (ids.length === 0) {
		throw new NodeOperationError(this.getNode(), 'No ad account selected', {
			itemIndex,
			description:
				'Pick at least one ad account, or choose "All Ad Accounts This Login Can Access"',
		});
	}
	// Read one by one inside the account loop: an account the login cannot read fails alone.
	return ids.map((id): AdAccount => ({ id }));
}

function readRequest(this: IExecuteFunctions, itemIndex: number): SpendRequest {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const zone = options.dateZone === 'workflow' ? this.getTimezone() : 'UTC';
	const preset = this.getNodeParameter('datePreset', itemIndex) as string;
	const range = resolveDateRange(preset as DatePreset, {
		now: DateTime.now(),
		zone,
		customStart: preset === 'custom' ? this.getNodeParameter('startDate', itemIndex) : undefined,
		customEnd: preset === 'custom' ? this.getNodeParameter('endDate', itemIndex) : undefined,
	});
	return {
		level: this.getNodeParameter('level', itemIndex) as Level,
		range,
		granularity: this.getNodeParameter('granularity', itemIndex) as Granularity,
		includeNames: this.getNodeParameter('includeNames', itemIndex) as boolean,
		metricColumns: [
			...(this.getNodeParameter('metrics', itemIndex, []) as string[]),
			...parseColumns((options.extraColumns as string) ?? ''),
		],
		includeZeroSpend: options.includeZeroSpend === true,
		strategy: (options.strategy as SpendRequest['strategy']) ?? 'auto',
		todayUtc: DateTime.utc().toISODate() as string,
	};
}

/** "Get ad spend" for one input item: every selected account, one output item per row. */
export async function getSpend(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	let request: SpendRequest;
	try {
		request = readRequest.call(this, itemIndex);
		checkNotFuture(request.range, request.todayUtc);
	} catch (error) {
		const fix = error instanceof SpendInputError ? error.fix : undefined;
		throw new NodeOperationError(this.getNode(), (error as Error).message, {
			itemIndex,
			description: fix,
		});
	}
	const client = await PinterestClient.create(this, 'pinterestAdsOAuth2Api');
	const accounts = await selectedAccounts.call(this, client, itemIndex);
	const output: INodeExecutionData[] = [];
	for (let account of accounts) {
		try {
			// Listed accounts come with their currency; selected ones are read for it.
			if (account.currency === undefined) account = await getAdAccount(client, account.id);
			const rows = await pullAccountSpend(this, client, account, request);
			for (const row of rows) output.push({ json: row, pairedItem: { item: itemIndex } });
		} catch (error) {
			// One failing account must not lose the others' rows when the user chose to continue.
			if (!this.continueOnFail()) {
				if (error instanceof NodeApiError)
					throw new NodeApiError(this.getNode(), error as never, { itemIndex });
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			}
			output.push({
				json: {
					error: (error as Error).message,
					adAccountId: account.id,
					adAccountName: account.name ?? null,
				},
				pairedItem: { item: itemIndex },
			});
		}
	}
	this.logger.info(
		`Pinterest Ad Spend: ${output.length} rows from ${accounts.length} ad accounts in ${client.requestCount} API requests`,
	);
	return output;
}
