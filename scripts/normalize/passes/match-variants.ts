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
  const gramsOf: number[][] = [];
  const fileOf: number[] = [];
  const fileIds = new Map<string, number>();
  const index = new Map<number, number[]>();
  paras.forEach((p, pi) => {
    let fileId = fileIds.get(p.range.file);
    if (fileId === undefined) fileIds.set(p.range.file, (fileId = fileIds.size));
    p.sentences.forEach((s, si) => {
      const id = refs.length;
      refs.push({ para: pi, sentence: si });
      fileOf.push(fileId);
      const grams = uniqueGrams(s.key);
      gramsOf.push(grams);
      // Index every other gram: two printings of a sentence share runs longer than five
      // characters, so every shared run still has an indexed gram, at half the memory.
      for (let g = 0; g < grams.length; g += grams.length > 2 ? 2 : 1) {
        const gram = grams[g] ?? 0;
        let list = index.get(gram);
        if (!list) index.set(gram, (list = []));
        list.push(id);
      }
    });
  });

  const best = new Map<string, Match>();
  const counts = new Int32Array(refs.length);
  const touched: number[] = [];
  refs.forEach((ref, id) => {
    const p = paras[ref.para];
    const s = p?.sentences[ref.sentence];
    const grams = gramsOf[id] ?? [];
    if (!p || !s || grams.length === 0) return;
    for (const g of grams) {
      const list = index.get(g);
      if (!list || list.length > COMMON_GRAM) continue;
      for (const other of list) {
        if (other === id || fileOf[other] === fileOf[id]) continue;
        if (counts[other] === 0) touched.push(other);
        counts[other] = (counts[other] ?? 0) + 1;
      }
    }
    const all: { ref: SentenceRef; score: number; id: number }[] = [];
    for (const other of touched) {
      const n = counts[other] ?? 0;
      counts[other] = 0;
      // A variant shares a good part of its 4-grams; most candidates share one or two by chance.
      if (n < Math.min(2, Math.ceil((gramsOf[other]?.length ?? 0) / 2)) || n < 0.1 * Math.min(grams.length, gramsOf[other]?.length ?? 0)) continue;
      const oref = refs[other];
      const op = oref ? paras[oref.para] : undefined;
      const os = oref && op ? op.sentences[oref.sentence] : undefined;
      if (!oref || !os) continue;
      // The rest of a sentence cut by the layout matches the whole sentence it belongs to.
      const piece = ref.sentence === 0 && p.startsMidSentence && s.key.length >= 6 && s.key.length < os.key.length;
      const score = piece ? (containment(s.grams, os.grams) >= 0.85 ? containment(s.grams, os.grams) : 0) : sameSentence(s, os);
      if (score > 0) all.push({ ref: oref, score, id: other });
    }
    touched.length = 0;
    all.sort((a, b) => b.score - a.score || a.id - b.id);
    const [first, ...rest] = all;
    if (first) {
      const top: Match = { ref: first.ref, score: first.score };
      if (rest.length > 0) top.others = rest.slice(0, 4).map((r) => ({ ref: r.ref, score: r.score }));
      best.set(`${ref.para}:${ref.sentence}`, top);
    }
  });
  return best;
}

/**
 * The distinct 4-character grams of a key, as numbers (a hash of the four code units: numbers
 * cost far less memory than strings; a rare collision only adds a candidate that the real
 * comparison then rejects). A key shorter than four characters is one gram of its own.
 */
function uniqueGrams(key: string): number[] {
  if (key.length === 0) return [];
  const seen = new Set<number>();
  const hash = (from: number, to: number): number => {
    let h = 0x811c9dc5;
    for (let j = from; j < to; j++) h = Math.imul(h ^ key.charCodeAt(j), 0x01000193);
    return h;
  };
  if (key.length < GRAM) return [hash(0, key.length) * 8 + key.length]; // apart from 4-grams
  for (let i = 0; i + GRAM <= key.length; i++) seen.add(hash(i, i + GRAM) * 8);
  return [...seen];
}
