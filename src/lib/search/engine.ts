/**
 * The search engine: pure functions over a loaded index, no DOM and no Node APIs, so it runs in a
 * worker, on the main thread or in Node tests alike. `build-index.ts` writes the index this reads;
 * `load.ts` fetches its parts.
 *
 * How a query is answered:
 *   1. normalize — full-width → ASCII, lower case, Traditional → Simplified (a character map made
 *      at build time from opencc-js for the corpus's characters only), split into terms at spaces
 *      and punctuation; several terms must all match (in the same article).
 *   2. variants — each term is matched as written, in Simplified (if that differs) and, when it is
 *      Latin, as full pinyin (with or without spaces; the fewest-syllable ways it splits; each
 *      syllable stands for the corpus characters read that way, polyphones included). A Latin
 *      word of 3+ letters that reads as pinyin is only pinyin in the text (and a word in the
 *      English titles). Pinyin typed in part is a second tier, looked for only when the first
 *      leaves the list short, and ranked below it: initials, one a syllable (`xlh` 雪龙号,
 *      `zhgd`; two at least), or whole syllables and a half-typed last one (`xuelo` 雪龙,
 *      `zhongg` 中国). Either way the characters are consecutive.
 *   3. candidates — the bigram map (bigram → text chunks, in parts by the reading of the bigram's
 *      first character) gives the chunks that contain a few bigrams covering the term (linked by
 *      their shared characters, for pinyin): exact candidates; an article is a candidate when it
 *      has one for every term (or the term in its title). Pinyin candidates are ranked by how
 *      common the Chinese they read as is. Terms of 3–16 characters with Han in them get
 *      near-miss candidates when exact matches are few (none, when text must be fetched):
 *      chunks sharing the rarest of their bigrams.
 *   4. verify and rank — the best candidate articles are looked at in batches, just enough for the
 *      limit (each batch waits for its text parts: sized by the hits its candidate chunks
 *      promise, at most six new parts): the text parts with their candidate chunks are loaded (a
 *      chunk is the serialized Fuse index of a few paragraphs: the only copy of the text),
 *      searched for the exact substrings, and, for a term with no exact match in the article,
 *      with Fuse (Bitap, `ignoreLocation`, a threshold that allows one wrong, missing or extra
 *      character; two from eight characters on). A hit is a paragraph (or subhead, or title);
 *      articles matching exactly rank above pinyin typed in part and that above near misses,
 *      then hits with more of the terms, then title hits above body hits, then more
 *      occurrences, earlier paragraphs, and the index order (newest first).
 *   5. list — articles by their best hit, each with its two best hits together; their further
 *      hits follow every article's first two, so one article does not fill the top of the list.
 * A small index (the seeds) is one part with all the text: loaded once, searched in memory.
 * A two-character term only ever matches those two characters together: it is one bigram, and
 * near misses need three characters or more.
 */
import Fuse from 'fuse.js/basic';
import type { IFuseOptions } from 'fuse.js';
import { chineseDates, chineseTimes, englishDate, englishDateTokens, englishMonthDay, isoDate, isoDatesYearLast, isoFromChinese, isoFromEnglish, monthDayFromEnglish, numeral, numeralsAsFigures, figuresAsNumerals } from './dates.ts';
import { editDistance, englishBlock, englishForm, englishStem, ENGLISH_WORDS, latinMarks, lowerCase, pinyinApart, wholeWord, type EnglishBlock, type EnglishForm } from './english.ts';
import { makeSnippet, mergeMarks } from './snippet.ts';
import { withoutQuestionWords } from './questions.ts';
import { anotherWord, crossesWord, deferWordBreaker, hanWordAcross, isWord, makeWordBreaker, patternWords, wordBreakerReady, wordsOf, wordStarts } from './words.ts';
import type { Mark, SearchArticle, SearchEngine, SearchHit } from './types.ts';
import { MANIFEST_PART } from './protocol.ts';

export { makeSnippet, mergeMarks, SNIPPET_LENGTH } from './snippet.ts';
export { anotherWord, crossesWord, hanWordAcross, isWord } from './words.ts';

// ---------------------------------------------------------------------------------------------
// The index format (written by build-index.ts).

/** Identifies the format; bump it whenever the parts change shape. */
export const INDEX_FORMAT = 'baoku-search-5';

/** `FuseIndex#toJSON()` of a list of strings: `v` is the text, `i` its position, `n` Fuse's field norm. */
export interface FuseIndexJson {
  keys: [];
  records: { v: string; i: number; n: number }[];
}

/** `manifest`: loaded first; everything needed to parse a query and pick the other parts. */
export interface ManifestPart {
  format: typeof INDEX_FORMAT;
  /** Articles in list order (newest first); an article's number is its position here. */
  articles: {
    slug: string[];
    /** ISO `YYYY-MM-DD`, or `''` when undated. */
    date: string[];
    /** Index into `pubs`, or -1. */
    pub: number[];
    pubs: string[];
    /** English title, or `''`. */
    en: string[];
    /**
     * English text besides the title, where a translation gives it: per article, `[id, text, id,
     * text, …]`, the summary first (id `''`, the article's head) and then translated paragraphs
     * (their paragraph ids). Absent when no article has any.
     */
    english?: string[][];
    /** How many text chunks each article has; article n's are numbered after those of 0…n-1. */
    chunks: number[];
  };
  /** Fuse index over the Chinese titles (record i is article i's title): the only copy of them. */
  titles: FuseIndexJson;
  /** `grams[s]`: the space-separated keys whose bigrams are in part `g<s>` (see `gramKey`, `pieceKey`). */
  grams: string[];
  /** Syllable (toneless, `v` for ü) → `"<chars read so first>|<chars that also read so>"`. */
  pinyin: Record<string, string>;
  /** Traditional → Simplified, character by character: `[from, to]`, aligned strings. */
  t2s: [string, string];
  /** How many consecutive chunks each text part `t<p>` holds (absent when the text is inline). */
  texts?: number[];
  /**
   * How often each Han character occurs in the text chunks (folded): `[characters, counts]`, the
   * counts in base 36, comma-separated, in the characters' order. See `SearchIndex.together`.
   */
  counts?: [string, string];
  /**
   * A small corpus's text, inline: every chunk (then there are no `g…` or `t…` parts; the engine
   * builds the bigram map in memory when it loads, and never fetches again).
   */
  chunks?: ChunkPart[];
  /**
   * Words of Taiwan and Hong Kong for the mainland's (`人工智慧 人工智能|软体 软件|…`): the
   * regional word and the text's, folded. Only those whose mainland word is in the text. A
   * query's regional words are read as the mainland's (a `regional` variant).
   */
  phrases?: string;
  /**
   * Traditional words whose characters one by one do not make the text's (`复甦 复苏`: 甦 alone
   * stays), as `phrases` lists its: a query is read so when it is folded (a `traditional` variant).
   */
  traditionalPhrases?: string;
}

/**
 * `g<s>`: bigram postings. First character → `[second characters, postings]`, where postings
 * holds one list per second character (space-separated), each the chunk numbers ascending,
 * delta-coded in base 36 and comma-separated. A second character of `' '` stands for the end
 * of a run of searchable characters, so every searchable character starts a bigram. Titles are
 * not in the postings: the manifest has them.
 */
export type GramPart = Record<string, [string, string]>;

/**
 * A text chunk: consecutive blocks (paragraphs and subheads) of one article, about 1500
 * characters, as a Fuse index (`Fuse.createIndex(…).toJSON()`), with their ids.
 */
export interface ChunkPart {
  /** `p-…` for a paragraph, `h-…` for a subhead: the page's anchors. */
  ids: string[];
  index: FuseIndexJson;
  /**
   * The blocks the fold changes (Latin capitals, full-width forms, Traditional characters), if
   * any, each as `[block, …foldEdits]`: the engine applies them instead of folding at load.
   */
  fold?: (number | string)[][];
}

/**
 * `t<p>`: consecutive chunks, in list order (several short articles, or part of a long one), so
 * that one request brings the text of several neighbouring articles.
 */
export interface TextPart {
  chunks: ChunkPart[];
}

export { MANIFEST_PART };
/**
 * `heard`: the common characters the text lacks (GB 2312's 6,763), by their first reading:
 * syllable → characters. Loaded only to read such a character of a query by its sound (周媛 for
 * the text's 周圆: see `homophones`), never looked for in the text.
 */
export const HEARD_PART = 'heard';
export type HeardPart = Record<string, string>;
export const gramPartName = (shard: number): string => `g${shard}`;
export const textPartName = (part: number): string => `t${part}`;

// ---------------------------------------------------------------------------------------------
// Characters: what is searchable, and the fold both the text and the query go through.

/** Symbols kept inside terms (`29.9%`, `5G+`, `3/4`, `10:30`, `-5℃`); other punctuation separates terms. */
const KEPT_SYMBOLS = '.%+-/:#&@_°℃$€£¥';
const WORD = /^[\p{L}\p{N}]$/u;
const KEPT_CODES = new Set(Array.from(KEPT_SYMBOLS, (c) => c.charCodeAt(0)));
/** Code points outside the common blocks, as `WORD` answered for them. */
const rareCodes = new Map<number, boolean>();

/**
 * Whether a code point takes part in matching: a letter or number (`\p{L}`, `\p{N}`) or a kept
 * symbol. The blocks news text is made of (ASCII, CJK ideographs and punctuation, full-width
 * forms) are answered by ranges; only other code points ask the Unicode-property expression, whose
 * first use (compiling it) costs more than the first search on a small index.
 */
export function isSearchableCode(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || KEPT_CODES.has(code);
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) return true;
  if (code >= 0x2000 && code <= 0x206f) return false;
  // 々〆〇, the Hangzhou numerals and the kana iteration marks.
  if (code >= 0x3000 && code <= 0x303f) return (code >= 0x3005 && code <= 0x3007) || (code >= 0x3021 && code <= 0x3029) || (code >= 0x3031 && code <= 0x3035) || (code >= 0x3038 && code <= 0x303c);
  // Full-width digits and letters, half-width kana and hangul.
  if (code >= 0xff00 && code <= 0xffef) return (code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a) || (code >= 0xff66 && code <= 0xffdc && !((code >= 0xffbf && code <= 0xffc1) || code === 0xffc8 || code === 0xffc9 || code === 0xffd0 || code === 0xffd1 || code === 0xffd8 || code === 0xffd9));
  let ok = rareCodes.get(code);
  if (ok === undefined) rareCodes.set(code, (ok = WORD.test(String.fromCodePoint(code)) || KEPT_CODES.has(code)));
  return ok;
}

/** Whether a character (one code point) takes part in matching. */
export function isSearchable(ch: string): boolean {
  const code = ch.codePointAt(0);
  if (code === undefined || ch.length !== (code > 0xffff ? 2 : 1)) return false;
  return isSearchableCode(code);
}

/** Whether a character is Han. */
export const isHan = (ch: string): boolean => /^\p{Script=Han}$/u.test(ch);

const hanCodes = new Map<number, boolean>();
/** Whether a code point is Han: the common blocks by range, others as `isHan` answers (once). */
function isHanCode(code: number): boolean {
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) return true;
  if (code < 0x2e80) return false;
  let han = hanCodes.get(code);
  if (han === undefined) hanCodes.set(code, (han = isHan(String.fromCodePoint(code))));
  return han;
}

/** Characters trimmed from the ends of a term (`end.` → `end`), but kept inside it. */
const TRIM = /^[.+\-/:#&@_]+|[.+\-/:#&@_]+$/gu;

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]\[^-]/gu, '\\$&');
}

/** ASCII a full-width form folds to: letters, digits and the kept symbols (`１２％` → `12%`). */
const FULL_WIDTH_KEPT = new Set(Array.from(`0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ${KEPT_SYMBOLS}`, (c) => c.charCodeAt(0)).filter((c) => c < 0x7f));

/**
 * The fold of one UTF-16 unit, or undefined when it stays: Latin capitals and the full-width forms
 * of letters, digits and kept symbols to lower-case ASCII; Latin, Greek and Cyrillic letters to
 * lower case (one unit for one); other characters through `table` (Traditional → Simplified).
 * Punctuation that only separates terms (`，。（）`, the ideographic space) is left alone: matching
 * skips it either way, and most text then needs no folding at all.
 */
function foldUnit(text: string, i: number, table: ReadonlyMap<number, string> | undefined): string | undefined {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : undefined;
  if (c >= 0xff01 && c <= 0xff5e) {
    const ascii = c - 0xfee0;
    if (!FULL_WIDTH_KEPT.has(ascii)) return undefined;
    return String.fromCharCode(ascii >= 0x41 && ascii <= 0x5a ? ascii + 32 : ascii);
  }
  if ((c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x4ff)) {
    const ch = text[i]!;
    const lower = ch.toLowerCase();
    return lower.length === 1 && lower !== ch ? lower : undefined;
  }
  const to = table?.get(c);
  // (A chain, 麼 → 么 and 么 → 幺 as OpenCC reads 么 alone: to its end, so that folding twice
  // changes nothing, and 什麼 is 什幺 as 什么 is.)
  return to === undefined ? undefined : (table!.get(to.charCodeAt(0)) ?? to);
}

/** Fold `text` unit by unit (see `foldUnit`); the same string when nothing changes. */
function foldWith(text: string, table: ReadonlyMap<number, string> | undefined): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const to = foldUnit(text, i, table);
    if (to === undefined) continue;
    out += text.slice(last, i) + to;
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** Full-width letters, digits and symbols → ASCII, and lower case, one UTF-16 unit for one, so offsets stay valid. */
export function foldBasic(text: string): string {
  return foldWith(text, undefined);
}

/**
 * The fold the index and the query go through: `foldBasic`, then Traditional → Simplified by the
 * shipped character map. Keeps the length (and every offset) of the text.
 */
export function createFold(t2s: ReadonlyMap<string, string>): (text: string) => string {
  const table = new Map<number, string>();
  for (const [from, to] of t2s) if (from.length === 1 && to.length === 1 && from !== to) table.set(from.charCodeAt(0), to);
  if (table.size === 0) return foldBasic;
  return (text) => foldWith(text, table);
}

/** `createFold` for the map as the manifest ships it: character i of `from` folds to character i of `to`. */
export function foldFromPairs(from: string, to: string): (text: string) => string {
  const table = new Map<number, string>();
  for (let i = 0, j = 0; i < from.length && j < to.length; ) {
    const a = from.codePointAt(i)!;
    const b = to.codePointAt(j)!;
    if (a <= 0xffff && b <= 0xffff && a !== b) table.set(a, String.fromCharCode(b));
    i += a > 0xffff ? 2 : 1;
    j += b > 0xffff ? 2 : 1;
  }
  return table.size === 0 ? foldBasic : (text) => foldWith(text, table);
}

/**
 * The fold of a text as the index ships it (`ChunkPart.fold`): the runs it changes, as offsets
 * and their folded text, `[at, folded, at, folded, …]`; empty when the fold changes nothing.
 */
export function foldEdits(text: string, folded: string): (number | string)[] {
  const edits: (number | string)[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === folded[i]) continue;
    let end = i + 1;
    while (end < text.length && text[end] !== folded[end]) end++;
    edits.push(i, folded.slice(i, end));
    i = end;
  }
  return edits;
}

/** A text with its fold edits applied (see `foldEdits`). */
export function applyFoldEdits(text: string, edits: readonly (number | string)[]): string {
  let out = '';
  let last = 0;
  for (let k = 0; k + 1 < edits.length; k += 2) {
    const at = edits[k] as number;
    const folded = edits[k + 1] as string;
    out += text.slice(last, at) + folded;
    last = at + folded.length;
  }
  return out + text.slice(last);
}

/** The bigrams of a folded text, as the index keys them: `c1 + c2`, `c2 = ' '` after the last of a run. */
export function textBigrams(folded: string): string[] {
  const chars = Array.from(folded);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c1 = chars[i]!;
    if (!isSearchable(c1)) continue;
    const next = chars[i + 1];
    out.push(c1 + (next !== undefined && isSearchable(next) ? next : ' '));
    // Across quotation marks too (共建“一带一路”: 建一), which a phrase may span.
    if (next !== undefined && QUOTE_MARKS.includes(next)) {
      let j = i + 1;
      while (j < chars.length && QUOTE_MARKS.includes(chars[j]!)) j++;
      const after = chars[j];
      if (after !== undefined && isSearchable(after)) out.push(c1 + after);
    }
  }
  return out;
}

/**
 * Quotation and title marks, which a phrase may span: 共建一带一路 is found in 共建“一带一路”,
 * 攀高逐新质 in 攀高逐“新”“质”.
 */
export const QUOTE_MARKS = '“”‘’「」『』《》〈〉"\'';
const HAS_QUOTE = /[“”‘’「」『』《》〈〉"']/u;
const QUOTES_CLASS = '[“”‘’「」『』《》〈〉"\']*';

/** The code point after the quotation marks that start at `at`, or -1. */
function afterQuotes(text: string, at: number): number {
  if (at >= text.length || !QUOTE_MARKS.includes(text[at]!)) return -1;
  let j = at;
  while (j < text.length && QUOTE_MARKS.includes(text[j]!)) j++;
  return j > at && j < text.length ? text.codePointAt(j)! : -1;
}

/** Decode the pinyin map: syllable → every character read so; character → its first reading. */
/**
 * A syllable and those that sound alike to many readers, as input methods' fuzzy pinyin lets them
 * be typed for each other: z zh, c ch, s sh and n l at the start; an ang, en eng, in ing, ian
 * iang and uan uang at the end. (Not f h, which input methods offer too: 福州 is not 湖州.) The syllable itself first; the others only if `known` has
 * them.
 */
export function nearSyllables(syl: string, known: ReadonlyMap<string, unknown>): string[] {
  const m = /^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw]?)(.*)$/u.exec(syl)!;
  const [initial, final] = [m[1]!, m[2]!];
  const initials = [initial, ...(NEAR_INITIALS[initial] ?? [])];
  const finals = [final, ...(NEAR_FINALS[final] ?? [])];
  const out = [syl];
  for (const i of initials) for (const f of finals) if (known.has(i + f) && !out.includes(i + f)) out.push(i + f);
  return out;
}
const NEAR_INITIALS: Record<string, string[]> = { z: ['zh'], zh: ['z'], c: ['ch'], ch: ['c'], s: ['sh'], sh: ['s'], n: ['l'], l: ['n'] };
const NEAR_FINALS: Record<string, string[]> = { an: ['ang'], ang: ['an'], en: ['eng'], eng: ['en'], in: ['ing'], ing: ['in'], ian: ['iang'], iang: ['ian'], uan: ['uang'], uang: ['uan'] };

export function decodePinyin(map: Record<string, string>): {
  syllables: Map<string, string[]>;
  primary: Map<string, string>;
  readings: Map<string, Set<string>>;
} {
  const syllables = new Map<string, string[]>();
  const primary = new Map<string, string>();
  const readings = new Map<string, Set<string>>();
  for (const [syl, value] of Object.entries(map)) {
    const [first = '', also = ''] = value.split('|');
    for (const ch of first) primary.set(ch, syl);
    const chars = [...Array.from(first), ...Array.from(also)];
    for (const ch of chars) {
      const set = readings.get(ch);
      if (set) set.add(syl);
      else readings.set(ch, new Set([syl]));
    }
    syllables.set(syl, chars);
  }
  // ü is typed as v (lv, nve) or as u (lu, nue): accept both.
  for (const [syl, chars] of [...syllables]) {
    if (!syl.includes('v')) continue;
    const alias = syl.replace(/v/gu, 'u');
    syllables.set(alias, [...new Set([...(syllables.get(alias) ?? []), ...chars])]);
  }
  // A digit reads as its numeral (xuelongerhao is 雪龙2号 as well as 雪龙二号).
  DIGIT_SYLLABLES.forEach((syl, digit) => syllables.set(syl, [...(syllables.get(syl) ?? []), String(digit)]));
  return { syllables, primary, readings };
}

/** The syllables of the numerals 0 to 9 (ling, yi, er, …). */
const DIGIT_SYLLABLES = ['ling', 'yi', 'er', 'san', 'si', 'wu', 'liu', 'qi', 'ba', 'jiu'];

/**
 * The key that decides a bigram's gram part: its first character's first reading; `0` for every
 * ASCII character (digits, Latin letters, kept symbols: few, and a term like `72TB` or `29.9%`
 * then needs one part); else the character itself. The bigrams of a character with several
 * readings are in the part of each reading's key too, so a pinyin syllable needs one part.
 */
export function gramKey(c1: string, primary: ReadonlyMap<string, string>): string {
  return primary.get(c1) ?? (c1.charCodeAt(0) < 0x80 ? '0' : c1);
}

/**
 * The name under which a first character's bigrams are listed in `ManifestPart.grams`: its key,
 * or, for a key too big for one part that the build split `count` ways, `key~count~i` with
 * i = code point mod count.
 */
export function pieceKey(c1: string, key: string, splits: ReadonlyMap<string, number>): string {
  const count = splits.get(key);
  return count ? `${key}~${count}~${c1.codePointAt(0)! % count}` : key;
}

// ---------------------------------------------------------------------------------------------
// Queries.

/**
 * How a variant reads the term: as written, in Simplified, as full pinyin, or as pinyin typed in
 * part (initials, `xlh` for 雪龙号; or a last syllable typed halfway, `xuelo` for 雪龙).
 */
export type MatchKind = 'exact' | 'traditional' | 'regional' | 'pinyin' | 'partial';

/** One way of matching a term: a sequence of slots, each a set of characters (one for a literal). */
export interface Variant {
  kind: MatchKind;
  slots: string[][];
  /**
   * For pinyin: the syllable each slot stands for (undefined for a literal slot); for pinyin typed
   * in part, what was typed of it (`x`, `zh`, `lo`: every syllable that starts so).
   */
  syls?: (string | undefined)[];
  /** Read by its sound (see `homophones`): a slot stands for a character typed by mistake. */
  sounded?: true;
  /**
   * Pinyin typed in part with its last syllable typed halfway (`gaozh`, `xinzhish`: the reader
   * is typing on): what it finds may end inside a word (高质 of 高/质量, 新质生 of 新/质/生产/力).
   */
  typing?: true;
}

export interface Term {
  /** The term as typed (folded), for display and debugging. */
  text: string;
  variants: Variant[];
  /** The Simplified literal Fuse matches near misses against, when the term allows them. */
  fuzzy?: string;
  /**
   * A Latin word also looked for where words start in English text (titles, summaries,
   * translations); for syllables typed apart, also the words as typed (`xuelo` and `xue lo`).
   */
  latin?: EnglishForm[];
  /** For pinyin typed with spaces (`xue long`): the tokens as separate terms, tried when the whole finds nothing. */
  split?: Term[];
  /**
   * Pinyin typed in part (initials, or a half-typed last syllable): variants looked for only when
   * `variants` leave the result list short, and ranked below them.
   */
  partial?: Variant[];
  /** Typed in capitals (`GDP`): an abbreviation, never read as pinyin with a slip. */
  abbreviation?: true;
  /** One of the words a run written together was read as (see `segment`): ranked below a phrase. */
  word?: true;
  /** The term with two neighbouring characters swapped back (see `transposed`): a near miss. */
  near?: true;
}

export interface QueryContext {
  fold: (text: string) => string;
  syllables: ReadonlyMap<string, readonly string[]>;
  /**
   * The mainland's words for the regional ones in a (folded) text (see `ManifestPart.phrases`):
   * a term's `regional` variant (人工智慧: 人工智能, 軟體: 软件).
   */
  mainland?: (folded: string) => string;
  /** A (folded) text with its Traditional words read as the text's (`ManifestPart.traditionalPhrases`: 复甦 is 复苏). */
  phrases?: (folded: string) => string;
  /**
   * Characters the fold changes that are Simplified ones too, the Simplified form of another
   * (么 of 麼, 著 of 著 in 显著: OpenCC reads them alone as Traditional for 幺 and 着): typed
   * so, a query is as written, not in Traditional characters.
   */
  simplified?: ReadonlySet<string>;
}

const MAX_TERMS = 8;
const MAX_TERM_CHARS = 64;
const MAX_VARIANTS = 16;
const MAX_SYLLABLE = 6;
/** Near misses are looked for in terms of 3 to this many characters. */
const MAX_FUZZY_CHARS = 16;
/** A term's candidates come from this many of its bigrams at most (each may need a gram part). */
const MAX_PAIRS = 4;

/**
 * The positions i of the bigrams (slot i, slot i + 1) a variant's candidates are looked up by;
 * for one slot, `[0]` (any bigram starting with it). A term of five characters or more uses a
 * few that cover it: the text check that follows is exact anyway, and each bigram may need a
 * gram part (a request) of its own.
 */
export function pairPositions(v: Variant): number[] {
  const n = v.slots.length - 1;
  if (n <= 0) return v.slots.length === 1 ? [0] : [];
  if (n <= 3) return Array.from({ length: n }, (_, i) => i);
  // Bigrams that cover every character without overlapping (政府 工作 报告), at most MAX_PAIRS.
  const cover: number[] = [];
  for (let i = 0; i < n; i += 2) cover.push(i);
  if (cover[cover.length - 1] !== n - 1) cover.push(n - 1);
  if (cover.length <= MAX_PAIRS) return cover;
  return [...new Set(Array.from({ length: MAX_PAIRS }, (_, k) => cover[Math.round((k * (cover.length - 1)) / (MAX_PAIRS - 1))]!))];
}

/** Every way (up to `max`) to split a run of letters into syllables of the corpus, fewest syllables first. */
export function segmentPinyin(letters: string, syllables: ReadonlyMap<string, unknown>, max = 8): string[][] {
  const n = letters.length;
  if (n === 0 || n > 48) return [];
  // reach[i]: the end can be reached from i.
  const reach: boolean[] = Array(n + 1).fill(false);
  reach[n] = true;
  for (let i = n - 1; i >= 0; i--) {
    for (let len = 1; len <= MAX_SYLLABLE && i + len <= n; len++) {
      if (reach[i + len] && syllables.has(letters.slice(i, i + len))) {
        reach[i] = true;
        break;
      }
    }
  }
  if (!reach[0]) return [];
  const out: string[][] = [];
  const acc: string[] = [];
  const walk = (i: number): void => {
    if (out.length >= max) return;
    if (i === n) {
      out.push([...acc]);
      return;
    }
    for (let len = Math.min(MAX_SYLLABLE, n - i); len >= 1; len--) {
      const syl = letters.slice(i, i + len);
      if (!reach[i + len] || !syllables.has(syl)) continue;
      acc.push(syl);
      walk(i + len);
      acc.pop();
    }
  };
  walk(0);
  return out.sort((a, b) => a.length - b.length);
}

