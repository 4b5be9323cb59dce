/**
 * The search index, built with the site: `search-index/<part>.json` under the base path
 * (`manifest`, the gram parts `g…` and the text chunks `t…`; format in src/lib/search/engine.ts).
 * The browser loads them with `fetchSource(searchIndexUrl(import.meta.env.BASE_URL))` from
 * src/lib/search/load.ts. Built once per build from the same collection the pages show, with the
 * same paragraph ids.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { getArticles } from '../../data/articles.ts';
import { blocksFromBody, buildSearchIndex, primarySource, sortForIndex } from '../../lib/search/build-index.ts';

let cached: { at: number; parts: Promise<Record<string, unknown>> } | undefined;

/** The parts, built once (in `astro dev`, again when older than a few seconds, as content changes). */
function indexParts(): Promise<Record<string, unknown>> {
  if (cached && (!import.meta.env.DEV || Date.now() - cached.at < 5000)) return cached.parts;
  const parts = (async () => {
    const [articles, translations] = await Promise.all([getArticles(), getCollection('translations')]);
    const english = new Map(translations.filter((t) => t.data.lang === 'en').map((t) => [t.data.article, t.data.title]));
    const input = articles.map((a) => ({
      slug: a.id,
      title: a.data.title,
      titleEn: english.get(a.id),
      publication: a.data.publication,
      date: a.data.date,
      source: primarySource(a.data.sources),
      blocks: blocksFromBody(a.body ?? ''),
    }));
    return buildSearchIndex(sortForIndex(input)).parts;
  })();
  cached = { at: Date.now(), parts };
  return parts;
}

export const getStaticPaths = (async () => Object.keys(await indexParts()).map((part) => ({ params: { part } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const data = (await indexParts())[params.part ?? ''];
  if (data === undefined) return new Response('no such part', { status: 404 });
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
