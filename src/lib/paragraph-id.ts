/**
 * Stable paragraph ids, shared by the rehype plugin that puts them on the page, the translation
 * collection that refers to them, and the translation export script. An id is derived from the
 * start of the paragraph's text (letters and digits only), so fixing punctuation or a word near
 * the end keeps it; `sourceHash` covers the whole text, so such a change marks a translation
 * outdated. No Astro or browser API here: Node scripts import this too.
 */
import { sentenceKey } from '../../scripts/normalize/text.ts';

/** How many characters of a paragraph's key decide its id. */
const ID_PREFIX = 16;

/** 32-bit FNV-1a of a string, as 8 hex digits. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The hash of a paragraph's whole text a translation records, to notice when the source changes. */
export function sourceHash(text: string): string {
  return fnv1a(sentenceKey(text));
}

/**
 * Ids for the paragraphs of one article, in order: `p-` and 6 hex digits from the start of the
 * text; a repeat within the article gets `-2`, `-3`.
 * @example paragraphIds(['今天的中国，正向“新”而行。', '各位代表！', '各位代表！']) // ['p-…', 'p-…', 'p-…-2']
 */
export function paragraphIds(texts: string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map((text) => {
    const base = `p-${fnv1a(sentenceKey(text).slice(0, ID_PREFIX)).slice(0, 6)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

/**
 * The plain text of a paragraph written by the normalizer as Markdown: backslash escapes
 * removed and `**bold**` unwrapped, i.e. what a reader sees (and what the rehype plugin reads).
 */
export function markdownParagraphText(markdown: string): string {
  return markdown.replace(/\\([\\`*_{}[\]()#+\-.!<>|~&])/gu, '$1').replace(/\*\*([^*]+)\*\*/gu, '$1');
}