const LETTERS = /^[a-z]+$/u;

/** How many syllables `letters` read as, at fewest; 0 when they are not whole pinyin. */
const syllableCount = (letters: string, syllables: ReadonlyMap<string, unknown>): number => segmentPinyin(letters, syllables, 1)[0]?.length ?? 0;

/** Sounds pinyin typists mix up (front and back nasals, flat and curled tongue, l and n, f and h). */
const CONFUSED: readonly (readonly [string, string])[] = [
  ['ing', 'in'],
  ['eng', 'en'],
  ['ang', 'an'],
  ['zh', 'z'],
  ['ch', 'c'],
  ['sh', 's'],
  ['l', 'n'],
  ['f', 'h'],
];
/** Each letter's neighbours on a QWERTY keyboard's row: a finger slipping onto the next key. */
const NEIGHBOUR_KEYS: ReadonlyMap<string, string> = new Map(
  ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'].flatMap((row) => Array.from(row, (c, i): [string, string] => [c, (row[i - 1] ?? '') + (row[i + 1] ?? '')])),
);
/** The longest Chinese term read by its sound when nothing matches (near misses cover longer ones). */
const MAX_HOMOPHONE_CHARS = 4;
/** How many spellings one slip away a query is read as (each costs its candidates). */
const SLIP_SPELLINGS = 12;
/** The fewest letters pinyin with a slip is read from (fewer read as too many things). */
const MIN_SLIP_LETTERS = 5;
/** Letters most often left out of a syllable: the g of -ng, the h of zh ch sh, an n; a vowel. */
const DROPPED = 'ghnaeiou';

/**
 * Spellings one slip away from `letters` that read as whole pinyin (the fewest syllables first,
 * at most `max`): a sound mixed up (xijingping → xijinping, tengcong → tengchong, liangfui →
 * lianghui), two letters swapped (xuelogn → xuelong), one left out (makelog → makelong, xuelng →
 * xuelong), one too many, or one hit for the key beside it (xuelomg → xuelong). Not `letters`
 * itself.
 */
export function pinyinTypos(letters: string, syllables: ReadonlyMap<string, unknown>, max = 8): string[] {
  if (!LETTERS.test(letters) || letters.length < MIN_SLIP_LETTERS || letters.length > MAX_TERM_CHARS) return [];
  const tried = new Set<string>([letters]);
  const found: { spelling: string; syllables: number; order: number }[] = [];
  const consider = (spelling: string): void => {
    if (tried.has(spelling)) return;
    tried.add(spelling);
    const [first] = segmentPinyin(spelling, syllables, 1);
    if (first) found.push({ spelling, syllables: first.length, order: found.length });
  };
  for (const [a, b] of CONFUSED) {
    for (const [from, to] of [[a, b], [b, a]] as const) {
      for (let at = letters.indexOf(from); at !== -1; at = letters.indexOf(from, at + 1)) consider(letters.slice(0, at) + to + letters.slice(at + from.length));
    }
  }
  for (let i = 0; i + 1 < letters.length; i++) consider(letters.slice(0, i) + letters[i + 1] + letters[i] + letters.slice(i + 2));
  for (let i = 0; i < letters.length; i++) for (const c of NEIGHBOUR_KEYS.get(letters[i]!) ?? '') consider(letters.slice(0, i) + c + letters.slice(i + 1));
  for (let i = 0; i <= letters.length; i++) for (const c of DROPPED) consider(letters.slice(0, i) + c + letters.slice(i));
  for (let i = 0; i < letters.length; i++) consider(letters.slice(0, i) + letters.slice(i + 1));
  return found
    .sort((x, y) => x.syllables - y.syllables || x.order - y.order)
    .slice(0, max)
    .map((f) => f.spelling);
}
/** Initials typed for a word: at most this many syllables. */
const MAX_INITIALS = 8;

const startsWith = new WeakMap<ReadonlyMap<string, unknown>, Map<string, string[]>>();

/** The syllables of the corpus that start with `prefix` (`x` → xi, xia, …, xun). */
export function syllablesStartingWith(prefix: string, syllables: ReadonlyMap<string, unknown>): string[] {
  let cache = startsWith.get(syllables);
  if (!cache) startsWith.set(syllables, (cache = new Map()));
  let list = cache.get(prefix);
  if (!list) {
    list = [];
    for (const syl of syllables.keys()) if (syl.startsWith(prefix)) list.push(syl);
    cache.set(prefix, list);
  }
  return list;
}

/**
 * A run of letters read as initials, one syllable each: `zh`, `ch` and `sh` as one where that
 * still leaves two syllables or more (`zhgd` → zh g d), and also every letter alone when that
 * differs (`shhzzz` → sh h z z z, and s h h z z z: 上海合作组织, whose 海 and 合 are both h);
 * `xlh` → x l h, `sh` → s h. A syllable that starts with a vowel has it for its initial (`aq`:
 * 安全, `xa`: 西安), one vowel in the run at most, as English words have more (`macro` stays Latin;
 * `cctv` too: v begins no syllable). Empty when the run is one letter, or a letter begins no
 * syllable of the corpus.
 */
export function segmentInitials(letters: string, syllables: ReadonlyMap<string, unknown>): string[][] {
  if (!/^[a-z]{2,}$/u.test(letters) || (letters.match(/[aeo]/gu)?.length ?? 0) > 1) return [];
  const paired = letters.match(/[zcs]h|[a-z]/gu)!;
  const single = Array.from(letters);
  const readings = paired.length >= 2 && paired.length < single.length ? [paired, single] : [single];
  return readings.filter((units) => units.length <= MAX_INITIALS && units.every((u) => syllablesStartingWith(u, syllables).length > 0));
}

/**
 * A run of letters read as whole syllables and a last one typed in part (`xuelo` → xue lo…,
 * `zhongg` → zhong g…), every way with the fewest syllables: two at least, or, with `alone`
 * (the last word of pinyin typed with spaces), the run may be that last syllable alone.
 */
export function segmentHalfTyped(letters: string, syllables: ReadonlyMap<string, unknown>, alone = false): string[][] {
  const out: string[][] = [];
  let fewest = Infinity;
  for (let k = letters.length - 1; k >= (alone ? 0 : 1); k--) {
    const tail = letters.slice(k);
    if (tail.length >= MAX_SYLLABLE || syllablesStartingWith(tail, syllables).length === 0) continue;
    const heads = k === 0 ? [[]] : segmentPinyin(letters.slice(0, k), syllables);
    if (heads.length === 0) continue;
    const units = heads[0]!.length + 1;
    if (units > fewest) continue;
    if (units < fewest) out.length = 0;
    fewest = units;
    for (const head of heads) if (head.length + 1 === units) out.push([...head, tail]);
  }
  return fewest >= (alone ? 1 : 2) ? out : [];
}

/** Split a normalized query into tokens: runs of searchable characters, ends trimmed. */
export function queryTokens(query: string): string[] {
  return typedTokens(query).map((t) => t.folded);
}

