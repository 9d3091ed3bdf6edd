/**
 * Reading one page of a bookmark-paginated list (Pinterest's `{items, bookmark}`), bounded: a broken proxy or API
 * that hands out a bookmark again would otherwise be paged for ever, the items piling up until the worker runs out
 * of memory. Pure: the client requests the pages and turns a problem into an error.
 */
import { shapeOf } from './shapeOf';

/**
 * Pages one list may take: 1,000 pages of 250 (the largest page size) are 250,000 campaigns, ad groups, ads or ad
 * accounts, far more than Pinterest lets one ad account or login hold.
 */
export const MAX_PAGES = 1000;

/** The page's items and the bookmark of the next page (none on the last), or what is wrong with the page. */
export type PageStep<T> = { items: T[]; bookmark?: string } | { problem: string };

/**
 * One page, read after the bookmarks of the pages before it.
 * @param seen the bookmarks earlier pages gave
 * @param pageNumber this page's number, from 1
 */
export function nextPage<T>(
	page: unknown,
	seen: ReadonlySet<string>,
	pageNumber: number,
): PageStep<T> {
	const { items, bookmark } = (page ?? {}) as { items?: unknown; bookmark?: unknown };
	if (typeof page !== 'object' || page === null || Array.isArray(page) || !Array.isArray(items)) {
		const shape = shapeOf(page);
		const what = shape === 'an object' ? `an object without a list of items` : shape;
		return { problem: `(page ${pageNumber}) is ${what}, not a page of the list` };
	}
	if (bookmark === undefined || bookmark === null || bookmark === '')
		return { items: items as T[] };
	if (typeof bookmark !== 'string')
		return {
			problem: `(page ${pageNumber}) has ${shapeOf(bookmark)} as its bookmark, not a string`,
		};
	if (seen.has(bookmark)) {
		return {
			problem: `(page ${pageNumber}) gave a bookmark an earlier page had already given, so the list would never end; paging stopped`,
		};
	}
	if (pageNumber >= MAX_PAGES)
		return { problem: `still had more after ${MAX_PAGES} pages; paging stopped` };
	return { items: items as T[], bookmark };
}
