import type { ArticleMeta, LineRange } from './types.ts';
import { bigrams, sentenceKey, splitSentences } from './text.ts';

/** A sentence (or a whole heading) with its comparison key and where it came from. */
export interface Sentence {
  text: string;
  key: string;
  /** Character bigrams of the key, computed on first use. */
  readonly grams: Set<string>;
  range: LineRange;
}

/** A paragraph or subhead of a fragment, as a list of sentences. */
export interface Para {
  /** Unique across the corpus: `file#index`. */
  id: string;
  kind: 'paragraph' | 'heading' | 'highlight' | 'caption';
  sentences: Sentence[];
  range: LineRange;
  /** Index of the fragment it was printed in. */
  fragment: number;
  /** Position in its file, for ordering. */
  order: number;
  /** The paragraph ends with an article-end dateline such as `（新华社北京3月7日电）`. */
  endsArticle?: boolean;
  /** The paragraph printed before it in the same file stops mid-sentence: this may be the rest. */
  startsMidSentence?: boolean;
}

/**
 * Header fields read from a headline group, a byline, a dateline or a source line: the article
 * metadata, each field optional, with `date` possibly partial (`--03-06`, month and day only).
 */
export interface Header extends Partial<ArticleMeta> {
  /** Title taken from a running head printed after the body. */
  runningHead?: string;
  /** The title was a lone line with no byline, dateline or subtitle: it may be a stray subhead. */
  weakTitle?: boolean;
}

/** A run of text printed together in one file: an article, or a piece of one. */
export interface Fragment {
  index: number;
  file: string;
  header: Header;
  /** Line ranges of header lines (headline, byline, source line …). */
  headerRanges: LineRange[];
  paras: Para[];
  /** Starts with a continuation marker (`（上接1版）`): the beginning is printed elsewhere. */
  continued?: boolean;
  /** Ended by an end dateline or a source line: the article is complete here. */
  closed?: boolean;
  /** Broken off by a jump marker (`（下转第2版）`): the article goes on in a continued fragment. */
  jumps?: boolean;
}

/** Make a sentence record. */
export function makeSentence(text: string, range: LineRange): Sentence {
  const key = sentenceKey(text);
  // Bigrams are needed for a few comparisons only: computed on first use.
  let grams: Set<string> | undefined;
  return {
    text,
    key,
    range,
    get grams(): Set<string> {
      grams ??= bigrams(key);
      return grams;
    },
  };
}

/** Split paragraph text into sentence records that share the paragraph's line range. */
export function sentencesOf(text: string, range: LineRange): Sentence[] {
  return splitSentences(text).map((s) => makeSentence(s, range));
}

/** The text of a paragraph. */
export function paraText(p: Para): string {
  return p.sentences.map((s) => s.text).join('');
}

/** Total key length of a paragraph (a measure of how much text it carries). */
export function paraWeight(p: Para): number {
  let n = 0;
  for (const s of p.sentences) n += s.key.length;
  return n;
}

/** Paragraphs believed to belong to one article, from one or more files. */
export interface Story {
  id: number;
  /** Indexes into the corpus paragraph list. */
  paras: number[];
  /** Indexes of the fragments that contributed headers. */
  fragments: number[];
  /** Split off from inside another story's text: never merged back into it. */
  splitFrom?: number;
  /** The file whose printing sets the article's order and extent. */
  primary?: string;
}
