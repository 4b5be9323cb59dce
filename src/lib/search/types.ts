/**
 * The contract between the search index builder (build time, Node), the search engine (pure
 * functions, runs in a worker or on the main thread) and the search UI. No DOM, no Node APIs.
 */

/** An article as search results show it. */
export interface SearchArticle {
  slug: string;
  title: string;
  /** English title, when a translation gives one. */
  titleEn?: string;
  publication?: string;
  /** ISO `YYYY-MM-DD`. */
  date?: string;
}

/** A span of a snippet to mark, as `[start, end)` offsets into `text`. */
export type Mark = [number, number];

/** One result: the paragraph (or the title) that matched, best first. */
export interface SearchHit {
  article: SearchArticle;
  /** The paragraph id (`p-…`) to link to, or undefined for a title hit. */
  paragraphId?: string;
  /** A short passage around the match, with the matched text marked. */
  snippet: { text: string; marks: Mark[] };
  /** Higher is better. */
  score: number;
  /**
   * How it matched: the exact text, a Traditional form of it, the mainland's word for a regional
   * one (人工智慧: 人工智能), a pinyin form of it, or a near miss (typo).
   */
  match: 'exact' | 'title' | 'traditional' | 'regional' | 'pinyin' | 'fuzzy';
  /** `en` when the snippet is English (the English title, summary or a translated paragraph), not the article's Chinese. */
  lang?: 'en';
}

/** A search engine over a loaded index. */
export interface SearchEngine {
  /**
   * Results for a query: several space-separated terms must all match. `stale`: whether a newer
   * query came, checked where a long search on the page lets it breathe (it then rejects).
   */
  search(query: string, limit?: number, options?: { lang?: 'en' | undefined; stale?: (() => boolean) | undefined }): SearchHit[] | Promise<SearchHit[]>;
  /** Settles once the engine has warmed up (see `SearchIndex.warm`); absent: nothing to warm. */
  warm?: Promise<void>;
}
