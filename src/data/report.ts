/**
 * The normalizer's report for the collection the site is built from, read once at build time:
 * `src/generated/build-report.json` (which `npm run normalize` writes for the site), or the file
 * `BAOKU_REPORT` names, for a site built from another collection (see `BAOKU_ARTICLES_DIR` in
 * src/content.config.ts); a relative path is from the working directory.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Report } from '../../scripts/normalize/index.ts';

/** The report's path: `BAOKU_REPORT`, else the one the normalizer writes for the site. */
export const REPORT_FILE = resolve(process.env.BAOKU_REPORT?.trim() || 'src/generated/build-report.json');

let cached: Report | undefined;

/** The report; fails, naming the file, when it is missing (run `npm run normalize` first). */
export function buildReport(): Report {
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(REPORT_FILE, 'utf8');
  } catch {
    throw new Error(`no normalize report at ${REPORT_FILE}: run \`npm run normalize\` before building`);
  }
  cached = JSON.parse(text) as Report;
  return cached;
}
