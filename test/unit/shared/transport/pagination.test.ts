import { MAX_PAGES, nextPage } from '../../../../shared/transport/pagination';

const none = new Set<string>();

describe('nextPage', () => {
	it('gives the items and the next bookmark, and ends on a missing, null or empty bookmark', () => {
		expect(nextPage({ items: [{ id: '1' }], bookmark: 'b2' }, none, 1)).toEqual({
			items: [{ id: '1' }],
			bookmark: 'b2',
		});
		for (const bookmark of [undefined, null, ''])
			expect(nextPage({ items: [{ id: '2' }], bookmark }, none, 2)).toEqual({
				items: [{ id: '2' }],
			});
	});

	it('stops at a bookmark an earlier page gave', () => {
		expect(nextPage({ items: [{ id: '1' }], bookmark: 'b2' }, new Set(['b2']), 2)).toEqual({
			problem:
				'(page 2) gave a bookmark an earlier page had already given, so the list would never end; paging stopped',
		});
	});

	it(`stops after ${MAX_PAGES} pages that still point to another`, () => {
		expect(MAX_PAGES).toBe(1000);
		expect(nextPage({ items: [], bookmark: 'b1000' }, none, 999)).toEqual({
			items: [],
			bookmark: 'b1000',
		});
		expect(nextPage({ items: [], bookmark: 'b1001' }, none, 1000)).toEqual({
			problem: 'still had more after 1000 pages; paging stopped',
		});
		// The last page may be the thousandth.
		expect(nextPage({ items: [], bookmark: null }, none, 1000)).toEqual({ items: [] });
	});

	it.each([
		[undefined, '(page 1) is empty, not a page of the list'],
		['', '(page 1) is empty, not a page of the list'],
		['items', '(page 1) is a string, not a page of the list'],
		[[{ id: '1' }], '(page 1) is a list, not a page of the list'],
		[null, '(page 1) is null, not a page of the list'],
		[{ bookmark: 'b2' }, '(page 1) is an object without a list of items, not a page of the list'],
		[{ items: 'abc' }, '(page 1) is an object without a list of items, not a page of the list'],
		[{ items: [], bookmark: 7 }, '(page 1) has a number as its bookmark, not a string'],
	])('refuses the answer %j', (page, problem) => {
		expect(nextPage(page, none, 1)).toEqual({ problem });
	});
});
