/**
 * The one script written into every page rather than loaded: `reader-prefs-init.js`, which
 * applies the reader's stored theme and text size before the first paint. Inline, the parser
 * does not stop at a request for it (a round trip before anything shows, on every page);
 * minified here, and allowed by the Content-Security-Policy by its hash (src/lib/csp.ts).
 * Build time only.
 */
import { transformSync } from 'esbuild';
import source from '../scripts/reader-prefs-init.js?raw';

export const READER_PREFS_INIT = transformSync(source, { minify: true, legalComments: 'none', target: 'es2017' }).code.trim();
