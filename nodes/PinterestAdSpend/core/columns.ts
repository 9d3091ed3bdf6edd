import { ActionableError } from '../../../shared/errors';
import { PINTEREST_SYNC_COLUMNS } from './columnCatalogue';

/**
 * What each Pinterest analytics column is, so rows of several request windows merge without
 * inventing numbers. Lists, not name patterns: a column missing here is treated as neither
 * additive nor text, so a merge leaves it null rather than guess (names from the spec's
 * `query_columns` enum, v5.23).
 */

/** Counts, spend and conversion values: the value of two windows is their sum. */
export const ADDITIVE_COLUMNS = new Set([
	'SPEND_IN_MICRO_DOLLAR',
	'SPEND_IN_DOLLAR',
	'VIDEO_SPEND_IN_DOLLAR',
	'PAID_IMPRESSION',
	'IMPRESSION_1',
	'IMPRESSION_1_GROSS',
	'IMPRESSION_2',
	'TOTAL_IMPRESSION',
	'CLICKTHROUGH_1',
	'CLICKTHROUGH_1_GROSS',
	'CLICKTHROUGH_2',
	'TOTAL_CLICKTHROUGH',
	'OUTBOUND_CLICK_1',
	'OUTBOUND_CLICK_2',
	'REPIN_1',
	'REPIN_2',
	'TOTAL_ENGAGEMENT',
	'ENGAGEMENT_1',
	'ENGAGEMENT_2',
	'TOTAL_ENGAGEMENT_SIGNUP',
	'TOTAL_ENGAGEMENT_CHECKOUT',
	'TOTAL_ENGAGEMENT_LEAD',
	'TOTAL_CLICK_SIGNUP',
	'TOTAL_CLICK_CHECKOUT',
	'TOTAL_CLICK_ADD_TO_CART',
	'TOTAL_CLICK_LEAD',
	'TOTAL_VIEW_SIGNUP',
	'TOTAL_VIEW_CHECKOUT',
	'TOTAL_VIEW_ADD_TO_CART',
	'TOTAL_VIEW_LEAD',
	'TOTAL_CONVERSIONS',
	'TOTAL_ENGAGEMENT_SIGNUP_VALUE_IN_MICRO_DOLLAR',
	'TOTAL_ENGAGEMENT_CHECKOUT_VALUE_IN_MICRO_DOLLAR',
	'TOTAL_CLICK_SIGNUP_VALUE_IN_MICRO_DOLLAR',
	'TOTAL_CLICK_CHECKOUT_VALUE_IN_MICRO_DOLLAR',
	'TOTAL_VIEW_SIGNUP_VALUE_IN_MICRO_DOLLAR',
	'TOTAL_VIEW_CHECKOUT_VALUE_IN_MICRO_DOLLAR',
	'TOTAL_WEB_SESSIONS',
	'WEB_SESSIONS_1',
	'WEB_SESSIONS_2',
	'TOTAL_PAGE_VISIT',
	'TOTAL_SIGNUP',
	'TOTAL_CHECKOUT',
	'TOTAL_CUSTOM',
	'TOTAL_LEAD',
	'TOTAL_ADD_TO_WISHLIST',
	'TOTAL_SUBSCRIBE',
	'TOTAL_SIGNUP_VALUE_IN_MICRO_DOLLAR',
	'TOTAL_CHECKOUT_VALUE_IN_MICRO_DOLLAR',
	'TOTAL_CUSTOM_VALUE_IN_MICRO_DOLLAR',
	'VIDEO_3SEC_VIEWS_1',
	'VIDEO_MRC_VIEWS_1',
	'VIDEO_3SEC_VIEWS_2',
	'VIDEO_MRC_VIEWS_2',
	'VIDEO_P100_COMPLETE_2',
	'VIDEO_P0_COMBINED_2',
	'VIDEO_P25_COMBINED_2',
	'VIDEO_P50_COMBINED_2',
	'VIDEO_P75_COMBINED_2',
	'VIDEO_P95_COMBINED_2',
	'TOTAL_VIDEO_3SEC_VIEWS',
	'TOTAL_VIDEO_P100_COMPLETE',
	'TOTAL_VIDEO_P0_COMBINED',
	'TOTAL_VIDEO_P25_COMBINED',
	'TOTAL_VIDEO_P50_COMBINED',
	'TOTAL_VIDEO_P75_COMBINED',
	'TOTAL_VIDEO_P95_COMBINED',
	'TOTAL_VIDEO_MRC_VIEWS',
	'TOTAL_WEB_CHECKOUT',
	'TOTAL_WEB_CHECKOUT_VALUE_IN_MICRO_DOLLAR',
	'TOTAL_WEB_CLICK_CHECKOUT',
	'TOTAL_WEB_CLICK_CHECKOUT_VALUE_IN_MICRO_DOLLAR',
	'TOTAL_WEB_ENGAGEMENT_CHECKOUT',
	'TOTAL_WEB_ENGAGEMENT_CHECKOUT_VALUE_IN_MICRO_DOLLAR',
	'TOTAL_WEB_VIEW_CHECKOUT',
	'TOTAL_WEB_VIEW_CHECKOUT_VALUE_IN_MICRO_DOLLAR',
	'TOTAL_OFFLINE_CHECKOUT',
	'IDEA_PIN_PRODUCT_TAG_VISIT_1',
	'IDEA_PIN_PRODUCT_TAG_VISIT_2',
	'TOTAL_IDEA_PIN_PRODUCT_TAG_VISIT',
	'LEADS',
	'QUIZ_COMPLETED',
	'QUIZ_PIN_RESULT_OPEN',
	'SHOWCASE_PIN_CLICKTHROUGH',
	'SHOWCASE_SUBPAGE_CLICKTHROUGH',
	'SHOWCASE_SUBPIN_CLICKTHROUGH',
	'SHOWCASE_SUBPAGE_IMPRESSION',
	'SHOWCASE_SUBPIN_IMPRESSION',
	'SHOWCASE_SUBPAGE_SWIPE_LEFT',
	'SHOWCASE_SUBPAGE_SWIPE_RIGHT',
	'SHOWCASE_SUBPIN_SWIPE_LEFT',
	'SHOWCASE_SUBPIN_SWIPE_RIGHT',
	'SHOWCASE_SUBPAGE_REPIN',
	'SHOWCASE_SUBPIN_REPIN',
	'SHOWCASE_SUBPAGE_CLOSEUP',
	'SHOWCASE_CARD_THUMBNAIL_SWIPE_FORWARD',
	'SHOWCASE_CARD_THUMBNAIL_SWIPE_BACKWARD',
]);

