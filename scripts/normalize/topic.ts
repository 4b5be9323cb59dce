import type { Para } from './model.ts';

/** A sparse TF-IDF vector over character bigrams. */
export type Vector = Map<string, number>;

/**
 * TF-IDF over character bigrams of paragraph keys: enough to tell a trade report from a polar
 * expedition, without a dictionary or a segmenter.
 */
export class TopicModel {
  private readonly idf = new Map<string, number>();
  private readonly n: number;

  constructor(paras: Para[]) {
    this.n = paras.length;
    const df = new Map<string, number>();
    for (const p of paras) {
      const seen = new Set<string>();
      for (const s of p.sentences) for (const g of s.grams) seen.add(g);
      for (const g of seen) df.set(g, (df.get(g) ?? 0) + 1);
    }
    for (const [g, d] of df) this.idf.set(g, Math.log((1 + this.n) / (1 + d)) + 0.1);
  }

  /** The vector of a set of paragraphs (a paragraph, or an article's core). */
  vector(paras: Iterable<Para>, extra = ''): Vector {
    const v: Vector = new Map();
    const add = (key: string): void => {
      const chars = Array.from(key);
      for (let i = 0; i + 1 < chars.length; i++) {
        const g = (chars[i] ?? '') + (chars[i + 1] ?? '');
        v.set(g, (v.get(g) ?? 0) + 1);
      }
    };
    for (const p of paras) for (const s of p.sentences) add(s.key);
    if (extra) add(extra);
    for (const [g, tf] of v) v.set(g, (1 + Math.log(tf)) * (this.idf.get(g) ?? Math.log(1 + this.n)));
    return v;
  }
}

/** Cosine similarity of two sparse vectors. */
export function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [g, x] of small) {
    const y = large.get(g);
    if (y !== undefined) dot += x * y;
  }
  for (const x of a.values()) na += x * x;
  for (const y of b.values()) nb += y * y;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
