import type { Para, Sentence } from '../model.ts';
import { containment } from '../text.ts';

export const summary = 'finds, for every sentence, the same sentence printed in another file (allowing for stripped punctuation and a changed word)';

/** Where a sentence is: paragraph index in the corpus list, sentence index in the paragraph. */
export interface SentenceRef {
  para: number;
  sentence: number;
}

export interface Match {
  ref: SentenceRef;
  /** Containment of the shorter sentence's bigrams in the longer one's. */
  score: number;
  /** Other good matches, best first (the same sentence may be printed in several places). */
  others?: { ref: SentenceRef; score: number }[];
}

const GRAM = 4;
/** A 4-gram in more sentences than this says nothing about which one is meant. */
const COMMON_GRAM = 64;
/** How similar two sentences must be to count as one sentence printed twice. */
export const MATCH_THRESHOLD = 0.75;
/** Minimum length ratio, so a short clause does not match a long sentence that quotes it. */
export const LENGTH_RATIO = 0.5;

/** Whether two sentences are variants of each other. */
export function sameSentence(a: Sentence, b: Sentence): number {
  if (a.key === b.key) return a.key.length > 0 ? 1 : 0;
  const la = a.key.length;
  const lb = b.key.length;
  if (Math.min(la, lb) < 6 || Math.min(la, lb) / Math.max(la, lb) < LENGTH_RATIO) return 0;
  const c = containment(a.grams, b.grams);
  return c >= MATCH_THRESHOLD ? c : 0;
}

/**
 * For every sentence, the best matching sentence in a paragraph of another file, if any.
 * Candidates come from an inverted index of 4-character grams, so the work grows with the
 * corpus, not with its square.
 * @example
 * // `今天的中国，正向新而行、向新而进。` (quotes stripped) matches `今天的中国，正向“新”而行、向“新”而进。`
 */
export function matchVariants(paras: Para[]): Map<string, Match> {
  const refs: SentenceRef[] = [];
  const index = new Map<string, number[]>();
  paras.forEach((p, pi) => {
    p.sentences.forEach((s, si) => {
      const id = refs.length;
      refs.push({ para: pi, sentence: si });
      const chars = Array.from(s.key);
      const seen = new Set<string>();
      for (let i = 0; i + GRAM <= chars.length; i++) {
        const g = chars.slice(i, i + GRAM).join('');
        if (seen.has(g)) continue;
        seen.add(g);
        let list = index.get(g);
        if (!list) index.set(g, (list = []));
        list.push(id);
      }
      if (chars.length < GRAM && chars.length > 0) {
        const g = `=${s.key}`;
        let list = index.get(g);
        if (!list) index.set(g, (list = []));
        list.push(id);
      }
    });
  });

  const best = new Map<string, Match>();
  refs.forEach((ref, id) => {
    const p = paras[ref.para];
    const s = p?.sentences[ref.sentence];
    if (!p || !s) return;
    const counts = new Map<number, number>();
    const chars = Array.from(s.key);
    const grams = new Set<string>();
    for (let i = 0; i + GRAM <= chars.length; i++) grams.add(chars.slice(i, i + GRAM).join(''));
    if (chars.length < GRAM) grams.add(`=${s.key}`);
    for (const g of grams) {
      const list = index.get(g);
      if (!list || list.length > COMMON_GRAM) continue;
      for (const other of list) if (other !== id) counts.set(other, (counts.get(other) ?? 0) + 1);
    }
    let top: Match | undefined;
    const all: { ref: SentenceRef; score: number; id: number }[] = [];
    for (const [other, n] of counts) {
      if (n < Math.min(2, grams.size)) continue;
      const oref = refs[other];
      const op = oref ? paras[oref.para] : undefined;
      const os = oref && op ? op.sentences[oref.sentence] : undefined;
      if (!oref || !op || !os || op.range.file === p.range.file) continue;
      // The rest of a sentence cut by the layout matches the whole sentence it belongs to.
      const piece = ref.sentence === 0 && p.startsMidSentence && s.key.length >= 6 && s.key.length < os.key.length;
      const score = piece ? (containment(s.grams, os.grams) >= 0.85 ? containment(s.grams, os.grams) : 0) : sameSentence(s, os);
      if (score > 0) all.push({ ref: oref, score, id: other });
    }
    all.sort((a, b) => b.score - a.score || a.id - b.id);
    const [first, ...rest] = all;
    if (first) {
      top = { ref: first.ref, score: first.score };
      if (rest.length > 0) top.others = rest.slice(0, 4).map((r) => ({ ref: r.ref, score: r.score }));
      best.set(`${ref.para}:${ref.sentence}`, top);
    }
  });
  return best;
}
