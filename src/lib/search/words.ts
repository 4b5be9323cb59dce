/**
 * Chinese words as the browser's word breaker reads them (`Intl.Segmenter` with ICU's Chinese
 * dictionary, in every current browser and in Node): what the engine and the snippets ask of it.
 * Pure functions, no DOM and no Node APIs; where there is no word breaker, every answer is "no
 * word here" and search works as without it.
 *
 *   crossesWord('实现了全年', [2, 4])            // true: 了全 crosses 全年
 *   anotherWord(text, mark, '中国银行', same)    // true at 中国进行: 进行 stands where 银行 does
 *   hanWordAcross('推动经济发展', 3)             // [2, 4]: 经济
 *
 * The word breaker is made on first use: tens of milliseconds at once in Chromium, which loads
 * the dictionary then. On a page (not in a worker) that would hold up a key typed meanwhile, so
 * there the engine defers it (`deferWordBreaker()`): until its warm-up makes it
 * (`makeWordBreaker()`, once the reader has paused), every answer is "no word here".
 */
import type { Mark } from './types.ts';

interface Breaker {
  segment(text: string): Iterable<{ segment: string; index: number }>;
}

let breaker: Breaker | null | undefined;
/** Whether only `makeWordBreaker` makes it (see `deferWordBreaker`). */
let deferred = false;

/** The word breaker, made on first call unless deferred; null where there is none (or not yet). */
export function wordBreaker(): Breaker | null {
  if (breaker === undefined && !deferred) makeWordBreaker();
  return breaker ?? null;
}

/** Make the word breaker now, if it is not made yet. */
export function makeWordBreaker(): void {
  if (breaker !== undefined) return;
  const Segmenter = (Intl as { Segmenter?: new (locale: string, options: { granularity: 'word' }) => Breaker }).Segmenter;
  try {
    breaker = typeof Segmenter === 'function' ? new Segmenter('zh', { granularity: 'word' }) : null;
  } catch {
    breaker = null;
  }
}

/** From now on the word breaker is made only by `makeWordBreaker` (on a page: see above). */
export function deferWordBreaker(): void {
  deferred = true;
}

/** Whether the word breaker has been made (and there is one). */
export function wordBreakerReady(): boolean {
  return !!breaker;
}

/** Characters either side of a passage the word breaker reads with it. */
const WORD_CONTEXT = 6;

/** The words the word breaker reads in `text[from, to)`, as `[start, end)` spans of `text`. */
function wordSpans(text: string, from: number, to: number): Mark[] {
  const words = wordBreaker();
  if (!words) return [];
  return Array.from(words.segment(text.slice(from, to)), ({ segment, index }): Mark => [from + index, from + index + segment.length]);
}

/** The words of two characters or more the word breaker reads in `text`. */
export function wordsOf(text: string): string[] {
  return wordSpans(text, 0, text.length)
    .filter(([s, e]) => e - s >= 2)
    .map(([s, e]) => text.slice(s, e));
}

/**
 * Where the word breaker, reading the whole text, starts a word: `starts[i]` is 1 at each word's
 * first unit, and at the end of the text. Many times faster to ask than the word breaker itself
 * (see `crossesWord`): the engine reads a small index's text so once, while the page is idle.
 */
export function wordStarts(text: string): Uint8Array {
  const starts = new Uint8Array(text.length + 1);
  starts[text.length] = 1;
  for (const [s] of wordSpans(text, 0, text.length)) starts[s] = 1;
  return starts;
}

/**
 * Whether a word of the text, as the word breaker splits it there, crosses an end of the passage:
 * begins before it and ends inside, or begins inside and ends after it (了全 of 了全面, 硬骨 of
 * 硬骨头). A passage that begins or ends a longer word (发展 of 发展中国家), or lies inside one, does
 * not cross it. With `atEnd` false, only its start counts (a passage still being typed, 高质 of
 * 高/质量 for `gaozh…`, may end inside a word). With `starts` (the text's `wordStarts`), read off
 * them; else the word breaker reads the passage with a few characters either side.
 */
export function crossesWord(text: string, [start, end]: Mark, starts?: Uint8Array, atEnd = true): boolean {
  if (starts) {
    // (An end inside a word, and a word that starts inside the passage; or, at the start only, a
    // start inside a word that ends inside the passage.)
    if (starts[start] && (starts[end] || !atEnd)) return false;
    for (let i = start + 1; i < end; i++) if (starts[i]) return true;
    return false;
  }
  const from = Math.max(0, start - WORD_CONTEXT);
  for (const [s, e] of wordSpans(text, from, Math.min(text.length, end + WORD_CONTEXT))) {
    if (e <= start) continue;
    if (s >= end) break;
    if ((s < start && e < end) || (atEnd && s > start && e > end)) return true;
  }
  return false;
}

