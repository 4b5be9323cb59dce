/**
 * The search page's early start: written into the page's <head> (bundled, minified, and allowed
 * by its hash; see `inline` in src/integrations/client-scripts.ts), so the search engine and the
 * index manifest start loading as soon as the parser reaches it, with no request of its own to
 * wait for, instead of after the page is read (when the page script, `site.ts`, runs); and the
 * page's `?q=` is searched for at once. The page script then finds the same connection, and the
 * answer. With a small index the engine and the manifest are already on the page (the scripts
 * before this one), and the answer is here before the parser goes on.
 */
import { FIRST_PAGE_LIMIT } from './search-ui-limits.ts';
import { searchEarly, warm } from './search-connection.ts';

warm();
const query = new URLSearchParams(location.search).get('q')?.trim();
if (query) searchEarly('page', query, FIRST_PAGE_LIMIT);