/** Ids, names, statuses and labels: passed on as Pinterest sends them, never as numbers. */
export const TEXT_COLUMNS = new Set([
	'AD_ACCOUNT_ID',
	'ADVERTISER_ID',
	'CAMPAIGN_ID',
	'CAMPAIGN_NAME',
	'CAMPAIGN_BRAND_LABEL',
	'CAMPAIGN_ENTITY_STATUS',
	'CAMPAIGN_OBJECTIVE_TYPE',
	'CAMPAIGN_BUDGET_OPTIMIZATION',
	'IS_PREMIERE_CAMPAIGN',
	'AD_GROUP_ID',
	'AD_GROUP_NAME',
	'AD_GROUP_BUDGET_TYPE',
	'AD_GROUP_ENTITY_STATUS',
	'AD_GROUP_OPTIMIZATION',
	'AD_ID',
	'AD_NAME',
	'PIN_ID',
	'PIN_PROMOTION_ID',
	'PROMO_ID',
	'PROMO_NAME',
	'ORDER_LINE_ID',
	'ORDER_LINE_NAME',
	'PRODUCT_GROUP_AD_IMAGE_TAG',
	'PRODUCT_GROUP_AD_VIDEO_TAG',
]);

/** A ratio Pinterest gives the parts of: value = numerator / denominator × scale. */
interface Ratio {
	numerator: string;
	denominator: string;
	scale: number;
}

/** Ratios rebuilt from their summed parts when rows of several windows merge. */
export const RECOMPUTED_RATIOS: Record<string, Ratio> = {
	CTR: { numerator: 'CLICKTHROUGH_1', denominator: 'IMPRESSION_1', scale: 1 },
	CTR_2: { numerator: 'CLICKTHROUGH_2', denominator: 'IMPRESSION_2', scale: 1 },
	OUTBOUND_CTR_1: { numerator: 'OUTBOUND_CLICK_1', denominator: 'IMPRESSION_1', scale: 1 },
	CPC_IN_MICRO_DOLLAR: {
		numerator: 'SPEND_IN_MICRO_DOLLAR',
		denominator: 'CLICKTHROUGH_1',
		scale: 1,
	},
	CPM_IN_MICRO_DOLLAR: {
		numerator: 'SPEND_IN_MICRO_DOLLAR',
		denominator: 'IMPRESSION_1',
		scale: 1000,
	},
	CPM_IN_DOLLAR: { numerator: 'SPEND_IN_MICRO_DOLLAR', denominator: 'IMPRESSION_1', scale: 1e-3 },
	COST_PER_OUTBOUND_CLICK_IN_DOLLAR: {
		numerator: 'SPEND_IN_MICRO_DOLLAR',
		denominator: 'OUTBOUND_CLICK_1',
		scale: 1e-6,
	},
	CHECKOUT_ROAS: {
		numerator: 'TOTAL_CHECKOUT_VALUE_IN_MICRO_DOLLAR',
		denominator: 'SPEND_IN_MICRO_DOLLAR',
		scale: 1,
	},
	WEB_CHECKOUT_ROAS: {
		numerator: 'TOTAL_WEB_CHECKOUT_VALUE_IN_MICRO_DOLLAR',
		denominator: 'SPEND_IN_MICRO_DOLLAR',
		scale: 1,
	},
};

