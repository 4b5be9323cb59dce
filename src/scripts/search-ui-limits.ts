/** How many results the search UI asks for (shared by search-ui.ts and the search page's early start). */

/** Results in the header's panel. */
export const BOX_LIMIT = 8;
/** Results on the search page at first, and per "more". */
export const PAGE_SIZE = 20;
/** The search page's first request: a page, and one more to know whether there are more. */
export const FIRST_PAGE_LIMIT = PAGE_SIZE + 1;
