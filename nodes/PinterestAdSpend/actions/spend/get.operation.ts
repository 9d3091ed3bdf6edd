import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { PINTEREST_BASE_URLS } from '../../../../shared/environment';
import { errorFields, type OperationRun } from '../../../../shared/operations';
import {
	getAdAccount,
	listAdAccounts,
	type AdAccount,
} from '../../../../shared/transport/adAccounts';
import { PinterestClient } from '../../../../shared/transport/client';
import { isAccountRefusal, SPEND_ROLE, whyNotReadable } from '../../core/accountAccess';
import { parseAdAccountPickers } from '../../core/accountSelection';
import { toAccountSpend, type AccountSpend } from '../../core/accountSpend';
import type { DatePreset } from '../../core/dates';
import type { Granularity, Level } from '../../core/levels';
import { accountLabel } from '../../core/notices';
import { entityListsToFetch, planSpend, toLevelEntities, type SpendRequest } from '../../core/plan';
import { reconcileSpend } from '../../core/reconcile';
import { toSpendRequest, type SpendParameters } from '../../core/request';
import { fetchEntityLists, fetchSpend, type Warn } from '../../transport/fetchSpend';

export { getSpendFields as description } from './get.description';

/** The ad accounts the item asks for: all this login can access, or the selected ids (none with all). */
function readAccountSelection(ctx: IExecuteFunctions, itemIndex: number) {
	const all = ctx.getNodeParameter('adAccountSelection', itemIndex) === 'all';
	if (all) return { all, ids: [] };
	const ids = parseAdAccountPickers(ctx.getNodeParameter('adAccounts.account', itemIndex, []));
	return { all, ids };
}

function readSpendParameters(ctx: IExecuteFunctions, itemIndex: number): SpendParameters {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as SpendParameters['options'];
	const datePreset = ctx.getNodeParameter('datePreset', itemIndex) as DatePreset;
	const custom = datePreset === 'custom';
	return {
		options,
		datePreset,
		startDate: custom ? ctx.getNodeParameter('startDate', itemIndex) : undefined,
		endDate: custom ? ctx.getNodeParameter('endDate', itemIndex) : undefined,
		metrics: ctx.getNodeParameter('metrics', itemIndex, []) as string[],
		level: ctx.getNodeParameter('level', itemIndex) as Level,
		granularity: ctx.getNodeParameter('granularity', itemIndex) as Granularity,
		includeNames: ctx.getNodeParameter('includeNames', itemIndex) as boolean,
	};
}

/**
 * One account's spend, read top to bottom: plan → fetch → reconcile (at most one re-pull) → rows.
 */
async function getAccountSpend(input: {
	client: PinterestClient;
	warn: Warn;
	account: AdAccount;
	request: SpendRequest;
}): Promise<AccountSpend> {
	const { client, warn, account, request } = input;
	const adAccountId = account.id;
	const lists = entityListsToFetch(request);
	let entities = toLevelEntities(await fetchEntityLists(client, adAccountId, lists), request.level);
	const plan = planSpend({ request, analyticsIds: entities.analyticsIds });
	const first = reconcileSpend({
		request,
		plan,
		fetched: await fetchSpend({ client, warn, adAccountId, plan }),
		mayRepull: true,
	});
	if (!first.repull) return toAccountSpend({ request, account, entities, reconciled: first });
	// The one re-pull: the lists again (entities may have appeared or gone), the first pull's strategy.
	warn(
		`Pinterest Ad Spend: the ${request.level} rows of ad account ${adAccountId} differ from its total in ${first.gapCount} buckets; pulling once more`,
	);
	entities = toLevelEntities(await fetchEntityLists(client, adAccountId, lists), request.level);
	const replan = planSpend({
		request,
		analyticsIds: entities.analyticsIds,
		strategy: plan.strategy,
	});
	const reconciled = reconcileSpend({
		request,
		plan: replan,
		fetched: await fetchSpend({ client, warn, adAccountId, plan: replan }),
		mayRepull: false,
	});
	return toAccountSpend({ request, account, entities, reconciled });
}

/** One account's spend, or why it failed: the caller decides (skip it, an error item, or the item's error). */
async function tryGetAccountSpend(input: {
	client: PinterestClient;
	warn: Warn;
	account: AdAccount;
	request: SpendRequest;
}): Promise<{ account: AdAccount } & ({ spend: AccountSpend } | { failure: unknown })> {
	let account = input.account;
	try {
		// Listed accounts come with their currency; selected ones are read for it.
		if (account.currency === undefined) account = await getAdAccount(input.client, account.id);
		return { account, spend: await getAccountSpend({ ...input, account }) };
	} catch (failure) {
		return { account, failure };
	}
}

/** "Get ad spend" for one input item: every selected account, one output item per row. */
export async function execute(
	this: IExecuteFunctions,
	{ itemIndex, partFailed }: OperationRun,
): Promise<INodeExecutionData[][]> {
	const client = await PinterestClient.create(this, 'pinterestAdsOAuth2Api', {
		wording: { neededRole: SPEND_ROLE },
	});
	const request = toSpendRequest({
		parameters: readSpendParameters(this, itemIndex),
		now: DateTime.now(),
		workflowZone: this.getTimezone(),
		reportsAvailable: client.baseUrl !== PINTEREST_BASE_URLS.sandbox,
	});
	const selection = readAccountSelection(this, itemIndex);
	// Selected accounts are read one by one inside the loop: one the login cannot read fails alone.
	const accounts: AdAccount[] = selection.all
		? await listAdAccounts(client)
		: selection.ids.map((id) => ({ id }));
	const warn: Warn = (message) => this.logger.warn(message);
	const output: INodeExecutionData[] = [];
	const notices: string[] = [];
	const skipped: string[] = [];
	for (let account of accounts) {
		// With "all", an account the login may list but not read is skipped, not a failed sync.
		const unreadable = selection.all ? whyNotReadable(account) : undefined;
		if (unreadable) {
			skipped.push(`${accountLabel(account)}: ${unreadable}`);
			continue;
		}
		const outcome = await tryGetAccountSpend({ client, warn, account, request });
		if ('spend' in outcome) {
			for (const row of outcome.spend.rows)
				output.push({ json: row, pairedItem: { item: itemIndex } });
			notices.push(...outcome.spend.notices);
			continue;
		}
		const { failure } = outcome;
		account = outcome.account;
		if (selection.all && isAccountRefusal(failure)) {
			skipped.push(
				`${accountLabel(account)}: Pinterest answered HTTP ${failure.httpCode} (${failure.message})`,
			);
			continue;
		}
		// One failing account must not lose the others' rows when the node continues on fail.
		partFailed(failure);
		output.push({
			json: {
				...errorFields(failure),
				adAccountId: account.id,
				adAccountName: account.name ?? null,
			},
			pairedItem: { item: itemIndex },
		});
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
	return [output];
}
