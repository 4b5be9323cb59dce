/**
 * Everything an article page shows, computed once per article (both locales' pages share it):
 * the body split into blocks with their stable ids, the table of contents, reading time, the
 * English translation matched paragraph by paragraph, provenance from the build report, and
 * the neighbours. Components only read this. Build-time only: never import it from a script.
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Element, RootContent } from 'hast';
import type { Report } from '../../scripts/normalize/index.ts';
import { hastText } from '../lib/rehype-paragraph-ids.ts';
import { getArticlePages, type Article } from './articles.ts';
import { buildReport } from './report.ts';
import { getTranslation, getTranslationFile, type TranslatedParagraph, type Translation } from './translations.ts';

/** Reading speed for the "N min read" estimate, in characters of Chinese text per minute. */
const CHARACTERS_PER_MINUTE = 400;

/** A subhead of the body (`## ` in the Markdown). */
export interface HeadingBlock {
  kind: 'heading';
  /** `h-xxxxxx`, from the rehype plugin. */
  id: string;
  /** Inner HTML as rendered from the Markdown. */
  html: string;
  text: string;
}

/** A paragraph of the body, with its translation if there is one. */
export interface ParagraphBlock {
  kind: 'paragraph';
  /** `p-xxxxxx`, from the rehype plugin; the `#p-…` anchor and the key of translations. */
  id: string;
  /** 1-based position among the paragraphs, for labels ("link to paragraph 3"). */
  n: number;
  /** Inner HTML as rendered from the Markdown. */
  html: string;
  text: string;
  /** The English of this paragraph, if translated (status `current` or `outdated`). */
  translation?: TranslatedParagraph | undefined;
}

export type BodyBlock = HeadingBlock | ParagraphBlock;

/** A neighbouring article, for the previous/next links. */
export interface Neighbour {
  id: string;
  /** Site path without locale or base, e.g. `articles/<slug>/`. */
  path: string;
  title: string;
  /** Its English title, if a translation gives one. */
  titleEn?: string | undefined;
}

/** Where the text came from and what the normalizer did to it (from `build-report.json`). */
export interface Provenance {
  /** Source files in frontmatter order (the primary first), with 1-based inclusive line ranges. */
  sources: Article['data']['sources'];
  /** The file whose printing gave the article its order, if one is marked primary. */
  primaryFile?: string | undefined;
  /** Places where printings worded a sentence differently: the wording kept and the other one. */
  conflicts: { kept: string; other: string }[];
  /** How often each cleanup pass changed something in this article, by pass name. */
  passes: { name: string; count: number }[];
  /** Passages of the sources left out of this article (mostly duplicate printings), by reason. */
  dropped: { reason: string; count: number }[];
}

export interface ArticlePageData {
  article: Article;
  /** Site path without locale or base: `articles/<slug>/`. */
  path: string;
  blocks: BodyBlock[];
  /** The subheads, when there are at least two; else empty (no table of contents). */
  toc: HeadingBlock[];
  /** Letters and digits in the body (Chinese characters count one each). */
  characters: number;
  /** Estimated reading time, at least 1. */
  readingMinutes: number;
  /** A plain-text opening for meta descriptions: the subtitle, else the first paragraph, clipped. */
  excerpt: string;
  /** The English translation file matched against the body, if there is one. */
  translation?: Translation | undefined;
  /** Whether to show the body as parallel text: some paragraph has an English translation. */
  parallel: boolean;
  provenance: Provenance;
  prev?: Neighbour | undefined;
  next?: Neighbour | undefined;
}

/**
 * Split an article's rendered HTML into its top-level blocks. Throws on anything but `<p>` and
 * `<h2>` with ids (the normalizer writes nothing else), so no text is ever silently lost.
 */
export function blocksFromHtml(html: string, articleId: string): BodyBlock[] {
  const tree = fromHtml(html, { fragment: true });
  const blocks: BodyBlock[] = [];
  let n = 0;
  for (const node of tree.children as RootContent[]) {
    if (node.type === 'text' && node.value.trim() === '') continue;
    if (node.type === 'comment') continue;
    const element = node.type === 'element' ? (node as Element) : undefined;
    const id = element?.properties.id;
    if (!element || typeof id !== 'string' || !['p', 'h2'].includes(element.tagName)) {
      const what = element ? `<${element.tagName}>` : node.type;
      throw new Error(`article "${articleId}": unexpected ${what} in the rendered body (only paragraphs and ## subheads are shown)`);
    }
    const inner = toHtml(element.children);
    const text = hastText(element);
    blocks.push(element.tagName === 'p' ? { kind: 'paragraph', id, n: ++n, html: inner, text } : { kind: 'heading', id, html: inner, text });
  }
  return blocks;
}

