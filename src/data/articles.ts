/**
 * The query layer: pages ask this module for articles instead of calling `getCollection`
 * themselves, so order, neighbours and URLs are decided in one place.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { sortArticles, withNeighbours, type WithNeighbours } from './order.ts';

export type Article = CollectionEntry<'articles'>;
export type ArticleKind = Article['data']['kind'];

/** An article with the ones before and after it in the list. */
export type ArticlePage = WithNeighbours<Article>;

/** Ids become URL path segments as they are: keep them to safe ASCII. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

let cache: Promise<{ articles: Article[]; pages: ArticlePage[] }> | undefined;

async function load(): Promise<{ articles: Article[]; pages: ArticlePage[] }> {
  const entries = await getCollection('articles');
  for (const entry of entries) {
    if (!SAFE_ID.test(entry.id)) {
      throw new Error(
        `article id ${JSON.stringify(entry.id)} is not a plain ASCII slug; ` +
          'the normalizer must write ASCII file names straight into src/content/articles/',
      );
    }
  }
  const articles = sortArticles(entries);
  return { articles, pages: withNeighbours(articles) };
}

function loaded(): Promise<{ articles: Article[]; pages: ArticlePage[] }> {
  // In `astro dev` content changes between requests, so only a build keeps the result.
  if (import.meta.env.DEV) return load();
  cache ??= load();
  return cache;
}

/** All articles, newest first, then by title. */
export async function getArticles(): Promise<Article[]> {
  return (await loaded()).articles;
}

/** Every article with its neighbours, in list order; computed once per build. */
export async function getArticlePages(): Promise<ArticlePage[]> {
  return (await loaded()).pages;
}

/** `[[3, 131], [175, 183]]` → `3–131, 175–183` (a one-line range shows one number). */
export function formatLineRanges(lines: readonly (readonly [number, number])[]): string {
  return lines.map(([start, end]) => (start === end ? `${start}` : `${start}–${end}`)).join(', ');
}
