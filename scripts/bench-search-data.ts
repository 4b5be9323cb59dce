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
import { initDomain, prng, syntheticCorpus } from './bench.ts';
import { normalizeCorpus } from './normalize/index.ts';
import { readCorrections, readInputFolder } from './normalize/io.ts';
import type { Article } from './normalize/types.ts';
import { writeMarkdown } from './normalize/write-markdown.ts';
import {
  articleFromMarkdown,
  blockIds,
  buildSearchIndex,
  englishBlocks,
  HEADER_ID,
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
  return sortForIndex(uniqueSlugs(articles).map((a) => withTranslation(articleFromMarkdown(a.slug, writeMarkdown(a)))));
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

/** The article with the site's English translation of it, if it has one: title, summary, and the paragraphs it still has. */
function withTranslation(article: IndexArticle): IndexArticle {
  const file = join(TRANSLATIONS, `${article.slug}.json`);
  if (!existsSync(file)) return article;
  const translation = JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof englishBlocks>[0];
  const ids = new Set(blockIds(article.blocks));
  return {
    ...article,
    titleEn: translation.title?.trim() || undefined,
    english: englishBlocks(translation).filter((b) => b.id === HEADER_ID || ids.has(b.id)),
  };
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

// ---------------------------------------------------------------------------------------------
// The queries both search benchmarks (bench-search.ts in Chromium, bench-search-engine.ts in Node) run.

/** Queries a warm run types, one after another. */
export const WARM_QUERIES = 50;

/** Fixed queries of every kind the search handles: words, phrases, Traditional, pinyin, typos, misses. */
export const FIXED_QUERIES = [
  '发展', '經濟', '新质生产力', '高质量发展', '科技创新', '雪龙', '南极', '政府工作报告', '全国两会', '人民',
  '發展', '經濟發展', '創新', '中國', 'xuelong', 'fazhan', 'jingji', 'keji chuangxin', 'xinzhi shengchanli', 'zhongguo',
  '发展 经济', '科技 人才', '改革 开放', '新 质', '产业', '农业', '教育', '上海合作组织', '法国', 'Macron',
  '新质生产刀', '高质量发屏', 'zqxjkv', '的', '2024', '习近平', '代表委员', '数字经济', '绿色', '民营企业',
];

/** `n` two-to-four-character runs of Han text picked from `texts`, so queries hit the corpus. */
export function sampleQueries(texts: string[], n: number, seed: number): string[] {
  const random = prng(seed);
  const runs = texts.flatMap((t) => t.match(/\p{Script=Han}{4,}/gu) ?? []);
  const out: string[] = [];
  for (let i = 0; i < n && runs.length > 0; i++) {
    const run = runs[Math.floor(random() * runs.length)]!;
    const len = 2 + Math.floor(random() * 3);
    const start = Math.floor(random() * (run.length - len + 1));
    out.push(run.slice(start, start + len));
  }
  return out;
}

/** ~WARM_QUERIES queries: the fixed ones and the rest sampled from the corpus, interleaved. */
export function queriesFor(texts: string[], seed: number): string[] {
  const sampled = sampleQueries(texts, Math.max(0, WARM_QUERIES - FIXED_QUERIES.length), seed);
  const out: string[] = [];
  for (let i = 0; i < Math.max(FIXED_QUERIES.length, sampled.length); i++) {
    if (i < FIXED_QUERIES.length) out.push(FIXED_QUERIES[i]!);
    if (i < sampled.length) out.push(sampled[i]!);
  }
  return out.slice(0, WARM_QUERIES);
}
