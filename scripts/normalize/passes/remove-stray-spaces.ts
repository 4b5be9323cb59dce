import type { TextFix } from '../types.ts';
import { isCjkPunctCode as isCjkPunct, isHanCode as isHan } from '../text.ts';

export const summary =
  'removes the spaces a PDF or a wrap left inside Chinese body text (between CJK, or CJK and a number or acronym), collapses and trims the rest';

/** The spaces this pass handles: ASCII space, NBSP, U+2000-U+200A, narrow NBSP, U+205F, U+3000. */
function isSpace(u: number): boolean {
  return u === 0x20 || u === 0xa0 || u === 0x3000 || (u >= 0x2000 && u <= 0x200a) || u === 0x202f || u === 0x205f;
}

/** Code point ending at `end` (exclusive), minding surrogate pairs. */
function cpBefore(s: string, end: number): number {
  const lo = s.charCodeAt(end - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && end >= 2) {
    const hi = s.charCodeAt(end - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return s.codePointAt(end - 2)!;
  }
  return lo;
}

/** A code unit that ends a Latin/number token: a space, a line end, Han or CJK punctuation. */
function endsToken(u: number): boolean {
  return isSpace(u) || u === 0x0a || isHan(u) || isCjkPunct(u) || (u >= 0xd800 && u <= 0xdfff);
}

/**
 * May a space between CJK and this Latin token go? Yes for a token with a digit (`2024`, `5G`,
 * `29.9%`, `C919`), for ALL CAPS (`MOSFET`, `AI`) and for bare symbols (`%`, `+`); no for words
 * with lower-case letters (`and`, `Energy`, `iPhone`). Outer ASCII punctuation is ignored.
 */
function attaches(token: string): boolean {
  let a = 0;
  let b = token.length;
  while (a < b && /[\p{P}\p{S}]/u.test(token[a]!)) a++;
  while (b > a && /[\p{P}\p{S}]/u.test(token[b - 1]!)) b--;
  const core = token.slice(a, b);
  // Bare symbols attach only when they are units or operators (`%`, `+`), not markup (`#`, `*`).
  if (core === '') return /^[%‰+℃°~～\-()[\]]+$/u.test(token);
  if (/\p{Nd}/u.test(core)) return true;
  return /\p{Lu}/u.test(core) && !/\p{Ll}/u.test(core);
}

/** A dateline ends just before `at`: `…3月4日电`, `…6日讯`, `本报讯`. Its space is kept. */
const DATELINE_END = /(?:[0-9０-９一二三四五六七八九十]\s*日[电讯]|报讯)$/u;
/** A byline parenthetical starts after `(`/`（`: `（记者 邹多为 唐诗凝）`. Its spaces are kept. */
const BYLINE_START = /^[ \u3000\u00a0]*(?:新华社|本报|央视)?记者/u;
/** How far to look for the `）` that closes a byline. */
const BYLINE_MAX = 80;

/**
 * Remove spaces a PDF or a line wrap left inside Chinese body text; keep real ones. Every run of
 * spaces (ASCII, U+3000, NBSP and the other Unicode spaces) either goes or becomes one ASCII space:
 *
 * - at the start or end of the text or of a line (`\n`): removed (trim);
 * - after a dateline (`新华社北京3月4日电 凝心聚力…`, `…12月5日电 《中共中央…》提出`): kept, unless
 *   a byline parenthesis follows (`…6日电 （记者` → `…6日电（记者`);
 * - next to CJK punctuation (`，。“”（）《》…—` …): removed;
 * - between two CJK characters: removed (`科学论 坛` → `科学论坛`), except between the names in a
 *   byline parenthetical (`（记者 邹多为 唐诗凝）`), which are real and kept;
 * - between CJK and a Latin/number token, either order: removed when the token has a digit, is ALL
 *   CAPS or is bare symbols (`中国航天 2024 年` → `中国航天2024年`, `MOSFET 器件`, `增长 29.9%。`,
 *   `5G 用户`, `C919`); kept when the token has a lower-case letter (`对美国 and 韩国`,
 *   `Nature Energy 期刊`: ordinary words keep their spacing);
 * - between two Latin/number tokens: kept (`AI and robots`, `1 000 000`).
 *
 * Count: spaces removed (a lone odd space replaced by an ASCII space counts 1).
 *
 * @example
 * removeStraySpaces('观浩瀚宇宙，中国航天 2024 年预计发射 100 次左右，2025腾冲科学论 坛')
 * // → { text: '观浩瀚宇宙，中国航天2024年预计发射100次左右，2025腾冲科学论坛', count: 5 }
 */
export const removeStraySpaces: TextFix = (text) => {
  const n = text.length;
  const out: string[] = [];
  let count = 0;
  let copied = 0;
  let bylineEnd = -1;
  let i = 0;
  while (i < n) {
    const u = text.charCodeAt(i);
    if (u === 0xff08 || u === 0x28) {
      if (i >= bylineEnd && BYLINE_START.test(text.slice(i + 1, i + 12))) {
        const window = text.slice(i + 1, i + 1 + BYLINE_MAX);
        const close = window.search(/[)）]/u);
        if (close >= 0) bylineEnd = i + 1 + close;
      }
    }
    if (!isSpace(u)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    const keep = keepSpace(text, i, j, i < bylineEnd);
    const run = j - i;
    if (keep) {
      if (run === 1 && u === 0x20) {
        i = j;
        continue;
      }
      count += Math.max(1, run - 1);
    } else {
      count += run;
    }
    out.push(text.slice(copied, i));
    if (keep) out.push(' ');
    copied = j;
    i = j;
  }
  if (count === 0) return { text, count: 0 };
  out.push(text.slice(copied));
  return { text: out.join(''), count };
};

/** The run of non-Han text from `at` forward (dir 1) or backward (dir -1), up to Han or a line end. */
function latinRun(text: string, at: number, dir: 1 | -1): string {
  let k = at;
  if (dir === 1) {
    while (k < text.length && !isHan(text.codePointAt(k)!) && text[k] !== '\n') k++;
    return text.slice(at, k);
  }
  while (k > 0 && !isHan(cpBefore(text, k)) && text[k - 1] !== '\n') k--;
  return text.slice(k, at);
}

/** Several words, one of them lower-case: a phrase of English, not an acronym or a number. */
function isEnglishPhrase(run: string): boolean {
  return /[A-Za-z0-9] +[A-Za-z]/u.test(run) && /\b[a-z]+\b/u.test(run);
}

/** Decide the space run `[start, end)`: keep one space, or remove it. */
function keepSpace(text: string, start: number, end: number, inByline: boolean): boolean {
  if (start === 0 || end === text.length) return false;
  const l = cpBefore(text, start);
  const r = text.codePointAt(end)!;
  if (l === 0x0a || r === 0x0a) return false;
  const lHan = isHan(l);
  const rHan = isHan(r);
  if (lHan && r !== 0xff08 && r !== 0x28 && DATELINE_END.test(text.slice(Math.max(0, start - 12), start))) {
    return true; // `…日电 凝心聚力`, `…日电 《…》提出`; but `…日电（记者…）` takes no space
  }
  if (isCjkPunct(l) || isCjkPunct(r)) return false;
  if (lHan && rHan) return inByline;
  if (lHan) {
    let k = end;
    while (k < text.length && !endsToken(text.charCodeAt(k))) k++;
    // An English phrase (`以 AI and robots 为主题`) keeps its spaces on both sides.
    if (/^ +[A-Za-z]/u.test(text.slice(k, k + 2)) && isEnglishPhrase(latinRun(text, end, 1))) return true;
    return !attaches(text.slice(end, k));
  }
  if (rHan) {
    let k = start;
    while (k > 0 && !endsToken(text.charCodeAt(k - 1))) k--;
    if (/[A-Za-z] +$/u.test(text.slice(Math.max(0, k - 2), k)) && isEnglishPhrase(latinRun(text, start, -1))) return true;
    return !attaches(text.slice(k, start));
  }
  return true;
}
