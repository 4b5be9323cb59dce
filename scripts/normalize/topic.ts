import type { Para } from './model.ts';

/** A sparse TF-IDF vector over character bigrams, with its length computed once. */
export interface Vector {
  weights: Map<string, number>;
  norm: number;
}

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
      for (const s of p.sentences) for (let i = 0; i + 1 < s.key.length; i++) seen.add(s.key.slice(i, i + 2));
      for (const g of seen) df.set(g, (df.get(g) ?? 0) + 1);
    }
    for (const [g, d] of df) this.idf.set(g, Math.log((1 + this.n) / (1 + d)) + 0.1);
  }

  /** The vector of a set of paragraphs (a paragraph, or an article's core). */
  vector(paras: Iterable<Para>, extra = ''): Vector {
    const v = new Map<string, number>();
    const add = (key: string): void => {
      for (let i = 0; i + 1 < key.length; i++) {
        const g = key.slice(i, i + 2);
        v.set(g, (v.get(g) ?? 0) + 1);
      }
    };
    for (const p of paras) for (const s of p.sentences) add(s.key);
    if (extra) add(extra);
    let sum = 0;
    for (const [g, tf] of v) {
      const w = (1 + Math.log(tf)) * (this.idf.get(g) ?? Math.log(1 + this.n));
      v.set(g, w);
      sum += w * w;
    }
    return { weights: v, norm: Math.sqrt(sum) };
  }
}

/** Cosine similarity of two sparse vectors. */
export function cosine(a: Vector, b: Vector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  let dot = 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a.weights, b.weights] : [b.weights, a.weights];
  for (const [g, x] of small) {
    const y = large.get(g);
    if (y !== undefined) dot += x * y;
  }
  return dot / (a.norm * b.norm);
}

/** The empty vector. */
export const EMPTY: Vector = { weights: new Map(), norm: 0 };
