import type { TextFix } from '../types.ts';

export const summary =
  'undoes PDF fake-bold doubling: a line printed twice (X+X), or a caption whose every text run and every punctuation mark is doubled';

/** The shortest X (in characters) for which a whole line X+X is taken as fake bold. */
const MIN_WHOLE_LINE = 4;
/** A run-wise undo must leave at least this many text characters (guards `谢谢谢谢！！`). */
const MIN_TEXT_KEPT = 4;

/** Punctuation, symbols and white space; everything else (Han, digits, Latin) is text. */
const MARK = /[\p{P}\p{S}\p{Z}\s]/u;

/** Marks that are normally written as a pair and count as one mark: `……` and `——`. */
const PAIRED_MARKS = new Set(['…', '—']);

/** `s` is `X+X` for some non-empty X: return X, else `undefined`. */
function half(s: string): string | undefined {
  if (s.length === 0 || s.length % 2 !== 0) return undefined;
  const mid = s.length / 2;
  const x = s.slice(0, mid);
  return s.endsWith(x) ? x : undefined;
}

/** Split a run of punctuation into marks; `……` and `——` are one mark each. */
function marksOf(run: string): string[] {
  const chars = Array.from(run);
  const marks: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (PAIRED_MARKS.has(c) && chars[i + 1] === c) {
      marks.push(c + c);
      i++;
    } else {
      marks.push(c);
    }
  }
  return marks;
}

/** A punctuation run that is doubled (`，，`, `””。。`, `”。”。`, `…………`) → its single form. */
function undoMarks(run: string): string | undefined {
  const marks = marksOf(run);
  if (marks.length % 2 !== 0) return undefined;
  let pairwise = true;
  for (let i = 0; i < marks.length; i += 2) {
    if (marks[i] !== marks[i + 1]) {
      pairwise = false;
      break;
    }
  }
  if (pairwise) {
    const out: string[] = [];
    for (let i = 0; i < marks.length; i += 2) out.push(marks[i]!);
    return out.join('');
  }
  const mid = marks.length / 2;
  for (let i = 0; i < mid; i++) if (marks[i] !== marks[mid + i]) return undefined;
  return marks.slice(0, mid).join('');
}

/** Undo one line without its surrounding white space; `undefined` when it is not fake bold. */
function undoLine(core: string): string | undefined {
  const whole = half(core);
  if (whole !== undefined && Array.from(whole).length >= MIN_WHOLE_LINE) return whole;

  const out: string[] = [];
  let doubled = 0;
  let textKept = 0;
  let start = 0;
  let i = 0;
  while (start < core.length) {
    const isMark = MARK.test(String.fromCodePoint(core.codePointAt(start)!));
    i = start;
    while (i < core.length) {
      const cp = core.codePointAt(i)!;
      if (MARK.test(String.fromCodePoint(cp)) !== isMark) break;
      i += cp > 0xffff ? 2 : 1;
    }
    const run = core.slice(start, i);
    const single = isMark ? undoMarks(run) : half(run);
    if (single === undefined) return undefined;
    if (!isMark) textKept += Array.from(single).length;
    out.push(single);
    doubled++;
    start = i;
  }
  if (doubled < 2 || textKept < MIN_TEXT_KEPT) return undefined;
  return out.join('');
}

/**
 * Undo PDF "fake bold", which prints text twice. Works line by line (`\n`); white space around a
 * line is kept. A line is undone when either
 *
 * - the whole line is X+X with X at least 4 characters, or
 * - the line splits into alternating runs of punctuation/symbols/spaces and of other text where
 *   EVERY text run is some X repeated twice and EVERY punctuation run is doubled, either mark by
 *   mark (`””。。`) or as a whole (`”。”。`); there must be at least two such runs and at least 4
 *   text characters left.
 *
 * `……` and `——` are single marks (that is how they are written), so `……` alone is not doubled
 * while `…………` becomes `……`. One doubled word (`他说：“谢谢谢谢！”`), `人人为我，我为人人。`,
 * `天天向上`, `哈哈` and `2020年和2020年` stay as they are. A line is undone until it is no longer
 * doubled (printed four times → once), so the fix is idempotent. Count: lines undone.
 *
 * @example
 * undoBoldDoubling('山东省寿光市营里镇恒远光伏项目山东省寿光市营里镇恒远光伏项目，，可以实现可以实现““光伏发电光伏发电++新型储能新型储能++盐业制卤盐业制卤++水产养殖水产养殖””等项目融合开发等项目融合开发。。')
 * // → { text: '山东省寿光市营里镇恒远光伏项目，可以实现“光伏发电+新型储能+盐业制卤+水产养殖”等项目融合开发。', count: 1 }
 */
export const undoBoldDoubling: TextFix = (text) => {
  const lines = text.split('\n');
  let count = 0;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    let a = 0;
    let b = line.length;
    while (a < b && /\s/.test(line[a]!)) a++;
    while (b > a && /\s/.test(line[b - 1]!)) b--;
    if (a === b) continue;
    let fixed = undoLine(line.slice(a, b));
    if (fixed === undefined) continue;
    // Undo again while the result is still doubled (a line printed four times), so that the
    // fix is idempotent; each round halves the line, so this stays linear.
    for (let again = undoLine(fixed); again !== undefined; again = undoLine(fixed)) fixed = again;
    lines[n] = line.slice(0, a) + fixed + line.slice(b);
    count++;
  }
  return count === 0 ? { text, count: 0 } : { text: lines.join('\n'), count };
};
