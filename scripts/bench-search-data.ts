/**
 * Search index data for a synthetic corpus, for the search benchmark (scripts/bench-search.ts):
 * `copies` copies of the seeds with distinct text (`syntheticCorpus` from bench.ts, the same
 * corpus `npm run bench` normalizes), normalized by `normalizeCorpus`, and indexed by the same
 * `buildSearchIndex` the site uses. Copy 0 is the seeds themselves, so its articles keep their
 * English titles.
 *
 *   import { benchSearchIndex } from './bench-search-data.ts';
 *   const { parts, articles } = benchSearchIndex(20);   // parts: name → JSON, served as <name>.json
 *
 * Or from the command line, to write the parts into a folder and print their sizes:
 *
 *   npx node scripts/bench-search-data.ts [--copies 20] [--out DIR]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initDomain, syntheticCorpus } from './bench.ts';
import { normalizeCorpus } from './normalize/index.ts';
import { readCorrections, readInputFolder } from './normalize/io.ts';
import type { Article } from './normalize/types.ts';
import { writeMarkdown } from './normalize/write-markdown.ts';
import {
  articleFromMarkdown,
  buildSearchIndex,
  formatSizes,
  indexSizes,
  sortForIndex,
  writeSearchIndex,
  type BuildOptions,
  type IndexArticle,
} from '../src/lib/search/build-index.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const SEEDS = join(ROOT, 'seeds');
const TRANSLATIONS = join(ROOT, 'src/content/translations/en');

/** The articles of `copies` copies of the seeds, as the index reads them, in the site's list order. */
export function benchArticles(copies = 20): IndexArticle[] {
  const seeds = readInputFolder(SEEDS);
  initDomain(seeds);
  const { sources, corrections } = syntheticCorpus(seeds, readCorrections(SEEDS), copies);
  const { articles } = normalizeCorpus(sources, { corrections });
  return sortForIndex(uniqueSlugs(articles).map((a) => articleFromMarkdown(a.slug, writeMarkdown(a), englishTitle(a.slug))));
  // (articleFromMarkdown reads the primary source from the frontmatter, as for the site.)
}

/** The index parts for `copies` copies of the seeds, and the articles they index. */
export function benchSearchIndex(copies = 20, options: BuildOptions = {}): { parts: Record<string, unknown>; articles: IndexArticle[] } {
  const articles = benchArticles(copies);
  return { parts: buildSearchIndex(articles, options).parts, articles };
}

/** Slugs as the collection would have them (the normalizer already makes them unique). */
function uniqueSlugs(articles: Article[]): Article[] {
  const seen = new Map<string, number>();
  return articles.map((a) => {
    const n = (seen.get(a.slug) ?? 0) + 1;
    seen.set(a.slug, n);
    return n === 1 ? a : { ...a, slug: `${a.slug}-${n}` };
  });
}

function englishTitle(slug: string): string | undefined {
  const file = join(TRANSLATIONS, `${slug}.json`);
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as { title?: string }).title || undefined;
}

if (import.meta.main) {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(`--${name}`);
    return i === -1 ? undefined : process.argv[i + 1];
  };
  const copies = Number(arg('copies') ?? 20);
  const t0 = performance.now();
  const articles = benchArticles(copies);
  const t1 = performance.now();
  const { parts } = buildSearchIndex(articles);
  const t2 = performance.now();
  const out = arg('out');
  if (out) writeSearchIndex(parts, out);
  console.log(`${copies}×: ${articles.length} articles (normalized in ${Math.round(t1 - t0)} ms), index built in ${Math.round(t2 - t1)} ms${out ? `, written to ${out}` : ''}`);
  console.log(formatSizes(indexSizes(parts)));
}