/** The query's tokens, folded and as typed (the fold keeps every offset, so they line up). */
function typedTokens(query: string): { folded: string; typed: string; afterApostrophe?: true }[] {
  // (Full-width letters and figures as typed are the ASCII ones: ＡＩ is AI, in capitals.)
  const typed = query.normalize('NFC').replace(/[０-９Ａ-Ｚａ-ｚ]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const folded = foldBasic(typed);
  const tokens: { folded: string; typed: string; afterApostrophe?: true }[] = [];
  let start = -1;
  const end = (at: number): void => {
    if (start === -1) return;
    const f = folded.slice(start, at);
    const trimmed = f.replace(TRIM, '');
    // The letter of an English contraction after an apostrophe (People's, don't) is not a term of
    // its own; in pinyin an apostrophe parts syllables (chang'e, xi'an): the next one is.
    const apostrophe = /[a-z]['’]$/iu.test(typed.slice(Math.max(0, start - 2), start));
    if (apostrophe && /^[stdm]$/iu.test(f)) {
      start = -1;
      return;
    }
    if (trimmed) {
      const lead = f.length - f.replace(/^[.+\-/:#&@_]+/u, '').length;
      const from = start + lead;
      // A symbol beside a Chinese character separates (马克龙/四川大学), as a space does.
      const apart = /[/&_#@:+]/u.exec(trimmed);
      if (apart && /\p{Script=Han}/u.test(trimmed[apart.index - 1]! + trimmed[apart.index + 1]!)) {
        end(start + lead + apart.index);
        start = from + apart.index + 1;
        end(at);
        return;
      }
      if (/^[a-z]+(?:-[a-z]+)+$/iu.test(trimmed)) {
        // Words joined by hyphens (xue-long, year-on-year): each a token, as if typed apart.
        let at = 0;
        for (const part of trimmed.split('-')) {
          tokens.push({ folded: part, typed: typed.slice(from + at, from + at + part.length) });
          at += part.length + 1;
        }
      } else {
        const token: { folded: string; typed: string; afterApostrophe?: true } = { folded: isoDate(trimmed) ?? trimmed, typed: typed.slice(from, from + trimmed.length) };
        if (apostrophe) token.afterApostrophe = true;
        tokens.push(token);
      }
    }
    start = -1;
  };
  for (let at = 0; at < folded.length; ) {
    const ch = String.fromCodePoint(folded.codePointAt(at)!);
    if (isSearchable(ch)) {
      if (start === -1) start = at;
    } else end(at);
    at += ch.length;
  }
  end(folded.length);
  return tokens;
}

/** A date typed in English (March 5, 2024; 5 March 2024) as one token, its ISO form. */
function englishDates<T extends { folded: string; typed: string }>(typed: T[]): T[] {
  // (Ordinals as figures, without `of` or the day of the week: March 5th, 5th of March, Tuesday, March 5.)
  const words = englishDateTokens(typed.map((t) => t.folded));
  const tokens = typed.flatMap((t, i) => (words[i] === undefined ? [] : [{ ...t, folded: words[i]! }]));
  const out: T[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const [a, b, c] = [tokens[i]!.folded, tokens[i + 1]?.folded ?? '', tokens[i + 2]?.folded ?? ''];
    const iso = isoFromEnglish(a, b, c) ?? isoFromEnglish(b, a, c);
    // Without a year (December 6, 6 December): the day as Chinese prints it, 12月6日.
    const day = iso ? undefined : (monthDayFromEnglish(a, b) ?? monthDayFromEnglish(b, a));
    if (iso) {
      out.push({ ...tokens[i]!, folded: iso, typed: iso });
      i += 2;
    } else if (day) {
      out.push({ ...tokens[i]!, folded: day, typed: day });
      i += 1;
    } else out.push(tokens[i]!);
  }
  return out;
}

/** Capitals only (`GDP`, `AI`): an abbreviation, not pinyin initials or a half-typed syllable. */
const ACRONYM = /^[A-Z]{2,}$/u;

/** A pinyin reading of a token: its slots, and the syllable each slot stands for (none for a literal). */
interface PinyinReading {
  slots: string[][];
  syls: (string | undefined)[];
  /** Its last syllable typed halfway (see `Variant.typing`). */
  typing?: true;
}

const joinReadings = (a: PinyinReading, b: PinyinReading): PinyinReading => ({ slots: [...a.slots, ...b.slots], syls: [...a.syls, ...b.syls], ...(a.typing || b.typing ? { typing: true as const } : {}) });

/** Every combination (up to MAX_VARIANTS) of one reading from each list, in order. */
function combine(lists: PinyinReading[][]): PinyinReading[] {
  let combos: PinyinReading[] = [{ slots: [], syls: [] }];
  for (const options of lists) {
    const next: PinyinReading[] = [];
    for (const combo of combos) for (const option of options) if (next.length < MAX_VARIANTS) next.push(joinReadings(combo, option));
    combos = next;
  }
  return combos;
}

/** Pinyin readings of a token: letter runs read as syllables, other runs literal. */
function pinyinSlots(token: string, ctx: QueryContext): PinyinReading[] {
  if (!/[a-z]/u.test(token)) return [];
  const runs = token.match(/[a-z]+|[^a-z]+/gu) ?? [];
  const lists: PinyinReading[][] = [];
  for (const run of runs) {
    if (LETTERS.test(run)) {
      // The fewest syllables only: xian is 先 or 现, not 西安 (typed xi an or xi'an).
      const segmentations = segmentPinyin(run, ctx.syllables);
      if (segmentations.length === 0) return [];
      const fewest = segmentations[0]!.length;
      lists.push(segmentations.filter((syls) => syls.length === fewest).map((syls) => ({ slots: syls.map((s) => [...(ctx.syllables.get(s) ?? [])]), syls })));
    } else {
      // A figure alone among the syllables may be printed in numerals (changzheng8hao: 长征八号).
      const chars = Array.from(ctx.fold(run));
      const alone = chars.length === 1 && /^[1-9]$/u.test(chars[0]!);
      lists.push([{ slots: chars.map((c) => (alone ? [c, numeral(Number(c))] : [c])), syls: chars.map(() => undefined) }]);
    }
  }
  return combine(lists);
}

/** Readings of syllables typed in part: every character read with a syllable that starts so, in each slot. */
function partReadings(units: readonly string[][], ctx: QueryContext, everyUnit: boolean): PinyinReading[] {
  const starting = (u: string): string[] => [...new Set(syllablesStartingWith(u, ctx.syllables).flatMap((syl) => ctx.syllables.get(syl) ?? []))];
  return units.map((syls) => ({
    // Initials: every unit is the start of a syllable; typed halfway, only the last one is
    // (hu zhe… is 胡喆, not 化政).
    slots: syls.map((u, i) => (everyUnit || i === syls.length - 1 ? starting(u) : [...(ctx.syllables.get(u) ?? [])])),
    syls,
    ...(everyUnit ? {} : { typing: true as const }),
  }));
}

/**
 * Readings of a word of letters typed as pinyin in part: its initials (`xlh`), or whole
 * syllables and a half-typed last one (`xuelo`); `alone` as in `segmentHalfTyped`.
 */
function partialSlots(letters: string, ctx: QueryContext, alone = false): PinyinReading[] {
  if (!LETTERS.test(letters) || letters.length > MAX_TERM_CHARS) return [];
  const initials = alone ? [] : segmentInitials(letters, ctx.syllables);
  // One syllable typed halfway, three letters or more (zho… while typing zhong), reads alone too.
  let half = segmentHalfTyped(letters, ctx.syllables, alone);
  if (half.length === 0 && !alone && letters.length >= 3) half = segmentHalfTyped(letters, ctx.syllables, true);
  return [...partReadings(initials, ctx, true), ...partReadings(half, ctx, false)];
}

const slotsKey = (slots: readonly (readonly string[])[]): string => slots.map((s) => s.join('')).join('|');

function makeTerm(token: string, ctx: QueryContext, pinyinOverride?: PinyinReading[], partialOverride?: PinyinReading[]): Term {
  const cut = Array.from(token).slice(0, MAX_TERM_CHARS).join('');
  const readings = pinyinOverride ?? pinyinSlots(cut, ctx);
  // A word of three letters or more that reads as pinyin is pinyin (the text is Chinese: `ai`
  // may be AI, `xuelong` is 雪龙); English titles are still searched for it.
  const asWritten = !(LETTERS.test(cut) && cut.length >= 3 && readings.length > 0);
  const folded = ctx.fold(cut);
  const simplified = ctx.phrases?.(folded) ?? folded;
  // (The fold keeps every offset: unit i of one is unit i of the other; so does each of OpenCC's
  // Traditional phrases, as long as the text's word.)
  const typedSimplified = simplified !== cut && ctx.simplified !== undefined && Array.from(cut).every((c, i) => c === simplified[i] || ctx.simplified!.has(c));
  const typed = typedSimplified ? simplified : cut;
  const variants: Variant[] = asWritten ? [{ kind: 'exact', slots: Array.from(typed).map((c) => [c]) }] : [];
  if (simplified !== typed) variants.push({ kind: 'traditional', slots: Array.from(simplified).map((c) => [c]) });
  const mainland = ctx.mainland?.(simplified);
  if (mainland !== undefined && mainland !== simplified) variants.push({ kind: 'regional', slots: Array.from(mainland).map((c) => [c]) });
  for (const reading of readings) variants.push({ kind: 'pinyin', ...reading });
  const term: Term = { text: cut, variants };
  // Pinyin typed in part, unless it reads the same as typed in full (`xuelong`: long… is long).
  const seen = new Set(variants.map((v) => slotsKey(v.slots)));
  const partial = (partialOverride ?? partialSlots(cut, ctx)).filter((r) => !seen.has(slotsKey(r.slots)) && (seen.add(slotsKey(r.slots)), true));
  if (partial.length > 0) term.partial = partial.slice(0, MAX_VARIANTS).map((r) => ({ kind: 'partial', ...r }));
  // (Read as the mainland's word, where it is a regional one.)
  const literal = mainland ?? simplified;
  const chars = Array.from(literal);
  // Near misses for three characters or more, two of them Chinese (not 14组 or 2.5万: a unit swapped).
  if (chars.length >= 3 && chars.length <= MAX_FUZZY_CHARS && chars.filter(isHan).length >= 2) term.fuzzy = literal;
  // English words: one (of three characters or more), or several read as one term (wang yi).
  const english = englishForm(cut);
  if (english) term.latin = [english];
  // Another form of the word (launched: launch, launches; commentaries: commentary).
  // (Not for pinyin: qinling is no qinl.)
  const stem = english && !english.whole && readings.length === 0 ? englishStem(english.text) : undefined;
  if (stem) term.latin!.push({ text: stem.text, whole: false, stem: stem.endings });
  // Pinyin written together, as English text writes the name (xijinping: Xi Jinping).
  if (english && LETTERS.test(cut)) {
    const apart = new Set(readings.slice(0, 2).flatMap((r) => (r.syls?.every((syl) => syl !== undefined && LETTERS.test(syl)) ? pinyinApart(r.syls as string[]) : [])));
    for (const text of apart) term.latin!.push({ text, whole: false });
  }
  // A percentage as English text writes it (8.7% is 8.7 percent).
  const percent = /^(\d+(?:\.\d+)?)%$/u.exec(cut);
  if (percent) (term.latin ??= []).push({ text: `${percent[1]} percent`, whole: true }, { text: `${percent[1]} per cent`, whole: true });
  return term;
}

/**
 * Pinyin written with tones, as plain letters: marks (`xuě lóng`, `lǜ`; ü is `v`, as pinyin
 * keyboards type it) or numbers after each syllable (`xue3long2`, `lv4`). Undefined when the
 * token has neither, or does not read as pinyin without them (`café`, `c919`, `xuelong2hao`).
 */
export function pinyinSpelling(token: string, syllables: ReadonlyMap<string, unknown>): string | undefined {
  let letters = token;
  if (/[^\x00-\x7f]/u.test(letters)) letters = letters.normalize('NFD').replace(/u\u0308/gu, 'v').replace(/[\u0300-\u036f]/gu, '');
  if (/[0-9]/u.test(letters)) {
    // A tone number ends a syllable: each run of letters before one is exactly one syllable.
    if (!/^(?:[a-z]+[0-5])+[a-z]*$/u.test(letters)) return undefined;
    const runs = letters.split(/[0-5]/u);
    const rest = runs.pop()!;
    if (!runs.every((run) => syllables.has(run))) return undefined;
    letters = runs.join('') + rest;
  }
  if (letters === token || !LETTERS.test(letters) || segmentPinyin(letters, syllables, 1).length === 0) return undefined;
  return letters;
}

/**
 * Parse a query into terms. Consecutive Latin tokens that all read as pinyin form one term
 * (`xue long` = `xuelong`; the last may be typed halfway, `xue lo`), which falls back to
 * separate terms when the whole matches nothing. Pinyin with tones reads as without them.
 */
export function parseQuery(query: string, ctx: QueryContext): Term[] {
  const typed = englishDates(typedTokens(query));
  // A lower-case letter alone after other words is the start of the next one, still being typed
  // (tengchong k…): not a term yet.
  if (typed.length > 1 && /^[a-z]$/u.test(typed[typed.length - 1]!.typed) && !typed[typed.length - 1]!.afterApostrophe) typed.pop();
  const written = typed.map((t) => t.folded);
  // Capitals: no initials or half-typed syllables; three letters or fewer, no pinyin at all (AI, PC).
  const acronym = typed.map((t) => ACRONYM.test(t.typed));
  const shortAcronym = typed.map((t, i) => acronym[i]! && t.typed.length <= 3);
  // English words among other words typed in letters (Belt and Road): not pinyin (and is not 安d…).
  const lettered = typed.filter((t) => /^[a-z]+$/iu.test(t.typed)).length;
  const englishWord = typed.map((t) => lettered >= 2 && ENGLISH_WORDS.has(t.folded));
  // Capitals beside Chinese (AI治理): an abbreviation too, not pinyin (爱).
  const capitalsWithHan = typed.map((t) => /[A-Z]{2}/u.test(t.typed) && /\p{Script=Han}/u.test(t.typed));
  // (Only a token with Latin letters asks for the syllables, which are decoded on first use.)
  const spelled = written.map((t) => (/[a-z\u00c0-\u024f]/u.test(t) ? pinyinSpelling(t, ctx.syllables) : undefined));
  // Tokens as pinyin reads them: tones dropped.
  const tokens = written.map((t, i) => spelled[i] ?? t);
  const terms: Term[] = [];
  const whole = (t: string): boolean => LETTERS.test(t) && segmentPinyin(t, ctx.syllables, 1).length > 0;
  for (let i = 0; i < tokens.length && terms.length < MAX_TERMS; ) {
    const token = tokens[i]!;
    if (whole(token)) {
      // The run: syllables typed apart, then (after a single one: xi jinping) one word more.
      const single = (t: string): boolean => syllableCount(t, ctx.syllables) === 1;
      let j = i + 1;
      while (j < tokens.length && whole(tokens[j]!) && single(tokens[j - 1]!) && (single(tokens[j]!) || j - i === 1)) j++;
      // A last word typed halfway (xue lo), after syllables typed apart.
      const halfway = j < tokens.length && !acronym[j] && !whole(tokens[j]!) && single(tokens[j - 1]!) && LETTERS.test(tokens[j]!) && segmentHalfTyped(tokens[j]!, ctx.syllables, true).length > 0;
      // Syllables typed apart (xue long, xi jinping) are one word; a word of two syllables or more
      // (gongjian yidaiyilu, xuelong shang…) is a term of its own, as a Chinese word between
      // spaces is.
      const syllableApart = single(token);
      if (((j - i >= 2 || halfway) && syllableApart) || spelled[i] !== undefined) {
        const group = tokens.slice(i, halfway ? j + 1 : j);
        if (group.length === 1) {
          // One word with tones: its pinyin, and the word as written (`long2hao` is also 龙2号).
          const asTyped = /^[a-z0-9]+$/u.test(written[i]!) ? pinyinSlots(written[i]!, ctx) : [];
          const readings = [...asTyped, ...pinyinSlots(token, ctx)].slice(0, MAX_VARIANTS);
          const term = makeTerm(written[i]!, ctx, readings, partialSlots(token, ctx));
          terms.push(term);
          i++;
          continue;
        }
        const last = group[group.length - 1]!;
        // Spaces are syllable boundaries: the product of each token's segmentations.
        const full = halfway ? [] : combine(group.map((t) => pinyinSlots(t, ctx)));
        const heads = group.slice(0, -1).map((t) => pinyinSlots(t, ctx));
        const term = makeTerm(group.join(''), ctx, full, combine([...heads, partialSlots(last, ctx, true)]));
        term.text = written.slice(i, i + group.length).join(' ');
        // In English text, the words as typed (wang yi: "Wang Yi").
        if (/^[a-z\u00e0-\u024f][a-z0-9\u00e0-\u024f -]*$/u.test(term.text)) (term.latin ??= []).push({ text: term.text, whole: false });
        delete term.fuzzy;
        term.split = group.map((t) => makeTerm(t, ctx));
        terms.push(term);
        i += group.length;
        continue;
      }
    }
    if (acronym[i]) {
      const term = makeTerm(token, ctx, shortAcronym[i] ? [] : undefined, []);
      term.abbreviation = true;
      // In English text, the abbreviation as a word of its own (PLA, not plan).
      for (const form of term.latin ?? []) form.whole = true;
      terms.push(term);
    } else {
      const term = capitalsWithHan[i] || englishWord[i] ? makeTerm(token, ctx, [], []) : makeTerm(token, ctx);
      if (capitalsWithHan[i]) term.abbreviation = true;
      // (Days, times and numbers only where there is a figure, a numeral, a unit of a day or a
      // letter: a word such as 发展 has none, and a first query reads no more than it needs.)
      if (NUMBER_OR_DAY.test(token)) numbersAndDays(token, term);
      // 加 after a word as the + it reads aloud (人工智能加行动: “人工智能+”行动).
      const plus = /\p{Script=Han}{2}加/u.test(token) ? token.replace(/(?<=\p{Script=Han}{2})加/gu, '+') : undefined;
      if (plus && term.variants.length < MAX_VARIANTS) term.variants.push({ kind: 'exact', slots: Array.from(plus, (c) => [c]) });
      terms.push(term);
    }
    i++;
  }
  return terms;
}

/** A figure, a Chinese numeral, a unit of a day or a time, or a letter (an English month): a token that may be a number or a day. */
const NUMBER_OR_DAY = /[0-9a-z〇零一二三四五六七八九十百千万亿两年月日时分秒号周:./-]/u;

/**
 * A term's other forms as a day, a time or a number: a day or a month also as Chinese prints it
 * (2024-03-05 is 2024年3月5日, or 二〇二四年三月五日) and as English does (March 5, 2024); a time
 * as Chinese prints it (15:53: 15时53分); Chinese numerals in figures (七十五周年: 75周年) and
 * figures in numerals (14届: 十四届); a day with the year last (3/5/2024), month first and day
 * first, whichever is a date.
 */
function numbersAndDays(token: string, term: Term): void {
  const add = (printed: string): void => {
    if (term.variants.length < MAX_VARIANTS) term.variants.push({ kind: 'exact', slots: Array.from(printed, (c) => [c]) });
  };
  // (Typed as Chinese prints it, 2024年3月5日: the ISO form and the others too.)
  const iso = isoFromChinese(token);
  const day = iso ?? token;
  for (const printed of iso ? [iso, ...chineseDates(iso)] : chineseDates(token)) if (printed !== token) add(printed);
  for (const printed of chineseTimes(token)) add(printed);
  const figures = iso ? undefined : numeralsAsFigures(token);
  if (figures) add(figures);
  // (Not a day or a time.)
  const numerals = iso || /[年月日时:]/u.test(token) ? undefined : figuresAsNumerals(token);
  if (numerals) add(numerals);
  const english = englishDate(day) ?? englishMonthDay(token);
  if (english) (term.latin ??= []).push({ text: english, whole: true });
  for (const yearLast of isoDatesYearLast(token)) {
    for (const printed of [yearLast, ...chineseDates(yearLast)]) add(printed);
    (term.latin ??= []).push({ text: englishDate(yearLast)!, whole: true });
  }
}

/** What ranking needs to know of a query's terms, worked out once a query (see `queryReading`). */
const READINGS = new WeakMap<readonly Term[], { englishBelow: 'class' | 'margin' | undefined; hasContentWord: boolean }>();

/**
 * How the query's letters read, for ranking:
 *   englishBelow    for a reader of Chinese, English text ranks below the Chinese when the letters
 *                   read as a Chinese word: by a margin when read in full with two syllables or
 *                   more (sichuan: 四川, yet Sichuan University's summary with both words first),
 *                   in class when read only in part, as being typed (xuelo…: 雪龙); not when read
 *                   in full as one syllable (yuan, ai: the AI of an English title before 爱)
 *   hasContentWord  the query has English function words (of, the) and other words too
 */
function queryReading(terms: readonly Term[]): { englishBelow: 'class' | 'margin' | undefined; hasContentWord: boolean } {
  let reading = READINGS.get(terms);
  if (!reading) {
    // Its shortest reading of a kind (yuan is 元, not also 预案).
    const shortest = (t: Term, kind: Variant['kind']): number => Math.min(...[...t.variants, ...(t.partial ?? [])].filter((v) => v.kind === kind).map((v) => v.slots.length));
    const below = terms.map((t): 'class' | 'margin' | undefined => {
      const full = shortest(t, 'pinyin');
      if (Number.isFinite(full)) return full >= 2 ? 'margin' : undefined;
      const part = shortest(t, 'partial');
      return Number.isFinite(part) && part >= 2 ? 'class' : undefined;
    });
    reading = {
      englishBelow: below.includes('class') ? 'class' : below.includes('margin') ? 'margin' : undefined,
      hasContentWord: terms.some((t) => ENGLISH_WORDS.has(t.text)) && terms.some((t) => !ENGLISH_WORDS.has(t.text)),
    };
    READINGS.set(terms, reading);
  }
  return reading;
}

/**
 * A block's matches, one per term that has one, with the marks of the query's function words
 * (of, the: `ENGLISH_WORDS`) kept only where they stand by a mark of its other words, or by one
 * so kept (a space between): `of the` in `Great Hall of the People`, not every `the` of the
 * paragraph. A function word left with no mark is left out.
 */
export function besideWords(terms: readonly Term[], row: readonly (BlockMatch | undefined)[]): BlockMatch[] {
  const isFunction = (t: number): boolean => ENGLISH_WORDS.has(terms[t]!.text);
  const kept: Mark[] = row.flatMap((m, t) => (m && !isFunction(t) ? m.marks : []));
  const pending = row.map((m, t) => (m && isFunction(t) ? [...m.marks] : []));
  const keptOf = row.map((): Mark[] => []);
  const touches = ([s, e]: Mark): boolean => kept.some(([ks, ke]) => s - ke <= 1 && ks - e <= 1);
  for (let grown = true; grown; ) {
    grown = false;
    pending.forEach((marks, t) => {
      for (let i = marks.length - 1; i >= 0; i--) {
        if (!touches(marks[i]!)) continue;
        kept.push(marks[i]!);
        keptOf[t]!.push(marks[i]!);
        marks.splice(i, 1);
        grown = true;
      }
    });
  }
  return row.flatMap((m, t): BlockMatch[] => {
    if (!m) return [];
    if (!isFunction(t)) return [m];
    return keptOf[t]!.length > 0 ? [{ ...m, marks: keptOf[t]!.sort((a, b) => a[0] - b[0]) }] : [];
  });
}

/** Each variant's matchers, compiled once: as written, and letting quotation marks stand between characters. */
const MATCHERS = new WeakMap<Variant, { plain?: RegExp | string; quoted?: RegExp }>();

/** The match positions of a variant in a folded text, as `[start, end)` UTF-16 offsets. */
export function findVariant(variant: Variant, folded: string): Mark[] {
  // Text with quotation marks: a regular expression that lets them stand between characters.
  const quoted = variant.slots.length > 1 && HAS_QUOTE.test(folded);
  let compiled = MATCHERS.get(variant);
  if (!compiled) MATCHERS.set(variant, (compiled = {}));
  // (Outside a class only the syntax characters are escaped: with the u flag, `\-` is an error.)
  const slot = (x: readonly string[]): string => (x.length === 1 ? x[0]!.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&') : `[${escapeClass(x.join(''))}]`);
  let matcher: RegExp | string;
  if (quoted) matcher = compiled.quoted ??= new RegExp(variant.slots.map(slot).join(QUOTES_CLASS), 'gu');
  else matcher = compiled.plain ??= variant.slots.every((x) => x.length === 1) ? variant.slots.map((x) => x[0]).join('') : new RegExp(variant.slots.map(slot).join(''), 'gu');
  const marks: Mark[] = [];
  // A number is not part of a longer one: 9% is not the end of 29.9%, 40 not the start of 403.
  const first = variant.slots[0];
  const last = variant.slots[variant.slots.length - 1];
  const digitFirst = first !== undefined && first.every(isDigitChar);
  const digitLast = last !== undefined && last.every(isDigitChar);
  // Read as pinyin, a digit is a numeral only beside a character (雪龙2号, not the 0 of 2025 for ling).
  const sounds = variant.kind === 'pinyin' || variant.kind === 'partial';
  const shortLatin = variant.slots.length <= 2 && variant.slots.every((x) => x.length === 1 && isLatinAt(x[0]!, 0));
  const whole = (s: number, e: number): boolean =>
    (digitFirst || isDigitAt(folded, s) ? !numberBefore(folded, s) : true) &&
    (digitLast || isDigitAt(folded, e - 1) ? !numberAfter(folded, e) : true) &&
    // A Latin word is found where it starts (HEPS, not the EPS in it); one of two letters or
    // fewer only whole (in is not the start of InnoMatch).
    !(isLatinAt(folded, s) && isLatinAt(folded, s - 1)) &&
    !(shortLatin && isLatinAt(folded, e)) &&
    !(sounds && allDigits(folded, s, e));
  if (typeof matcher === 'string') {
    if (!matcher) return marks;
    for (let at = folded.indexOf(matcher); at !== -1; at = folded.indexOf(matcher, at + 1)) {
      if (!whole(at, at + matcher.length)) continue;
      marks.push([at, at + matcher.length]);
      at += matcher.length - 1;
    }
  } else {
    matcher.lastIndex = 0;
    for (const m of folded.matchAll(matcher)) if (whole(m.index, m.index + m[0].length)) marks.push([m.index, m.index + m[0].length]);
  }
  return marks;
}

const isDigitChar = (ch: string): boolean => ch.length === 1 && ch >= '0' && ch <= '9';
/** Whether `text[i]` is a Latin letter (ASCII; the folded text has them in lower case). */
const isLatinAt = (text: string, i: number): boolean => {
  const c = i >= 0 ? text.charCodeAt(i) | 0x20 : 0;
  return c >= 0x61 && c <= 0x7a;
};
const allDigits = (text: string, s: number, e: number): boolean => {
  for (let i = s; i < e; i++) if (!isDigitAt(text, i)) return false;
  return true;
};
const isDigitAt = (text: string, i: number): boolean => i >= 0 && i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39;
/** Whether the text before `at` is a digit, or a decimal point after one (`29.|9`). */
const numberBefore = (text: string, at: number): boolean => isDigitAt(text, at - 1) || (text[at - 1] === '.' && isDigitAt(text, at - 2));
/** Whether the text from `at` is a digit, or a decimal point before one (`1.3|9`, `40|.5`). */
const numberAfter = (text: string, at: number): boolean => isDigitAt(text, at) || (text[at] === '.' && isDigitAt(text, at + 1));

/** Chinese numerals as digits. */
const NUMERAL_DIGITS: Readonly<Record<string, string>> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const digitOf = (ch: string | undefined): string | undefined => (ch === undefined ? undefined : ch >= '0' && ch <= '9' ? ch : NUMERAL_DIGITS[ch]);
const isAsciiDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/**
 * The numbers `text[s, e)` touches, each whole as the text has it (a number running on past either
 * end counts in full: `4` in `14.8%` is 14.8), Chinese numerals as digits, in order.
 */
function numbersAt(text: string, s: number, e: number): string {
  const out: string[] = [];
  // A decimal point between two ASCII digits belongs to the number.
  const point = (i: number): boolean => text[i] === '.' && isAsciiDigit(text[i - 1]) && isAsciiDigit(text[i + 1]);
  for (let i = s; i < e; i++) {
    if (digitOf(text[i]) === undefined) continue;
    let a = i;
    while (a > 0 && (digitOf(text[a - 1]) !== undefined || point(a - 1))) a--;
    let b = i + 1;
    while (b < text.length && (digitOf(text[b]) !== undefined || point(b))) b++;
    out.push(Array.from(text.slice(a, b), (c) => (c === '.' ? '.' : digitOf(c))).join(''));
    i = b - 1;
  }
  return out.join(' ');
}

/** A pattern with figures: ASCII digits, or Chinese numerals other than 一 (in too many words). */
const HAS_FIGURES = /[0-9〇零二三四五六七八九]/u;
/** Any Chinese numeral, 一 and 十 too. */
const NUMERAL = /[〇零一二三四五六七八九十百千万亿两]/u;

/**
 * Whether a near miss at `mark` in `text` may stand for `pattern`: it is one run of searchable
 * characters (no punctuation inside: 新质生产力？绿色 is two passages), and it keeps the pattern's
 * figures whole: a near miss may change a character, never a figure (3月5日 is not 12月5日, 53万
 * not 5万, 14 not 14.8, 长征九号 not 长征八号, 雪龙2号 not 雪龙号, 第十一届 not 第十四届), though a
 * figure may be written either way (长征8号 is 长征八号).
 */
export function nearMissAllowed(text: string, mark: Mark, pattern: string): boolean {
  return searchableRun(text, mark) && keepsFigures(text, mark, pattern);
}

/** Whether `text[mark]` is all searchable characters (no punctuation inside). */
function searchableRun(text: string, [s, e]: Mark): boolean {
  for (let i = s; i < e; ) {
    const code = text.codePointAt(i)!;
    if (!isSearchableCode(code)) return false;
    i += code > 0xffff ? 2 : 1;
  }
  return true;
}

/** Whether `text[mark]` has the figures of `pattern`, whole (see `nearMissAllowed`). */
function keepsFigures(text: string, [s, e]: Mark, pattern: string): boolean {
  // (The passage's too, where the pattern has a numeral: 第十一届, whose 一 and 十 are too common
  // in words to say so alone, is not 第十四届; but 思届全国 is 四届全国, a slip of the same sound.)
  if (!HAS_FIGURES.test(pattern) && !(NUMERAL.test(pattern) && HAS_FIGURES.test(text.slice(s, e)))) return true;
  return numbersAt(withoutLoneNumerals(text), s, e) === numbersAt(withoutLoneNumerals(pattern), 0, pattern.length);
}

/** Characters beside which a Chinese numeral counts as a number: counters, units, 第. */
const NUMBER_NEIGHBOURS = new Set(Array.from('第号次年月日个万亿千百十届期项条名位家种点时分秒岁周倍成度元米吨只台辆架艘批层颗座所组轮集章节版部队代型类级之半余多大制'));

/**
 * A text with each Chinese numeral that stands alone among other characters (八 of 叶尔梅克八耶夫,
 * the sound of 巴 typed by mistake) as a character that is not a figure: one with another figure,
 * a counter or unit (号, 次, 年, 万), or 第 beside it is a number (长征八号, 第二次) and stays.
 */
function withoutLoneNumerals(text: string): string {
  if (!/[二三四五六七八九]/u.test(text)) return text;
  const number = (ch: string | undefined): boolean => ch !== undefined && (digitOf(ch) !== undefined || NUMBER_NEIGHBOURS.has(ch) || !isHan(ch));
  return text.replace(/[二三四五六七八九]/gu, (ch, at: number) => (number(text[at - 1]) || number(text[at + 1]) ? ch : '\u25a1'));
}

// ---------------------------------------------------------------------------------------------
// Article sets (bitsets over article numbers) and postings.

type Bits = Uint32Array;

const newBits = (n: number): Bits => new Uint32Array((n + 31) >>> 5);
const hasBit = (b: Bits, i: number): boolean => (b[i >>> 5]! & (1 << (i & 31))) !== 0;
const setBit = (b: Bits, i: number): void => {
  b[i >>> 5]! |= 1 << (i & 31);
};
function orInto(target: Bits, other: Bits): void {
  for (let i = 0; i < target.length; i++) target[i]! |= other[i]!;
}
function andInto(target: Bits, other: Bits): void {
  for (let i = 0; i < target.length; i++) target[i]! &= other[i]!;
}
function countBits(b: Bits): number {
  let n = 0;
  for (let v of b) {
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}
/** Character counts: how often each Han character occurs, and how many Han characters there are in all. */
export interface CharCounts {
  of: Map<string, number>;
  total: number;
}

/** How often each Han character occurs in `texts`. */
export function countChars(texts: Iterable<string>): CharCounts {
  const byCode = new Map<number, number>();
  let total = 0;
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i)!;
      if (code > 0xffff) i++;
      if (!isHanCode(code)) continue;
      total++;
      byCode.set(code, (byCode.get(code) ?? 0) + 1);
    }
  }
  const of = new Map<string, number>();
  for (const [code, n] of byCode) of.set(String.fromCodePoint(code), n);
  return { of, total };
}

/** Character counts as the manifest keeps them (`ManifestPart.counts`): the characters in code point order. */
export function encodeCounts(of: ReadonlyMap<string, number>): [string, string] {
  const chars = [...of.keys()].sort();
  return [chars.join(''), chars.map((c) => of.get(c)!.toString(36)).join(',')];
}

export function decodeCounts([chars, counts]: [string, string]): Map<string, number> {
  const list = counts === '' ? [] : counts.split(',');
  const of = new Map<string, number>();
  Array.from(chars).forEach((c, i) => of.set(c, parseInt(list[i] ?? '0', 36)));
  return of;
}

/** Encode ascending article numbers: base-36 deltas, comma-separated. */
export function encodePostings(list: readonly number[]): string {
  let prev = 0;
  return list
    .map((n, i) => {
      const d = i === 0 ? n : n - prev;
      prev = n;
      return d.toString(36);
    })
    .join(',');
}

export function decodePostings(text: string): number[] {
  const out: number[] = [];
  let prev = 0;
  for (const part of text.split(',')) {
    if (part === '') continue;
    prev += parseInt(part, 36);
    out.push(prev);
  }
  return out;
}

/** Bigram postings by first character, as the engine reads them. */
interface Grams {
  /** The chunks with the bigram `c1 c2`. */
  pair(c1: string, c2: string): Bits | undefined;
  /** Each bigram `c1 c2` with `c2` in `seconds` (code points), and its chunks (for a slot of many characters). */
  eachPair(c1: string, seconds: ReadonlySet<number>, fn: (c2: string, chunks: Postings) => void): void;
  /** The chunks containing `c1` at all. */
  anyAfter(c1: string): Bits | undefined;
  /** Make the postings of many first characters ready at once (a pattern of initials has hundreds). */
  prepare?(chars: Iterable<string>): void;
}

/** A bigram's chunks: as a bitset, or as written in a gram part (`encodePostings`). */
type Postings = Bits | string;

/** Call `fn` with each chunk of `p`, ascending. */
function eachChunk(p: Postings, fn: (u: number) => void): void {
  if (typeof p !== 'string') {
    for (let w = 0; w < p.length; w++) for (let word = p[w]!; word !== 0; word &= word - 1) fn((w << 5) + (31 - Math.clz32(word & -word)));
    return;
  }
  // Base-36 deltas, comma-separated, read in place.
  let prev = 0;
  let digits = 0;
  let value = 0;
  for (let i = 0; i <= p.length; i++) {
    const c = i < p.length ? p.charCodeAt(i) : 44;
    if (c === 44) {
      if (digits > 0) fn((prev += value));
      digits = 0;
      value = 0;
    } else {
      value = value * 36 + (c <= 57 ? c - 48 : c - 87);
      digits++;
    }
  }
}

/** `acc |= p` (only the chunks also in `within`, when given). */
function orPostings(acc: Bits, p: Postings, within?: Bits): void {
  if (typeof p !== 'string' && !within) return orInto(acc, p);
  if (typeof p !== 'string') {
    for (let w = 0; w < acc.length; w++) acc[w]! |= p[w]! & within![w]!;
    return;
  }
  eachChunk(p, (u) => {
    if (!within || hasBit(within, u)) setBit(acc, u);
  });
}

/** How many chunks `p` has. */
function postingsCount(p: Postings): number {
  if (typeof p !== 'string') return countBits(p);
  let n = p === '' ? 0 : 1;
  for (let i = p.indexOf(','); i !== -1; i = p.indexOf(',', i + 1)) n++;
  return n;
}

/** Note, for each chunk of a bigram's postings, the most chunks a bigram of it has (how common it is). */
function noteCommon(commonest: Int32Array, p: Postings): void {
  const df = postingsCount(p);
  eachChunk(p, (u) => {
    if (commonest[u]! < df) commonest[u] = df;
  });
}

/** Union of a first character's postings. */
function anyOf(lists: Iterable<Bits>, size: number): Bits {
  const bits = newBits(size);
  for (const b of lists) orInto(bits, b);
  return bits;
}

/** Characters `LocalGrams.prepare` looks for one by one; more in one pass over the text. */
const ONE_PASS_ABOVE = 24;

/** What a scan of the text found, by first character: its postings (by the second's code point, -1: end of a searchable run), and its pair counts (what follows it, what stands before it). */
interface Scan {
  found: Map<string, Map<number, Bits>>;
  counts: Map<string, Map<number, number>>;
  before: Map<string, Map<number, number>>;
}

const newScan = (): Scan => ({ found: new Map(), counts: new Map(), before: new Map() });

/**
 * Scan chunks `from` to `to` into `scan`, for the characters `wanted`: a list (a native search
 * for each), a set of code points (one pass), or, left out, every searchable one.
 */
function scanFor(scan: Scan, chunks: readonly (readonly string[])[], from: number, to: number, wanted?: readonly string[] | ReadonlySet<number>): void {
  const size = chunks.length;
  const { found, counts, before } = scan;
  const noteBefore = (c1: string, code: number): void => {
    if (code === -1) return;
    let byCount = before.get(c1);
    if (!byCount) before.set(c1, (byCount = new Map()));
    byCount.set(code, (byCount.get(code) ?? 0) + 1);
  };
  const prevCode = (text: string, at: number): number => {
    if (at === 0) return -1;
    const low = text.charCodeAt(at - 1);
    return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? text.codePointAt(at - 2)! : low;
  };
  // (A pair bridged over quotation marks is a posting, not counted as two side by side.)
  const note = (c1: string, code: number, u: number, bridged = false): void => {
    let byCode = found.get(c1);
    if (!byCode) found.set(c1, (byCode = new Map()));
    if (code !== -1 && !isSearchableCode(code)) code = -1;
    let bits = byCode.get(code);
    if (!bits) byCode.set(code, (bits = newBits(size)));
    bits[u >>> 5]! |= 1 << (u & 31);
    if (bridged || code === -1) return;
    let byCount = counts.get(c1);
    if (!byCount) counts.set(c1, (byCount = new Map()));
    byCount.set(code, (byCount.get(code) ?? 0) + 1);
  };
  const few = Array.isArray(wanted) ? (wanted as readonly string[]) : undefined;
  const codes = few ? undefined : (wanted as ReadonlySet<number> | undefined);
  for (let u = from; u < to; u++) {
    for (const text of chunks[u]!) {
      if (few) {
        for (const c1 of few) {
          for (let at = text.indexOf(c1); at !== -1; at = text.indexOf(c1, at + c1.length)) {
            noteBefore(c1, prevCode(text, at));
            note(c1, text.codePointAt(at + c1.length) ?? -1, u);
            const bridged = afterQuotes(text, at + c1.length);
            if (bridged !== -1) note(c1, bridged, u, true);
          }
        }
        continue;
      }
      for (let at = 0; at < text.length; ) {
        const code = text.codePointAt(at)!;
        const step = code > 0xffff ? 2 : 1;
        if (codes ? codes.has(code) : isSearchableCode(code)) {
          const c1 = String.fromCodePoint(code);
          noteBefore(c1, prevCode(text, at));
          note(c1, text.codePointAt(at + step) ?? -1, u);
          const bridged = afterQuotes(text, at + step);
          if (bridged !== -1) note(c1, bridged, u, true);
        }
        at += step;
      }
    }
  }
}

/**
 * The postings of an inline index, read off the text in memory: a first character's on first use
 * (one scan of the text for it; one scan for many, when a pattern asks for many), the same as a
 * gram part would hold.
 */
export class LocalGrams implements Grams {
  private readonly chunks: readonly (readonly string[])[];
  private readonly decoded = new Map<string, Map<string, Bits> | undefined>();
  /** How often each bigram of a character scanned for occurs: it first (→ second → count), and it second (→ first → count). */
  private readonly counted = new Map<string, Map<string, number>>();
  private readonly countedBefore = new Map<string, Map<string, number>>();
  private readonly any = new Map<string, Bits | undefined>();
  /** The whole text's scan (`prepareAll`), once done; and while it is under way. */
  private whole?: Scan;
  private scanning?: { scan: Scan; next: number };

  constructor(chunks: readonly (readonly string[])[]) {
    this.chunks = chunks;
  }

  pair(c1: string, c2: string): Bits | undefined {
    return this.entries(c1)?.get(c2);
  }

  eachPair(c1: string, seconds: ReadonlySet<number>, fn: (c2: string, chunks: Postings) => void): void {
    const entries = this.entries(c1);
    if (!entries) return;
    if (entries.size < seconds.size) {
      for (const [c2, bits] of entries) if (seconds.has(c2.codePointAt(0)!)) fn(c2, bits);
    } else {
      for (const code of seconds) {
        const c2 = String.fromCodePoint(code);
        const bits = entries.get(c2);
        if (bits) fn(c2, bits);
      }
    }
  }

  private entries(c1: string): Map<string, Bits> | undefined {
    if (!this.decoded.has(c1)) this.prepare([c1]);
    return this.decoded.get(c1);
  }

  /**
   * How often `c1 c2` occurs in the text, counted in the same scan as the postings: from `c1`'s,
   * or from `c2`'s when only that one was scanned for (what stands before it).
   */
  count(c1: string, c2: string): number {
    if (!this.decoded.has(c1) && this.decoded.has(c2)) return this.countedBefore.get(c2)?.get(c1) ?? 0;
    if (!this.decoded.has(c1)) this.prepare([c1]);
    return this.counted.get(c1)?.get(c2) ?? 0;
  }

  /** Scan the text once for every character of `chars` not scanned for yet (read off the whole text's scan, once it is done). */
  prepare(chars: Iterable<string>): void {
    const wanted = new Set<string>();
    for (const c of chars) {
      if (this.decoded.has(c)) continue;
      if (!isSearchable(c)) this.decoded.set(c, undefined);
      else if (this.whole) this.keep(c, this.whole);
      else wanted.add(c);
    }
    if (wanted.size === 0) return;
    const scan = newScan();
    // A few characters: a (native) search for each; many (initials): one pass over the text.
    if (wanted.size <= ONE_PASS_ABOVE) scanFor(scan, this.chunks, 0, this.chunks.length, [...wanted]);
    else scanFor(scan, this.chunks, 0, this.chunks.length, new Set(Array.from(wanted, (c) => c.codePointAt(0)!)));
    for (const c1 of wanted) this.keep(c1, scan);
  }

  /**
   * Scan the whole text for every character at once, a chunk at a time while `more()` says so,
   * and again from where it stopped on the next call; true once done. From then on no query
   * scans the text (a few tens of milliseconds at 1×, in slices while the page is idle).
   */
  prepareAll(more: () => boolean): boolean {
    if (this.whole) return true;
    const state = (this.scanning ??= { scan: newScan(), next: 0 });
    const size = this.chunks.length;
    while (state.next < size && more()) {
      scanFor(state.scan, this.chunks, state.next, state.next + 1);
      state.next++;
    }
    if (state.next < size) return false;
    this.whole = state.scan;
    this.scanning = undefined;
    return true;
  }

  /** Keep c1's postings and pair counts from a scan that looked for it (none: it is not in the text). */
  private keep(c1: string, scan: Scan): void {
    const byCode = scan.found.get(c1);
    this.decoded.set(c1, byCode ? new Map([...byCode].map(([code, bits]) => [code === -1 ? ' ' : String.fromCodePoint(code), bits])) : undefined);
    this.counted.set(c1, new Map([...(scan.counts.get(c1) ?? [])].map(([code, n]) => [String.fromCodePoint(code), n])));
    this.countedBefore.set(c1, new Map([...(scan.before.get(c1) ?? [])].map(([code, n]) => [String.fromCodePoint(code), n])));
  }

  /**
   * The two characters that stand side by side most often in the text, neither of them `left`
   * out (see `warmUpQueries`), and the character that most often follows the second; once the
   * whole text is read (`prepareAll`), else undefined.
   */
  commonest(left: (c: string) => boolean): { pair: string; next: string | undefined } | undefined {
    const whole = this.whole;
    if (!whole) return undefined;
    const top = (seconds: Map<number, number> | undefined): string | undefined => {
      let best: string | undefined;
      let most = 0;
      seconds?.forEach((n, code) => {
        if (n <= most) return;
        const c = String.fromCodePoint(code);
        if (!left(c)) [best, most] = [c, n];
      });
      return best;
    };
    let pair: string | undefined;
    let most = 0;
    whole.counts.forEach((seconds, c1) => {
      if (left(c1)) return;
      const c2 = top(seconds);
      const n = c2 === undefined ? 0 : seconds.get(c2.codePointAt(0)!)!;
      if (n > most) [pair, most] = [c1 + c2, n];
    });
    return pair === undefined ? undefined : { pair, next: top(whole.counts.get(pair[1]!)) };
  }

  anyAfter(c1: string): Bits | undefined {
    if (!this.any.has(c1)) {
      const entries = this.entries(c1);
      this.any.set(c1, entries && anyOf(entries.values(), this.chunks.length));
    }
    return this.any.get(c1);
  }
}

/** A first character's entry in a gram part, its lists decoded as asked for. */
interface GramEntry {
  /** The second characters, in the order of the lists. */
  seconds: string;
  /** Whether every second character is one UTF-16 unit (then a string offset is a list index). */
  bmp: boolean;
  /** The lists, space-separated, and where list i starts (`starts[count]`: past the end). */
  lists: string;
  starts: Int32Array;
  bits: (Bits | undefined)[];
}

/** A loaded gram part: decodes a bigram's postings on first use. */
class GramShard implements Grams {
  private readonly raw: GramPart;
  private readonly decoded = new Map<string, GramEntry>();
  private readonly any = new Map<string, Bits>();
  private readonly size: number;

  constructor(raw: GramPart, size: number) {
    this.raw = raw;
    this.size = size;
  }

  private entry(c1: string): GramEntry | undefined {
    let entry = this.decoded.get(c1);
    if (entry) return entry;
    const raw = this.raw[c1];
    if (!raw) return undefined;
    const [seconds, lists] = raw;
    let count = 1;
    for (let at = lists.indexOf(' '); at !== -1; at = lists.indexOf(' ', at + 1)) count++;
    const starts = new Int32Array(count + 1);
    for (let i = 1, at = lists.indexOf(' '); i < count; i++, at = lists.indexOf(' ', at + 1)) starts[i] = at + 1;
    starts[count] = lists.length + 1;
    entry = { seconds, bmp: seconds.length === count, lists, starts, bits: [] };
    this.decoded.set(c1, entry);
    return entry;
  }

  private postings(entry: GramEntry, i: number): string {
    return entry.lists.slice(entry.starts[i]!, entry.starts[i + 1]! - 1);
  }

  private list(entry: GramEntry, i: number): Bits {
    let bits = entry.bits[i];
    if (!bits) {
      bits = newBits(this.size);
      eachChunk(this.postings(entry, i), (u) => setBit(bits!, u));
      entry.bits[i] = bits;
    }
    return bits;
  }

  pair(c1: string, c2: string): Bits | undefined {
    const entry = this.entry(c1);
    if (!entry) return undefined;
    const i = entry.bmp ? entry.seconds.indexOf(c2) : Array.from(entry.seconds).indexOf(c2);
    return i === -1 ? undefined : this.list(entry, i);
  }

  eachPair(c1: string, seconds: ReadonlySet<number>, fn: (c2: string, chunks: Postings) => void): void {
    const entry = this.entry(c1);
    if (!entry) return;
    // The lists as written (no bitsets): a slot of initials meets thousands of them.
    if (entry.bmp) {
      const text = entry.seconds;
      for (let i = 0; i < text.length; i++) if (seconds.has(text.charCodeAt(i))) fn(text[i]!, this.postings(entry, i));
      return;
    }
    let i = 0;
    for (const c2 of entry.seconds) {
      if (seconds.has(c2.codePointAt(0)!)) fn(c2, this.postings(entry, i));
      i++;
    }
  }

  anyAfter(c1: string): Bits | undefined {
    let bits = this.any.get(c1);
    if (!bits) {
      const entry = this.entry(c1);
      if (!entry) return undefined;
      bits = anyOf(Array.from({ length: entry.starts.length - 1 }, (_, i) => this.list(entry, i)), this.size);
      this.any.set(c1, bits);
    }
    return bits;
  }
}

// ---------------------------------------------------------------------------------------------
// Snippets.

/** How much a block gains when two of the query's terms stand side by side in it. */
const TOGETHER_BONUS = 2;

/** Whether two terms' marks in a block are at most two characters apart. */
function termsTogether(matches: readonly { marks: readonly Mark[] }[]): boolean {
  for (let a = 0; a < matches.length; a++) {
    for (let b = a + 1; b < matches.length; b++) {
      for (const [s1, e1] of matches[a]!.marks) for (const [s2, e2] of matches[b]!.marks) if (s2 - e1 <= 2 && s1 - e2 <= 2) return true;
    }
  }
  return false;
}

/** The share of a text its marks cover, from 0 to 1. */
export function coverage(text: string, marks: readonly Mark[]): number {
  if (text.length === 0) return 0;
  return mergeMarks(marks).reduce((sum, [s, e]) => sum + e - s, 0) / text.length;
}

// ---------------------------------------------------------------------------------------------
// The engine.

/** Where the index parts come from (see `load.ts`): a part name → its parsed JSON. */
export interface PartSource {
  get(part: string): Promise<unknown>;
}

export interface SearchOptions {
  /**
   * At most this many hits per article; by default 3, or more (up to 10) when so few articles
   * match that three each leave the list short.
   */
  perArticle?: number;
  /**
   * This many of an article's best hits come together, where the article ranks (default 2); its
   * further ones come after every article's first, so that one article does not fill the list.
   */
  lead?: number;
  /**
   * `en` when the reader reads English (the English pages). A hit in the text of the reader's
   * language ranks a little above an equal one in the other (`OTHER_LANGUAGE_BELOW`): `sichuan`
   * shows 四川 before the English summary's Sichuan on the Chinese pages, and after it on the
   * English ones. Titles are not affected.
   */
  lang?: 'en' | undefined;
  /**
   * Whether a newer query has come (the reader typed on): checked where a search on the page
   * lets it breathe (see `breathe`); the search then rejects with `StaleSearch`.
   */
  stale?: (() => boolean) | undefined;
}

/** What a search rejects with when `SearchOptions.stale` says a newer query came while it breathed. */
export class StaleSearch extends Error {
  constructor() {
    super('search: a newer query came');
    this.name = 'StaleSearch';
  }
}

/** On the page (no worker), a search gives the page back its turn after this long (ms), so typing never waits a frame. */
const SLICE_MS = 8;
/** The longest slice of the idle scan of an inline text for its bigrams (`LocalGrams.prepareAll`): a key typed meanwhile waits no longer. */
const PREPARE_SLICE_MS = 4;
/** How long the warm-up waits for a first search before it starts all the same (ms). */
const WARM_UP_UNASKED_MS = 1000;
/** The slices of the warm-up's throwaway queries (on the page). */
const WARM_UP_SLICE_MS = 3;
/**
 * An index in parts: how many of its parts the warm-up fetches ahead, at most (gram parts first,
 * then the heard part and text parts). A part is about 20 KB gzipped, so this is some 6 MB, an
 * index about 35 times the size of the seeds'; the offline copy stores them all in any case.
 */
export const PREFETCH_PARTS = 320;
/** Parts the warm-up fetches at once (a browser opens six connections to a host: the rest are the reader's). */
const PREFETCH_AT_ONCE = 2;
/** How long after the first results the warm-up starts (ms): the page draws those first. */
const WARM_UP_AFTER_MS = 250;
/** On the page, how long the reader must not have searched before the word breaker is made (ms). */
const TYPING_PAUSE_MS = 1000;

/** How an engine loads: see `SearchIndex.open`. */
export interface OpenOptions {
  /**
   * With the index in parts, how many the engine fetches ahead once it has answered a first query,
   * while no query runs (PREFETCH_PARTS by default; 0: each part only when a query needs it).
   * Not on a connection that asks to save data.
   */
  prefetch?: number;
}

/** Run `step` while the page is idle, PREPARE_SLICE_MS at a time (`more()` says whether its slice has time left), until it returns true. */
async function whileIdle(step: (more: () => boolean) => boolean): Promise<void> {
  for (;;) {
    const until = performance.now() + PREPARE_SLICE_MS;
    if (step(() => performance.now() < until)) return;
    await idle();
  }
}

/** Let the page handle what waits (a key typed, a frame), then go on. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * A search's breathing points: on a page whose document is read (not in a worker, nor while the
 * page is still parsed, when its `?q=` is best answered at once), once SLICE_MS have passed, the
 * page gets its turn; then a search a newer query made stale stops.
 */
export function breather(stale?: () => boolean, sliceMs = SLICE_MS): () => Promise<void> {
  const doc = (globalThis as { document?: { readyState: string } }).document;
  if (!doc) return async () => {};
  let since = performance.now();
  return async () => {
    if (doc.readyState === 'loading' || performance.now() - since < sliceMs) return;
    await yieldToPage();
    since = performance.now();
    if (stale?.()) throw new StaleSearch();
  };
}

/** A hit with what the engine knows besides the contract. */
export interface EngineHit extends SearchHit {
  /**
   * Where the snippet comes from: the Chinese title, the English title, the article's head
   * (kicker, byline…), a subhead, a paragraph; the English summary or a paragraph's English
   * translation.
   */
  field: 'title' | 'titleEn' | 'header' | 'heading' | 'paragraph' | 'summary' | 'translation';
  /** How many of the query's terms this paragraph (or title) contains. */
  terms: number;
  /** Until the list is made: the block's text and each term's marks in it, for the snippet (`whole`: a title, shown whole). */
  passage?: { text: string; marks: Mark[][]; whole?: true };
  /** Found by pinyin typed in part (initials, a half-typed syllable): `match` says `pinyin`. */
  partial?: true;
}

/** The default number of hits. */
export const DEFAULT_LIMIT = 20;
/** Hits per article by default, and at most when few articles match. */
const PER_ARTICLE = 3;
const PER_ARTICLE_FEW = 10;
/** Articles looked at per query at most, whatever the limit. */
const MAX_ARTICLES = 64;
/**
 * Near misses are looked for when fewer articles than this match exactly: with the text in memory,
 * when there are few; when it has to be fetched, only when there are none (each look costs requests).
 */
const FUZZY_BELOW = { local: 3, remote: 1 };
/**
 * How far a hit in text of the other language ranks below an equal one in the reader's: English
 * (a summary, a translation) for a reader of Chinese, the Chinese text for a reader of English.
 */
const OTHER_LANGUAGE_BELOW = 2;
/** How far below the best a hit may score and still share the top of the list (less than a term of two left out, or a class). */
const TIER_GAP = 15;
/** How far English text ranks below the Chinese its letters read as in pinyin, for a reader of Chinese. */
const ENGLISH_MARGIN = 15;
/**
 * How much more often than chance two characters must stand together to be read as a word
 * (`SearchIndex.together`): in the seeds, the words and names a homophone slip was meant for
 * stand at 19 (长兴) to 1600 (雪龙); two characters of neighbouring words at 1 to 2 (的国, 台国).
 */
const TOGETHER_MIN = 5;
/**
 * How much more strongly than the passage's two characters a neighbour outside must stand with
 * one of them to be read as the word there instead (`SearchIndex.spelledWord`): 国际 (50) over
 * 的国 (1.6), 开发 (6.2) over 发生 (0.9); not a set phrase's 际出 of 从实际出发 (9.5) over 出发
 * (2.9), nor 镇新 of 城镇新增就业 (10.5) over 新增 (4.6).
 */
const WORD_BESIDE = 4;

/** Articles looked at per query at most for near misses (the most promising ones). */
const NEAR_MISS_ARTICLES = { local: 16, remote: 8 };
/**
 * Text parts a batch of articles asks for at most (a batch waits for all of them, and the batch's
 * hits may already be enough). More than the six a browser fetches at once from one host over
 * HTTP/1.1: those queue, but a second batch would wait for a whole round trip more. At 20×
 * (`npm run bench`), 12 made a common word's list one wait of 8 parts instead of two (6, then 3)
 * and the warm p95 34–38 ms instead of 40–46 ms, in interleaved runs.
 */
const PARTS_PER_BATCH = 12;
/** Chunks of one article loaded at first per term (more when they turn out not to match). */
const CHUNKS_PER_TERM = 1;
/** A literal term is looked up by the gram parts in memory alone when they leave at most this many articles. */
const FEW_ARTICLES = 4;
/** Queries whose results are kept. */
const CACHE_SIZE = 64;
/** The longest word a run of words written together is read as (see `segment`). */
const MAX_WORD = 8;
/** How much an article's hits gain from the number of its blocks with the query (log scale). */
const MENTIONS_WEIGHT = 0.5;
/** Up to this many characters, one wrong character explains a query better than words written together. */
const ONE_WRONG_UP_TO = 5;
/** A phrase this long (in characters) found in few articles is also looked for as its words. */
const LONG_PHRASE = 5;
/** How far below a phrase's own hits those of its words rank. */
const WORDS_BELOW = 5;
/** How many pinyin readings of such a run are read as words. */
const SEGMENTED_READINGS = 2;

interface LoadedChunk {
  ids: string[];
  texts: string[];
  folded: string[];
  records: FuseIndexJson['records'];
}

/** A term's match in one block: how, where, how well (1 = exact). */
interface BlockMatch {
  kind: MatchKind | 'fuzzy';
  marks: Mark[];
  quality: number;
}

interface TermCandidates {
  /** Chunks containing every bigram of some variant (a superset of the chunks that match). */
  chunks: Bits;
  /** Articles with such a chunk, or the term in their title. */
  articles: Bits;
  /** Articles whose title (or English title) contains the term. */
  title: Bits;
  /** How much of each such (Chinese) title the term covers, from 0 to 1. */
  titleCover: Map<number, number>;
  /** Near-miss candidates: chunk → pre-score, for articles not in `articles`. */
  fuzzyChunks: Map<number, number>;
  /** Near-miss candidates: article → best chunk pre-score (+100 for a near miss in the title). */
  fuzzyArticles: Map<number, number>;
  /** Fuse's near misses in titles, by article. */
  titleFuzzy: Map<number, { score: number; marks: Mark[] }>;
  /**
   * For pinyin: article → how common the Chinese it reads as is there (the number of chunks with
   * that bigram), so 经济 comes before a rare pair that happens to read jingji too.
   */
  weight: Map<number, number>;
  /** Articles with the term as typed, when it also has readings (`AI` as well as 碍): looked at first. */
  literal?: Bits;
}

const KIND_RANK: Record<BlockMatch['kind'], number> = { exact: 0, traditional: 1, regional: 1, pinyin: 2, partial: 3, fuzzy: 4 };
/** The base of a hit's score, by the worst way a term matched in its article. */
const CLASS_SCORE = { exact: 100, partial: 60, fuzzy: 0 };

function fuzzyOptions(pattern: string): IFuseOptions<string> {
  const length = Array.from(pattern).length;
  const errors = length >= 8 ? 2 : 1;
  return {
    // Bitap's score is errors / pattern length once location is ignored: allow `errors`, no more.
    threshold: Math.min(0.6, (errors + 0.5) / length),
    ignoreLocation: true,
    includeMatches: true,
    includeScore: true,
    ignoreFieldNorm: true,
    // A near miss must keep at least two characters of the term side by side.
    minMatchCharLength: 2,
  };
}

/**
 * Whether a folded text can hold a near miss of `pattern` at all, checked before running Fuse:
 * with one edit (two from eight characters), all but two of the term's bigrams (four) are still
 * there, and some bigram or skip-bigram (a character left out) is, side by side, as Fuse's
 * two-character minimum wants.
 */
export function nearMissFilter(pattern: string): (folded: string) => boolean {
  const chars = Array.from(pattern);
  const errors = chars.length >= 8 ? 2 : 1;
  const grams: string[] = [];
  const skips: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) {
    grams.push(chars[i]! + chars[i + 1]!);
    if (i + 2 < chars.length) skips.push(chars[i]! + chars[i + 2]!);
  }
  const need = Math.max(0, grams.length - 2 * errors);
  return (folded) => {
    let have = 0;
    for (const g of grams) if (folded.includes(g) && ++have >= Math.max(1, need)) return true;
    return have >= need && skips.some((k) => folded.includes(k));
  };
}

/** The characters just before and just after a marked passage (undefined at the text's ends). */
function neighbours(folded: string, [start, end]: Mark): [string | undefined, string | undefined] {
  const low = start >= 2 && folded.charCodeAt(start - 1) >= 0xdc00 && folded.charCodeAt(start - 1) <= 0xdfff;
  const before = start > 0 ? String.fromCodePoint(folded.codePointAt(start - (low ? 2 : 1))!) : undefined;
  const after = end < folded.length ? String.fromCodePoint(folded.codePointAt(end)!) : undefined;
  return [before, after];
}

/** The quality of a passage of initials with a particle alone for one of its characters (`withParticle`), against one without. */
const WITH_PARTICLE = 0.5;

/**
 * The quality of a passage found with a character read by its sound that is no word of the word
 * breaker's, against one that is: 台峰 is 台风 before 泰峰 of 石泰峰, however often the name.
 */
const NOT_A_WORD = 0.4;

/** The quality of a passage found by pinyin typed in full that crosses a word (`crossesWord`): below one that does not. */
const CROSSING_QUALITY = 0.5;

/** The characters of a marked passage, but the marks it is looked past (quotation marks, by default). */
function passageChars(folded: string, [start, end]: Mark, skipped: string = QUOTE_MARKS): string[] {
  return Array.from(folded.slice(start, end)).filter((ch) => !skipped.includes(ch));
}

/** Fuse's inclusive `[start, end]` indices → `[start, end)` marks. */
const toMarks = (indices: ReadonlyArray<readonly [number, number]> | undefined): Mark[] => (indices ?? []).map(([s, e]) => [s, e + 1]);

/**
 * Where a near miss is in a text, as one mark: from the runs of the term's characters Fuse
 * matched, widened to the term's characters nearby (a single one Fuse leaves out), as far as
 * the term's length allows.
 */
export function fuzzyMarks(text: string, pattern: string, indices: ReadonlyArray<readonly [number, number]> | undefined): Mark[] {
  const runs = toMarks(indices);
  if (runs.length === 0) return [];
  // Near Fuse's runs: the passage closest to the pattern (fewest edits; then nearest its length).
  const from = Math.max(0, Math.min(...runs.map((r) => r[0])) - pattern.length);
  const to = Math.min(text.length, Math.max(...runs.map((r) => r[1])) + pattern.length);
  const span = closestSpan(text, pattern, from, to);
  return span ? [span] : [];
}

/** Marks a near miss looks past: quotation marks, and the dot inside a foreign name (爱达·魔都号, 康斯坦丁·诺沃肖洛夫). */
const LOOKED_PAST = `${QUOTE_MARKS}·‧•`;
const HAS_LOOKED_PAST = /[“”‘’「」『』《》〈〉"'·‧•]/u;

/**
 * A text without its quotation marks (and the dots inside foreign names), and where each of its
 * code units was in the text; undefined if it has none.
 */
export function withoutQuotes(text: string): { text: string; at: Int32Array } | undefined {
  if (!HAS_LOOKED_PAST.test(text)) return undefined;
  const at = new Int32Array(text.length);
  let out = '';
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (LOOKED_PAST.includes(text[i]!)) continue;
    out += text[i];
    at[n++] = i;
  }
  return { text: out, at: at.subarray(0, n) };
}

type BareText = { text: string; folded: string; at: Int32Array; record: FuseIndexJson['records'][number] };
const BARE = new WeakMap<readonly string[], Map<number, BareText>>();

/** The texts of `records` that have quotation marks, without them (worked out once for a list of texts). */
function bareTexts(texts: readonly string[], folded: readonly string[], records: FuseIndexJson['records']): Map<number, BareText> {
  let bare = BARE.get(texts);
  if (!bare) {
    bare = new Map();
    for (const r of records) {
      const without = r.v === undefined ? undefined : withoutQuotes(r.v);
      if (!without) continue;
      const f = folded[r.i]!;
      bare.set(r.i, { text: without.text, folded: Array.from(without.at, (i) => f[i]).join(''), at: without.at, record: { ...r, v: without.text } });
    }
    BARE.set(texts, bare);
  }
  return bare;
}

/**
 * The near misses of `pattern` among `texts` (their folded forms in `folded`): for each text of
 * `records` (their Fuse records) that has one, its index, marks and Fuse's score. Quotation
 * marks are looked past, as exact matches look past them: 一带一路倡仪 is one character from
 * “一带一路”倡议, and marked across the quotation mark.
 */
export function nearMissesIn(texts: readonly string[], folded: readonly string[], records: FuseIndexJson['records'], pattern: string): { index: number; marks: Mark[]; score: number }[] {
  const could = nearMissFilter(pattern);
  const bare = bareTexts(texts, folded, records);
  const looked: FuseIndexJson['records'] = [];
  for (const r of records) {
    if (r.v === undefined) continue;
    const b = bare.get(r.i);
    if (b) {
      if (could(b.folded)) looked.push(b.record);
    } else if (could(folded[r.i]!)) looked.push(r);
  }
  if (looked.length === 0) return [];
  const fuse = new Fuse(texts as string[], fuzzyOptions(pattern), Fuse.parseIndex<string>({ keys: [], records: looked } as never));
  const out: { index: number; marks: Mark[]; score: number }[] = [];
  for (const r of fuse.search(pattern)) {
    const b = bare.get(r.refIndex);
    if (!b) {
      const marks = fuzzyMarks(texts[r.refIndex]!, pattern, r.matches?.[0]?.indices);
      if (marks.every((mark) => nearMissAllowed(folded[r.refIndex]!, mark, pattern))) out.push({ index: r.refIndex, score: r.score ?? 0.5, marks });
      continue;
    }
    // Found in the text without its quotation marks: one run there, and its figures whole in
    // the text as written (where a mark may stand between two numerals: 一“零碳 is not 10).
    const found = fuzzyMarks(b.text, pattern, r.matches?.[0]?.indices);
    const marks = found.map(([s, e]): Mark => [b.at[s]!, b.at[e - 1]! + 1]);
    if (found.every((mark) => searchableRun(b.folded, mark)) && marks.every((mark) => keepsFigures(folded[r.refIndex]!, mark, pattern))) {
      out.push({ index: r.refIndex, score: r.score ?? 0.5, marks });
    }
  }
  return out;
}

/**
 * The passage of `text[from, to)` that takes the fewest edits (a character changed, added or
 * left out) to become `pattern`; of those, the one with the most of the pattern's characters,
 * then the one whose length is nearest the pattern's, then the first. Sellers' algorithm: the edit distance with the passage's start free, one row per
 * pattern unit, tracking where each passage starts.
 */
export function closestSpan(text: string, pattern: string, from = 0, to = text.length): Mark | undefined {
  const m = pattern.length;
  const n = to - from;
  if (m === 0 || n <= 0) return undefined;
  // Row i: distance and start for pattern[0, i) ending at text position j (and row i - 1, for
  // two neighbours swapped, one edit: 马龙克 is 马克龙 whole, not 马克 with one left out).
  let dist = new Int32Array(n + 1);
  let start = new Int32Array(n + 1);
  let prevDist = dist;
  let prevStart = start;
  for (let j = 0; j <= n; j++) start[j] = j;
  for (let i = 1; i <= m; i++) {
    const nextDist = new Int32Array(n + 1);
    const nextStart = new Int32Array(n + 1);
    nextDist[0] = i;
    nextStart[0] = 0;
    const p = pattern.charCodeAt(i - 1);
    const before = i >= 2 ? pattern.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= n; j++) {
      const t = text.charCodeAt(from + j - 1);
      const change = dist[j - 1]! + (t === p ? 0 : 1);
      const skipPattern = dist[j]! + 1;
      const skipText = nextDist[j - 1]! + 1;
      if (change <= skipPattern && change <= skipText) {
        nextDist[j] = change;
        nextStart[j] = start[j - 1]!;
      } else if (skipPattern <= skipText) {
        nextDist[j] = skipPattern;
        nextStart[j] = start[j]!;
      } else {
        nextDist[j] = skipText;
        nextStart[j] = nextStart[j - 1]!;
      }
      if (j >= 2 && before !== -1 && p !== before && t === before && text.charCodeAt(from + j - 2) === p && prevDist[j - 2]! + 1 <= nextDist[j]!) {
        nextDist[j] = prevDist[j - 2]! + 1;
        nextStart[j] = prevStart[j - 2]!;
      }
    }
    prevDist = dist;
    prevStart = start;
    dist = nextDist;
    start = nextStart;
  }
  // Of the passages with the fewest edits: the most of the pattern's characters, then the length nearest.
  const kept = (s0: number, e0: number): number => {
    const left = [...pattern];
    let count = 0;
    for (let k = s0; k < e0; k++) {
      const at = left.indexOf(text[k]!);
      if (at !== -1) {
        left.splice(at, 1);
        count++;
      }
    }
    return count;
  };
  let best: Mark | undefined;
  let bestKey: [number, number, number] = [Infinity, 0, Infinity];
  for (let j = 1; j <= n; j++) {
    const d = dist[j]!;
    if (d > bestKey[0] || j === start[j]) continue;
    const span: Mark = [from + start[j]!, from + j];
    const key: [number, number, number] = [d, kept(span[0], span[1]), Math.abs(span[1] - span[0] - m)];
    if (key[0] < bestKey[0] || (key[0] === bestKey[0] && (key[1] > bestKey[1] || (key[1] === bestKey[1] && key[2] < bestKey[2])))) {
      best = span;
      bestKey = key;
    }
  }
  // An end that could not stand for a character of the pattern (punctuation; a digit when the
  // pattern has none) is left out: 马克龙, not 马克龙： or 马克龙1 for 马克龙的.
  if (best) {
    const figures = /[0-9]/u.test(pattern);
    const foreign = (i: number): boolean => !isSearchable(text[i]!) || (!figures && isAsciiDigit(text[i]));
    while (best[1] - best[0] > 1 && foreign(best[0])) best[0]++;
    while (best[1] - best[0] > 1 && foreign(best[1] - 1)) best[1]--;
    // A particle at an end of the pattern that the passage has another character for is one typed
    // past the word (马克龙的, still typing): the passage without it, 马克龙, not 马克龙是.
    // So is a last character typed twice (王沪宁宁).
    const extraLast = PARTICLES.includes(pattern[m - 1]!) || (m >= 2 && pattern[m - 1] === pattern[m - 2]);
    if (best[1] - best[0] > 2 && extraLast && text[best[1] - 1] !== pattern[m - 1] && !pattern.includes(text[best[1] - 1]!)) best[1]--;
    if (best[1] - best[0] > 2 && PARTICLES.includes(pattern[0]!) && text[best[0]] !== pattern[0] && !pattern.includes(text[best[0]]!)) best[0]++;
  }
  return best;
}

/** Characters that mostly stand between words (的, 了, 是…): typed past a word, not a wrong character of it. */
const PARTICLES = '的了是在于和与及等也都就着过吗呢吧啊之';

/** A term's characters as the text has them (Simplified), when it is Chinese read as written. */
function literalChars(term: Term): string[] | undefined {
  const v = term.variants.find((x) => x.kind === 'regional') ?? term.variants.find((x) => x.kind === 'traditional') ?? term.variants.find((x) => x.kind === 'exact');
  if (!v || !v.slots.every((slot) => slot.length === 1)) return undefined;
  const chars = v.slots.map((slot) => slot[0]!);
  return chars.some(isHan) ? chars : undefined;
}

/** A hit's snippet until it is made. */
const NO_SNIPPET: EngineHit['snippet'] = { text: '', marks: [] };

/** The hits with their snippets made (only those shown: many more blocks match than a list holds). */
function withSnippets(hits: EngineHit[], starts: ReadonlyMap<string, Uint8Array>): EngineHit[] {
  // (Whole words at a snippet's ends once the word breaker is made: see `SearchIndex.warm`.)
  const wordAt = wordBreakerReady() ? (text: string, at: number) => hanWordAcross(text, at, starts.get(text)) : undefined;
  for (const hit of hits) {
    const p = hit.passage;
    if (!p) continue;
    hit.snippet = p.whole ? { text: p.text, marks: mergeMarks(p.marks.flat()) } : makeSnippet(p.text, p.marks, undefined, true, wordAt);
    delete hit.passage;
  }
  return hits;
}

/**
 * The parts of an index in parts to fetch ahead: gram parts, the heard part, text parts, the first
 * `most` of them; none on a connection that asks to save data.
 */
function prefetchList(manifest: ManifestPart, most: number): string[] {
  const connection = (globalThis as { navigator?: { connection?: { saveData?: boolean } } }).navigator?.connection;
  if (connection?.saveData) return [];
  const names = [...manifest.grams.map((_, s) => gramPartName(s)), HEARD_PART, ...(manifest.texts ?? []).map((_, p) => textPartName(p))];
  return names.slice(0, Math.max(0, most));
}

/** Settles when the page is idle (see `whenIdle`). */
const idle = (): Promise<void> => new Promise((resolve) => whenIdle(resolve));

/** Whether the engine runs on a page (not in a worker, nor in Node). */
const onPage = (): boolean => (globalThis as { document?: unknown }).document !== undefined;

/**
 * Run `fn` when the page is idle (after it has laid out and painted what the last task put in
 * it), or at the next turn where there is no idle callback (a worker, Node).
 */
function whenIdle(fn: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: (fn: () => void, options?: { timeout: number }) => number }).requestIdleCallback;
  if (typeof idle === 'function') idle.call(globalThis, fn, { timeout: 500 });
  else setTimeout(fn, 0);
}

