/**
 * The data that flows through the normalizer. The core takes text and returns data;
 * only `io.ts` touches the file system.
 */

/** One input file, already decoded to a JavaScript string with `\n` line ends. */
export interface SourceText {
  /** File name relative to the input folder, e.g. `000_0bf04e9a29c61db5.txt`. */
  file: string;
  text: string;
  /** How the bytes were decoded, e.g. `utf-8`, `gb18030`, `big5`, `utf-16le`. */
  encoding: string;
}

/** A physical input line after line-level cleaning. `no` is 1-based and never changes. */
export interface SourceLine {
  file: string;
  no: number;
  /** Text after cleaning; `''` for a blank line. */
  text: string;
  /** Markdown heading level printed in the source (`## 标题` → 2), if any. */
  headingLevel?: number;
  /** The source ended this line with two spaces: a Markdown hard break, i.e. a wrap. */
  hardBreak?: boolean;
  /** A pass undid PDF bold doubling on this line: it was printed bold (a headline or a caption). */
  bold?: boolean;
  /** Set when a pass decides this line is not article text. */
  drop?: DropReason;
}

/** Why a line or passage did not become article text. */
export interface DropReason {
  /** A short machine-readable kind: `toc`, `page-header`, `page-number`, `credit`, `continuation`, `running-head`, `duplicate`, `source-line`, … */
  kind: string;
  /** Human explanation, e.g. `duplicate of 003:559-563 (kept, more faithful)`. */
  detail?: string;
}

/** A line range in one file, 1-based inclusive. */
export interface LineRange {
  file: string;
  start: number;
  end: number;
}

/**
 * A pure text fix used by line-level passes: given one line (or one paragraph), return the
 * fixed text and how many changes were made. A fix that changed nothing returns count 0.
 */
export type TextFix = (text: string) => { text: string; count: number };

/** The role a block plays in an article. */
export type BlockKind =
  | 'title'
  | 'kicker'
  | 'subtitle'
  | 'byline'
  | 'dateline'
  | 'heading'
  | 'paragraph'
  | 'highlight'
  | 'caption'
  | 'credit'
  | 'end-dateline'
  | 'source-line'
  | 'continuation'
  | 'frontmatter'
  | 'note';

/** A paragraph-sized unit built from one or more source lines. */
export interface Block {
  kind: BlockKind;
  text: string;
  range: LineRange;
  /** Heading level hint carried over from Markdown input. */
  headingLevel?: number;
  /** Every line of the block was printed bold (PDF bold doubling). */
  bold?: boolean;
  /** True when the block could be a headline: short, no sentence punctuation, not a wrapped line. */
  headingLike?: boolean;
}

/** Metadata the normalizer extracts for an article; mirrored by the content schema. */
export interface ArticleMeta {
  title: string;
  titleSource: 'printed' | 'derived' | 'corrected';
  subtitle?: string;
  kicker?: string;
  byline?: string;
  agency?: string;
  publication?: string;
  date?: string;
  dateline?: string;
  page?: string;
  kind: ArticleKind;
}

export type ArticleKind =
  | 'news'
  | 'report'
  | 'commentary'
  | 'interview'
  | 'photo'
  | 'qa'
  | 'explainer'
  | 'speech'
  | 'feature';

/** Where one fragment or variant of an article came from. */
export interface SourceRef {
  file: string;
  /** Line ranges, 1-based inclusive, `[start, end]`. */
  lines: [number, number][];
  /** `primary` gave the article its order; `variant` was merged into it; `fragment` was stitched on. */
  role: 'primary' | 'variant' | 'fragment';
}

/** One body element of a finished article. */
export interface BodyBlock {
  kind: 'paragraph' | 'heading';
  text: string;
}

/** A finished article, ready to be written as Markdown. */
export interface Article {
  slug: string;
  meta: ArticleMeta;
  body: BodyBlock[];
  sources: SourceRef[];
}