/** Letters and digits in a text (Chinese characters, Latin letters and digits count one each). */
export function countCharacters(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

/** Reading time in whole minutes at `CHARACTERS_PER_MINUTE`, at least 1. */
export function readingMinutes(characters: number): number {
  return Math.max(1, Math.round(characters / CHARACTERS_PER_MINUTE));
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function provenanceOf(article: Article): Provenance {
  const report = buildReport();
  const entry = report.articles.find((a) => a.slug === article.id);
  const dropped = new Map<string, number>();
  for (const d of report.dropped) if (d.article === article.id) dropped.set(d.reason, (dropped.get(d.reason) ?? 0) + 1);
  return {
    sources: article.data.sources,
    primaryFile: article.data.sources.find((s) => s.role === 'primary')?.file,
    conflicts: entry?.conflicts ?? [],
    passes: Object.entries(entry?.explain ?? {})
      .filter(([, count]) => count > 0)
      .map(([name, count]) => ({ name, count })),
    dropped: [...dropped].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
  };
}

async function neighbour(article: Article | undefined): Promise<Neighbour | undefined> {
  if (!article) return undefined;
  const translation = await getTranslationFile(article.id, 'en');
  return { id: article.id, path: `articles/${article.id}/`, title: article.data.title, titleEn: translation?.data.title };
}

async function compute(slug: string): Promise<ArticlePageData> {
  const pages = await getArticlePages();
  const page = pages.find((p) => p.item.id === slug);
  if (!page) throw new Error(`no article "${slug}"`);
  const article = page.item;
  const html = article.rendered?.html;
  if (html === undefined) throw new Error(`article "${slug}" has no rendered body (see the Markdown errors above)`);

  const blocks = blocksFromHtml(html, slug);
  const paragraphs = blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph');
  const headings = blocks.filter((b): b is HeadingBlock => b.kind === 'heading');
  const translation = await getTranslation(slug, 'en', paragraphs);
  for (const p of paragraphs) p.translation = translation?.paragraphs.get(p.id);
  const characters = blocks.reduce((sum, b) => sum + countCharacters(b.text), 0);

  return {
    article,
    path: `articles/${slug}/`,
    blocks,
    toc: headings.length >= 2 ? headings : [],
    characters,
    readingMinutes: readingMinutes(characters),
    excerpt: clip(article.data.subtitle ?? paragraphs[0]?.text ?? article.data.title, 120),
    translation,
    parallel: (translation?.paragraphs.size ?? 0) > 0,
    provenance: provenanceOf(article),
    prev: await neighbour(page.prev),
    next: await neighbour(page.next),
  };
}

const cache = new Map<string, Promise<ArticlePageData>>();

/** The page data of one article; computed once per build and shared by its pages in every locale. */
export function getArticlePage(slug: string): Promise<ArticlePageData> {
  if (import.meta.env.DEV) return compute(slug);
  let data = cache.get(slug);
  if (!data) {
    data = compute(slug);
    cache.set(slug, data);
  }
  return data;
}

/** The slugs of all article pages, in list order. */
export async function getArticleSlugs(): Promise<string[]> {
  return (await getArticlePages()).map((p) => p.item.id);
}

/** Split a byline like `新华社记者 董瑞丰 温竞华` into the people it names, if it reads as one. */
function bylinePeople(byline: string): string[] | undefined {
  const match = /^(?:.*?记者|.*?通讯员)\s*(.+)$/u.exec(byline);
  return match?.[1]?.split(/[\s、，,]+/u).filter(Boolean);
}

/**
 * The schema.org `NewsArticle` of an article page. `url` is the page's absolute URL;
 * the headline is the Chinese one (the text is Chinese on every locale's page).
 */
export function articleJsonLd(page: ArticlePageData, url: string): Record<string, unknown> {
  const { data } = page.article;
  const people = data.byline ? bylinePeople(data.byline) : undefined;
  const author = data.byline
    ? people && people.length > 0
      ? people.map((name) => ({ '@type': 'Person', name }))
      : { '@type': 'Person', name: data.byline }
    : data.agency
      ? { '@type': 'Organization', name: data.agency }
      : undefined;
  const publisher = data.publication ?? data.agency;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: data.title,
    ...(page.translation?.title ? { alternativeHeadline: page.translation.title } : {}),
    ...(data.date ? { datePublished: data.date } : {}),
    ...(author ? { author } : {}),
    ...(publisher ? { publisher: { '@type': 'Organization', name: publisher } } : {}),
    inLanguage: 'zh-Hans',
    isAccessibleForFree: true,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    description: page.excerpt,
  };
}
