/**
 * English text as search reads it: each article's English title, summary and translated
 * paragraphs, where a query's words are looked for where a word starts (`export…`), whole for
 * words of two letters, abbreviations and numbers. Pure functions.
 */
import type { Mark } from './types.ts';

/** English words that are not pinyin, and mean English among other words typed in letters. */
export const ENGLISH_WORDS = new Set(['and', 'of', 'the', 'for', 'with', 'from', 'in', 'on', 'at', 'to', 'by', 'is', 'are', 'was', 'were', 'its', 'into']);

/** An English summary or paragraph translation of an article, and its text in lower case. */
export interface EnglishBlock {
  /** The paragraph id it translates, or `''` for the summary (the article's head). */
  id: string;
  text: string;
  readonly lower: string;
}

/** An English block whose lower case (`lowerCase`) is worked out when first asked for: a Chinese query never does. */
export function englishBlock(id: string, text: string): EnglishBlock {
  let lower: string | undefined;
  return {
    id,
    text,
    get lower() {
      return (lower ??= lowerCase(text));
    },
  };
}

/**
 * English text as its words are looked for: lower case, character by character where that keeps
 * the length (so marks on it fit the text), hyphens as spaces (year-on-year is year on year), and
 * a Latin letter with an accent as the letter (Lü is lu, café cafe: typed either way).
 */
export function lowerCase(text: string): string {
  const lower = text.toLowerCase();
  return bareLetters((lower.length === text.length ? lower : Array.from(text, (c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c)).join('')).replace(/-/gu, ' '));
}

/** Latin letters with accents (à to ɏ) as the plain letter, where there is one; the length kept. */
export function bareLetters(text: string): string {
  return /[\u00c0-\u024f]/u.test(text) ? text.replace(/[\u00c0-\u024f]/gu, (c) => {
    const base = c.normalize('NFD')[0]!;
    return base.length === 1 && base < '\u0080' ? base : c;
  }) : text;
}

/**
 * Where `word` (lower case) starts a word of `text` (lower case): `[start, end)` marks; for a stem
 * (`endings`: what may follow it, see `englishStem`), each to the end of the word it starts
 * (launch of launches marks launches), a form of its word only.
 */