/**
 * A search engine over an index read from `source`. Create it with `SearchIndex.open` (or
 * `loadIndex` in load.ts); the manifest is loaded then, the other parts as queries need them.
 */
/**
 * The warm-up's throwaway queries (see `SearchIndex.warmUp`), each with whether it is run as on
 * the English pages: read off the first title with four Chinese characters, so that each finds
 * something and runs its path through the engine: a word, its pinyin, its initials, a near miss
 * (its fourth character changed for the text's commonest other one, not a particle: found one
 * character off), two words written together and apart, the phrase, pinyin with spaces, and a
 * word of the English titles. With `common` (the text's commonest pair of characters and what
 * most often follows it, `LocalGrams.commonest`), that pair, and a near miss of it with the
 * character after it, which many passages are: the engine's paths with a full page of hits, as
 * a reader's first words often are. None without such a title.
 */
export function warmUpQueries(titles: readonly string[], titlesEn: readonly string[], primary: ReadonlyMap<string, string>, counts: CharCounts | undefined, common?: { pair: string; next: string | undefined }): [string, boolean][] {
  const han = Array.from(titles.find((t) => Array.from(t).filter(isHan).length >= 4) ?? '').filter(isHan);
  if (han.length < 4) return [];
  const syllables = han.slice(0, 3).map((c) => primary.get(c) ?? '');
  // The text's commonest character not among `chars`, nor a particle.
  const strangerTo = (chars: readonly string[]): string | undefined => {
    let found: string | undefined;
    let most = 0;
    for (const [c, n] of counts?.of ?? []) if (n > most && isHan(c) && !PARTICLES.includes(c) && !chars.includes(c)) [found, most] = [c, n];
    return found;
  };
  const stranger = strangerTo(han.slice(0, 4));
  // Two words written together (the title's first two characters and another title's last
  // two), and a word of the English titles on the English pages.
  const other = titles.map((t) => Array.from(t).filter(isHan)).find((h) => h.length >= 2 && h[0] !== han[0]) ?? han;
  const together = `${han[0]}${han[1]}${other[other.length - 2]}${other[other.length - 1]}`;
  const english = titlesEn.join(' ').toLowerCase().match(/[a-z]{5,}/u)?.[0];
  const queries: [string, boolean][] = [
    [`${han[0]}${han[1]}`, false],
    [`${syllables[0]}${syllables[1]}`, false],
    [syllables.map((s) => s[0] ?? '').join(''), false],
  ];
  if (stranger) queries.push([`${han[0]}${han[1]}${han[2]}${stranger}`, false]);
  queries.push(
    [together, false],
    // A phrase as written, two words apart, pinyin with spaces.
    [han.slice(0, 4).join(''), false],
    [`${han[0]}${han[1]} ${other[other.length - 2]}${other[other.length - 1]}`, false],
    [`${syllables[0]}${syllables[1]} ${syllables[2]}`, false],
  );
  if (english) queries.push([english, true]);
  if (common) {
    queries.push([common.pair, false]);
    const phrase = [...Array.from(common.pair), ...(common.next ? [common.next] : [])];
    const other = strangerTo(phrase);
    if (phrase.length === 3 && other) queries.push([`${phrase.join('')}${other}`, false]);
  }
  return queries;
}

