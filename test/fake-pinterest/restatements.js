// Restated spend: Pinterest revises recent days after the fact. With config `spendFactor` (an
// integer, e.g. 2) every synchronous analytics answer carries that multiple of the dataset's spend,
// so a second pull of the same days gets different numbers that still add up across levels.
const SPEND_COLUMNS = ['SPEND_IN_MICRO_DOLLAR', 'SPEND_IN_DOLLAR'];

/** The body to send for this request: analytics rows with their spend restated, else unchanged. */
function restateSpend(state, req, body) {
	const factor = state.config.spendFactor;
	if (!factor || factor === 1 || !req || req.method !== 'GET' || !Array.isArray(body)) return body;
	if (!/\/analytics(\?|$)/.test(req.url ?? '')) return body;
	return body.map((row) => {
		const restated = { ...row };
		for (const column of SPEND_COLUMNS) {
			if (typeof restated[column] === 'number') restated[column] *= factor;
		}
		return restated;
	});
}

module.exports = { restateSpend };