export function wordMarks(word: string, text: string, whole = false, endings?: ReadonlySet<string>): Mark[] {
  const marks: Mark[] = [];
  const number = /\p{N}$/u.test(word);
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (at > 0 && /[\p{L}\p{N}]/u.test(text[at - 1]!)) continue;
    const end = at + word.length;
    // A number is never part of a longer one (8.7 is not in 8.75, 7 not in 8.7), nor, asked whole, a word.
    if (number && (/\p{N}/u.test(text[end] ?? '') || (/[.,]/u.test(text[end] ?? '') && /\p{N}/u.test(text[end + 1] ?? '')))) continue;
    if (/^\p{N}/u.test(word) && /[.,]/u.test(text[at - 1] ?? '') && /\p{N}/u.test(text[at - 2] ?? '')) continue;
    if (whole && /[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
    let to = end;
    if (endings) {
      while (to < text.length && /\p{L}/u.test(text[to]!)) to++;
      // Only the word's own forms (state, states, stated of stat; not station), a doubled last
      // letter too (planned).
      const ending = text.slice(end, to);
      if (!endings.has(ending) && !(endings === STEM_ENDINGS && ending.length >= 3 && ending[0] === word[word.length - 1] && STEM_ENDINGS.has(ending.slice(1)))) continue;
    }
    marks.push([at, to]);
  }
  return marks;
}

/**
 * A term as English text may have it: a word (`exports`, `ai`), a number (`8.7`, `15:53`,
 * `2024`), or words typed apart (`wang yi`); `whole` when only a whole word will do (a word of
 * two letters, an abbreviation typed in capitals), else it may start one (`export…`).
 */
export interface EnglishForm {
  text: string;
  whole: boolean;
  /** A stem's endings (see `englishStem`): marked to the end of the word it starts, a form of its word. */
  stem?: ReadonlySet<string>;
}

/** The English form of a query token (lower case), if it can be one. */
export function englishForm(token: string): EnglishForm | undefined {
  // (Letters with accents too: Lü, café.)
  if (!/^[a-z0-9\u00e0-\u024f](?:[a-z0-9\u00e0-\u024f.,:'’-]*[a-z0-9\u00e0-\u024f%])?$/u.test(token) || !/[a-z\u00e0-\u024f]|\d/u.test(token)) return undefined;
  // One letter matches too much to mean anything (a figure is a number: March 7).
  if (token.length < 2 && !/^\d$/u.test(token)) return undefined;
  return { text: bareLetters(token.replace(/-/gu, ' ')), whole: token.length <= 2 && /^[a-z\u00e0-\u024f]+$/u.test(token) };
}

/**
 * Full pinyin written together (`xijinping`, `lvdaliang`) as English text writes a name: its
 * syllables with spaces between some of them (xi jinping, lu daliang; ü typed v is u there), every
 * way, for two to four syllables. Empty for other syllable counts.
 */
export function pinyinApart(syllables: readonly string[]): string[] {
  if (syllables.length < 2 || syllables.length > 4) return [];
  const out: string[] = [];
  for (let mask = 1; mask < 1 << (syllables.length - 1); mask++) {
    out.push(syllables.map((syl, i) => (i > 0 && mask & (1 << (i - 1)) ? ' ' : '') + syl).join('').replace(/v/gu, 'u'));
  }
  return out;
}

/**
 * The edits between two words (a letter changed, left out, added, or two neighbours swapped),
 * or `most + 1` once there are more than `most`.
 */
export function editDistance(a: string, b: string, most: number): number {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = new Array<number>(b.length + 1);
    next[0] = i;
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) next[j] = Math.min(next[j]!, before[j - 2]! + 1);
      low = Math.min(low, next[j]!);
    }
    if (low > most) return most + 1;
    before = row;
    row = next;
  }
  return Math.min(row[b.length]!, most + 1);
}

/** Where any of a term's English forms starts a word of `text` (lower case). */
export function latinMarks(forms: readonly EnglishForm[], text: string): Mark[] {
  return forms.length === 1 ? wordMarks(forms[0]!.text, text, forms[0]!.whole, forms[0]!.stem) : forms.flatMap((form) => wordMarks(form.text, text, form.whole, form.stem));
}

/** Whether a word-start mark in `text` covers a whole word (`make`, not the start of `maker`). */
export function wholeWord(text: string, marks: readonly Mark[]): boolean {
  return marks.some(([, e]) => !/[\p{L}\p{N}]/u.test(text[e] ?? ''));
}

/** What may follow a stem in a form of its word (a doubled last letter before ed or ing too: planned). */
const STEM_ENDINGS: ReadonlySet<string> = new Set(['', 'e', 's', 'es', 'ed', 'd', 'ing', 'y', 'ies', 'ied']);
/** What may follow the stem of a word in y (polic: policy, policies; not police). */
const Y_ENDINGS: ReadonlySet<string> = new Set(['y', 'ies', 'ied']);
/** What may follow a short stem of a word in e (mak of making: make, makes; not maker, nor taking). */
const E_ENDINGS: ReadonlySet<string> = new Set(['e', 'es', 'ed', 'ing']);

/** A stem, and what may follow it in the forms of its word. */
export interface EnglishStem {
  text: string;
  endings: ReadonlySet<string>;
}

/**
 * The stem of an English word with an ending (`launched`, `launches`, `launching`: launch;
 * `expeditions`: expedition), looked for where a word starts, with one of the endings a form of
 * the word has (stated finds state and states, not station); undefined when the word has no such
 * ending or the stem would be too short (`used`, `bus`). A word in y keeps its y forms only
 * (`policies`: policy, not police; `commentaries`: commentary), and a stem of three letters the
 * forms of a word in e (`making`: make, not maker).
 */
export function englishStem(word: string): EnglishStem | undefined {
  if (!/^[a-z]+$/u.test(word)) return undefined;
  const m = /^(.+?)(?:ies|es|s|ied|ed|ing|y)$/u.exec(word);
  if (!m) return undefined;
  let stem = m[1]!;
  // (Not the s of a word ending in ss, us or is: business, campus, analysis.)
  if (/(?:ss|us|is)$/u.test(word)) return undefined;
  // A doubled last consonant (planned, planning): plan; not one that doubles in the word itself (pressed, called).
  if (/([bcdghjkmnpqrtvwxy])\1$/u.test(stem) && /(?:ed|ing)$/u.test(word)) stem = stem.slice(0, -1);
  if (stem === word) return undefined;
  if (/(?:y|ies|ied)$/u.test(word)) return stem.length >= 3 ? { text: stem, endings: Y_ENDINGS } : undefined;
  if (stem.length >= 4) return { text: stem, endings: STEM_ENDINGS };
  return stem.length === 3 && /(?:ed|ing)$/u.test(word) ? { text: stem, endings: E_ENDINGS } : undefined;
}