/**
 * A list of words and the text's for them, `from to|from to|…` (`ManifestPart.phrases`), read on
 * first use: a text with the words it lists replaced, the longest first.
 */
function phraseReader(listed: string | undefined): (text: string) => string {
  let table: { words: Map<string, string>; longest: number } | undefined;
  return (text) => {
    table ??= ((): { words: Map<string, string>; longest: number } => {
      const words = new Map<string, string>();
      for (const entry of listed?.split('|') ?? []) {
        const [from, to] = entry.split(' ');
        if (from && to) words.set(from, to);
      }
      return { words, longest: Math.max(0, ...[...words.keys()].map((w) => w.length)) };
    })();
    if (table.words.size === 0) return text;
    let out = '';
    for (let i = 0; i < text.length; ) {
      let length = Math.min(table.longest, text.length - i);
      for (; length >= 2; length--) if (table.words.has(text.slice(i, i + length))) break;
      if (length >= 2) {
        out += table.words.get(text.slice(i, i + length))!;
        i += length;
      } else out += text[i++];
    }
    return out;
  };
}

export class SearchIndex implements SearchEngine {
  readonly articleCount: number;
  /**
   * Settles once the engine has warmed up while the page was idle: the word breaker made (see
   * words.ts: on a page, once the reader has paused; snippets keep to whole words from then on);
   * with the text in memory, its bigrams and word starts read off it and a few throwaway queries
   * run (`warmUp`); with an index in parts, the parts fetched ahead (`prefetch`). It starts a
   * moment after the first results, or (text in memory) a second after loading with no query.
   * Never rejects.
   */
  warm: Promise<void> = Promise.resolve();
  readonly chunkCount: number;
  private readonly source: PartSource;
  private readonly fold: (text: string) => string;
  /** The Simplified side of the fold's map (see `QueryContext.simplified`). */
  private readonly simplifiedChars: ReadonlySet<string>;
  private readonly pinyinMap: Record<string, string>;
  /** Decoded on first use (a Latin query, or a gram part to find). */
  private pinyin: ReturnType<typeof decodePinyin> | undefined;
  private readonly shardOfKey = new Map<string, number>();
  private readonly splits = new Map<string, number>();
  /** Article a's chunks are `chunkStart[a]` … `chunkStart[a + 1] - 1`. */
  private readonly chunkStart: Int32Array;
  private readonly articleOfChunk: Int32Array;
  /** Chunk u is in text part `textOfChunk[u]`, which starts at chunk `textStart[p]`. */
  private readonly textOfChunk: Int32Array;
  private readonly textStart: Int32Array;

  private readonly titles: string[];
  private readonly titlesFolded: string[];
  private readonly titlesEn: string[];
  /** Each article's English summary and paragraph translations (see `ManifestPart`). */
  private readonly english: EnglishBlock[][];
  /** The titles' Fuse index records (for near misses in titles). */
  private readonly titleRecords: FuseIndexJson['records'];
  private readonly articleInfo: SearchArticle[];
  private readonly parts = new Map<string, Promise<unknown>>();
  private readonly shards = new Map<number, GramShard>();
  private readonly chunks = new Map<number, LoadedChunk>();
  private readonly cache = new Map<string, EngineHit[]>();
  /** Readers' searches under way (the warm-up gives way to them). */
  private searching = 0;
  /** When the reader's last search started or ended (`performance.now()`). */
  private lastSearch = 0;
  /** Called once no reader's search is under way (see `noSearch`). */
  private readonly whenNoSearch: (() => void)[] = [];
  /** Starts the warm-up (text in memory), until it has started. */
  private startWarmUp?: (() => void) | undefined;
  private heardReadings: Promise<ReadonlyMap<string, string>> | undefined;
  /** Where the word breaker starts words in each block, by its text and its folded text (inline text, once warmed up: see `warmUp`). */
  private readonly wordStarts = new Map<string, Uint8Array>();
  /** The heard part's readings, once loaded (see `heard`). */
  private heardLoaded: ReadonlyMap<string, string> | undefined;
  private englishWords: Map<string, number> | undefined;
  private readonly asEnglish = new WeakMap<readonly Term[], boolean>();
  /** The bigram map of an inline index, built at load. */
  private readonly local: LocalGrams | undefined;
  /** A text with the words of Taiwan and Hong Kong the index lists read as the mainland's (`ManifestPart.phrases`: 人工智慧 as 人工智能, 软体 as 软件). */
  private readonly mainlandWords: (text: string) => string;
  /** A text with the Traditional words the index lists read as the text's (`ManifestPart.traditionalPhrases`: 复甦 as 复苏). */
  private readonly traditionalWords: (text: string) => string;
  /** `manifest.counts`, until read. */
  private readonly countsJson: [string, string] | undefined;
  private charCounts: CharCounts | undefined;
  /** `pairCount` with the text in parts: two characters → [count, parts in memory when counted]. */
  private readonly pairCounts = new Map<string, [number, number]>();
  /** `wordLike`: a passage with its neighbours → [answer, parts in memory when answered]. */
  private readonly wordLikeCache = new Map<string, [boolean, number]>();

  private constructor(source: PartSource, manifest: ManifestPart) {
    if (manifest?.format !== INDEX_FORMAT) throw new Error(`search index: expected format ${INDEX_FORMAT}, got ${String(manifest?.format)}`);
    this.source = source;
    this.fold = foldFromPairs(...manifest.t2s);
    this.simplifiedChars = new Set(Array.from(manifest.t2s[1]));
    this.pinyinMap = manifest.pinyin;
    manifest.grams.forEach((keys, shard) => {
      for (const key of keys.split(' ')) {
        if (!key) continue;
        this.shardOfKey.set(key, shard);
        const split = /^(.+)~(\d+)~\d+$/u.exec(key);
        if (split) this.splits.set(split[1]!, Number(split[2]));
      }
    });
    const a = manifest.articles;
    this.articleCount = a.slug.length;
    this.chunkStart = new Int32Array(this.articleCount + 1);
    a.chunks.forEach((n, i) => (this.chunkStart[i + 1] = this.chunkStart[i]! + n));
    this.chunkCount = this.chunkStart[this.articleCount]!;
    this.articleOfChunk = new Int32Array(this.chunkCount);
    for (let i = 0; i < this.articleCount; i++) this.articleOfChunk.fill(i, this.chunkStart[i]!, this.chunkStart[i + 1]!);
    this.textOfChunk = new Int32Array(this.chunkCount);
    const texts = manifest.texts ?? [];
    this.textStart = new Int32Array(texts.length + 1);
    texts.forEach((n, p) => {
      this.textStart[p + 1] = this.textStart[p]! + n;
      this.textOfChunk.fill(p, this.textStart[p]!, this.textStart[p + 1]!);
    });
    this.titles = manifest.titles.records.map((r) => r.v);
    this.titlesFolded = this.titles.map(this.fold);
    this.titlesEn = a.en.map(lowerCase);
    this.english = a.slug.map((_, i) => {
      const flat = a.english?.[i] ?? [];
      const blocks: EnglishBlock[] = [];
      for (let k = 0; k + 1 < flat.length; k += 2) blocks.push(englishBlock(flat[k]!, flat[k + 1]!));
      return blocks;
    });
    this.titleRecords = manifest.titles.records;
    this.countsJson = manifest.counts;
    this.mainlandWords = phraseReader(manifest.phrases);
    this.traditionalWords = phraseReader(manifest.traditionalPhrases);
    if (manifest.chunks) {
      // Inline text: every chunk is here; the bigram map is built from it, as one local part.
      if (manifest.chunks.length !== this.chunkCount) throw new Error('search index: inline chunks do not match the article list');
      manifest.chunks.forEach((part, u) => this.chunks.set(u, this.chunkOf(part)));
      this.local = new LocalGrams([...this.chunks.values()].map((c) => c.folded));
    }
    this.articleInfo = a.slug.map((slug, i) => {
      const info: SearchArticle = { slug, title: this.titles[i] ?? '' };
      if (a.en[i]) info.titleEn = a.en[i];
      const pub = a.pubs[a.pub[i] ?? -1];
      if (pub) info.publication = pub;
      if (a.date[i]) info.date = a.date[i];
      return info;
    });
  }

  /**
   * Whether a passage of two characters has a particle (`PARTICLES`: 的, 了, 和…) for one of
   * them, standing alone as the word breaker reads the text (了全 of 实现了全年, 力和 of 生产力和).
   */
  private withParticle(folded: string, mark: Mark): boolean {
    const chars = passageChars(folded, mark);
    if (chars.length !== 2 || mark[1] - mark[0] !== 2) return false;
    const starts = this.wordStarts.get(folded);
    return [0, 1].some((i) => PARTICLES.includes(chars[i]!) && isWord(folded, [mark[0] + i, mark[0] + i + 1], starts));
  }

  /** Whether two characters have a reading in common (toneless). */
  private readonly sameSound = (a: string, b: string): boolean => {
    const { readings } = this.readings();
    const of = (c: string): ReadonlySet<string> | undefined => {
      const syl = readings.get(c) ?? this.heardLoaded?.get(c);
      return typeof syl === 'string' ? new Set([syl]) : syl;
    };
    const ra = of(a);
    const rb = of(b);
    return ra !== undefined && rb !== undefined && [...ra].some((syl) => rb.has(syl));
  };

  private readings(): ReturnType<typeof decodePinyin> {
    return (this.pinyin ??= decodePinyin(this.pinyinMap));
  }

  /** Load the manifest from `source` and return an engine. */
  static async open(source: PartSource, options: OpenOptions = {}): Promise<SearchIndex> {
    const manifest = (await source.get(MANIFEST_PART)) as ManifestPart;
    const engine = new SearchIndex(source, manifest);
    // On a page, the word breaker only once the reader pauses (see words.ts): made inside a
    // query, it would hold up the keys typed meanwhile.
    if (onPage()) deferWordBreaker();
    const ahead = engine.local ? [] : prefetchList(manifest, options.prefetch ?? PREFETCH_PARTS);
    // Once the caller's first results are out (a search page's ?q= is answered first) and the
    // page has drawn them, while the page is idle: the text in memory read (`warmUp`, which makes
    // the word breaker on the way), or the word breaker made and the parts fetched ahead (only
    // for a reader who searched). Text in memory: also when the reader has not searched for a while.
    engine.warm = new Promise((done) => {
      engine.startWarmUp = () => {
        engine.startWarmUp = undefined;
        const work = async (): Promise<void> => {
          await idle();
          if (engine.local) await engine.warmUp();
          else {
            await engine.makeWordBreaker();
            await engine.prefetch(ahead);
          }
        };
        setTimeout(() => work().then(done, () => done()), WARM_UP_AFTER_MS);
      };
      if (engine.local) setTimeout(() => engine.startWarmUp?.(), WARM_UP_UNASKED_MS);
    });
    return engine;
  }

