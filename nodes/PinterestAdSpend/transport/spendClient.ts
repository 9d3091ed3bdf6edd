import type { IExecuteFunctions } from 'n8n-workflow';

import { PinterestClient, type TimingOverrides } from '../../../shared/transport/client';

/**
 * The one place the hidden parameters testRequestTimeoutMs and testReportPollBudgetMs are read (declared in
 * nodes/PinterestAdSpend/actions/spend/get.description.ts): the end-to-end fault tests set them to shorten
 * waits; users never see them.
 */
function readTestTimings(ctx: IExecuteFunctions, itemIndex: number): TimingOverrides {
	return {
		requestTimeoutMs: ctx.getNodeParameter('testRequestTimeoutMs', itemIndex, 0) as number,
		reportPollMaxTotalWaitMs: ctx.getNodeParameter(
			'testReportPollBudgetMs',
			itemIndex,
			0,
		) as number,
	};
}

/** The Pinterest client of one item's spend run. */
export async function createSpendClient(ctx: IExecuteFunctions, itemIndex: number) {
	return await PinterestClient.create(ctx, 'pinterestAdsOAuth2Api', {
		timings: readTestTimings(ctx, itemIndex),
	});
}
