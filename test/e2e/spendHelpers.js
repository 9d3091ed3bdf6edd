// Running "Get ad spend" in the real n8n and reading what it did: rows, hints, requests.
const { workflowWith, adSpendNode } = require('../harness/fixtures');

const NODE = 'Pinterest Ad Spend';

function spendRunner(ctx) {
	return async function runSpend(parameters, nodeSettings, { timezone } = {}) {
		await ctx.fake.clearRequests();
		const workflow = workflowWith(adSpendNode(parameters, nodeSettings));
		if (timezone) workflow.settings.timezone = timezone;
		const result = await ctx.run(workflow);
		const taskData = result.run?.data?.resultData?.runData?.[NODE]?.[0];
		return {
			result,
			rows: result.output(NODE),
			hints: (taskData?.hints ?? []).map((hint) => hint.message),
			hintObjects: taskData?.hints ?? [],
			requests: await ctx.fake.requests(),
		};
	};
}

const calls = (requests) => requests.map((r) => `${r.method} ${r.path}`);
const query = (request) => new URLSearchParams(request.query);
const sumMicros = (rows) => rows.reduce((sum, row) => sum + row.spendMicros, 0);

/** The row fields of an account, for an unattributed row at `level` (names on). */
function unattributed(account, level, date, spendMicros) {
	const row = {
		adAccountId: account.id,
		adAccountName: account.name,
		currency: account.currency,
		level,
	};
	for (const field of ['campaign', 'adGroup', 'ad'].slice(
		0,
		['campaign', 'adGroup', 'ad'].indexOf(level) + 1,
	))
		Object.assign(row, { [`${field}Id`]: null, [`${field}Name`]: null });
	return { ...row, date, spend: spendMicros / 1e6, spendMicros, unattributed: true };
}

/** Rows sorted as the node sorts them: date, hour, then ids (null first). */
function sortRows(rows) {
	const key = (r) =>
		[
			r.date ?? '',
			r.hour === undefined ? '' : String(r.hour).padStart(2, '0'),
			r.campaignId ?? '',
			r.adGroupId ?? '',
			r.adId ?? '',
		].join('|');
	return [...rows].sort((a, b) => key(a).localeCompare(key(b)));
}

module.exports = { spendRunner, calls, query, sumMicros, unattributed, sortRows, NODE };
