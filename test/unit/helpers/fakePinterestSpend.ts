import type { IDataObject } from 'n8n-workflow';

import { FakeHttp, type FakeAnswer, type RecordedRequest } from './fakeHttp';

/** An ad account, campaign, ad group or ad as Pinterest lists it. */
export interface Entity extends IDataObject {
	id: string;
	name: string;
	status?: string;
}

/**
 * A small Pinterest Ads account tree with spend per ad and day. Higher levels and the account add up the spend
 * of their ads; `unattributedMicros` is account spend no ad carries (catalog spend), per account and day.
 */
export interface SpendDataset {
	accounts: Array<{ id: string; name: string; currency: string; permissions?: string[] }>;
	campaigns: Array<Entity & { ad_account_id: string }>;
	adGroups: Array<Entity & { ad_account_id: string; campaign_id: string }>;
	ads: Array<Entity & { ad_account_id: string; campaign_id: string; ad_group_id: string }>;
	/** adId → date → micros. */
	spend: Record<string, Record<string, number>>;
	/** accountId → date → micros. */
	unattributedMicros?: Record<string, Record<string, number>>;
}

const API =
	/^\/v5\/ad_accounts(?:\/(\d+))?(?:\/(campaigns|ad_groups|ads))?(?:\/(analytics|reports))?$/;
const ID_COLUMN = {
	account: 'AD_ACCOUNT_ID',
	campaigns: 'CAMPAIGN_ID',
	ad_groups: 'AD_GROUP_ID',
	ads: 'AD_ID',
} as const;
const REPORT_LEVELS: Record<string, keyof typeof ID_COLUMN> = {
	ADVERTISER: 'account',
	CAMPAIGN: 'campaigns',
	AD_GROUP: 'ad_groups',
	PIN_PROMOTION: 'ads',
};
export const REPORT_HOST = 'https://pinterest-reports-test.s3.us-east-1.amazonaws.com';

type Unit = keyof typeof ID_COLUMN;

/**
 * Answers like Pinterest's v5 ads endpoints the spend node uses: account list and read, entity lists, synchronous
 * analytics (rows only for buckets with spend, as Pinterest sends) and asynchronous reports (IN_PROGRESS for
 * `pollsBeforeFinished` checks, then FINISHED with a link to a file keyed by entity id).
 */
export class FakePinterestSpend {
	readonly http = new FakeHttp();

	/** Multiplies every spend figure: Pinterest restating recent days. */
	spendFactor = 1;

	pollsBeforeFinished = 1;

	private readonly reports = new Map<
		string,
		{ level: Unit; accountId: string; body: IDataObject; polls: number }
	>();

	constructor(readonly data: SpendDataset) {
		this.http.route((request) => this.answer(request));
	}

	/** Spend of one unit (ad account, campaign…) on one day, in micros. */
	micros(unit: Unit, id: string, date: string): number {
		const ads = this.data.ads.filter((ad) =>
			unit === 'account'
				? ad.ad_account_id === id
				: unit === 'campaigns'
					? ad.campaign_id === id
					: unit === 'ad_groups'
						? ad.ad_group_id === id
						: ad.id === id,
		);
		let sum = ads.reduce((total, ad) => total + (this.data.spend[ad.id]?.[date] ?? 0), 0);
		if (unit === 'account') sum += this.data.unattributedMicros?.[id]?.[date] ?? 0;
		return sum * this.spendFactor;
	}

	private dates(): string[] {
		const all = new Set<string>();
		for (const days of Object.values(this.data.spend)) Object.keys(days).forEach((d) => all.add(d));
		for (const days of Object.values(this.data.unattributedMicros ?? {}))
			Object.keys(days).forEach((d) => all.add(d));
		return [...all].sort();
	}

	/** Rows of the unit's ids for the window: per day, or one per id for TOTAL; none without spend. */
	rows(unit: Unit, ids: string[], start: string, end: string, granularity: string): IDataObject[] {
		const days = this.dates().filter((d) => d >= start && d <= end);
		const rows: IDataObject[] = [];
		for (const id of ids) {
			if (granularity === 'TOTAL') {
				const micros = days.reduce((sum, day) => sum + this.micros(unit, id, day), 0);
				if (micros > 0) rows.push({ [ID_COLUMN[unit]]: id, SPEND_IN_MICRO_DOLLAR: micros });
				continue;
			}
			for (const day of days) {
				const micros = this.micros(unit, id, day);
				if (micros > 0)
					rows.push({ [ID_COLUMN[unit]]: id, DATE: day, SPEND_IN_MICRO_DOLLAR: micros });
			}
		}
		return rows;
	}

	private entities(list: string, accountId: string): Entity[] {
		const source = {
			campaigns: this.data.campaigns,
			ad_groups: this.data.adGroups,
			ads: this.data.ads,
		}[list as 'campaigns'];
		return source.filter((entity) => entity.ad_account_id === accountId);
	}

	private answer(request: RecordedRequest): FakeAnswer | undefined {
		if (request.url.startsWith(REPORT_HOST)) {
			const report = this.reports.get(request.path.replace(/^\/|\.json$/g, ''));
			if (!report) return { status: 403, body: 'AccessDenied' };
			const { start_date, end_date, granularity } = report.body as Record<string, string>;
			const ids =
				report.level === 'account'
					? [report.accountId]
					: this.entities(report.level, report.accountId).map((e) => e.id);
			const file: Record<string, IDataObject[]> = {};
			for (const row of this.rows(report.level, ids, start_date, end_date, granularity)) {
				const id = String(row[ID_COLUMN[report.level]]);
				(file[id] ??= []).push(row);
			}
			return { body: file };
		}
		const match = API.exec(request.path);
		if (!match) return undefined;
		const [, accountId, list, action] = match;
		const account = this.data.accounts.find((a) => a.id === accountId);
		if (accountId && !account)
			return {
				status: 403,
				body: { code: 29, message: 'You are not permitted to access that resource.' },
			};
		if (!accountId) return { body: { items: this.data.accounts, bookmark: null } };
		if (!list && !action) return { body: account };
		if (action === 'analytics') {
			const unit: Unit = (list as Unit | undefined) ?? 'account';
			const idsParam = { campaigns: 'campaign_ids', ad_groups: 'ad_group_ids', ads: 'ad_ids' }[
				list as 'campaigns'
			];
			const ids = unit === 'account' ? [accountId] : (request.qs[idsParam] as string[]);
			const { start_date, end_date, granularity } = request.qs as Record<string, string>;
			return { body: this.rows(unit, ids, start_date, end_date, granularity) };
		}
		if (action === 'reports' && request.method === 'POST') {
			const body = request.body as IDataObject;
			const token = `report-${this.reports.size + 1}`;
			this.reports.set(token, {
				level: REPORT_LEVELS[String(body.level)],
				accountId,
				body,
				polls: 0,
			});
			return { body: { report_status: 'IN_PROGRESS', token, message: null } };
		}
		if (action === 'reports') {
			const token = String(request.qs.token);
			const report = this.reports.get(token);
			if (!report) return { body: { report_status: 'DOES_NOT_EXIST', url: null, size: null } };
			report.polls++;
			return report.polls > this.pollsBeforeFinished
				? { body: { report_status: 'FINISHED', url: `${REPORT_HOST}/${token}.json`, size: 100 } }
				: { body: { report_status: 'IN_PROGRESS', url: null, size: null } };
		}
		if (list) return { body: { items: this.entities(list, accountId), bookmark: null } };
		return undefined;
	}
}
