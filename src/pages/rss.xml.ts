/**
 * The RSS 2.0 feed of the newest articles, one per locale: `/rss.xml` (Chinese) and `/en/rss.xml`,
 * which calls `feed('en', …)` from here. Every link is absolute and respects `base`.
 */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getArticles, type Article } from '../data/articles.ts';
import { getTranslationFile } from '../data/translations.ts';
import { localeRoot, localizedPath, t, type Locale } from '../i18n/index.ts';
import { markdownParagraphText } from '../lib/paragraph-id.ts';

/** How many of the newest articles a feed lists. */
const FEED_SIZE = 30;
/** How many characters of the first paragraph make an item's description. */
const DESCRIPTION_LENGTH = 120;

/** The text of the first paragraph of a Markdown body (headings skipped), as a reader sees it. */
export function firstParagraph(markdown: string): string {
  for (const block of markdown.split(/\n\s*\n/u)) {
    const text = block.trim();
    if (!text || /^(#{1,6}\s|!\[|<|>|```|---|\|)/u.test(text)) continue;
    return markdownParagraphText(text.replace(/\s*\n\s*/gu, ' '));
  }
  return '';
}

/** The first `max` characters of `text` (by code point), with `…` if cut. */
export function clip(text: string, max = DESCRIPTION_LENGTH): string {
  const chars = Array.from(text.trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('').trimEnd()}…`;
}

/** `YYYY-MM-DD` → a Date at midnight UTC. */
function utcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/**
 * A feed item. The English feed uses the article's English title and summary (or first
 * translated paragraph) where a translation has them, else the Chinese.
 */
async function item(locale: Locale, article: Article, origin: URL, base: string) {
  const translation = locale === 'en' ? (await getTranslationFile(article.id, 'en'))?.data : undefined;
  const title = translation?.title?.trim() || article.data.title;
  const text =
    translation?.summary?.trim() ||
    translation?.paragraphs.find((p) => p.text.trim())?.text.trim() ||
    firstParagraph(article.body ?? '') ||
    article.data.subtitle ||
    '';
  return {
    title,
    link: new URL(localizedPath(locale, `articles/${article.id}/`, base), origin).href,
    ...(article.data.date ? { pubDate: utcDate(article.data.date) } : {}),
    ...(text ? { description: clip(text) } : {}),
  };
}

/** The feed of `locale`. */
export async function feed(locale: Locale, context: APIContext): Promise<Response> {
  const base = import.meta.env.BASE_URL;
  const origin = context.site ?? new URL(context.url.origin);
  const home = new URL(localeRoot(locale, base), origin);
  const self = new URL(localizedPath(locale, 'rss.xml', base), origin).href;
  const articles = (await getArticles()).slice(0, FEED_SIZE);
  const escapedSelf = self.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;');
  return rss({
    title: t(locale, 'site.name'),
    description: t(locale, 'site.description'),
    site: home,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData:
      `<language>${locale === 'en' ? 'en' : 'zh-cn'}</language>` +
      `<atom:link href="${escapedSelf}" rel="self" type="application/rss+xml"/>`,
    items: await Promise.all(articles.map((article) => item(locale, article, origin, base))),
  });
}

export function GET(context: APIContext): Promise<Response> {
  return feed('zh-Hans', context);
}
