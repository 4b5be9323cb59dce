/**
 * Character classes, widths, sentence splitting and comparison keys shared by the passes.
 * Everything here is pure and linear in the length of its input.
 */

/** By code point, for passes that scan code points: Han, kana and Hangul, the characters that make a context Chinese. */
export function isHanCode(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    (cp >= 0x3040 && cp <= 0x30ff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    cp === 0x3005 ||
    cp === 0x3007
  );
}

/** By code point: CJK punctuation (CJK symbols block, full-width punctuation, curly quotes, `…`, `—`). */
export function isCjkPunctCode(cp: number): boolean {
  return (
    (cp >= 0x3001 && cp <= 0x303f) ||
    (cp >= 0xff01 && cp <= 0xff0f) ||
    (cp >= 0xff1a && cp <= 0xff20) ||
    (cp >= 0xff3b && cp <= 0xff40) ||
    (cp >= 0xff5b && cp <= 0xff65) ||
    cp === 0x2018 ||
    cp === 0x2019 ||
    cp === 0x201c ||
    cp === 0x201d ||
    cp === 0x2026 ||
    cp === 0x2014
  );
}

/** Han characters (CJK Unified Ideographs and extensions, compatibility ideographs, 〇). */
export const HAN = /\p{Script=Han}/u;

/** True for a Han character. */
export function isHan(ch: string): boolean {
  return HAN.test(ch);
}

/** Full-width CJK punctuation, including quotes and brackets. */
const CJK_PUNCT = new Set(Array.from('，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕—…·～￥％'));

/** True for CJK punctuation (full-width marks, quotes, brackets, dash, ellipsis). */
export function isCjkPunct(ch: string): boolean {
  return CJK_PUNCT.has(ch);
}

/** True for a Han character or CJK punctuation: the things between which a space is stray. */
export function isCjk(ch: string): boolean {
  return isHan(ch) || isCjkPunct(ch) || /[\u3000-\u303f\uff00-\uffef]/u.test(ch);
}

/**
 * Display width in half-width cells: CJK characters and full-width forms count 2, the rest 1.
 * Hard-wrapped PDF text is wrapped at a fixed display width, so this is what wrap detection measures.
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w += c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 || c === 0x2014 || c === 0x2026 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019) ? 2 : 1;
  }
  return w;
}

/** Marks that end a sentence. */
const TERMINALS = new Set(Array.from('。！？!?…'));
/** Marks that may follow a terminal and still belong to the sentence (closing quotes and brackets). */
const CLOSERS = new Set(Array.from('”’」』）)》】〕'));

/** Strip trailing closing quotes and brackets, to look at the mark before them. */
function stripClosers(text: string): string {
  let end = text.length;
  while (end > 0 && CLOSERS.has(text[end - 1] ?? '')) end--;
  return text.slice(0, end);
}

/**
 * True when a text ends a sentence: with 。！？ or an ellipsis, possibly followed by closing quotes
 * or brackets. A full end-of-article dateline `（新华社北京3月6日电）` also counts.
 */
export function endsSentence(text: string): boolean {
  const t = text.trimEnd();
  if (t === '') return false;
  if (/[（(][^（()）]*电[）)]$/u.test(t)) return true;
  const core = stripClosers(t);
  const last = core[core.length - 1] ?? '';
  return TERMINALS.has(last);
}

/**
 * Split a paragraph into sentences after 。！？ and ellipses (with any closing quotes that follow).
 * The pieces concatenate back to the input exactly.
 * @example splitSentences('今天的中国，正向“新”而行。看大江南北！') // ['今天的中国，正向“新”而行。', '看大江南北！']
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const chars = Array.from(text);
  let pos = 0; // code-unit position
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    pos += ch.length;
    if (!TERMINALS.has(ch)) continue;
    // take runs of terminals (……, ！？) and closers that follow
    let j = i + 1;
    let p = pos;
    while (j < chars.length && (TERMINALS.has(chars[j] ?? '') || CLOSERS.has(chars[j] ?? ''))) {
      p += (chars[j] ?? '').length;
      j++;
    }
    // an ellipsis in the middle of a clause followed by a comma does not end a sentence
    const next = chars[j] ?? '';
    if (ch === '…' && (next === '，' || next === '、' || next === '”')) continue;
    out.push(text.slice(start, p));
    start = p;
    pos = p;
    i = j - 1;
  }
  if (start < text.length) out.push(text.slice(start));
  return out.filter((s) => s.length > 0);
}

/**
 * A comparison key: letters and digits only, full-width forms folded to ASCII, lower case.
 * Two variants of a sentence that differ only in punctuation, quotes, spaces or markup share a key.
 */
export function sentenceKey(text: string): string {
  const out: string[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x4e00 && c <= 0x9fff) out.push(ch);
    else if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) out.push(ch);
    else if (c >= 0x41 && c <= 0x5a) out.push(String.fromCharCode(c + 32));
    else if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) out.push(String.fromCodePoint(c - 0xfee0).toLowerCase());
    else if (c > 0x7f && LETTER_OR_NUMBER.test(ch)) out.push(ch.toLowerCase());
  }
  return out.join('');
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** The set of character bigrams of a key (for fuzzy comparison). */
export function bigrams(key: string): Set<string> {
  const chars = Array.from(key);
  const set = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) set.add((chars[i] ?? '') + (chars[i + 1] ?? ''));
  if (chars.length === 1) set.add(chars[0] ?? '');
  return set;
}

/**
 * Containment similarity of two keys: shared bigrams over the bigrams of the shorter one.
 * 1 when one sentence contains the other, near 1 for a variant with a word or two changed.
 */
export function containment(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return shared / small.size;
}

/** Dice similarity of two bigram sets (symmetric; penalises length differences). */
export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * How faithful a rendering of a passage looks: quotation marks, dashes, ellipses, book-title marks
 * and full-width punctuation count for it; ASCII punctuation next to Han and stray spaces count against.
 * Used to choose between variants of the same sentence.
 */
export function fidelity(text: string): number {
  let score = 0;
  for (const ch of text) {
    if ('“”‘’《》'.includes(ch)) score += 2;
    else if (ch === '—' || ch === '…') score += 1;
    else if ('，。、；：？！（）'.includes(ch)) score += 0.5;
  }
  score -= (text.match(/\p{Script=Han} +\p{Script=Han}/gu) ?? []).length;
  return score;
}

/** Count Han characters in a text. */
export function hanCount(text: string): number {
  let n = 0;
  for (const ch of text) if (isHan(ch)) n++;
  return n;
}

/** Sentence punctuation that a headline never contains. */
export const SENTENCE_PUNCT = /[，。；！？：,;!?]/u;
