import type { EntityChain } from './spendRows';

/** The fields of Pinterest's campaign, ad group and ad objects used to name rows. */
export interface PinterestEntity {
	id: string;
	name?: string;
	campaign_id?: string;
	ad_group_id?: string;
}

/**
 * id → ids and names of the entity and its parents, built once per account and run from the
 * entity lists, so rows are named without a call per row.
 */
export function buildEntityChains(
	campaigns: PinterestEntity[],
	adGroups: PinterestEntity[],
	ads: PinterestEntity[],
): Map<string, EntityChain> {
	const chains = new Map<string, EntityChain>();
	for (const campaign of campaigns) {
		chains.set(campaign.id, { campaignId: campaign.id, campaignName: campaign.name });
	}
	for (const adGroup of adGroups) {
		chains.set(adGroup.id, {
			...chains.get(adGroup.campaign_id ?? ''),
			campaignId: adGroup.campaign_id,
			adGroupId: adGroup.id,
			adGroupName: adGroup.name,
		});
	}
	for (const ad of ads) {
		chains.set(ad.id, {
			...chains.get(ad.ad_group_id ?? ''),
			campaignId: ad.campaign_id,
			adGroupId: ad.ad_group_id,
			adId: ad.id,
			adName: ad.name,
		});
	}
	return chains;
}
