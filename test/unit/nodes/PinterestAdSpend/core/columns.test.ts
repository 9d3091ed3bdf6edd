import {
	ADDITIVE_COLUMNS,
	columnsToFetch,
	parseAdditionalColumns,
	RECOMPUTED_RATIOS,
	TEXT_COLUMNS,
} from '../../../../../nodes/PinterestAdSpend/core/columns';

import spec from '../../../../fixtures/pinterest-openapi/openapi.json';

const syncColumns: string[] = spec.components.parameters.query_columns.schema.items.enum;

describe('additional columns', () => {
	it('reads names case-insensitively, without duplicates', () => {
		expect(parseAdditionalColumns(' total_conversions, PIN_ID,,TOTAL_CONVERSIONS ')).toEqual([
			'TOTAL_CONVERSIONS',
			'PIN_ID',
		]);
	});

	it('refuses, naming it, a column that would overwrite a field of every row', () => {
		for (const [column, field] of [
			['CAMPAIGN_NAME', 'campaignName'],
			['AD_ID', 'adId'],
			['SPEND', 'spend'],
			['DATE', 'date'],
		]) {
			expect(() => parseAdditionalColumns(`IMPRESSION_2, ${column}`)).toThrow(
				`Additional Columns: ${column} would be output as "${field}", a field every row already has`,
			);
		}
		expect(() => parseAdditionalColumns('CPC IN DOLLAR')).toThrow(
			'Additional Columns: "CPC IN DOLLAR" is not a Pinterest column name',
		);
	});

	it('refuses a well-formed name Pinterest does not have, suggesting the near one', () => {
		expect(() => parseAdditionalColumns('TOTAL_CONVERSION')).toThrow(
			"Additional Columns: TOTAL_CONVERSION is not a column Pinterest's analytics offer",
		);
		const fixOf = (text: string) => {
			try {
				parseAdditionalColumns(text);
			} catch (error) {
				return (error as { fix: string }).fix;
			}
			return 'accepted';
		};
		expect(fixOf('impression_1, total_conversion')).toMatch(/^Did you mean TOTAL_CONVERSIONS\? /);
		expect(fixOf('SPEND_IN_EUROS')).toMatch(/^Give column names as Pinterest spells/);
		for (const column of syncColumns.filter((name) => !/_ID$|_NAME$|^DATE$/.test(name))) {
			expect(() => parseAdditionalColumns(column)).not.toThrow();
		}
	});

	it('fetches the parts of a requested ratio, so merged rows can rebuild it', () => {
		expect(columnsToFetch(['SPEND_IN_MICRO_DOLLAR', 'CPM_IN_MICRO_DOLLAR', 'CTR'])).toEqual([
			'SPEND_IN_MICRO_DOLLAR',
			'CPM_IN_MICRO_DOLLAR',
			'CTR',
			'IMPRESSION_1',
			'CLICKTHROUGH_1',
		]);
	});

	it('lists only columns Pinterest has, none both additive and text, ratios built from additive parts', () => {
		expect(syncColumns.length).toBe(175);
		for (const column of [...ADDITIVE_COLUMNS, ...TEXT_COLUMNS, ...Object.keys(RECOMPUTED_RATIOS)])
			expect(syncColumns).toContain(column);
		for (const column of ADDITIVE_COLUMNS) expect(TEXT_COLUMNS.has(column)).toBe(false);
		for (const ratio of Object.values(RECOMPUTED_RATIOS)) {
			expect(ADDITIVE_COLUMNS.has(ratio.numerator)).toBe(true);
			expect(ADDITIVE_COLUMNS.has(ratio.denominator)).toBe(true);
		}
		// No ratio, cost-per metric or average is ever summed.
		for (const column of ADDITIVE_COLUMNS)
			expect(column).not.toMatch(
				/COST_PER|^ECP|^CP[CMAV]|CTR|_RATE$|ROAS|AVG|AVERAGE|FREQUENCY|UNIQUE|_USER$/,
			);
	});
});
