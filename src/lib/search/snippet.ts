/**
 * Snippets: the passage of a paragraph a search hit shows, with the matched text marked. Pure
 * functions, no DOM and no Node APIs.
 *
 * How the passage is chosen, for a paragraph longer than a snippet:
 *   1. the marks of all terms are merged into the marks the snippet shows (overlapping or
 *      touching ones become one), each remembering which terms it marks;
 *   2. of the windows of `length` characters that start at a mark, the one showing the most
 *      distinct terms wins (a term counts when one of its marks is fully inside), then the one
 *      with the most marked characters, then the earliest;
 *   3. the window starts a little before its first mark (a lead-in of up to 24 characters, less
 *      when more would push one of its marks out), just after the end of a sentence when the
 *      lead-in holds one, and is shifted back to be full when it reaches the end of the text;
 *   4. with `apart`, when no window shows every term, two passages of half the length each: the
 *      best half-window, then the best one for the terms it leaves out, in the text's order;
 *   5. a mark is never cut: one that straddles either end is taken in whole when that stretches
 *      the snippet by 20 characters at most (both ends together), or else left out whole. A
 *      surrogate pair is never cut either, nor a Latin word or a number: one across an end is
 *      taken in whole when that adds 12 characters at most, or else left out (`…carrying out`,
 *      `…129.9%`, not `…rrying out`, `…29.9%`); given `wordAt` (the word a position falls
 *      inside), nor a Chinese word: 3 characters at most (`…开展`, not `…展`).
 * Linear in the text it scans and n log n in the number of marks.
 */
import type { Mark } from './types.ts';

/** How many characters of a paragraph a snippet shows (plus an ellipsis at a cut end). */
export const SNIPPET_LENGTH = 110;
/** How short each of two passages a snippet shows may be, at the least (half its length). */
const SNIPPET_PART = 40;
/** How many characters before its first mark a snippet starts, at most. */
const SNIPPET_LEAD = 24;
/** How many characters a snippet may grow by, at most, to show a mark in whole. */
const SNIPPET_STRETCH = 20;
/** How many characters a snippet may grow by at either end to show a Latin word or a number whole. */
const WORD_STRETCH = 12;
/** Characters that end a sentence: a snippet may start just after one. */
const SENTENCE_ENDS = '。！？；';
/** Closing quotes and brackets that may follow the end of a sentence. */
const CLOSERS = '”’」』）》';

