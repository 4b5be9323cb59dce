/**
 * The search index parts of this build (src/lib/search/build-index.ts), from the same collection
 * the pages show, with the same paragraph ids; built once per build, and in `astro dev` again
 * when older than a few seconds, as content changes. Served as JSON by
 * src/pages/search-index/[part].json.ts and as classic scripts by [part].js.ts.
 */
import { getCollection } from 'astro:content';
import { getArticles } from './articles.ts';
import { blocksFromBody, buildSearchIndex, englishBlocks, headerText, primarySource, sortForIndex } from '../lib/search/build-index.ts';
import { HEARD_PART, MANIFEST_PART } from '../lib/search/engine.ts';

let cached: { at: number; parts: Promise<Record<string, unknown>> } | undefined;

/** The parts by name (`manifest`, `g…`, `t…`). */
export function searchIndexParts(): Promise<Record<string, unknown>> {
  if (cached && (!import.meta.env.DEV || Date.now() - cached.at < 5000)) return cached.parts;
  const parts = (async () => {
    const [articles, translations] = await Promise.all([getArticles(), getCollection('translations')]);
    const english = new Map(translations.filter((t) => t.data.lang === 'en').map((t) => [t.data.article, t.data]));
    const input = articles.map((a) => ({
      slug: a.id,
      title: a.data.title,
      titleEn: english.get(a.id)?.title,
      publication: a.data.publication,
      date: a.data.date,
      source: primarySource(a.data.sources),
      header: headerText(a.data),
      blocks: blocksFromBody(a.body ?? ''),
      english: englishBlocks(english.get(a.id) ?? {}),
    }));
    // `BAOKU_SEARCH_SPLIT=1` splits even a small index into gram and text parts, as a large one
    // is (to test that way with a small corpus).
    return buildSearchIndex(sortForIndex(input), process.env.BAOKU_SEARCH_SPLIT === '1' ? { inline: false } : {}).parts;
  })();
  cached = { at: Date.now(), parts };
  return parts;
}

/**
 * Whether the search engine runs on the page rather than in a worker: when the whole index is
 * its manifest (a small corpus, like the seeds; the `heard` part aside, loaded only to read a
 * character the text lacks by its sound), a query takes a few milliseconds, well inside a
 * frame, and the page answers the first one sooner without a worker to start. Larger indexes,
 * loaded part by part, run in a worker.
 */
export async function searchRunsOnPage(): Promise<boolean> {
  // `BAOKU_SEARCH_MODE=worker` (or `page`) decides instead, e.g. to test the other way.
  const forced = process.env.BAOKU_SEARCH_MODE?.trim();
  if (forced === 'page' || forced === 'worker') return forced === 'page';
  return !Object.keys(await searchIndexParts()).some((part) => part !== MANIFEST_PART && part !== HEARD_PART);
}