/** Fields every row has (or may have): an additional column must not overwrite one. */
export const BUILT_IN_FIELDS = new Set([
	'adAccountId',
	'adAccountName',
	'currency',
	'level',
	'campaignId',
	'campaignName',
	'adGroupId',
	'adGroupName',
	'adId',
	'adName',
	'date',
	'hour',
	'startDate',
	'endDate',
	'spend',
	'spendMicros',
	'unattributed',
	'error',
]);

const METRIC_FIELD_NAMES: Record<string, string> = {
	IMPRESSION_1: 'impressions',
	CLICKTHROUGH_1: 'pinClicks',
	OUTBOUND_CLICK_1: 'outboundClicks',
};

/** TOTAL_CONVERSIONS → totalConversions. */
export function metricFieldName(column: string): string {
	return (
		METRIC_FIELD_NAMES[column] ??
		column.toLowerCase().replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())
	);
}

const COLUMN_NAME = /^[A-Z][A-Z0-9_]*$/;

/** Edits (insert, delete, replace one letter) from one name to another. */
function editDistance(from: string, to: string): number {
	let previous = Array.from({ length: to.length + 1 }, (_, index) => index);
	for (let i = 1; i <= from.length; i++) {
		const current = [i];
		for (let j = 1; j <= to.length; j++) {
			const replace = previous[j - 1] + (from[i - 1] === to[j - 1] ? 0 : 1);
			current.push(Math.min(replace, previous[j] + 1, current[j - 1] + 1));
		}
		previous = current;
	}
	return previous[to.length];
}

/** The known column closest to a misspelt one, when it is close enough to be a typo. */
function nearestColumn(column: string): string | undefined {
	let best: { name: string; distance: number } | undefined;
	for (const name of PINTEREST_SYNC_COLUMNS) {
		const distance = editDistance(column, name);
		if (!best || distance < best.distance) best = { name, distance };
	}
	return best && best.distance <= Math.max(2, Math.floor(column.length / 5))
		? best.name
		: undefined;
}

/**
 * The "Additional Columns" text as Pinterest column names, checked before any call: each must look
 * like a column, and none may land on a field the node fills itself.
 */
export function parseAdditionalColumns(text: string): string[] {
	const columns = text
		.split(',')
		.map((column) => column.trim().toUpperCase())
		.filter((column) => column !== '');
	for (const column of columns) {
		if (!COLUMN_NAME.test(column)) {
			throw new ActionableError(
				`Additional Columns: "${column}" is not a Pinterest column name`,
				'Give column names as Pinterest spells them, separated by commas, e.g. TOTAL_CONVERSIONS, CPC_IN_MICRO_DOLLAR.',
			);
		}
		const field = metricFieldName(column);
		if (BUILT_IN_FIELDS.has(field)) {
			throw new ActionableError(
				`Additional Columns: ${column} would be output as "${field}", a field every row already has`,
				`Remove ${column} from Additional Columns: "${field}" is filled by the node itself (turn on Include Names for names).`,
			);
		}
		if (!PINTEREST_SYNC_COLUMNS.has(column)) {
			const near = nearestColumn(column);
			throw new ActionableError(
				`Additional Columns: ${column} is not a column Pinterest's analytics offer`,
				`${near ? `Did you mean ${near}? ` : ''}Give column names as Pinterest spells them (the columns of its ad analytics reference), e.g. TOTAL_CONVERSIONS, CPC_IN_MICRO_DOLLAR.`,
			);
		}
	}
	return [...new Set(columns)];
}

/** The columns to ask Pinterest for: the requested ones plus the parts of requested ratios. */
export function columnsToFetch(requested: string[]): string[] {
	const parts = requested.flatMap((column) => {
		const ratio = RECOMPUTED_RATIOS[column];
		return ratio ? [ratio.numerator, ratio.denominator] : [];
	});
	return [...new Set([...requested, ...parts])];
}

/** A ratio from summed parts, or null when a part is missing or the denominator is 0. */
export function recomputeRatio(column: string, row: Record<string, unknown>): number | null {
	const ratio = RECOMPUTED_RATIOS[column];
	if (!ratio) return null;
	const numerator = Number(row[ratio.numerator] ?? 0);
	const denominator = Number(row[ratio.denominator] ?? 0);
	if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator === 0)
		return null;
	return (numerator / denominator) * ratio.scale;
}

/**
 * A column's value as output: text columns as strings (ids exact), numbers as numbers, a left-out
 * numeric column as 0 (Pinterest omits columns without a value), and text that is not a number
 * kept as text rather than turned into NaN.
 */
export function outputValue(column: string, value: unknown): string | number | boolean | null {
	if (TEXT_COLUMNS.has(column)) {
		if (value === undefined || value === null) return null;
		return typeof value === 'boolean' ? value : String(value);
	}
	if (value === null) return null;
	if (value === undefined) return 0;
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value === 'boolean') return value;
	const text = String(value).trim();
	const number = Number(text);
	return text !== '' && Number.isFinite(number) ? number : String(value);
}
