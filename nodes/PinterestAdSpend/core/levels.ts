import type { DateRange } from './dates';

/** The levels spend is reported at and how each is addressed in Pinterest's API v5. */

export type Level = 'adAccount' | 'campaign' | 'adGroup' | 'ad';
/** Each level as messages and the node's subtitle name it. */
export const LEVEL_NAMES: Record<Level, string> = {
	adAccount: 'ad account',
	campaign: 'campaign',
	adGroup: 'ad group',
	ad: 'ad',
};
/** The levels below the ad account, top down. */
export const ENTITY_LEVELS = ['campaign', 'adGroup', 'ad'] as const;
export type EntityLevel = (typeof ENTITY_LEVELS)[number];
export type Granularity = 'TOTAL' | 'DAY' | 'HOUR' | 'WEEK' | 'MONTH';
export type AnalyticsRow = Record<string, unknown>;

export const LEVEL_API: Record<
	Level,
	{ listPath?: string; idsParam?: string; idColumn: string; reportLevel: string }
> = {
	adAccount: { idColumn: 'AD_ACCOUNT_ID', reportLevel: 'ADVERTISER' },
	campaign: {
		listPath: 'campaigns',
		idsParam: 'campaign_ids',
		idColumn: 'CAMPAIGN_ID',
		reportLevel: 'CAMPAIGN',
	},
	adGroup: {
		listPath: 'ad_groups',
		idsParam: 'ad_group_ids',
		idColumn: 'AD_GROUP_ID',
		reportLevel: 'AD_GROUP',
	},
	// Async reports call ads "pin promotions".
	ad: { listPath: 'ads', idsParam: 'ad_ids', idColumn: 'AD_ID', reportLevel: 'PIN_PROMOTION' },
};

/** Lists default to ACTIVE and PAUSED: archived entities' spend would be lost without asking for them. */
export const ALL_ENTITY_STATUSES = ['ACTIVE', 'PAUSED', 'ARCHIVED', 'DRAFT', 'DELETED_DRAFT'];
/** Drafts never ran: they carry no spend, so they are named but never asked for. */
export const NEVER_RAN_STATUSES = ['DRAFT', 'DELETED_DRAFT'];
/** Entities that may still deliver: the ones zero-spend rows are filled for. */
export const LIVE_STATUSES = ['ACTIVE', 'PAUSED'];
/** Ids per synchronous analytics call (spec: campaign_ids/ad_group_ids/ad_ids maxItems 250). */
export const MAX_IDS_PER_ANALYTICS_CALL = 250;

/**
 * What the run loses when a call for these rows fails: "Missing: the campaign rows of 2026-11-20 to 2026-11-22 of ad
 * account 549755885175; no rows of this account are output."
 */
export function lostRows(level: Level, window: DateRange, adAccountId: string) {
	return `Missing: the ${LEVEL_NAMES[level]} rows of ${window.startDate} to ${window.endDate} of ad account ${adAccountId}; no rows of this account are output.`;
}