  /**
   * Fetch the parts `names` ahead (PREFETCH_AT_ONCE at a time), each while the page is idle and
   * no reader's search is under way, so that later queries find them in memory rather than wait
   * for them: gram parts serve every query, text parts every snippet. Stops at the first part
   * that fails to load (offline: a query will ask for it again).
   */
  private async prefetch(names: readonly string[]): Promise<void> {
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < names.length) {
        await idle();
        while (this.searching > 0) await this.noSearch();
        if (next >= names.length) return;
        const name = names[next++]!;
        await (name === HEARD_PART ? this.heard() : this.part(name));
      }
    };
    await Promise.all(Array.from({ length: PREFETCH_AT_ONCE }, lane));
  }

  /**
   * Make the word breaker, while the page is idle; on the page, once the reader has paused (it
   * is one task of tens of milliseconds the keys typed meanwhile would wait behind). Results
   * cached before are found again with it.
   */
  private async makeWordBreaker(): Promise<void> {
    if (wordBreakerReady()) return;
    await this.typingPaused();
    await idle();
    makeWordBreaker();
    this.cache.clear();
  }

  /**
   * Settles once the reader has not searched for TYPING_PAUSE_MS (at once in a worker, where
   * the engine's work never holds up the page).
   */
  private async typingPaused(): Promise<void> {
    if (!onPage()) return;
    for (;;) {
      const wait = this.lastSearch + TYPING_PAUSE_MS - performance.now();
      if (wait <= 0 && this.searching === 0) return;
      await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 50)));
    }
  }

  /** Settles when no reader's search is under way. */
  private noSearch(): Promise<void> {
    return this.searching === 0 ? Promise.resolve() : new Promise((resolve) => this.whenNoSearch.push(resolve));
  }

  /**
   * With the text in memory, read the bigrams of all its characters off it, in slices
   * (`LocalGrams.prepareAll`), and each block's text without its quotation marks; make the word
   * breaker (`makeWordBreaker`) and read where it starts words in each block; then run a few
   * throwaway queries (a word, its pinyin, its initials, a near miss) so the browser has compiled
   * the engine before the reader types: a few tens of milliseconds once, while the page is idle
   * after loading, instead of tens on the first queries.
   */
  private async warmUp(): Promise<void> {
    // First the bigrams of every character, off the text; then each block's text without its
    // quotation marks, which near misses look in.
    const local = this.local;
    if (local) {
      await whileIdle((more) => local.prepareAll(more));
      const chunks = [...this.chunks.values()];
      let next = 0;
      await whileIdle((more) => {
        for (; next < chunks.length && more(); next++) bareTexts(chunks[next]!.texts, chunks[next]!.folded, chunks[next]!.records);
        return next === chunks.length;
      });
      // Then the word breaker, and where it starts words in every block (read as written, kept
      // for its folded text too, which is as long), which pinyin, near misses and snippets ask of it.
      await this.makeWordBreaker();
      const blocks: [string, string][] = [...this.titles.map((t, a): [string, string] => [t, this.titlesFolded[a]!]), ...chunks.flatMap((c) => c.texts.map((t, i): [string, string] => [t, c.folded[i]!]))];
      let block = 0;
      await whileIdle((more) => {
        for (; block < blocks.length && more(); block++) {
          const [text, folded] = blocks[block]!;
          if (this.wordStarts.has(text) || folded.length !== text.length) continue;
          const starts = wordStarts(text);
          this.wordStarts.set(text, starts);
          this.wordStarts.set(folded, starts);
        }
        return block === blocks.length;
      });
    }
    const queries = warmUpQueries(this.titles, this.titlesEn, this.readings().primary, this.counts(), this.local?.commonest((c) => !isHan(c) || PARTICLES.includes(c)));
    for (const [query, inEnglish] of queries) {
      // One query a task: on the page (no worker) the reader may type in between.
      await idle();
      // In short slices, and dropped as soon as a reader's query is under way.
      const reader = (): boolean => this.searching > 0;
      if (reader()) continue;
      try {
        await this.run(query, DEFAULT_LIMIT, undefined, 2, inEnglish, breather(reader, WARM_UP_SLICE_MS));
      } catch (error) {
        if (!(error instanceof StaleSearch)) throw error;
      }
    }
  }

  /** The articles, in list order. */
  listArticles(): readonly SearchArticle[] {
    return this.articleInfo;
  }

  /** The terms a query is read as (for tests and debugging). */
  parse(query: string): Term[] {
    const ctx = this;
    return parseQuery(query, {
      fold: this.fold,
      simplified: this.simplifiedChars,
      mainland: this.mainlandWords,
      phrases: this.traditionalWords,
      // Only a Latin token needs the syllables.
      get syllables() {
        return ctx.readings().syllables;
      },
    });
  }

  /**
   * Results for a query, best first: each article's best hits (`lead`, 2 by default) together,
   * articles by their best hit; then their further hits (see `SearchOptions.perArticle`).
   */
  async search(query: string, limit = DEFAULT_LIMIT, options: SearchOptions = {}): Promise<EngineHit[]> {
    const perArticle = options.perArticle === undefined ? undefined : Math.max(1, Math.floor(options.perArticle));
    const lead = Math.max(1, Math.floor(options.lead ?? 2));
    limit = Math.max(0, Math.floor(limit));
    const english = options.lang === 'en';
    const key = `${limit}\u0000${perArticle}\u0000${lead}\u0000${english}\u0000${query}`;
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    this.searching++;
    this.lastSearch = performance.now();
    let hits: EngineHit[];
    try {
      hits = await this.run(query, limit, perArticle, lead, english, breather(options.stale));
    } finally {
      this.lastSearch = performance.now();
      if (--this.searching === 0) for (const resume of this.whenNoSearch.splice(0)) resume();
    }
    this.startWarmUp?.();
    this.cache.set(key, hits);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return hits;
  }

  private async run(query: string, limit: number, asked: number | undefined, lead: number, english = false, breathe = breather()): Promise<EngineHit[]> {
    const perArticle = asked ?? PER_ARTICLE;
    let terms = this.parse(query);
    if (terms.length === 0 || limit === 0) return [];
    await this.loadGrams(terms, false);
    let cands = terms.map((t) => this.exactCandidates(t));
    // Pinyin typed with spaces that finds nothing as a whole, in full or typed in part: try its
    // tokens as separate terms.
    // (Not into single syllables, which would match anything: see the words read later.)
    const multi = (t: Term): boolean => syllableCount(t.text, this.readings().syllables) >= 2;
    const none = terms.map((t, i) => t.split !== undefined && t.split.some(multi) && countBits(cands[i]!.articles) === 0);
    if (none.some(Boolean)) {
      const partial = terms.filter((t, i) => none[i] && t.partial);
      await this.loadGrams(partial.map((t) => ({ ...t, variants: t.partial! })), false);
      const dead = terms.map((t, i) => none[i]! && !(t.partial && countBits(this.exactCandidates(t, t.partial).articles) > 0));
      if (dead.some(Boolean)) {
        terms = terms.flatMap((t, i) => (dead[i] ? t.split! : [t]));
        await this.loadGrams(terms, false);
        cands = terms.map((t) => this.exactCandidates(t));
      }
    }

    const hits = new Map<number, EngineHit[]>();
    let looked = 0;
    const shown = (): number => {
      let n = 0;
      for (const list of hits.values()) n += Math.min(perArticle, list.length);
      return n;
    };
    // Where each article stands in the ranking: the tie-break between equal scores.
    const rank = new Map<number, number>();
    const look = async (order: number[], max: number, nearMisses: boolean, ts = terms, cs = cands): Promise<void> => {
      for (const a of order) if (!rank.has(a)) rank.set(a, rank.size);
      let next = 0;
      const stop = Math.min(MAX_ARTICLES, looked + max);
      while (next < order.length && looked < stop) {
        const wanted = limit - shown();
        // (Text in memory: every candidate is looked at, so that a short list, the header's, has
        // the best articles, not the first ones that fill it, and a longer one starts as the short
        // one does: Wang Yi's answers first for yi, in the header's 8 as on the search page. A
        // single character or syllable too, though it matches nearly everything: a few
        // milliseconds, the text being small. With parts to fetch, enough for the list.)
        if (wanted <= 0 && !this.local) return;
        // Enough articles for the hits still wanted, each expected to give a hit per candidate
        // chunk (near misses: perArticle): each batch waits for its text parts, so one batch of
        // the right size is quicker than several short ones; but at most PARTS_PER_BATCH parts
        // not in memory yet, as more would only queue.
        const batch: number[] = [];
        const parts = new Set<number>();
        for (let expected = 0; next < order.length && looked + batch.length < stop && (expected < wanted || batch.length < 2); next++) {
          const a = order[next]!;
          const more = this.partsToLoad(a, cs).filter((p) => !parts.has(p));
          if (batch.length > 0 && parts.size + more.length > PARTS_PER_BATCH) break;
          batch.push(a);
          for (const p of more) parts.add(p);
          expected += nearMisses ? perArticle : this.expectedHits(a, cs, perArticle);
        }
        looked += batch.length;
        await breathe();
        const found = await Promise.all(batch.map((a) => this.collect(a, ts, cs, perArticle, nearMisses, english)));
        batch.forEach((a, i) => {
          // An article looked at again (for pinyin typed in part, the query's words…) keeps its
          // hits and adds other blocks, and the better hit of a block found both times (one
          // title hit, though: the Chinese or the English title).
          const kept = [...(hits.get(a) ?? [])];
          const title = (h: EngineHit): boolean => h.field === 'title' || h.field === 'titleEn';
          // (Of two titles, the one with more of the query, then the one in the reader's language:
          // tengchon… finds 腾冲 in the Chinese title after the English title's Tengchon…)
          const ownTitle = (h: EngineHit): boolean => h.field === (english ? 'titleEn' : 'title');
          for (const h of found[i]!) {
            const same = kept.findIndex((b) => (title(b) && title(h)) || (b.field === h.field && b.paragraphId === h.paragraphId));
            if (same === -1) kept.push(h);
            else if (title(h) && h.field !== kept[same]!.field ? (h.terms !== kept[same]!.terms ? h.terms > kept[same]!.terms : ownTitle(h)) : h.score > kept[same]!.score) kept[same] = h;
          }
          if (kept.length > 0) hits.set(a, kept);
        });
      }
    };

    // Exact matches first (as written, in Simplified, in full pinyin); then, if the list is still
    // short, pinyin typed in part; near misses only when they are few.
    await look(this.rankArticles(cands, false), MAX_ARTICLES, false);
    if (shown() < limit && looked < MAX_ARTICLES && terms.some((t) => t.partial)) {
      terms = terms.map((t) => (t.partial ? { ...t, variants: [...t.variants, ...t.partial] } : t));
      await this.loadGrams(terms, false);
      cands = terms.map((t, i) => (t.partial ? this.exactCandidates(t) : cands[i]!));
      // Articles already found too: xuelo finds the article whose English title starts so, then
      // its paragraphs with 雪龙.
      await look(this.rankArticles(cands, false, true), MAX_ARTICLES, false);
    }
    /**
     * Look again with the query read another way (as the terms `read`), if each of them has
     * candidates; the candidates, or undefined. `common` as in `rankArticles`.
     */
    const lookAs = async (read: Term[], common = false, skip?: ReadonlySet<number>): Promise<TermCandidates[] | undefined> => {
      await this.loadGrams(read, false);
      const readCands = read.map((t) => this.exactCandidates(t));
      if (!readCands.every((c) => countBits(c.articles) > 0)) return undefined;
      looked = 0;
      await look(this.rankArticles(readCands, false, common).filter((a) => !skip?.has(a)), MAX_ARTICLES, false, read, readCands);
      return readCands;
    };

    // Pinyin typed with spaces read as one word (xi jinping yidaiyilu) whose text holds no such
    // phrase: its words as separate terms; but not single syllables (wang yi wu ke lan), which
    // would match anything: those are read as the words they spell, further on.
    if (hits.size === 0 && terms.some((t) => t.split?.some(multi))) {
      const apart = terms.flatMap((t) => t.split ?? [t]);
      const apartCands = await lookAs(apart);
      if (apartCands && hits.size > 0) [terms, cands] = [apart, apartCands];
    }
    const exactHits = hits.size;
    // A question that finds nothing as typed (什么是新质生产力, 中国经济怎么样, what is …): its
    // other words, searched as a query of their own, before any near miss of the question.
    if (exactHits === 0) {
      const plain = withoutQuestionWords(query);
      if (plain !== query.trim()) return this.run(plain, limit, asked, lead, english, breathe);
    }
    const where = this.local ? 'local' : 'remote';
    // Nothing found: each term read another way, where it has one (`reading`), while nothing is found.
    const readAgain = async (reading: (t: Term) => Term | undefined, common = false): Promise<void> => {
      if (hits.size > 0) return;
      const read = terms.map(reading);
      if (!read.some(Boolean)) return;
      rank.clear();
      await lookAs(terms.map((t, i) => read[i] ?? t), common);
    };
    // Chinese typed with a homophone picked by mistake (周园 for 周圆, 李墙 for 李强: the input
    // method's pinyin was right), read as its pinyin, ranked as pinyin typed in part.
    // (A character the text lacks is read by the sound the index keeps for it, if it is a common one.)
    const unheard = (t: Term): boolean => !!literalChars(t)?.some((c) => isHan(c) && !this.readings().primary.has(c));
    const bySound = async (): Promise<void> => {
      const heard = hits.size === 0 && terms.some(unheard) ? await this.heard() : undefined;
      await readAgain((t) => this.homophones(t, heard));
    };
    // A short word is read by its sound before its near misses: two of three characters as
    // typed and the third sounding alike (工信布 is 工信部) say more than two of three with any
    // other between them (工业布 of 工业布局).
    const short = terms.every((t) => !t.fuzzy || Array.from(t.fuzzy).length <= 3);
    if (short) await bySound();
    // (A word of three characters found as typed has too many neighbours one character away:
    // 推动力 is not 推动下.)
    const worthNearMisses = hits.size === 0 || terms.some((t) => t.fuzzy && Array.from(t.fuzzy).length > 3);
    if (hits.size < FUZZY_BELOW[where] && worthNearMisses && terms.some((t) => t.fuzzy)) {
      await this.loadGrams(terms, true);
      // (A near miss by a character of the same sound is no other word: the sounds of those the
      // text lacks too, where they are in a word of the query. See `anotherWord`.)
      if (terms.some((t) => t.fuzzy && unheard(t) && wordsOf(t.fuzzy).some((w) => Array.from(w).some((c) => isHan(c) && !this.readings().primary.has(c))))) await this.heard();
      cands.forEach((c, i) => this.addNearMisses(terms[i]!, c));
      await look(this.rankArticles(cands, true).filter((a) => !hits.has(a)), NEAR_MISS_ARTICLES[where], true);
    }
    if (!short) await bySound();
    // Two neighbouring characters typed the wrong way round (政府作工报告), swapped back, ranked
    // as a near miss.
    await readAgain((t) => this.transposed(t));
    // Pinyin with a slip (xijingping, xuelogn), read as the spellings one slip away, ranked as
    // pinyin typed in part; before reading it as words written together, which would find 新质生
    // and 长李 in xinzhishengchangli.
    await readAgain((t) => this.pinyinSlips(t), true);
    // An English word with a slip (exprots, Antartica), read as the words of the English text one
    // slip away (two for a long word): a near miss.
    await readAgain((t) => this.englishSlips(t));
    // Nothing as typed: a run of words written together (雪龙南极, 马克龙四川大学) is looked for
    // as its words, each somewhere in the article; unless one wrong character explains a short
    // one (人工只能 is 人工智能 mistyped, not 人工 and 只能). For a longer one (新质生产力绿色) the
    // words come first, and its near misses after them.
    const oneWrong = hits.size > 0 && terms.every((t) => !t.fuzzy || Array.from(t.fuzzy).length <= ONE_WRONG_UP_TO);
    // And a long phrase found in few articles (共建一带一路: elsewhere 共建“一带一路”, with
    // quotation marks between) is looked for as its words too, below the phrase.
    const fewForPhrase = exactHits > 0 && exactHits < FUZZY_BELOW.local && terms.some((t) => (literalChars(t)?.length ?? 0) >= LONG_PHRASE);
    if ((exactHits === 0 && !oneWrong) || fewForPhrase) {
      const segmentable = terms.filter((t) => this.maySegment(t));
      if (segmentable.length > 0) {
        // The bigrams of each of their characters, to read the words off.
        await this.loadGrams(segmentable, true);
        // (After near misses of the whole, when there are, one character off, and they do not hold
        // the words: 新质生产能力 is 新质生产力 with a character too many before it is 新质生产 and
        // 能力, though both are words; but 李强政府工作报告 is its words in 李强作政府工作报告, and
        // 新质生产力绿色发展 is not 新质生产力加快发展, two characters off.)
        const words = terms.map((t) => this.segment(t));
        // (The hits so far are the near misses, when nothing matched exactly.)
        const nearTexts = exactHits === 0 ? [...hits.values()].flat().flatMap((h) => (h.passage?.marks.flat() ?? []).map(([s, e]) => this.fold(h.passage!.text.slice(s, e)))) : [];
        const oneOff = terms.some((t) => t.fuzzy && nearTexts.some((text) => editDistance(text, t.fuzzy!, 1) <= 1));
        const below = oneOff && !words.every((list) => list?.every((w) => nearTexts.some((text) => text.includes(w.text))) ?? true);
        const pieces = words.map((list) => list?.map((w) => (below ? { ...w, near: true as const } : w)));
        // (For a phrase found: other articles, not pieces of it beside the phrase in the same one.)
        if (pieces.some(Boolean)) await lookAs(terms.flatMap((t, i) => pieces[i] ?? [t]), false, exactHits > 0 ? new Set(hits.keys()) : undefined);
      }
    }
    const order = new Map([...rank].map(([a, r]) => [this.articleInfo[a]!.slug, r]));
    // Few articles: more of each, as the list has room.
    const room = asked ?? (hits.size * perArticle < limit ? Math.min(PER_ARTICLE_FEW, Math.ceil(limit / Math.max(1, hits.size))) : perArticle);
    return withSnippets(this.group([...hits.values()].flat(), limit, room, Math.min(lead, room), order, asked === undefined), this.wordStarts);
  }

  // -- parts ------------------------------------------------------------------------------------

  /** The readings of common characters the text lacks (`HEARD_PART`), loaded on first need; empty if the index has none. */
  private heard(): Promise<ReadonlyMap<string, string>> {
    return (this.heardReadings ??= this.source.get(HEARD_PART).then(
      (part) => (this.heardLoaded = new Map(Object.entries((part ?? {}) as HeardPart).flatMap(([syl, chars]) => Array.from(chars, (ch): [string, string] => [ch, syl])))),
      () => new Map(),
    ));
  }

  private part(name: string): Promise<unknown> {
    let p = this.parts.get(name);
    if (!p) {
      p = this.source.get(name);
      this.parts.set(name, p);
      // A failed load is not kept: the next query tries again.
      p.catch(() => this.parts.delete(name));
    }
    return p;
  }

  /**
   * The gram part with the bigrams of `c1`: by its first reading, or by `syl` when it reads so
   * (for pinyin typed in part, by its first reading that starts with `syl`).
   */
  private shardOf(c1: string, syl?: string): number | undefined {
    const r = this.readings();
    let key = gramKey(c1, r.primary);
    const all = syl === undefined ? undefined : r.readings.get(c1);
    if (all?.has(syl!)) key = syl!;
    else if (all && !key.startsWith(syl!)) key = [...all].find((reading) => reading.startsWith(syl!)) ?? key;
    return this.shardOfKey.get(pieceKey(c1, key, this.splits));
  }

  /**
   * Load the gram parts the terms' bigrams need (and, with `nearMisses`, those of every character
   * of theirs); not those of a term that the parts in memory already narrow to a few articles.
   */
  private async loadGrams(terms: Term[], nearMisses: boolean): Promise<void> {
    if (this.local) return;
    const needed = new Set<number>();
    for (const term of terms) {
      const missing = new Set<number>();
      const add = (c: string, syl?: string): void => {
        const s = this.shardOf(c, syl);
        if (s !== undefined && !this.shards.has(s)) missing.add(s);
      };
      for (const v of term.variants) {
        for (const i of pairPositions(v)) for (const c of v.slots[i]!) add(c, v.syls?.[i]);
      }
      // Near misses use the bigrams, skip-bigrams and characters from the first to the last
      // but one: the same parts as the term's bigrams (for a term of up to 7 characters).
      // (A term of three: all three, for a wrong middle character, which leaves no bigram.)
      if (nearMisses && term.fuzzy) {
        const chars = Array.from(term.fuzzy);
        for (const c of chars.length === 3 ? chars : chars.slice(0, -1)) add(c);
      }
      if (missing.size > 0 && !nearMisses && this.narrowEnough(term)) continue;
      for (const s of missing) needed.add(s);
    }
    await Promise.all(
      [...needed].map(async (s) => {
        const raw = (await this.part(gramPartName(s))) as GramPart;
        if (!this.shards.has(s)) this.shards.set(s, new GramShard(raw, this.chunkCount));
      }),
    );
  }

  /**
   * Whether a term of three characters or more, as written, has so few candidate articles by the
   * bigrams in memory that loading the parts of its other bigrams would cost more (a request
   * each) than looking at those articles' text (likely the parts they need anyway).
   */
  private narrowEnough(term: Term): boolean {
    const literal = (v: Variant): boolean => (v.kind === 'exact' || v.kind === 'traditional') && v.slots.length >= 3;
    if (term.variants.length === 0 || term.partial || !term.variants.every(literal)) return false;
    if (!term.variants.every((v) => pairPositions(v).some((i) => this.loaded(v, i)))) return false;
    return countBits(this.exactCandidates(term).articles) <= FEW_ARTICLES;
  }

  /** Whether the gram parts for bigram position i of a variant are in memory. */
  private loaded(v: Variant, i: number): boolean {
    if (this.local) return true;
    return v.slots[i]!.every((c) => {
      const s = this.shardOf(c, v.syls?.[i]);
      return s === undefined || this.shards.has(s);
    });
  }

  private shardFor(c1: string, syl?: string): Grams | undefined {
    if (this.local) return this.local;
    const s = this.shardOf(c1, syl);
    return s === undefined ? undefined : this.shards.get(s);
  }

  /** The chunks with the bigram `c1 c2` (`syl`: as for `shardOf`). */
  private pair(c1: string, c2: string, syl?: string): Bits | undefined {
    return this.shardFor(c1, syl)?.pair(c1, c2);
  }

  private anyAfter(c1: string, syl?: string): Bits | undefined {
    return this.shardFor(c1, syl)?.anyAfter(c1);
  }

  /** Load the text part that holds chunk u (and with it its neighbours). */
  private async loadChunk(u: number): Promise<void> {
    if (this.chunks.has(u)) return;
    const p = this.textOfChunk[u]!;
    const raw = (await this.part(textPartName(p))) as TextPart;
    raw.chunks.forEach((part, i) => {
      const v = this.textStart[p]! + i;
      if (!this.chunks.has(v)) this.chunks.set(v, this.chunkOf(part));
    });
  }

  private chunkOf(part: ChunkPart): LoadedChunk {
    const texts = part.index.records.map((r) => r.v);
    // Most text is already folded (the build lists the blocks that are not).
    const folded = [...texts];
    for (const [block, ...edits] of part.fold ?? []) folded[block as number] = applyFoldEdits(texts[block as number]!, edits);
    return { ids: part.ids, texts, folded, records: part.index.records };
  }

  // -- candidates -------------------------------------------------------------------------------

  /**
   * Chunks containing every bigram of the variant (for one slot: any bigram starting with it).
   * When the variant is looked up by all its bigrams and a slot has several characters (pinyin),
   * they must link up: the chunk has the bigrams of one reading, 雪龙 and 龙号 for `xlh`, not
   * 学历 and 龙号.
   */
  private variantBits(v: Variant, commonest?: Int32Array): Bits {
    const n = this.chunkCount;
    if (v.slots.length === 0) return newBits(n);
    if (v.slots.length === 1) {
      const bits = newBits(n);
      for (const c of v.slots[0]!) {
        const any = this.anyAfter(c, v.syls?.[0]);
        if (any) orInto(bits, any);
      }
      return bits;
    }
    const all = pairPositions(v);
    if (all.length === v.slots.length - 1 && v.slots.some((s) => s.length > 1)) return this.chainBits(v, commonest);
    // The bigrams whose parts are in memory (all but when `narrowEnough` said those would do).
    const positions = all.filter((i) => this.loaded(v, i));
    if (positions.length === 0) return newBits(n);
    let result: Bits | undefined;
    for (const i of positions) {
      const pair = newBits(n);
      if (v.slots[i]!.length > 1) this.local?.prepare(v.slots[i]!);
      for (const c1 of v.slots[i]!) {
        this.eachPair(v, i, c1, (_, b) => {
          orPostings(pair, b);
          if (commonest && i === positions[0]) noteCommon(commonest, b);
        });
      }
      if (result) andInto(result, pair);
      else result = pair;
      if (countBits(result) === 0) break;
    }
    return result!;
  }

  /** Chunks with the bigrams of some reading of the variant, slot by slot: by the last character so far. */
  private chainBits(v: Variant, commonest?: Int32Array): Bits {
    const n = this.chunkCount;
    let reach: Map<string, Bits> | undefined;
    for (let i = 0; i + 1 < v.slots.length; i++) {
      const next = new Map<string, Bits>();
      const from = reach ? [...reach.keys()] : v.slots[i]!;
      if (from.length > 1) this.local?.prepare(from);
      for (const c1 of from) {
        const before = reach?.get(c1);
        this.eachPair(v, i, c1, (c2, b) => {
          let acc = next.get(c2);
          if (!acc) next.set(c2, (acc = newBits(n)));
          orPostings(acc, b, before);
          if (commonest && i === 0) noteCommon(commonest, b);
        });
      }
      for (const [c, bits] of next) if (countBits(bits) === 0) next.delete(c);
      reach = next;
      if (reach.size === 0) break;
    }
    const result = newBits(n);
    for (const bits of reach?.values() ?? []) orInto(result, bits);
    return result;
  }

  /** Each bigram of c1 (in slot i of the variant) and a character of slot i + 1, with its chunks. */
  private eachPair(v: Variant, i: number, c1: string, fn: (c2: string, chunks: Postings) => void): void {
    const seconds = v.slots[i + 1]!;
    const grams = this.shardFor(c1, v.syls?.[i]);
    if (!grams) return;
    if (seconds.length > 8) return grams.eachPair(c1, this.slotSet(seconds), fn);
    for (const c2 of seconds) {
      const b = grams.pair(c1, c2);
      if (b) fn(c2, b);
    }
  }

  private readonly slotSets = new WeakMap<string[], Set<number>>();

  /** A slot's characters as a set of code points. */
  private slotSet(slot: string[]): Set<number> {
    let set = this.slotSets.get(slot);
    if (!set) this.slotSets.set(slot, (set = new Set(slot.map((c) => c.codePointAt(0)!))));
    return set;
  }

  /**
   * How many hits article a is likely to give (1 to perArticle): its title if it matches, and a
   * paragraph per chunk that is a candidate for some term (for a term of one bigram, sure to
   * hold it; a chunk may hold more).
   */
  private expectedHits(a: number, cands: readonly TermCandidates[], perArticle: number): number {
    let n = cands.some((c) => hasBit(c.title, a)) ? 1 : 0;
    for (let u = this.chunkStart[a]!; u < this.chunkStart[a + 1]! && n < perArticle; u++) if (cands.some((c) => hasBit(c.chunks, u))) n++;
    return Math.min(perArticle, Math.max(1, n));
  }

  /**
   * The text parts not in memory (or on the way) that `collect` will first ask for, about: those
   * of the article's first candidate chunk for each term.
   */
  private partsToLoad(a: number, cands: readonly TermCandidates[]): number[] {
    if (this.local) return [];
    const out = new Set<number>();
    for (const c of cands) {
      for (let u = this.chunkStart[a]!; u < this.chunkStart[a + 1]!; u++) {
        if (!hasBit(c.chunks, u)) continue;
        const p = this.textOfChunk[u]!;
        if (!this.parts.has(textPartName(p))) out.add(p);
        break;
      }
    }
    return [...out];
  }

  /** The articles with a chunk in `chunks`. */
  private articlesOf(chunks: Bits): Bits {
    const out = newBits(this.articleCount);
    for (let w = 0; w < chunks.length; w++) {
      let v = chunks[w]!;
      while (v !== 0) {
        const low = v & -v;
        setBit(out, this.articleOfChunk[(w << 5) + (31 - Math.clz32(low))]!);
        v ^= low;
      }
    }
    return out;
  }

  /** A term's exact candidates: chunks with every bigram of a variant, and titles that contain it. */
  private exactCandidates(term: Term, variants = term.variants): TermCandidates {
    const chunks = newBits(this.chunkCount);
    const weight = new Map<number, number>();
    let literal: Bits | undefined;
    const readsOtherwise = variants.some((v) => v.kind !== 'exact');
    for (const v of variants) {
      // Pinyin: each chunk's commonest reading of the variant's first bigram, for the weight.
      const commonest = v.kind === 'pinyin' || v.kind === 'partial' ? new Int32Array(this.chunkCount) : undefined;
      const bits = this.variantBits(v, commonest);
      orInto(chunks, bits);
      if (v.kind === 'exact' && readsOtherwise) literal = this.articlesOf(bits);
      if (!commonest) continue;
      for (let w = 0; w < bits.length; w++) {
        for (let word = bits[w]!; word !== 0; word &= word - 1) {
          const u = (w << 5) + (31 - Math.clz32(word & -word));
          const a = this.articleOfChunk[u]!;
          if ((weight.get(a) ?? 0) < commonest[u]!) weight.set(a, commonest[u]!);
        }
      }
    }
    const title = newBits(this.articleCount);
    const titleCover = new Map<number, number>();
    for (let a = 0; a < this.articleCount; a++) {
      const folded = this.titlesFolded[a]!;
      // The first variant found in the title: what it covers of it.
      let marks: Mark[] = [];
      for (const v of variants) if ((marks = findVariant(v, folded)).length > 0) break;
      if (marks.length > 0) {
        setBit(title, a);
        titleCover.set(a, coverage(folded, marks));
      } else if (term.latin && latinMarks(term.latin, this.titlesEn[a]!).length > 0) setBit(title, a);
    }
    const articles = this.articlesOf(chunks);
    orInto(articles, title);
    // An English word in a summary or a translated paragraph.
    if (term.latin) {
      for (let a = 0; a < this.articleCount; a++) if (this.inEnglishOf(a, term.latin)) setBit(articles, a);
    }
    const found: TermCandidates = { chunks, articles, title, titleCover, fuzzyChunks: new Map(), fuzzyArticles: new Map(), titleFuzzy: new Map(), weight };
    if (literal) found.literal = literal;
    return found;
  }

  /**
   * A term's near-miss candidates, in articles without an exact candidate: chunks that keep enough
   * of its bigrams and characters for one wrong, missing or extra character (and two of its
   * characters side by side, which Fuse will ask for), scored by how rare what they share is;
   * and Fuse's near misses among the titles.
   */
  private addNearMisses(term: Term, cands: TermCandidates): void {
    if (!term.fuzzy) return;
    const n = this.chunkCount;
    const chars = Array.from(term.fuzzy);
    const pairBits = (c1: string, c2: string): Bits | undefined => this.pair(c1, c2);
    const grams: Bits[] = [];
    const skips: Bits[] = [];
    for (let i = 0; i + 1 < chars.length; i++) {
      const b = pairBits(chars[i]!, chars[i + 1]!);
      if (b) grams.push(b);
      const s = i + 2 < chars.length ? pairBits(chars[i]!, chars[i + 2]!) : undefined;
      if (s) skips.push(s);
    }
    // Characters but the last (whose presence would need a gram part of its own).
    const present = chars.slice(0, -1).map((c) => this.anyAfter(c)).filter((b): b is Bits => b !== undefined);
    const idf = (b: Bits): number => Math.log(1 + n / (1 + countBits(b)));
    const gramIdf = grams.map(idf);
    const skipIdf = skips.map(idf);
    const charIdf = present.map(idf);
    // One edit breaks at most two bigrams and one character.
    const needGrams = Math.max(0, chars.length - 3);
    const needChars = chars.length - 2;
    for (let u = 0; u < n; u++) {
      const a = this.articleOfChunk[u]!;
      if (hasBit(cands.articles, a)) continue;
      let g = 0;
      let side = 0;
      let c = 0;
      let score = 0;
      grams.forEach((b, i) => {
        if (hasBit(b, u)) {
          g++;
          score += 2 * gramIdf[i]!;
        }
      });
      skips.forEach((b, i) => {
        if (hasBit(b, u)) {
          side++;
          score += 1.5 * skipIdf[i]!;
        }
      });
      present.forEach((b, i) => {
        if (hasBit(b, u)) {
          c++;
          score += charIdf[i]!;
        }
      });
      if (g >= needGrams && g + side >= 1 && c >= needChars) {
        cands.fuzzyChunks.set(u, score);
        cands.fuzzyArticles.set(a, Math.max(cands.fuzzyArticles.get(a) ?? 0, score));
      }
    }
    for (const miss of nearMissesIn(this.titles, this.titlesFolded, this.titleRecords, term.fuzzy)) {
      const { index: a, score } = miss;
      const title = this.titlesFolded[a]!;
      if (miss.marks.some((mark) => this.anotherWordAt(title, mark, term.fuzzy!))) continue;
      const marks = miss.marks.map((mark) => this.endNotAnother(title, mark, chars));
      if (hasBit(cands.articles, a) || !marks.every((mark) => this.nearMissOfThree(title, mark, chars) && this.nearMissApart(title, mark, chars))) continue;
      cands.titleFuzzy.set(a, { score, marks });
      cands.fuzzyArticles.set(a, (cands.fuzzyArticles.get(a) ?? 0) + 100);
    }
  }

  /**
   * Articles that may match every term, most promising first: title matches first, then by how
   * common the Chinese a pinyin term reads as is there, or by the rarity of what near misses
   * share, then in list order (newest first); with `common`, by how common first (for pinyin
   * typed in part: which word it stands for matters most). Without `nearMisses`, only articles
   * with an exact candidate for every term.
   */
  /**
   * A term of Chinese characters (two to MAX_HOMOPHONE_CHARS) with one of them read as the
   * characters that read the same, by its first reading (the input method's pinyin was right,
   * the character picked was not: 周员 for 周圆, 李墙 for 李强): the character the text lacks, which
   * cannot be meant as typed (周媛), or else each in turn. One: a word the text lacks (东京, 微信)
   * is not read as any two characters that sound like it (动经 of 推动经济, 为新). Undefined for
   * other terms, and for a term with two characters the text lacks.
   */
  private homophones(term: Term, heard?: ReadonlyMap<string, string>): Term | undefined {
    const chars = literalChars(term);
    if (!chars || chars.length < 2 || chars.length > MAX_HOMOPHONE_CHARS || !chars.every(isHan)) return undefined;
    const { primary, syllables } = this.readings();
    const syls = chars.map((c) => primary.get(c) ?? heard?.get(c));
    if (syls.some((syl) => syl === undefined)) return undefined;
    // Characters whose first reading it is (not 遗 for wei, a rare reading), or a sound input
    // methods let readers mix up (秦林站 for 秦岭站: lin, ling).
    const sounds = syls.map((syl) => nearSyllables(syl!, syllables).flatMap((near) => (syllables.get(near) ?? []).filter((c) => primary.get(c) === near)));
    // Which one: the character the text lacks, if there is one; else each in turn.
    const lacking = chars.flatMap((c, i) => (primary.has(c) ? [] : [i]));
    if (lacking.length > 1) return undefined;
    const variants: Variant[] = [];
    for (const i of lacking.length === 1 ? lacking : chars.map((_, j) => j)) {
      if (sounds[i]!.every((c) => c === chars[i])) continue;
      const slots = chars.map((c, j) => (j === i ? sounds[j]! : [c]));
      // As pinyin typed in part: below whatever matches as typed.
      variants.push({ kind: 'partial', slots, syls, sounded: true });
    }
    return variants.length > 0 ? { text: term.text, variants } : undefined;
  }

  /**
   * A term of three Chinese characters or more with two neighbours swapped back, the first such
   * reading that appears in the text; or undefined.
   */
  private transposed(term: Term): Term | undefined {
    const chars = literalChars(term);
    // (Not two: 东京 the other way round is 京东, another word, as most are: 女儿, 儿女.)
    if (!chars || chars.length < 3 || chars.length > MAX_FUZZY_CHARS || !chars.every(isHan)) return undefined;
    for (let i = 0; i + 1 < chars.length; i++) {
      if (chars[i] === chars[i + 1]) continue;
      const swapped = [...chars];
      [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
      const variant: Variant = { kind: 'exact', slots: swapped.map((c) => [c]) };
      if (this.appears(variant)) return { text: term.text, variants: [variant], near: true };
    }
    return undefined;
  }

  /** Whether a term's English forms start a word of some English title, summary or translation. */
  private inEnglish(term: Term): boolean {
    const forms = term.latin;
    if (!forms) return false;
    return this.titlesEn.some((t) => latinMarks(forms, t).length > 0) || this.english.some((_, a) => this.inEnglishOf(a, forms));
  }

  /** Whether English forms start a word of article `a`'s summary or translated paragraphs. */
  private inEnglishOf(a: number, forms: readonly EnglishForm[]): boolean {
    return this.english[a]!.some((b) => latinMarks(forms, b.lower).length > 0);
  }

  /** The words of the English text (titles, summaries, translations), lower case, with how often each is there. */
  /** Whether some term's letters, as typed, are words of the English text (Shanghai, Li Qiang; not shi). Worked out once a query. */
  private typedAsEnglish(terms: readonly Term[]): boolean {
    let known = this.asEnglish.get(terms);
    if (known === undefined) {
      const vocabulary = this.vocabulary();
      known = terms.some((t) => {
        const typed = t.latin?.find((f) => !f.stem);
        return typed !== undefined && /[a-z]/u.test(typed.text) && typed.text.split(' ').every((w) => vocabulary.has(w));
      });
      this.asEnglish.set(terms, known);
    }
    return known;
  }

  private vocabulary(): ReadonlyMap<string, number> {
    if (!this.englishWords) {
      const words = new Map<string, number>();
      const add = (text: string): void => {
        for (const w of text.match(/[a-z][a-z'’]*[a-z]/gu) ?? []) words.set(w, (words.get(w) ?? 0) + 1);
      };
      this.titlesEn.forEach(add);
      for (const blocks of this.english) for (const b of blocks) add(b.lower);
      this.englishWords = words;
    }
    return this.englishWords;
  }

  /**
   * An English word of four letters or more that starts no word of the English text, as the words
   * of it one slip away (a letter changed, left out, added, or two swapped; two slips for eight
   * letters or more), the commonest first; undefined when there are none.
   */
  private englishSlips(term: Term): Term | undefined {
    // The word as typed (its stem aside: see `makeTerm`).
    const forms = term.latin?.filter((f) => !f.stem);
    const form = forms?.length === 1 ? forms[0]! : undefined;
    // (Not an abbreviation typed in capitals: it is what it is.)
    if (!form || term.abbreviation || !/^[a-z]{4,}$/u.test(form.text)) return undefined;
    const vocabulary = this.vocabulary();
    for (const word of vocabulary.keys()) if (word.startsWith(form.text)) return undefined;
    const most = form.text.length >= 8 ? 2 : 1;
    const near = [...vocabulary]
      .filter(([word]) => Math.abs(word.length - form.text.length) <= most && editDistance(word, form.text, most) <= most)
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, MAX_VARIANTS)
      .map(([word]): EnglishForm => ({ text: word, whole: true }));
    return near.length > 0 ? { text: term.text, variants: [], latin: near, near: true } : undefined;
  }

  /** A Latin term as the pinyin spellings one slip away (`pinyinTypos`), or undefined. */
  private pinyinSlips(term: Term): Term | undefined {
    const letters = term.text.replace(/ /gu, '');
    if (!LETTERS.test(letters) || term.abbreviation) return undefined;
    const ctx = { fold: this.fold, syllables: this.readings().syllables, simplified: this.simplifiedChars };
    const readings = pinyinTypos(letters, ctx.syllables, SLIP_SPELLINGS).flatMap((spelling) => pinyinSlots(spelling, ctx));
    if (readings.length === 0) return undefined;
    // As pinyin typed in part: below whatever matches as typed.
    return { text: term.text, variants: readings.slice(0, MAX_VARIANTS).map((r) => ({ kind: 'partial', ...r })) };
  }

  /** Whether `segment` may read a term as words: four characters or syllables at least. */
  private maySegment(term: Term): boolean {
    const chars = literalChars(term);
    if (chars) return chars.length >= 4;
    return term.variants.some((v) => v.kind === 'pinyin' && v.slots.length >= 4);
  }

  private segment(term: Term): Term[] | undefined {
    if (!this.maySegment(term)) return undefined;
    const chars = literalChars(term);
    if (chars) {
      // Never beside a figure: 3月1日 is a date, not 3月 and 1日 anywhere; 雪龙2号 stays whole.
      // But a run of letters and figures is a word of its own when it has a letter or four
      // figures (C919大飞机, 2024两会).
      const figure = (i: number): boolean => /[0-9.%]/u.test(chars[i] ?? '');
      const alnum = (i: number): boolean => /[0-9a-z.%]/iu.test(chars[i] ?? '');
      const standsAlone = (i: number): boolean => {
        let a = i;
        let b = i;
        while (a > 0 && alnum(a - 1)) a--;
        while (b < chars.length && alnum(b)) b++;
        const run = chars.slice(a, b).join('');
        // (With a letter, three figures or more, or a decimal point or percent sign: 8.7%, 403, not
        // 14 of 14组 or 2 of 雪龙2号.)
        return /[a-z]/iu.test(run) || /^\d{3,}$/u.test(run) || /\d[.%]/u.test(run);
      };
      // Whether the run may be cut between k - 1 and k.
      const cuttable = (k: number): boolean => {
        if (k <= 0 || k >= chars.length) return true;
        // (Never inside a run of letters and figures: Antarctica is one word.)
        if (alnum(k - 1) && alnum(k)) return false;
        if (figure(k - 1)) return standsAlone(k - 1);
        if (figure(k)) return standsAlone(k);
        return true;
      };
      // Not between two characters that mostly come together (主|席令 for 主席令): a cut costs the
      // articles that have the pair.
      const together = (k: number): number => {
        const bits = this.pair(chars[k - 1]!, chars[k]!);
        return bits ? countBits(this.articlesOf(bits)) : 0;
      };
      // A word of letters may be longer than a Chinese one (Antarctica).
      const longestRun = Math.max(0, ...chars.join('').split(/[^0-9a-z.%]+/iu).map((r) => r.length));
      return this.words(
        chars.length,
        (from, to) => {
          if (!cuttable(from) || !cuttable(to)) return undefined;
          // (Not a longer word with a particle at an end that may be left out: 习近平等 of
          // 习近平等在主席台就座 is 习近平; 不平等 stays a word.)
          if (to - from >= 4 && ((to < chars.length - 1 && PARTICLES.includes(chars[to - 1]!)) || (from > 0 && PARTICLES.includes(chars[from]!)))) return undefined;
          const piece = chars.slice(from, to).join('');
          // Letters of a term typed in capitals stay an abbreviation (AI of AI治理 is not 爱).
          const [parsed] = term.abbreviation && /^[a-z0-9]+$/u.test(piece) ? [makeTerm(piece, { fold: this.fold, syllables: new Map() }, [], [])] : this.parse(piece);
          // (Letters may be an English word of the translations: Macron四川大学, GDP增长.)
          return parsed && (this.appears(parsed.variants[0]!) || this.inEnglish(parsed)) ? { ...parsed, word: true } : undefined;
        },
        together,
        Math.max(MAX_WORD, longestRun),
        // A particle between words may be left out (习近平等到会祝贺: 习近平, 到会祝贺).
        (i) => i > 0 && i < chars.length - 1 && PARTICLES.includes(chars[i]!) && cuttable(i) && cuttable(i + 1),
      );
    }
    // Pinyin (xuelongnanji): its first readings, syllable by syllable.
    for (const v of term.variants.filter((x) => x.kind === 'pinyin' && x.slots.length >= 4).slice(0, SEGMENTED_READINGS)) {
      const words = this.words(v.slots.length, (from, to) => {
        const piece: Variant = { kind: 'pinyin', slots: v.slots.slice(from, to) };
        if (v.syls) piece.syls = v.syls.slice(from, to);
        return this.appears(piece) ? { text: (piece.syls ?? []).join(''), variants: [piece], word: true } : undefined;
      });
      if (words) return words;
    }
    return undefined;
  }

  /**
   * `n` characters (or syllables) as the fewest words that each appear in the text (`word(from,
   * to)` says whether one does), two or more each and at most MAX_WORD, longer words first; not
   * the whole run, which was looked for already. Undefined when there is no such reading.
   * `cut(k)`, when given, is what cutting between units k - 1 and k costs: of readings alike
   * otherwise, the one whose dearest cut is cheapest. `skip(i)`, when given, says whether unit i
   * may be left out between two words, as no word (a particle).
   */
  private words(n: number, word: (from: number, to: number) => Term | undefined, cut?: (k: number) => number, maxWord = MAX_WORD, skip?: (i: number) => boolean): Term[] | undefined {
    const found = new Map<number, Term | null>();
    const at = (from: number, to: number): Term | null => {
      const key = from * 1024 + to;
      let t = found.get(key);
      if (t === undefined) found.set(key, (t = word(from, to) ?? null));
      return t;
    };
    // How many articles a word is in (by its bigrams): of readings with as few words, the one
    // whose rarest word is in the most articles finds the most (共建 一带一路, not 共建一带 一路).
    const spreads = new Map<Term, number>();
    const spread = (t: Term): number => {
      let n = spreads.get(t);
      if (n === undefined) spreads.set(t, (n = countBits(this.articlesOf(this.variantBits(t.variants[0]!)))));
      return n;
    };
    // fewest[i]: the fewest words for the run from i; widest[i]: the articles of the rarest of
    // them; next[i]: where the first of them ends (i + 1 for a unit left out, `leftOut[i]`).
    const fewest = new Array<number>(n + 1).fill(Infinity);
    const widest = new Array<number>(n + 1).fill(0);
    const dearest = new Array<number>(n + 1).fill(Infinity);
    const next = new Array<number>(n + 1).fill(-1);
    const leftOut = new Array<boolean>(n + 1).fill(false);
    fewest[n] = 0;
    widest[n] = Infinity;
    dearest[n] = 0;
    for (let i = n - 2; i >= 0; i--) {
      // Left out: what follows it, as it is read.
      if (skip?.(i) && Number.isFinite(fewest[i + 1]!)) {
        fewest[i] = fewest[i + 1]!;
        widest[i] = widest[i + 1]!;
        dearest[i] = dearest[i + 1]!;
        next[i] = i + 1;
        leftOut[i] = true;
      }
      for (let j = Math.min(n, i + maxWord); j >= i + 2; j--) {
        if (j - i >= n || fewest[j]! + 1 > fewest[i]!) continue;
        const t = at(i, j);
        if (!t) continue;
        const wide = Math.min(spread(t), widest[j]!);
        const dear = Math.max(j < n && cut ? cut(j) : 0, dearest[j]!);
        if (fewest[j]! + 1 < fewest[i]! || wide > widest[i]! || (wide === widest[i] && dear < dearest[i]!)) {
          fewest[i] = fewest[j]! + 1;
          widest[i] = wide;
          dearest[i] = dear;
          next[i] = j;
          leftOut[i] = false;
        }
      }
    }
    if (!Number.isFinite(fewest[0]!)) return undefined;
    const words: Term[] = [];
    for (let i = 0; i < n; i = next[i]!) if (!leftOut[i]) words.push(at(i, next[i]!)!);
    return words;
  }

  /**
   * Whether a variant may appear in the text: some chunk has all its bigrams, and, of those whose
   * text is in memory, one has it as written (those not loaded yet are taken on trust).
   */
  private appears(v: Variant): boolean {
    let trusted = false;
    let found = false;
    eachChunk(this.variantBits(v), (u) => {
      if (found) return;
      const chunk = this.chunks.get(u);
      if (!chunk) trusted = true;
      else if (chunk.folded.some((text) => findVariant(v, text).length > 0)) found = true;
    });
    return found || trusted;
  }

  private rankArticles(cands: TermCandidates[], nearMisses: boolean, common = false): number[] {
    const rows: { a: number; exact: boolean; literal: number; titles: number; cover: number; fuzzy: number; mentions: number }[] = [];
    for (let a = 0; a < this.articleCount; a++) {
      let exact = true;
      let literal = 0;
      let titles = 0;
      let cover = 0;
      let fuzzy = 0;
      let mentions = 0;
      let ok = true;
      for (const c of cands) {
        if (hasBit(c.articles, a)) {
          if (hasBit(c.title, a)) titles++;
          cover += c.titleCover.get(a) ?? 0;
          if (c.literal && hasBit(c.literal, a)) literal++;
          fuzzy += c.weight.get(a) ?? 0;
          // How much of the article may hold the term: its candidate chunks (text in memory only:
          // with parts to fetch, articles in list order share their parts, and fewer are fetched).
          if (this.local) for (let u = this.chunkStart[a]!; u < this.chunkStart[a + 1]!; u++) if (hasBit(c.chunks, u)) mentions++;
        } else if (nearMisses && c.fuzzyArticles.has(a)) {
          exact = false;
          fuzzy += c.fuzzyArticles.get(a)!;
        } else {
          ok = false;
          break;
        }
      }
      if (ok) rows.push({ a, exact, literal, titles, cover, fuzzy, mentions });
    }
    // (An article that mentions the query more often ranks higher, other things equal: looked at
    // first, so that a list that stops when full has it too.)
    rows.sort(
      (x, y) =>
        Number(y.exact) - Number(x.exact) ||
        y.literal - x.literal ||
        (common ? y.fuzzy - x.fuzzy || y.titles - x.titles : y.titles - x.titles || y.cover - x.cover || y.fuzzy - x.fuzzy) ||
        y.mentions - x.mentions ||
        x.a - y.a,
    );
    return rows.map((r) => r.a);
  }

  // -- verification and ranking -----------------------------------------------------------------


  /**
   * The hits of one article: load the chunks that may hold each term (the first few per term;
   * more when those turn out not to match), then verify and rank.
   */
  private async collect(a: number, terms: Term[], cands: TermCandidates[], perArticle: number, nearMisses: boolean, english: boolean): Promise<EngineHit[]> {
    const first = this.chunkStart[a]!;
    const end = this.chunkStart[a + 1]!;
    const pick = (t: number, skip: ReadonlySet<number>, count: number): number[] => {
      const c = cands[t]!;
      const out: number[] = [];
      for (let u = first; u < end && out.length < count; u++) if (hasBit(c.chunks, u) && !skip.has(u)) out.push(u);
      if (out.length === 0 && nearMisses && !hasBit(c.articles, a)) {
        const near: [number, number][] = [];
        for (let u = first; u < end; u++) {
          const score = c.fuzzyChunks.get(u);
          if (score !== undefined && !skip.has(u)) near.push([u, score]);
        }
        near.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
        for (const [u] of near.slice(0, count)) out.push(u);
      }
      return out;
    };
    const loaded = new Set<number>();
    const want = new Set<number>();
    if (this.local) {
      // Everything is in memory: look at every chunk that may hold a term (near misses: the best few).
      terms.forEach((_, i) => pick(i, loaded, hasBit(cands[i]!.articles, a) ? end - first : perArticle).forEach((u) => want.add(u)));
    } else {
      // One request per text part: the first chunk with every term, then the first of each term
      // not in it (and whatever else of the article those parts bring).
      if (terms.length > 1) {
        for (let u = first; u < end; u++) {
          if (cands.every((c) => hasBit(c.chunks, u))) {
            want.add(u);
            break;
          }
        }
      }
      terms.forEach((_, t) => {
        if (![...want].some((u) => hasBit(cands[t]!.chunks, u))) pick(t, loaded, CHUNKS_PER_TERM).forEach((u) => want.add(u));
      });
    }
    // Chunks of the article that may hold a term exactly and are in memory (a text part brings
    // several); near misses only in the chunks picked for them.
    const candidate = (u: number): boolean => cands.some((c) => hasBit(c.chunks, u));
    const units = (): number[] => {
      for (let u = first; u < end; u++) if (!loaded.has(u) && this.chunks.has(u) && candidate(u)) loaded.add(u);
      return [...loaded].sort((x, y) => x - y);
    };
    for (let round = 0; ; round++) {
      await Promise.all([...want].map((u) => this.loadChunk(u)));
      for (const u of want) loaded.add(u);
      const result = this.evaluate(a, terms, cands, units(), false, perArticle, english);
      if (result.hits) return result.hits;
      // Some term was not where its bigrams were: look at its other chunks (a few rounds at most).
      want.clear();
      for (const t of result.missing) pick(t, loaded, 8 << round).forEach((u) => want.add(u));
      if (want.size === 0 || round === 2) return this.evaluate(a, terms, cands, units(), true, perArticle, english, nearMisses).hits ?? [];
    }
  }

  /**
   * Verify and rank one article on its title and the loaded chunks. Returns the hits, or (unless
   * `final`) the terms not found exactly, when there may be more to load. Near misses of those
   * only with `nearMisses` (in the near-miss phase: a candidate that turns out not to match in
   * the exact phase gives nothing then).
   */
  private evaluate(a: number, terms: Term[], cands: TermCandidates[], units: number[], final: boolean, perArticle: number, english: boolean, nearMisses = false): { hits?: EngineHit[]; missing: number[] } {
    const chunks = units.map((u) => this.chunks.get(u)!);
    // Blocks: 0 = title, 1 = English title, then the loaded chunks' blocks in order.
    const texts: string[] = [];
    const folded: string[] = [];
    const ids: string[] = [];
    const position: number[] = [];
    chunks.forEach((chunk, k) => {
      texts.push(...chunk.texts);
      folded.push(...chunk.folded);
      ids.push(...chunk.ids);
      chunk.texts.forEach((_, i) => position.push((units[k]! - this.chunkStart[a]!) * 1000 + i));
    });
    // After the Chinese blocks, the article's English ones (summary, translated paragraphs): only
    // English words are looked for there.
    const englishBlocks = this.english[a]!;
    const firstEnglish = texts.length + 2;
    for (const [k, b] of englishBlocks.entries()) {
      texts.push(b.text);
      ids.push(b.id);
      position.push(500_000 + k);
    }
    const blockCount = texts.length + 2;
    const matches: (BlockMatch | undefined)[][] = terms.map(() => Array<BlockMatch | undefined>(blockCount));
    const missing: number[] = [];
    terms.forEach((term, t) => {
      const row = matches[t]!;
      let found = false;
      const tryBlock = (block: number, text: string): void => {
        let best: BlockMatch | undefined;
        for (const v of term.variants) {
          let marks = findVariant(v, text);
          // Read as pinyin: some character by its first reading (和调 is not huzhou: 和 reads hu
          // only in mahjong, 调 zhou hardly ever). Typed in part, not across two words as the word
          // breaker reads them (lq is not 了全 of 实现了全年; a character read by its sound has
          // its own test, `ownWord`).
          if (marks.length > 0 && (v.kind === 'pinyin' || v.kind === 'partial') && v.syls) marks = marks.filter((mark) => this.readsFirst(text, mark, v.syls!, v.kind === 'partial') && (v.kind === 'partial' ? this.wordLike(text, mark, v.typing) && (v.sounded || !crossesWord(text, mark, this.wordStarts.get(text), !v.typing)) : this.spelledWord(text, mark)));
          if (marks.length > 0 && v.sounded) marks = marks.filter((mark) => this.ownWord(text, mark));
          if (marks.length === 0) continue;
          // Pinyin typed in part: the commoner the word it reads as, the better.
          // (A character read by its sound: the likelier word the better, 危机 before 为基 for 为机.)
          // (A sound mixed up, below the same sound: 厂江 is 长江 before 沧江 of 澜沧江.)
          // (Typed in full: across two words below a word, fuxing is 复兴 before 覆性 of 颠覆性.)
          const quality = v.sounded ? Math.max(...marks.map((mark) => this.wordness(text, mark) * (this.readsAsTyped(text, mark, v.syls ?? []) ? 1 : 0.5) * (isWord(text, mark, this.wordStarts.get(text)) ? 1 : NOT_A_WORD))) : v.kind === 'partial' ? Math.max(...marks.map((mark) => this.commonness(text, mark, v.syls) * (this.withParticle(text, mark) ? WITH_PARTICLE : 1))) : v.kind === 'pinyin' ? (marks.some((mark) => !crossesWord(text, mark, this.wordStarts.get(text))) ? 1 : CROSSING_QUALITY) : 1;
          if (!best) best = { kind: v.kind, marks, quality };
          else {
            if (KIND_RANK[v.kind] < KIND_RANK[best.kind]) best = { ...best, kind: v.kind, quality };
            best.marks = best.marks.concat(marks);
          }
        }
        if (best) {
          row[block] = best;
          found = true;
        }
      };
      tryBlock(0, this.titlesFolded[a]!);
      if (term.latin) {
        const marks = latinMarks(term.latin, this.titlesEn[a]!);
        if (marks.length > 0) {
          // A whole English word (make) before the start of one (maker), which pinyin may beat.
          row[1] = { kind: 'exact', marks, quality: wholeWord(this.titlesEn[a]!, marks) ? 1 : 0.5 };
          found = true;
        }
        englishBlocks.forEach((b, k) => {
          const marks = latinMarks(term.latin!, b.lower);
          if (marks.length === 0) return;
          row[firstEnglish + k] = { kind: 'exact', marks, quality: wholeWord(b.lower, marks) ? 1 : 0.5 };
          found = true;
        });
      }
      folded.forEach((text, i) => tryBlock(i + 2, text));
      if (!found) missing.push(t);
    });
    if (missing.length > 0 && !final) return { missing };

    // How the article matches: exactly, by pinyin typed in part (some term only so), by near misses.
    let articleClass: keyof typeof CLASS_SCORE = matches.some((row) => row.some((m) => m) && row.every((m) => !m || m.kind === 'partial')) ? 'partial' : 'exact';
    // Terms with no exact match in the article: near misses, by Fuse.
    for (const t of missing) {
      const term = terms[t]!;
      if (!term.fuzzy || !nearMisses) return { missing: [] };
      const row = matches[t]!;
      let found = false;
      const title = cands[t]!.titleFuzzy.get(a);
      if (title) {
        row[0] = { kind: 'fuzzy', marks: title.marks, quality: 1 - title.score };
        found = true;
      }
      const fuzzyChars = Array.from(term.fuzzy);
      let offset = 0;
      // Chunk by chunk, until the article has as many as it can show.
      let near = 0;
      for (const chunk of chunks) {
        if (near < perArticle) {
          for (const miss of nearMissesIn(chunk.texts, chunk.folded, chunk.records, term.fuzzy)) {
            const { index, score } = miss;
            const folded = chunk.folded[index]!;
            // (Another word is told on the passage as found, before an end another word has is cut off.)
            if (miss.marks.some((mark) => this.anotherWordAt(folded, mark, term.fuzzy!))) continue;
            const marks = miss.marks.map((mark) => this.endNotAnother(folded, mark, fuzzyChars));
            if (!marks.every((mark) => this.nearMissOfThree(folded, mark, fuzzyChars) && this.nearMissApart(folded, mark, fuzzyChars))) continue;
            row[offset + index + 2] = { kind: 'fuzzy', marks, quality: 1 - score };
            found = true;
            near++;
          }
        }
        offset += chunk.texts.length;
      }
      if (!found) return { missing: [] };
      articleClass = 'fuzzy';
    }

    // Found only with two characters swapped back: a near miss.
    const swappedBack = terms.some((t) => t.near);
    if (swappedBack) articleClass = 'fuzzy';
    const englishBelow = english ? undefined : queryReading(terms).englishBelow;
    const pinyinBelow = english && this.typedAsEnglish(terms);
    const { hasContentWord } = queryReading(terms);
    const info = this.articleInfo[a]!;
    const words = terms.some((t) => t.word);
    // A run's words weigh by how rare they are: a paragraph with 联通 says more of 中国联通 than
    // one with 中国 (each is the run's half otherwise).
    const rarity = words ? cands.map((c) => Math.log(1 + this.chunkCount / (1 + countBits(c.chunks)))) : undefined;
    const allRarity = rarity?.reduce((a, b) => a + b, 0) ?? 0;
    const hits: EngineHit[] = [];
    for (let block = 0; block < blockCount; block++) {
      let here = matches.map((row) => row[block]).filter((m): m is BlockMatch => m !== undefined);
      if (here.length === 0) continue;
      // Not a passage with nothing of the query but its function words (of, the) when it has others.
      if (hasContentWord && matches.every((row, t) => !row[block] || ENGLISH_WORDS.has(terms[t]!.text))) continue;
      // And of those, only where they stand by the others' words (Great Hall of the People: not every the).
      if (hasContentWord) here = besideWords(terms, matches.map((row) => row[block]));
      // One title hit: the reader's language's, when both titles have the query (Shouguang on the
      // English pages finds the English title, not 寿光 in the Chinese one).
      // (Unless the other title has more of the query: Xi Jinping science is the English title
      // that has both, not 习近平 alone in the Chinese one.)
      const inTitle = (b: number): number => matches.filter((row) => row[b]).length;
      if (block === 1 && !english && inTitle(0) > 0 && inTitle(0) >= inTitle(1)) continue;
      if (block === 0 && english && inTitle(1) > 0 && inTitle(1) >= inTitle(0)) continue;
      const isTitle = block < 2;
      const text = block === 0 ? info.title : block === 1 ? (info.titleEn ?? '') : texts[block - 2]!;
      const marks = here.flatMap((m) => m.marks);
      const kind = here.reduce<BlockMatch['kind']>((k, m) => (KIND_RANK[m.kind] > KIND_RANK[k] ? m.kind : k), 'exact');
      const quality = here.reduce((s, m) => s + m.quality, 0) / here.length;
      const score =
        // A block found only by pinyin typed in part scores as such, whatever else its article has;
        // so does English text, the title too, for a reader of Chinese (below the Chinese found as typed).
        (kind === 'partial' || ((block === 1 || block >= firstEnglish) && englishBelow === 'class') ? Math.min(CLASS_SCORE.partial, CLASS_SCORE[articleClass]) : CLASS_SCORE[articleClass]) -
        ((block === 1 || block >= firstEnglish) && englishBelow === 'margin' ? ENGLISH_MARGIN : 0) -
        // And for a reader of English, Chinese found by reading the letters as pinyin, below the
        // English text that has them as a word (Shanghai, Qiang, Li: the summaries first; not shi,
        // which only starts Shining and ships there).
        (pinyinBelow && (block === 0 || (block >= 2 && block < firstEnglish)) && (kind === 'pinyin' || kind === 'partial') ? ENGLISH_MARGIN : 0) +
        (rarity && allRarity > 0 ? (40 * matches.reduce((sum, row, t) => sum + (row[block] ? rarity[t]! : 0), 0)) / allRarity : (40 * here.length) / terms.length) +
        // Pinyin typed in part: which word it stands for matters more than where it is.
        (isTitle ? (kind === 'partial' ? 3 : 10) : 0) +
        (kind === 'partial' ? 10 : 5) * quality +
        // The text as typed before a reading of it: `AI` in the text before 碍 (ai).
        (kind === 'exact' ? 1.5 : 0) -
        // Found as the words of a run written together, not as the run (and, as near misses, after
        // the run's own near misses: see `run`).
        (words ? (swappedBack ? 2 * WORDS_BELOW : WORDS_BELOW) : 0) +
        // Terms side by side (量子 科技 as 量子科技) before terms far apart.
        (here.length > 1 && termsTogether(here) ? TOGETHER_BONUS : 0) +
        // A title that is all the query (新质生产力) before one that merely has it.
        (isTitle ? 4 * coverage(text, marks) : 0) +
        0.2 * Math.min(5, marks.length) -
        // Text in the reader's language (English on the English pages) before the same found in the other.
        (!isTitle && block >= firstEnglish !== english ? OTHER_LANGUAGE_BELOW : 0) -
        (isTitle ? 0 : 0.00001 * Math.min(position[block - 2]!, 99_999));
      const id = isTitle ? undefined : ids[block - 2];
      const hit: EngineHit = {
        article: info,
        // (The snippet is made for the hits shown: see `withSnippets`.)
        snippet: NO_SNIPPET,
        passage: isTitle ? { text, marks: [marks], whole: true } : { text, marks: here.map((m) => m.marks) },
        score: Math.round(score * 1e6) / 1e6,
        match: swappedBack ? 'fuzzy' : isTitle && kind === 'exact' ? 'title' : kind === 'partial' ? 'pinyin' : kind,
        field: block === 0 ? 'title' : block === 1 ? 'titleEn' : block >= firstEnglish ? (id === '' ? 'summary' : 'translation') : id === '' ? 'header' : id?.startsWith('h-') ? 'heading' : 'paragraph',
        terms: here.length,
      };
      if (id) hit.paragraphId = id;
      if (block === 1 || block >= firstEnglish) hit.lang = 'en';
      if (kind === 'partial') hit.partial = true;
      // A paragraph and its translation (or the head and the summary) lead to the same place:
      // the better of the two.
      const twin = block >= 2 ? hits.findIndex((h) => h.field !== 'title' && h.field !== 'titleEn' && (h.paragraphId ?? '') === (id ?? '')) : -1;
      if (twin === -1) hits.push(hit);
      else if (hit.score > hits[twin]!.score) hits[twin] = hit;
    }
    // An article that has the query in more places comes before one that mentions it once
    // (李强: the report he gave before a list of leaders), other things equal: its best hit,
    // which places the article, gains by how many blocks have the query.
    // (Not for pinyin typed in part, where which word the letters stand for matters more.)
    const best = hits.reduce<EngineHit | undefined>((b, h) => (!b || h.score > b.score ? h : b), undefined);
    if (best && !best.partial) best.score = Math.round((best.score + MENTIONS_WEIGHT * Math.log2(1 + hits.length)) * 1e6) / 1e6;
    return { hits, missing: [] };
  }

  /**
   * Best first (equal scores in ranking order: newest first, a common reading of pinyin first):
   * articles by their best hit, each with its `lead` best hits together; then the further hits
   * (up to `perArticle` an article), articles in the same order, so that the top of the list
   * shows many articles and an article with few matches still shows them all; then, with `fill`,
   * if the list has room, an article's hits beyond its share.
   */
  private group(hits: EngineHit[], limit: number, perArticle: number, lead: number, rank: ReadonlyMap<string, number>, fill: boolean): EngineHit[] {
    hits.sort((x, y) => y.score - x.score || (rank.get(x.article.slug) ?? 0) - (rank.get(y.article.slug) ?? 0));
    const groups = new Map<string, EngineHit[]>();
    const over: EngineHit[] = [];
    for (const hit of hits) {
      const list = groups.get(hit.article.slug);
      if (!list) groups.set(hit.article.slug, [hit]);
      else if (list.length < perArticle) list.push(hit);
      else over.push(hit);
    }
    // Articles found far less well than the best (a near miss or a reading in part, where others
    // match as typed) come after the further hits of those, not between them (nanji: every 南极
    // before 南京).
    // So do hits far below the best in an article that has better ones (one that matches part of
    // the query: 3月 of 3月 5日).
    const lists = [...groups.values()];
    const top = lists[0]?.[0]?.score ?? 0;
    const out = [true, false].flatMap((strong) => {
      const tier = lists.map((list) => list.filter((h) => h.score >= top - TIER_GAP === strong)).filter((list) => list.length > 0);
      return [...tier.flatMap((list) => list.slice(0, lead)), ...tier.flatMap((list) => list.slice(lead))];
    });
    // Room left in the list (and no share asked for): the hits over an article's share, best
    // first, rather than a short list.
    return (fill ? [...out, ...over] : out).slice(0, limit);
  }

  /**
   * Whether some character of a passage found by its pinyin reads so first: its syllable (typed
   * in part: one that starts so) is the character's first reading. Figures count as read so.
   */
  private readsFirst(folded: string, [start, end]: Mark, syls: readonly (string | undefined)[], partial: boolean): boolean {
    const { primary } = this.readings();
    let i = 0;
    for (const ch of folded.slice(start, end)) {
      if (QUOTE_MARKS.includes(ch)) continue;
      const syl = syls[i++];
      if (syl === undefined || !isHan(ch)) return true;
      const first = primary.get(ch);
      if (first !== undefined && (first === syl || (partial && first.startsWith(syl)))) return true;
    }
    return false;
  }

  /**
   * Whether two characters found by pinyin typed in part (initials, a half-typed syllable, a
   * slip) are a word apart from the words beside them (`apart`: xl is 系列 or 先立, not 兴领 of
   * 新兴领域). Longer passages are taken as found; pinyin typed in full has its own test
   * (`spelledWord`). (How often the two stand together says too little here: 发生 and 行业 stand
   * barely above chance, 发 and 行 going more with others. A character is read only as the text
   * reads it: huojian is 火箭, not 和建, as the index lists 和 under huo only where the text has it so.)
   */
  private wordLike(folded: string, mark: Mark, typing = false): boolean {
    // (Two characters: two to four code units, a quotation mark between them or not.)
    const [start, end] = mark;
    if (end - start < 2 || end - start > 4) return true;
    // (What `apart` reads: the passage and a character either side.)
    const key = `${folded.slice(Math.max(0, start - 2), end + 2)}|${start - Math.max(0, start - 2)}|${typing ? 1 : 0}`;
    const known = this.wordLikeCache.get(key);
    if (known !== undefined && known[1] === this.chunks.size + this.shards.size) return known[0];
    const ok = this.apart(folded, mark, typing);
    this.wordLikeCache.set(key, [ok, this.chunks.size + this.shards.size]);
    return ok;
  }


  /**
   * Whether two characters found by their pinyin typed in full are a word: they stand together
   * clearly above chance (`together`: 行业), or, where they do not (发生, 进展, 大国: 发, 进 and
   * 大 go with many others), neither makes a far stronger word with its neighbour outside the
   * passage (WORD_BESIDE). deguo is not 的国 of 的国务院, 的国徽, 的国歌; daguo is 大国 of 大国外交
   * but not of 扩大国际; fasheng is 发生 of 事故发生, not of 开发生产.
   */
  private spelledWord(folded: string, mark: Mark): boolean {
    const chars = passageChars(folded, mark);
    if (chars.length !== 2 || !chars.every(isHan)) return true;
    const [first, second] = chars as [string, string];
    if (this.together(first, second) >= TOGETHER_MIN) return true;
    const inside = this.together(first, second);
    const [before, after] = neighbours(folded, mark);
    const [beyondBefore, beyondAfter] = neighbours(folded, [mark[0] - (before?.length ?? 0), mark[1] + (after?.length ?? 0)]);
    return !this.wordBeside(before, first, inside, [beyondBefore, before]) && !this.wordBeside(second, after, inside, [after, beyondAfter]);
  }

  /**
   * Whether two Han characters side by side are a word by `together`, found more than once (a
   * pair found once can stand far above chance by chance: 增税 of 新增税费), and WORD_BESIDE times
   * as strong as the pair beside them (`inside`); but not where the neighbour's pair on its other
   * side (`beyond`) is a stronger word found well beyond this phrase: 会精 of 全会精神 is not a word,
   * 精神 is (found more than twice as often), while 国务 of 国务院 is (务院 is no more often).
   */
  private wordBeside(c1: string | undefined, c2: string | undefined, inside: number, [b1, b2]: [string | undefined, string | undefined]): boolean {
    if (c1 === undefined || c2 === undefined || !isHan(c1) || !isHan(c2)) return false;
    const count = this.pairCount(c1, c2);
    if (count < 2) return false;
    const together = this.together(c1, c2);
    if (together < TOGETHER_MIN || together < WORD_BESIDE * inside) return false;
    return !(b1 !== undefined && b2 !== undefined && isHan(b1) && isHan(b2) && this.pairCount(b1, b2) >= 2 * count && this.together(b1, b2) > together);
  }

  /**
   * Whether a passage found with a character read by its sound (`Variant.sounded`) is a word of
   * its own, not parts of the words beside it:
   * - neither end character may be found clearly more often with its neighbour outside the
   *   passage than with the one inside (府建 of 政府建设 is not 福建, 护南 of 维护南海 not 湖南, 的国
   *   of 的国际 not 德国; 李强作 is 李强, for 李墙);
   * - nor both at least as often, where the passage is found more than once: then it is the
   *   middle of a longer phrase (中求 of 稳中求进 is not 中秋);
   * - two characters must stand together far more often than chance would put them side by side
   *   (`together`): 的国 of 的国徽 is not 德国, 台国 of 总台国广 not 泰国.
   */
  private ownWord(folded: string, mark: Mark): boolean {
    if (!this.apart(folded, mark)) return false;
    const chars = passageChars(folded, mark);
    if (chars.length !== 2) return true;
    // (Found once, twice as far above chance: once says less. 始人 of 创始人 is not 诗人.)
    const once = this.pairCount(chars[0], chars[1]) <= 1;
    return this.together(chars[0]!, chars[1]!) >= (once ? 2 : 1) * TOGETHER_MIN;
  }

  /**
   * Whether a near miss of `pattern` at `mark` is another word where the pattern has one: as the
   * word breaker reads both (`anotherWord`), or, with one character changed (not for one of the
   * same sound), where the two characters it makes with a neighbour in the passage are a word
   * (standing together in the text as one does, `pairWord`, or read so by the breaker there) and
   * the pattern's two there are a word too (a pair of the text's, or inside one of the breaker's
   * words in the pattern). The breaker reads 中非关系 as 中/非/关系 and 两会精神 as 两/会/精神; yet
   * 中非 stands together in the text, the breaker reads 全会 of 二中全会 as a word, and 中美 (of
   * 中美关系, one word) and 两会 are the query's: 中美关系 is not 中非关系, nor 两会精神 全会精神
   * (found as 会精神, the pattern but its first character: read with the one before it).
   * A character mistyped is no word of the query's (生产刀 of 新质生产刀 is 生产力).
   */
  private anotherWordAt(folded: string, mark: Mark, pattern: string): boolean {
    const starts = this.wordStarts.get(folded);
    if (anotherWord(folded, mark, pattern, this.sameSound, starts)) return true;
    let [start, end] = mark;
    const asFound = end - start === pattern.length;
    // The pattern but its first or last character: read with the text's character there instead
    // (会精神 of 全会精神, for 两会精神).
    if (end - start === pattern.length - 1) {
      const found = folded.slice(start, end);
      if (start > 0 && found === pattern.slice(1)) start--;
      else if (end < folded.length && found === pattern.slice(0, -1)) end++;
    }
    if (end - start !== pattern.length) return false;
    let at = -1;
    for (let i = 0; i < pattern.length; i++) {
      if (folded[start + i] === pattern[i]) continue;
      if (at !== -1) return false;
      at = i;
    }
    if (at === -1 || this.sameSound(folded[start + at]!, pattern[at]!)) return false;
    // (A unit after a figure, changed for one of another sound, is another unit: 40周年 is not
    // 40周岁, 3月 not 3日; 雪龙2好 is still 雪龙2号, and 雪龙2号号 has one too many.)
    let unit = at;
    while (unit > 0 && NUMBER_NEIGHBOURS.has(pattern[unit]!)) unit--;
    if (asFound && unit < at && digitOf(pattern[unit]) !== undefined) return true;
    for (const from of [at - 1, at]) {
      if (from < 0 || from + 2 > pattern.length) continue;
      // (Standing together counts only where the breaker reads no word across the two: 略方 of
      // 战略方向 stands together as often as 战略 does, 国各 of 全国各地 often enough.)
      const pair: Mark = [from, from + 2];
      const queryPair = patternWords(pattern).some(([s, e]) => s <= from && from + 2 <= e) || (this.pairWord(pattern[from]!, pattern[from + 1]!) && !crossesWord(pattern, pair));
      const inText: Mark = [start + from, start + from + 2];
      const textPair = isWord(folded, inText, starts) || (this.pairWord(folded[inText[0]]!, folded[inText[0] + 1]!) && !crossesWord(folded, inText, starts));
      if (queryPair && textPair) return true;
    }
    return false;
  }

  /** Whether two Han characters stand together in the text as a word does: found more than once, `TOGETHER_MIN` times above chance (`together`). */
  private pairWord(c1: string, c2: string): boolean {
    return isHan(c1) && isHan(c2) && this.pairCount(c1, c2) >= 2 && this.together(c1, c2) >= TOGETHER_MIN;
  }

  /** The first two rules of `ownWord`: a passage apart from the words beside it. */
  private apart(folded: string, [start, end]: Mark, typing = false): boolean {
    const chars = passageChars(folded, [start, end]);
    if (chars.length < 2) return true;
    const count = (c1: string | undefined, c2: string | undefined): number => this.pairCount(c1, c2);
    const [before, after] = neighbours(folded, [start, end]);
    const last = chars.length - 1;
    // (Clearly more often: more than twice, and one more. 市长 and 苏南 are words too, but 湖州市长兴
    // is 长兴 and 江苏南京 南京; 政府 goes with 府 far more often than 府建 does.)
    const rather = (outside: number, inside: number): boolean => outside > 2 * inside + 1;
    // (An end that is not two Han characters, 2号 of 雪龙2号, is not weighed.)
    const han = (c1: string, c2: string): boolean => isHan(c1) && isHan(c2);
    // (A neighbour counts only as a word with it: 在新 of 在新西兰 is not, 政府 of 政府建设 is.)
    const outside = (c1: string | undefined, c2: string | undefined): number => (c1 !== undefined && c2 !== undefined && han(c1, c2) && this.together(c1, c2) >= TOGETHER_MIN ? count(c1, c2) : 0);
    const [left, first] = [outside(before, chars[0]), han(chars[0]!, chars[1]!) ? count(chars[0], chars[1]) : Infinity];
    // (Still being typed, it may end inside a word: 政府工 of 政府工作 for zhengfugo….)
    const [right, end_] = [typing ? 0 : outside(chars[last], after), han(chars[last - 1]!, chars[last]!) ? count(chars[last - 1], chars[last]) : Infinity];
    if (rather(left, first) || rather(right, end_)) return false;
    // (Of two characters only: a longer passage is a word of its own, 绿水青山 of 绿水青山就是.)
    return typing || !(chars.length === 2 && first >= 2 && end_ >= 2 && Number.isFinite(first) && Number.isFinite(end_) && left >= first && right >= end_);
  }

  /**
   * How often two Han characters stand side by side: inline, in the whole text (counted as the
   * bigram map is read off it); else in the chunks the gram parts in memory say have
   * them, counted in those whose text is in memory, once in the others.
   */
  private pairCount(c1: string | undefined, c2: string | undefined): number {
    if (c1 === undefined || c2 === undefined || !isHan(c1) || !isHan(c2)) return 0;
    if (this.local) return this.local.count(c1, c2);
    const both = c1 + c2;
    const version = this.chunks.size + this.shards.size;
    const cached = this.pairCounts.get(both);
    if (cached && cached[1] === version) return cached[0];
    const bits = this.pair(c1, c2);
    let n = 0;
    for (let w = 0; bits && w < bits.length; w++) {
      for (let word = bits[w]!; word !== 0; word &= word - 1) {
        const chunk = this.chunks.get(w * 32 + (31 - Math.clz32(word & -word)));
        let k = 0;
        for (const block of chunk?.folded ?? []) for (let at = block.indexOf(both); at !== -1; at = block.indexOf(both, at + both.length)) k++;
        n += Math.max(1, k);
      }
    }
    this.pairCounts.set(both, [n, version]);
    return n;
  }

  /** How often each Han character occurs in the text, and the text's length (`ManifestPart.counts`). */
  private counts(): CharCounts | undefined {
    if (!this.charCounts) {
      if (this.countsJson) {
        const of = decodeCounts(this.countsJson);
        let total = 0;
        for (const n of of.values()) total += n;
        this.charCounts = { of, total };
      }
    }
    return this.charCounts;
  }

  /**
   * How much more often two characters stand together than chance would put them side by side:
   * how much likelier `c2` is after `c1` than anywhere (its count over the text's length). A word
   * or a name is far above 1 (雪龙, 南京, 长兴: 16 and more), two characters of neighbouring words
   * near it (的国 of 的国徽, 台国 of 总台国广: 1 to 2). (The pair's count is `pairCount`'s: with
   * the text in parts, a little under for a common word.) Infinity when unknown.
   */
  private together(c1: string, c2: string): number {
    const counts = this.counts();
    const a = counts?.of.get(c1) ?? 0;
    const b = counts?.of.get(c2) ?? 0;
    if (!counts || a === 0 || b === 0) return Infinity;
    return this.pairCount(c1, c2) / a / (b / counts.total);
  }

  /**
   * A near miss whose last (or first) character stands for the term's, but goes with the text's
   * next word: marked without it, the term with that character left out (雪龙2号船 marks 雪龙2号
   * of 雪龙2号离开, not 雪龙2号离; 新质生产刀 still marks 新质生产力). (A character that stands
   * alone, as 在 and 于 do, is not told from one of the word: 雪龙2号在 stays so.)
   */
  private endNotAnother(folded: string, mark: Mark, chars: readonly string[]): Mark {
    const [start, end] = mark;
    const found = Array.from(folded.slice(start, end));
    if (found.length !== chars.length || found.length < 4 || found.some((ch) => LOOKED_PAST.includes(ch))) return mark;
    // (Another word's: it goes with its neighbour outside, or no more with the passage than chance.)
    const another = (c1: string, c2: string): boolean => this.together(c1, c2) < TOGETHER_MIN || !this.apart(folded, mark);
    const last = found.length - 1;
    if (found[last] !== chars[last] && found.slice(0, last).join('') === chars.slice(0, last).join('') && another(found[last - 1]!, found[last]!)) return [start, end - found[last]!.length];
    if (found[0] !== chars[0] && found.slice(1).join('') === chars.slice(1).join('') && another(found[0]!, found[1]!)) return [start + found[0]!.length, end];
    return mark;
  }

  /**
   * Whether a near miss with a character left out or one more (its length not the term's) stands
   * apart from its neighbours (`apart`): 建设行 of 建设行动 is not 建设银行, 国家网 of 国家网络 not
   * 国家电网, 研究和生 of 研究和生产 not 研究生. (One character changed keeps the term's shape.)
   */
  private nearMissApart(folded: string, mark: Mark, chars: readonly string[]): boolean {
    const found = passageChars(folded, mark, LOOKED_PAST);
    return found.length === chars.length || this.apart(folded, mark);
  }

  /**
   * Whether a near miss of a term of three characters keeps all three: two of them swapped
   * (马龙克 is 马克龙), or one more among them (电动车 is 电动汽车; the near miss must also stand
   * apart from its neighbours, so 研究生 is not 研究和生 of 研究和生产). Two of the three are not
   * enough: side by side, 加大 and 拿大 are not 加拿大, nor 澳大利 意大利; around another, 共产党
   * is not 共和党, nor 全体会 全运会, though 雪虎号 was 雪龙号. (A character typed by its sound by
   * mistake is read so: 习进平 is 习近平, `homophones`. Longer terms keep three characters or
   * more.)
   */
  private nearMissOfThree(folded: string, [start, end]: Mark, chars: readonly string[]): boolean {
    if (chars.length !== 3) return true;
    const found = passageChars(folded, [start, end], LOOKED_PAST);
    if (found.length === 4) return found[0] === chars[0] && found[3] === chars[2] && found.includes(chars[1]!);
    if (found.length !== 3) return false;
    return [...found].sort().join('') === [...chars].sort().join('');
  }

  /** Whether every Han character of a passage reads first as the syllable typed for it. */
  private readsAsTyped(folded: string, [start, end]: Mark, syls: readonly (string | undefined)[]): boolean {
    const { primary } = this.readings();
    let i = 0;
    for (const ch of folded.slice(start, end)) {
      if (QUOTE_MARKS.includes(ch)) continue;
      const syl = syls[i++];
      if (syl !== undefined && isHan(ch) && primary.get(ch) !== syl) return false;
    }
    return true;
  }

  /** How far above chance a passage of two characters stands (`together`), from 0 to 1 (log scale: 1 at 1000 and more); 1 for longer ones. */
  private wordness(folded: string, [start, end]: Mark): number {
    const chars = passageChars(folded, [start, end]);
    if (chars.length !== 2) return 1;
    const ratio = this.together(chars[0]!, chars[1]!);
    return Number.isFinite(ratio) ? Math.max(0, Math.min(1, Math.log(Math.max(1, ratio)) / Math.log(1000))) : 1;
  }

  /**
   * How common the word marked in a folded text is, from 0 to 1: the share of text chunks with
   * its rarest bigram (log scale), as far as the gram parts in memory tell. 系列 is common, so
   * is 雪龙 in a corpus about it; 系列会 is as rare as 列会.
   */
  private commonness(folded: string, [start, end]: Mark, syls?: (string | undefined)[]): number {
    const chars = Array.from(folded.slice(start, end));
    let rarest = Infinity;
    for (let i = 0; i + 1 < chars.length; i++) {
      const bits = this.pair(chars[i]!, chars[i + 1]!, syls?.[i]);
      if (bits) rarest = Math.min(rarest, countBits(bits));
    }
    return Number.isFinite(rarest) ? Math.log1p(rarest) / Math.log1p(this.chunkCount) : 0;
  }
}
