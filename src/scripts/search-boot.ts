/**
 * The search page's early start: loaded `async` in the page's <head>, so the search worker and
 * the index manifest start loading while the page is still being read, instead of after it (when
 * the page script, `site.ts`, runs). The page script then finds the same connection.
 */
import { warm } from './search-connection.ts';

warm();
