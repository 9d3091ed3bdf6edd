import { formatAmount } from '../../../../../nodes/PinterestConversions/core/amounts';
import { buildCustomData } from '../../../../../nodes/PinterestConversions/core/customData';
import type { CustomDataInput } from '../../../../../nodes/PinterestConversions/core/customData';
import spec from '../../../../fixtures/pinterest-openapi/openapi.json';
import { accepted, refused } from '../../../helpers/outcomes';

const customDataSchema =
	spec.components.schemas.ConversionEvents.properties.data.items.properties.custom_data;

const customDataOf = (input: CustomDataInput) => accepted(buildCustomData(input)).customData;
const problemsOf = (input: CustomDataInput) => refused(buildCustomData(input));

describe('amounts are sent as strings without float noise', () => {
	it.each([
		[19.99, '19.99'],
		[0.1 + 0.2, '0.3'],
		[72.39, '72.39'],
		[100, '100'],
		[0, '0'],
		[1234567.891, '1234567.891'],
		[9999999999999.99, '9999999999999.99'],
		[1e-7, '0'],
		[0.000001, '0.000001'],
	])('%p → %p', (amount, expected) => {
		expect(formatAmount(amount)).toBe(expected);
	});

	it('accepts numbers and plain decimal text', () => {
		expect(customDataOf({ value: 19.99 })).toEqual({ value: '19.99' });
		expect(customDataOf({ value: ' 019.990 ' })).toEqual({ value: '19.99' });
		expect(customDataOf({ value: '47' })).toEqual({ value: '47' });
	});

	it.each([
		['19,99', 'Value is not a decimal number'],
		['$19.99', 'Value is not a decimal number'],
		['1e3', 'Value is not a decimal number'],
		[Number.POSITIVE_INFINITY, 'Value is not a decimal number'],
		[-5, 'Value must not be negative'],
		['-5.00', 'Value must not be negative'],
		[1e21, 'Value is too large to be an amount'],
		[1e13, 'Value is too large to be an amount'],
		['9'.repeat(400), 'Value is too large to be an amount'],
		['-' + '9'.repeat(400), 'Value must not be negative'],
	])('refuses %p', (value, message) => {
		expect(problemsOf({ value }).map((found) => [found.field, found.message])).toEqual([
			['value', message],
		]);
	});

	it('explains that refunds have no Pinterest event', () => {
		expect(problemsOf({ value: -19.99 })[0].fix).toBe(
			'Pinterest has no refund event: send refunds elsewhere, or leave the amount empty.',
		);
	});
});