/** Whether the passage is one word of the word breaker's, no more and no less (台风, not 泰峰 of 石/泰/峰). */
export function isWord(text: string, [start, end]: Mark, starts?: Uint8Array): boolean {
  if (starts) return !!starts[start] && !!starts[end] && !starts.subarray(start + 1, end).includes(1);
  return wordSpans(text, Math.max(0, start - WORD_CONTEXT), Math.min(text.length, end + WORD_CONTEXT)).some(([s, e]) => s === start && e === end);
}

/**
 * Whether a near miss of `pattern` at `mark` is another word where the pattern has one, as the
 * word breaker reads both: a word of the text of two characters or more, inside the passage and
 * inside a word of the pattern of two or more, written otherwise there, and not by a character
 * of the same sound (中国进行 and 中国先行 are not 中国银行: 进行 and 先行 stand where 银行 does,
 * whether the breaker reads 中国银行 as one word or two; but 南极考察任务 is 南极考查任务, the slip
 * an input method makes). A character mistyped in a word is not another word (新质生产刀 is
 * 新质生产力: 刀 and 力 are words of one). Only where the near miss is as long as the pattern,
 * character for character.
 */
export function anotherWord(text: string, [start, end]: Mark, pattern: string, sameSound: (a: string, b: string) => boolean, starts?: Uint8Array): boolean {
  if (end - start !== pattern.length) return false;
  const inPattern = patternWords(pattern);
  if (inPattern.length === 0) return false;
  // The text's words inside the passage, as offsets into it.
  const words: Mark[] = [];
  if (starts) {
    let from = -1;
    for (let i = start; i <= end; i++) {
      if (!starts[i]) continue;
      if (from >= start) words.push([from - start, i - start]);
      from = i;
    }
  } else {
    for (const [s, e] of wordSpans(text, Math.max(0, start - WORD_CONTEXT), Math.min(text.length, end + WORD_CONTEXT))) if (s >= start && e <= end) words.push([s - start, e - start]);
  }
  const other = ([s, e]: Mark): boolean => {
    for (let i = s; i < e; i++) if (text[start + i] !== pattern[i] && !sameSound(text[start + i]!, pattern[i]!)) return true;
    return false;
  };
  return words.some(([s, e]) => e - s >= 2 && inPattern.some(([ps, pe]) => ps <= s && e <= pe) && other([s, e]));
}

/** The last pattern's words of two characters or more (a query asks for them at every near miss). */
let lastPattern: [string, Mark[]] | undefined;

/** The words of two characters or more the word breaker reads in a query's `pattern`, as spans (kept for the last pattern asked for). */
export function patternWords(pattern: string): readonly Mark[] {
  if (!wordBreaker()) return [];
  if (lastPattern?.[0] !== pattern) lastPattern = [pattern, wordSpans(pattern, 0, pattern.length).filter(([s, e]) => e - s >= 2)];
  return lastPattern[1];
}

/** Characters either side of a position the word breaker reads with it (`hanWordAcross`). */
const ACROSS_CONTEXT = 8;

/**
 * The Chinese word (`[start, end)` in `text`) that position `at` falls inside, as the word
 * breaker reads the text around it (or as `starts`, the text's `wordStarts`, say); undefined
 * when `at` is between two words, or not between two Han characters.
 */
export function hanWordAcross(text: string, at: number, starts?: Uint8Array): Mark | undefined {
  if (at <= 0 || at >= text.length || !/\p{Script=Han}/u.test(text[at - 1]!) || !/\p{Script=Han}/u.test(text[at]!)) return undefined;
  if (starts) {
    if (starts[at]) return undefined;
    let s = at - 1;
    while (s > 0 && !starts[s]) s--;
    let e = at + 1;
    while (!starts[e]) e++;
    return [s, e];
  }
  for (const [s, e] of wordSpans(text, Math.max(0, at - ACROSS_CONTEXT), Math.min(text.length, at + ACROSS_CONTEXT))) {
    if (e <= at) continue;
    return s < at ? [s, e] : undefined;
  }
  return undefined;
}