/** Sort and merge overlapping `[start, end)` marks. */
export function mergeMarks(marks: readonly Mark[]): Mark[] {
  const sorted = [...marks].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Mark[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** A mark as the snippet shows it (the terms' marks merged), with the terms it marks. */
interface Group {
  start: number;
  end: number;
  terms: number[];
}

/** The word that a position of a text falls inside, `[start, end)`, if any (see `hanWordAcross` in words.ts). */
export type WordAt = (text: string, at: number) => Mark | undefined;

/** The window a snippet is chosen around: its groups `[first, last)`, which fit in the window. */
interface Best {
  first: number;
  last: number;
}

/**
 * A passage of `text` showing as many of the query's terms as it can, with the marks that fall in
 * it (offsets into the passage, merged and sorted). `termMarks[i]` are the marks of term i, as
 * `[start, end)` offsets into `text`. With `apart`, terms too far apart for one window are shown
 * in two passages of half the length each, joined by an ellipsis (see `twoPassages`).
 */
export function makeSnippet(
  text: string,
  termMarks: readonly (readonly Mark[])[],
  length = SNIPPET_LENGTH,
  apart = false,
  wordAt?: WordAt,
): { text: string; marks: Mark[] } {
  const groups = groupMarks(text.length, termMarks);
  if (text.length <= length) return { text, marks: groups.map((g): Mark => [g.start, g.end]) };
  const [start, end] = placeWindow(text, groups, bestWindow(groups, termMarks.length, length), length, wordAt);
  const whole = cut(text, groups, start, end);
  if (!apart) return whole;
  // (The terms the window as placed shows, stretched to take in a mark or not.)
  const missing = new Set(groups.flatMap((g) => g.terms));
  for (const g of groups) if (g.start >= start && g.end <= end) for (const t of g.terms) missing.delete(t);
  if (missing.size === 0 || length < 2 * SNIPPET_PART) return whole;
  return twoPassages(text, groups, termMarks.length, length, wordAt) ?? whole;
}

/**
 * Terms too far apart for one window (习近平 … 量子): two passages of half the length each, the
 * first showing what one half-window can, the second the terms the first leaves out, in the
 * text's order, one ellipsis between them; undefined when the second finds nothing to show.
 */
function twoPassages(text: string, groups: readonly Group[], termCount: number, length: number, wordAt?: WordAt): { text: string; marks: Mark[] } | undefined {
  const half = Math.floor(length / 2);
  const firstBest = bestWindow(groups, termCount, half);
  const [s1, e1] = placeWindow(text, groups, firstBest, half, wordAt);
  const shown = new Set(groups.filter((g) => g.start >= s1 && g.end <= e1).flatMap((g) => g.terms));
  // The groups of the terms the first passage leaves out, and what goes with them, outside it.
  const rest = groups.map((g, i) => ({ g, i })).filter(({ g }) => (g.end <= s1 || g.start >= e1) && g.terms.some((t) => !shown.has(t)));
  if (rest.length === 0) return undefined;
  const restBest = bestWindow(rest.map(({ g }) => ({ ...g, terms: g.terms.filter((t) => !shown.has(t)) })), termCount, half);
  const from = rest[restBest.first]!.i;
  const to = restBest.last > restBest.first ? rest[restBest.last - 1]!.i + 1 : from;
  let [s2, e2] = placeWindow(text, groups, { first: from, last: to }, half, wordAt);
  // (Never over the first passage: each keeps to its side.)
  if (s2 < e1 && e2 > s1) {
    if (s2 >= s1) s2 = e1;
    else e2 = s1;
  }
  if (s2 >= e2) return undefined;
  // Touching: one passage, no ellipsis between.
  if (s2 === e1 || e2 === s1) return cut(text, groups, Math.min(s1, s2), Math.max(e1, e2));
  const [a, b] = s1 < s2 ? [cut(text, groups, s1, e1), cut(text, groups, s2, e2)] : [cut(text, groups, s2, e2), cut(text, groups, s1, e1)];
  // One ellipsis between them (the first ends with one, the second starts with one, or they touch).
  const join = a.text.endsWith('…') && b.text.startsWith('…') ? 1 : 0;
  const offset = a.text.length - join;
  return { text: a.text + b.text.slice(join), marks: [...a.marks, ...b.marks.map(([ms, me]): Mark => [ms + offset, me + offset])] };
}

/**
 * The marks of all terms, kept within the text (empty ones dropped), sorted and merged as
 * `mergeMarks` does, each with the distinct terms it marks.
 */
function groupMarks(size: number, termMarks: readonly (readonly Mark[])[]): Group[] {
  const all: { start: number; end: number; term: number }[] = [];
  termMarks.forEach((marks, term) => {
    for (const [s, e] of marks) {
      const start = Math.max(0, s);
      const end = Math.min(size, e);
      if (start < end) all.push({ start, end, term });
    }
  });
  all.sort((a, b) => a.start - b.start || a.end - b.end);
  const groups: Group[] = [];
  // The last group each term was added to, so that a group lists a term once.
  const seen = new Int32Array(termMarks.length).fill(-1);
  for (const m of all) {
    let last = groups[groups.length - 1];
    if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else groups.push((last = { start: m.start, end: m.end, terms: [] }));
    if (seen[m.term] !== groups.length - 1) {
      seen[m.term] = groups.length - 1;
      last.terms.push(m.term);
    }
  }
  return groups;
}

/**
 * Of the windows of `length` characters that start at a group, the one whose groups (those fully
 * inside) mark the most distinct terms, then the most characters, then the earliest. Two pointers
 * over the groups (sorted, disjoint): linear. `last === first` when no group fits in a window.
 */
function bestWindow(groups: readonly Group[], termCount: number, length: number): Best {
  const count = new Int32Array(termCount);
  let distinct = 0;
  let chars = 0;
  const best = { first: 0, last: 0, distinct: 0, chars: 0 };
  const add = (g: Group, by: 1 | -1): void => {
    chars += by * (g.end - g.start);
    for (const t of g.terms) {
      count[t]! += by;
      if (count[t] === (by === 1 ? 1 : 0)) distinct += by;
    }
  };
  let j = 0;
  for (let i = 0; i < groups.length; i++) {
    if (i > 0 && i - 1 < j) add(groups[i - 1]!, -1);
    if (j < i) j = i;
    const limit = groups[i]!.start + length;
    while (j < groups.length && groups[j]!.end <= limit) add(groups[j++]!, 1);
    if (distinct > best.distinct || (distinct === best.distinct && chars > best.chars)) {
      Object.assign(best, { first: i, last: j, distinct, chars });
    }
  }
  return { first: best.first, last: best.last };
}

/**
 * Where the snippet starts and ends (`[start, end)` in `text`): the best window with a lead-in,
 * full, its ends moved so that they cut no mark and no surrogate pair.
 */
function placeWindow(text: string, groups: readonly Group[], best: Best, length: number, wordAt?: WordAt): [number, number] {
  const size = text.length;
  if (groups.length === 0) return noSurrogateCut(text, 0, length);
  // The span of the window's marks (or, when no mark fits in a window, of as much of the first).
  const from = groups[best.first]!.start;
  const to = best.last > best.first ? groups[best.last - 1]!.end : Math.min(size, from + length);
  let start = from - Math.min(SNIPPET_LEAD, length - (to - from), from);
  start = sentenceStart(text, start, from);
  let end = start + length;
  if (end > size) {
    end = size;
    start = Math.max(0, size - length);
  }
  // A mark across the end, then one across the start: in whole if it is near enough, else out.
  let stretch = SNIPPET_STRETCH;
  const atEnd = groupAcross(groups, end);
  if (atEnd) {
    if (atEnd.end - end <= stretch) {
      stretch -= atEnd.end - end;
      end = atEnd.end;
    } else if (atEnd.start > start) end = atEnd.start;
  }
  const atStart = groupAcross(groups, start);
  if (atStart) {
    if (start - atStart.start <= stretch) start = atStart.start;
    else if (atStart.end < end) start = atStart.end;
  }
  // Nor a Latin word or a number: an end inside one takes it in whole when it is short enough,
  // else leaves it out (never a mark).
  const first = groups[best.first]!.start;
  const last = best.last > best.first ? groups[best.last - 1]!.end : first;
  if (start > 0 && inWord(text, start - 1) && inWord(text, start)) {
    let back = start;
    while (back > 0 && inWord(text, back - 1)) back--;
    if (start - back <= WORD_STRETCH) start = back;
    else {
      while (start < first && inWord(text, start)) start++;
      while (start < first && text[start] === ' ') start++;
    }
  }
  if (end < size && inWord(text, end - 1) && inWord(text, end)) {
    let on = end;
    while (on < size && inWord(text, on)) on++;
    if (on - end <= WORD_STRETCH) end = on;
    else {
      while (end > last && inWord(text, end - 1)) end--;
      while (end > last && text[end - 1] === ' ') end--;
    }
  }
  // Nor a figure from its unit (3月11日, 雪龙2号): an end between them moves before the figure.
  if (start > 0 && start < first && UNITS.includes(text[start]!) && isDigitAt(text, start - 1)) {
    let back = start;
    while (back > 0 && inWord(text, back - 1)) back--;
    if (start - back <= WORD_STRETCH) start = back;
  }
  if (end < size && end > last && UNITS.includes(text[end]!) && isDigitAt(text, end - 1)) end++;
  // Nor a Chinese word (`wordAt`: as the browser's word breaker reads the text there; …推动经济,
  // not …动经济): an end inside one moves to its edge, out to take it in when that is a few
  // characters, else in to leave it out (never past a mark).
  const clear = (at: number): boolean => !groupAcross(groups, at);
  if (wordAt && start > 0 && start < first) {
    const word = wordAt(text, start);
    if (word && start - word[0] <= HAN_WORD_STRETCH && end - word[0] <= length + SNIPPET_STRETCH && clear(word[0])) start = word[0];
    else if (word && word[1] <= first && clear(word[1])) start = word[1];
  }
  if (wordAt && end < size && end > last) {
    const word = wordAt(text, end);
    if (word && word[1] - end <= HAN_WORD_STRETCH && word[1] - start <= length + SNIPPET_STRETCH && clear(word[1])) end = word[1];
    else if (word && word[0] >= last && clear(word[0])) end = word[0];
  }
  // No space just inside an ellipsis.
  while (start > 0 && start < first && text[start] === ' ') start++;
  while (end < size && end > last && text[end - 1] === ' ') end--;
  return noSurrogateCut(text, start, end);
}

/** How many characters a snippet may grow by at either end to show a Chinese word whole. */
const HAN_WORD_STRETCH = 3;

/** Characters that follow a figure as its unit (3月, 11日, 2号, 403秒). */
const UNITS = '年月日号时分秒个万亿元';
const isDigitAt = (text: string, i: number): boolean => /\p{Nd}/u.test(text[i] ?? '');

/** Whether `text[i]` belongs to a Latin word or a number (`China's`, `29.9`, `2024-03-12`): what a snippet's end should not cut. */
function inWord(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (Number.isNaN(code) || code >= 0x3000) return false;
  const ch = text[i]!;
  if (/[\p{Script=Latin}\p{Nd}'’]/u.test(ch)) return true;
  // A decimal point, a thousands separator, or a date's or time's separator between digits
  // (29.9, 6,610, 2024-03-12, 15:53).
  return /[.,\-/:]/u.test(ch) && /\p{Nd}/u.test(text[i - 1] ?? '') && /\p{Nd}/u.test(text[i + 1] ?? '');
}

/**
 * `start` moved to just after the first end of a sentence (and any closing quote after it)
 * between `start` and `first`, the window's first mark; `start` itself when there is none, or
 * when it is at a sentence start already.
 */
function sentenceStart(text: string, start: number, first: number): number {
  if (start <= 0) return start;
  for (let p = start - 1; p < first; p++) {
    if (!SENTENCE_ENDS.includes(text[p]!)) continue;
    let at = p + 1;
    while (at < first && CLOSERS.includes(text[at]!)) at++;
    return Math.max(start, at);
  }
  return start;
}

/** The group that `at` falls strictly inside (`start < at < end`), if any: a binary search. */
function groupAcross(groups: readonly Group[], at: number): Group | undefined {
  let lo = 0;
  let hi = groups.length;
  // The first group ending after `at`.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (groups[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  const g = groups[lo];
  return g && g.start < at ? g : undefined;
}

/** Whether the UTF-16 unit at `i` is the second half of a surrogate pair. */
function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/** `[start, end)` widened by a unit at either end that would cut a surrogate pair. */
function noSurrogateCut(text: string, start: number, end: number): [number, number] {
  if (start > 0 && isLowSurrogate(text, start)) start--;
  if (end < text.length && isLowSurrogate(text, end)) end++;
  return [start, end];
}

/** The passage `[start, end)` of `text`, an ellipsis at a cut end, with its marks shifted into it. */
function cut(text: string, groups: readonly Group[], start: number, end: number): { text: string; marks: Mark[] } {
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  const marks: Mark[] = [];
  for (const g of groups) {
    if (g.end <= start || g.start >= end) continue;
    // Clipped only when a single mark is longer than a snippet.
    marks.push([Math.max(g.start, start) + shift, Math.min(g.end, end) + shift]);
  }
  return { text: prefix + text.slice(start, end) + suffix, marks };
}
