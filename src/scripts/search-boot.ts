/**
 * The search page's early start: loaded `async` in the page's <head>, so the search engine and
 * the index manifest start loading while the page is still being read, instead of after it (when
 * the page script, `site.ts`, runs), and the page's `?q=` is searched for at once. The page
 * script then finds the same connection, and the answer.
 */
import { FIRST_PAGE_LIMIT } from './search-ui-limits.ts';
import { searchEarly, warm } from './search-connection.ts';

warm();
const query = new URLSearchParams(location.search).get('q')?.trim();
if (query) searchEarly('page', query, FIRST_PAGE_LIMIT);
