import type { TextFix } from '../types.ts';
import { isCjkPunctCode as isCjkPunct, isHanCode as isHan } from '../text.ts';

export const summary =
  'makes ASCII punctuation in Chinese text full-width (`, ; : ! ? ( ) " \'` and a sentence-final `.`) and full-width digits and letters ASCII';

const isCjk = (cp: number): boolean => isHan(cp) || isCjkPunct(cp);

// Code points used below.
const NL = 0x0a;
const SPACE = 0x20;
const QUOTE = 0x22; // "
const APOS = 0x27; // '
const LPAREN = 0x28;
const RPAREN = 0x29;
const COMMA = 0x2c;
const DOT = 0x2e;
const COLON = 0x3a;
const SEMI = 0x3b;
const BANG = 0x21;
const QMARK = 0x3f;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const WIDE_LPAREN = 0xff08; // （
const WIDE_RPAREN = 0xff09; // ）
const WIDE_PERCENT = 0xff05; // ％
const WIDE_DOT = 0xff0e; // ．
const IDEO_STOP = 0x3002; // 。

/** Closing CJK marks after which a `.` may end a sentence: ” ’ ） 》 」 』 】 〉 〕. */
const CLOSERS = new Set([0x201d, 0x2019, 0xff09, 0x300b, 0x300d, 0x300f, 0x3011, 0x3009, 0x3015]);
const isSpace = (cp: number): boolean => cp === SPACE || cp === 0x09 || cp === 0x3000 || cp === 0xa0;
const isLatinLetter = (cp: number): boolean => (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
const isDigit = (cp: number): boolean => cp >= 0x30 && cp <= 0x39;
/** `, ; : ! ?`: marks decided by their neighbours (step 5). */
const isMark = (cp: number): boolean =>
  cp === COMMA || cp === SEMI || cp === COLON || cp === BANG || cp === QMARK;
/** Full-width forms of `, ; : ! ? ( )`: the ASCII code point + 0xfee0. */
const widen = (cp: number): number => cp + 0xfee0;
const PERCENT = 0x25;
/** Marks a parenthesis looks through to find its outside neighbour: `, ; : ! ? .` */
const isSkippable = (cp: number): boolean => isMark(cp) || cp === DOT;
/** Code points per `String.fromCodePoint` call when rebuilding the text. */
const CHUNK = 8192;
/** Rounds of steps 2-5; real text settles in one or two. */
const MAX_ROUNDS = 4;
/** A line-start list number (`1.`, `一.`, `## 3.`): its `.` is never turned into `。`. */
const LIST_NUMBER = /^[\s#]*[0-9一二三四五六七八九十百零〇]{1,4}$/;
/** What comes before the `;` that ends an HTML character reference (`&gt;`, `&#60;`, `&#x3c;`). */
const ENTITY_BEFORE = /&(?:[a-zA-Z][a-zA-Z0-9]{1,7}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6})$/;
/** Any character this pass may change; text without one is returned at once. */
const CANDIDATE = /[,;:!?().'"\uff05\uff0e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/;

/**
 * Fix the width of punctuation, digits and letters in Chinese text. Works on `\n`-separated
 * text; a character's context never crosses a line end. Rules, in order:
 *
 * 1. Full-width digits `０-９` and letters `Ａ-Ｚａ-ｚ` become ASCII; `％` after a digit becomes `%`
 *    and `．` between digits becomes `.`. Other full-width punctuation and symbols
 *    (`，。！？（）：；“”‘’、＋－`) and `·` `—` `…` are kept.
 * 2. `(` `)` are paired per line (a full-width partner counts); a pair becomes `（）` when its
 *    content has a Han character, its partner is already full-width, or the nearest outside
 *    neighbour on either side (skipping spaces and ASCII `,;:!?.`) is CJK (Han or CJK
 *    punctuation). An unpaired one converts when either neighbour is CJK. `](` (a Markdown link)
 *    is kept.
 * 3. ASCII `"` are paired in alternation per line and become `“…”` when the quoted text has a Han
 *    character; `'` likewise become `‘…’` (an apostrophe between letters, `China's`, is skipped).
 * 4. `.` becomes `。` when it directly follows a Han character or a closing CJK mark and is
 *    followed by the line end, a space or a CJK character; never in numbers (`3.39%`) or after a
 *    line-start list number (`1.全国…`, `一.`).
 * 5. `, ; : ! ?` become `，；：！？` when the nearest neighbour on either side (skipping spaces and
 *    other such marks) is CJK; kept between two digits (`1,200`, `10:30`), in `![` (Markdown)
 *    and as the end of an HTML character reference (`&lt;b&gt;`).
 *
 * A widened mark can make its neighbour's context CJK (`中.,(1)`), so steps 2, 4 and 5 repeat until
 * nothing changes (at most 4 rounds), which keeps the fix idempotent. Latin and number context is
 * left alone: `29.9%`, `C919`, `https://example.org/a,b`, `The (HEPS) source.` Count: characters
 * changed.
 *
 * @example
 * normalizePunctuationWidth('2025,创新浪潮奔涌不息,科技突破与产业变革交相辉映')
 * // → { text: '2025，创新浪潮奔涌不息，科技突破与产业变革交相辉映', count: 2 }
 * normalizePunctuationWidth('高能同步辐射光源(HEPS)正式启动带光调联')
 * // → { text: '高能同步辐射光源（HEPS）正式启动带光调联', count: 2 }
 */
export const normalizePunctuationWidth: TextFix = (text) => {
  if (!CANDIDATE.test(text)) return { text, count: 0 };
  const t = new CodePoints(text);
  fullWidthToAscii(t);
  widenQuotes(t, QUOTE, 0x201c, 0x201d);
  widenQuotes(t, APOS, 0x2018, 0x2019);
  for (let r = 0; r < MAX_ROUNDS; r++) {
    const before = t.count;
    widenParens(t);
    widenPeriods(t);
    widenMarks(t);
    if (t.count === before) break;
  }
  return t.count === 0 ? { text, count: 0 } : { text: t.toString(), count: t.count };
};

/** The text as code points (`-1` past either end), with the characters changed so far. */
class CodePoints {
  readonly n: number;
  count = 0;
  private readonly text: string;
  private readonly cps: Uint32Array;
  /** Code-unit offset of each code point, to rebuild the string from unchanged slices. */
  private readonly offsets: Uint32Array;
  private readonly changed: Uint8Array;
  /** Prefix count of Han characters, to ask "has this span a Han character?" in O(1). */
  private readonly han: Uint32Array;

  constructor(text: string) {
    this.text = text;
    const cps = new Uint32Array(text.length);
    const offsets = new Uint32Array(text.length + 1);
    let n = 0;
    for (let u = 0; u < text.length; n++) {
      const cp = text.codePointAt(u)!;
      cps[n] = cp;
      offsets[n] = u;
      u += cp > 0xffff ? 2 : 1;
    }
    offsets[n] = text.length;
    this.n = n;
    this.cps = cps.subarray(0, n);
    this.offsets = offsets.subarray(0, n + 1);
    this.changed = new Uint8Array(n);
    this.han = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) this.han[i + 1] = this.han[i]! + (isHan(cps[i]!) ? 1 : 0);
  }

  at(i: number): number {
    return i >= 0 && i < this.n ? this.cps[i]! : -1;
  }

  set(i: number, cp: number): void {
    if (this.cps[i] !== cp) {
      this.cps[i] = cp;
      if (this.changed[i] === 0) this.count++;
      this.changed[i] = 1;
    }
  }

  /** Han characters never change in this pass, so the prefix counts stay valid. */
  hasHan(from: number, to: number): boolean {
    return to > from && this.han[to]! - this.han[from]! > 0;
  }

  /** Nearest code point from `i` in direction `d`, skipping spaces (and `skip` marks if asked). */
  neighbour(i: number, d: 1 | -1, skipMarks: boolean): number {
    let j = i + d;
    while (j >= 0 && j < this.n && (isSpace(this.cps[j]!) || (skipMarks && isSkippable(this.cps[j]!)))) j += d;
    return this.at(j);
  }

  /** The code points from `from` up to `to` as a string (for short look-backs). */
  slice(from: number, to: number): string {
    return String.fromCodePoint(...this.cps.subarray(from, to));
  }

  toString(): string {
    const out: string[] = [];
    if (this.count > this.n / 16) {
      // Many changes: rebuild from the code points, a chunk at a time.
      for (let i = 0; i < this.n; i += CHUNK) out.push(String.fromCodePoint(...this.cps.subarray(i, i + CHUNK)));
      return out.join('');
    }
    let copied = 0;
    for (let i = 0; i < this.n; i++) {
      if (this.changed[i] === 0) continue;
      out.push(this.text.slice(copied, this.offsets[i]), String.fromCodePoint(this.cps[i]!));
      copied = this.offsets[i + 1]!;
    }
    out.push(this.text.slice(copied));
    return out.join('');
  }
}

/** Step 1: full-width digits and letters → ASCII; `％` after a digit, `．` between digits. */
function fullWidthToAscii(t: CodePoints): void {
  for (let i = 0; i < t.n; i++) {
    const cp = t.at(i);
    const wideAlnum =
      (cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a);
    if (wideAlnum) t.set(i, cp - 0xfee0);
  }
  for (let i = 1; i < t.n; i++) {
    const cp = t.at(i);
    if (cp === WIDE_PERCENT && isDigit(t.at(i - 1))) t.set(i, 0x25);
    else if (cp === WIDE_DOT && isDigit(t.at(i - 1)) && isDigit(t.at(i + 1))) t.set(i, DOT);
  }
}

/** Step 2: `( )` paired per line; see the rules on {@link normalizePunctuationWidth}. */
function widenParens(t: CodePoints): void {
  const decidePair = (o: number, e: number): void => {
    const open = t.at(o);
    const close = t.at(e);
    if (open === WIDE_LPAREN && close === WIDE_RPAREN) return;
    if (open === LPAREN && t.at(o - 1) === RBRACKET) return; // [text](url)
    const wide =
      open === WIDE_LPAREN ||
      close === WIDE_RPAREN ||
      t.hasHan(o + 1, e) ||
      isCjk(t.neighbour(o, -1, true)) ||
      isCjk(t.neighbour(e, 1, true));
    if (wide) {
      t.set(o, WIDE_LPAREN);
      t.set(e, WIDE_RPAREN);
    }
  };
  const stack: number[] = [];
  const single: number[] = [];
  for (let i = 0; i <= t.n; i++) {
    const cp = t.at(i);
    if (cp === -1 || cp === NL) {
      for (const k of stack) if (t.at(k) === LPAREN) single.push(k);
      stack.length = 0;
    } else if (cp === LPAREN || cp === WIDE_LPAREN) {
      stack.push(i);
    } else if (cp === RPAREN || cp === WIDE_RPAREN) {
      const o = stack.pop();
      if (o !== undefined) decidePair(o, i);
      else if (cp === RPAREN) single.push(i);
    }
  }
  for (const i of single) {
    if (isCjk(t.neighbour(i, -1, false)) || isCjk(t.neighbour(i, 1, false))) t.set(i, widen(t.at(i)));
  }
}

/** Step 3: ASCII quotes paired in alternation per line; a pair around Han text is widened. */
function widenQuotes(t: CodePoints, q: number, open: number, close: number): void {
  let o = -1;
  for (let i = 0; i < t.n; i++) {
    const cp = t.at(i);
    if (cp === NL) o = -1;
    if (cp !== q) continue;
    if (q === APOS && isLatinLetter(t.at(i - 1)) && isLatinLetter(t.at(i + 1))) continue; // China's
    if (o === -1) {
      o = i;
      continue;
    }
    if (t.hasHan(o + 1, i)) {
      t.set(o, open);
      t.set(i, close);
    }
    o = -1;
  }
}

/** Step 4: a sentence-final `.` after Han text → `。`. */
function widenPeriods(t: CodePoints): void {
  let lineStart = 0;
  for (let i = 0; i < t.n; i++) {
    const cp = t.at(i);
    if (cp === NL) lineStart = i + 1;
    if (cp !== DOT) continue;
    const prev = t.at(i - 1);
    // `…同比增长32%.` ends a Chinese sentence too.
    if (!(isHan(prev) || CLOSERS.has(prev) || (prev === PERCENT && (t.at(i + 1) === -1 || t.at(i + 1) === NL || isHan(t.at(i + 1)))))) continue;
    const next = t.at(i + 1);
    if (!(next === -1 || next === NL || isSpace(next) || isCjk(next))) continue;
    if (i - lineStart <= 8 && LIST_NUMBER.test(t.slice(lineStart, i))) continue;
    t.set(i, IDEO_STOP);
  }
}

/** Step 5: `, ; : ! ?` widened when the nearest non-mark neighbour is CJK on the left or Han on the right. */
function widenMarks(t: CodePoints): void {
  const leftCjk = new Uint8Array(t.n);
  let last = false;
  for (let i = 0; i < t.n; i++) {
    const cp = t.at(i);
    if (isMark(cp)) leftCjk[i] = last ? 1 : 0;
    else if (!isSpace(cp)) last = isCjk(cp);
  }
  last = false;
  for (let i = t.n - 1; i >= 0; i--) {
    const cp = t.at(i);
    if (isMark(cp)) {
      const betweenDigits = isDigit(t.at(i - 1)) && isDigit(t.at(i + 1));
      const mdImage = cp === BANG && t.at(i + 1) === LBRACKET; // ![alt](src)
      const entity = cp === SEMI && ENTITY_BEFORE.test(t.slice(Math.max(0, i - 10), i)); // &gt;
      if ((leftCjk[i] === 1 || last) && !betweenDigits && !mdImage && !entity) t.set(i, widen(cp));
    } else if (!isSpace(cp)) {
      // On the right only a Han character counts: `expo!”` keeps its English `!`.
      last = isHan(cp);
    }
  }
}