describe('buildCustomData', () => {
	it('maps every supported field to its spec key', () => {
		const customData = customDataOf({
			value: 72.39,
			currency: ' usd ',
			orderId: 'CB-RECEIPT-1234',
			contentIds: ['sku-1', 'sku-2'],
			contents: [
				{
					id: 'sku-1',
					itemPrice: 14.99,
					quantity: 3,
					itemName: 'Shirt',
					itemCategory: 'Clothing',
					itemBrand: 'Acme',
				},
				{ id: 'sku-2', itemPrice: '13.71', quantity: '2' },
			],
			numItems: 5,
			searchString: 'blue shirt',
			contentName: 'Shirts',
			contentCategory: 'Clothing',
			contentBrand: 'Acme',
			optOutType: 'LDP',
			predictedLtv: 2794.82,
		});
		const allowed = Object.keys(customDataSchema.properties);
		const allowedInContents = Object.keys(customDataSchema.properties.contents.items.properties);
		expect(Object.keys(customData ?? {}).filter((key) => !allowed.includes(key))).toEqual([]);
		expect(
			Object.keys(customData?.contents?.[0] ?? {}).filter(
				(key) => !allowedInContents.includes(key),
			),
		).toEqual([]);
		expect(customData).toEqual({
			currency: 'USD',
			value: '72.39',
			content_ids: ['sku-1', 'sku-2'],
			contents: [
				{
					id: 'sku-1',
					item_price: '14.99',
					quantity: 3,
					item_name: 'Shirt',
					item_category: 'Clothing',
					item_brand: 'Acme',
				},
				{ id: 'sku-2', item_price: '13.71', quantity: 2 },
			],
			num_items: 5,
			order_id: 'CB-RECEIPT-1234',
			search_string: 'blue shirt',
			opt_out_type: 'LDP',
			content_name: 'Shirts',
			content_category: 'Clothing',
			content_brand: 'Acme',
			predicted_ltv: '2794.82',
		});
	});

	it('never emits keys outside the spec', () => {
		const input = { value: 5, np: 'ss-company', category_name: 'x' } as CustomDataInput;
		expect(customDataOf(input)).toEqual({ value: '5' });
	});

	it("reads line items by Pinterest's keys, camelCase ones and in any case", () => {
		expect(
			customDataOf({
				contents: [
					{ ID: 'sku-1', item_price: 14.99, quantity: 3, item_name: 'Shirt' },
					{
						id: 'sku-2',
						itemPrice: '13.71',
						Quantity: '2',
						itemBrand: 'Acme',
						ITEM_CATEGORY: 'Tops',
					},
				],
			}),
		).toEqual({
			contents: [
				{ id: 'sku-1', item_price: '14.99', quantity: 3, item_name: 'Shirt' },
				{
					id: 'sku-2',
					item_price: '13.71',
					quantity: 2,
					item_brand: 'Acme',
					item_category: 'Tops',
				},
			],
		});
	});

	it('reads line items from JSON text, as the Contents field gives them', () => {
		expect(
			customDataOf({ contents: '[{"id": "sku-1", "item_price": "5", "quantity": 1}]' }),
		).toEqual({
			contents: [{ id: 'sku-1', item_price: '5', quantity: 1 }],
		});
	});

	it('refuses an unknown line-item key by name, never dropping it', () => {
		expect(problemsOf({ contents: [{ id: 'a', sku: 'b' }] })).toEqual([
			{
				field: 'contents[0].sku',
				message: 'Contents entry 1 has an unknown key',
				fix: 'Give each line item the keys id, item_price, quantity, item_name, item_category or item_brand (camelCase such as itemPrice works too).',
			},
		]);
	});

	it('counts an unknown line-item key that is not a plain field name, never repeating it', () => {
		const problems = problemsOf({
			contents: [{ id: 'a', 'jane.doe@example.com': 2, 'item price': 3, ['x'.repeat(41)]: 4 }],
		});
		expect(problems.map((p) => [p.field, p.message])).toEqual([
			[
				'contents[0]',
				'Contents entry 1 has an unknown key (key 2, not shown: it is not a plain field name)',
			],
			[
				'contents[0]',
				'Contents entry 1 has an unknown key (key 3, not shown: it is not a plain field name)',
			],
			[
				'contents[0]',
				'Contents entry 1 has an unknown key (key 4, not shown: it is not a plain field name)',
			],
		]);
		expect(JSON.stringify(problems)).not.toMatch(/jane|item price|xxx/);
	});

	it('reports invalid JSON by position, never quoting the text', () => {
		const problems = problemsOf({ contents: '[{"id": "jane@example.com",}]' });
		expect(problems.map((p) => [p.field, p.message])).toEqual([
			['contents', 'Contents is not valid JSON (at character 28)'],
		]);
		// The parser's own message would quote the text here.
		const unquoted = problemsOf({ contents: '[{"id": buyer@example.com}]' });
		expect(unquoted.map((p) => p.message)).toEqual(['Contents is not valid JSON']);
		expect(JSON.stringify([problems, unquoted])).not.toMatch(/jane|buyer/);
	});

	it('omits empty fields, empty contents entries and empty custom data altogether', () => {
		expect(
			customDataOf({
				value: '',
				currency: null,
				contentIds: ['', null],
				contents: [{}, { id: ' ' }],
			}),
		).toBe(undefined);
		expect(accepted(buildCustomData(undefined))).toEqual({ dropped: [] });
		expect(customDataOf({ orderId: 123456 })).toEqual({ order_id: '123456' });
	});

	it('leaves out descriptive fields that cannot be used, and says so', () => {
		expect(
			accepted(
				buildCustomData({
					value: 5,
					contentName: { name: 'x' },
					predictedLtv: 'lots',
					contentIds: [{}],
				}),
			),
		).toEqual({
			customData: { value: '5' },
			dropped: [
				{ field: 'contentIds', reason: 'Content IDs must be text' },
				{ field: 'contentName', reason: 'Content name must be text' },
				{ field: 'predictedLtv', reason: 'Predicted lifetime value is not a decimal number' },
			],
		});
	});

	it('names each invalid contents entry by position', () => {
		expect(
			problemsOf({
				contents: [
					{ id: 'a', quantity: 2.5 },
					'sku-9',
					{ id: 'c', quantity: 0, itemPrice: 'free' },
				],
			}),
		).toEqual([
			{
				field: 'contents[0].quantity',
				message: 'Quantity must be a whole number of at least 1',
				fix: 'Map a whole number to Quantity.',
			},
			{
				field: 'contents[1]',
				message: 'Contents entry 2 is not an object',
				fix: 'Give each line item the keys id, item_price, quantity, item_name, item_category or item_brand (camelCase such as itemPrice works too).',
			},
			{
				field: 'contents[2].quantity',
				message: 'Quantity must be a whole number of at least 1',
				fix: 'Map a whole number to Quantity.',
			},
			{
				field: 'contents[2].item_price',
				message: 'Item price is not a decimal number',
				fix: 'Map a plain number such as 19.99: "." as decimal point, no currency symbol or thousands separator.',
			},
		]);
	});

	it('checks currency, item count and list shapes; Number of Items 0 sends nothing', () => {
		expect(problemsOf({ currency: '$', numItems: -1, contents: { id: 'a' } })).toEqual([
			{
				field: 'currency',
				message: 'Currency is not a three-letter ISO 4217 code',
				fix: 'Map a code such as USD or EUR, not a symbol.',
			},
			{
				field: 'contents',
				message: 'Contents must be a list',
				fix: 'Map a list of line items. Give each line item the keys id, item_price, quantity, item_name, item_category or item_brand (camelCase such as itemPrice works too).',
			},
			{
				field: 'numItems',
				message: 'Number of items must be a whole number of at least 0',
				fix: 'Map a whole number to Number of items.',
			},
		]);
		expect(customDataOf({ numItems: 0, contentIds: 'sku-1,sku-2' })).toEqual({
			content_ids: ['sku-1,sku-2'],
		});
		expect(customDataOf({ numItems: 2 })).toEqual({ num_items: 2 });
	});

	it('takes only ISO 4217 currencies, in any case', () => {
		expect(customDataOf({ currency: ' gbp ' })).toEqual({ currency: 'GBP' });
		expect(customDataOf({ currency: 'JPY' })).toEqual({ currency: 'JPY' });
		for (const code of ['XYZ', 'usd1', 'DOL']) {
			expect(problemsOf({ currency: code }).map((found) => found.field)).toEqual(['currency']);
		}
		expect(problemsOf({ currency: 'xyz' })).toEqual([
			{
				field: 'currency',
				message: 'Currency XYZ is not an ISO 4217 currency code',
				fix: 'Map the code of the currency the customer paid in, such as USD, EUR or GBP.',
			},
		]);
	});
});
