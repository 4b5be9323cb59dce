import type { Para } from './model.ts';

/** A sparse TF-IDF vector over character bigrams (as `bigram` numbers them), with its length computed once. */
export interface Vector {
  weights: Map<number, number>;
  norm: number;
}

/** Two UTF-16 units of a key from `i` as one number: no string made for each (a long file has millions). */
const bigram = (key: string, i: number): number => key.charCodeAt(i) * 0x10000 + key.charCodeAt(i + 1);

/**
 * TF-IDF over character bigrams of paragraph keys: enough to tell a trade report from a polar
 * expedition, without a dictionary or a segmenter.
 */
export class TopicModel {
  private readonly idf = new Map<number, number>();
  private readonly n: number;

  constructor(paras: Para[]) {
    this.n = paras.length;
    const df = new Map<number, number>();
    for (const p of paras) {
      const seen = new Set<number>();
      for (const s of p.sentences) for (let i = 0; i + 1 < s.key.length; i++) seen.add(bigram(s.key, i));
      for (const g of seen) df.set(g, (df.get(g) ?? 0) + 1);
    }
    for (const [g, d] of df) this.idf.set(g, Math.log((1 + this.n) / (1 + d)) + 0.1);
  }

  /** The vector of a set of paragraphs (a paragraph, or an article's core). */
  vector(paras: Iterable<Para>, extra = ''): Vector {
    const v = new Map<number, number>();
    const add = (key: string): void => {
      for (let i = 0; i + 1 < key.length; i++) {
        const g = bigram(key, i);
        v.set(g, (v.get(g) ?? 0) + 1);
      }
    };
    for (const p of paras) for (const s of p.sentences) add(s.key);
    if (extra) add(extra);
    let sum = 0;
    v.forEach((tf, g) => {
      const w = (1 + Math.log(tf)) * (this.idf.get(g) ?? Math.log(1 + this.n));
      v.set(g, w);
      sum += w * w;
    });
    return { weights: v, norm: Math.sqrt(sum) };
  }
}

/** Cosine similarity of two sparse vectors. */
export function cosine(a: Vector, b: Vector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  let dot = 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a.weights, b.weights] : [b.weights, a.weights];
  // (forEach, not for…of over entries: that makes an array per entry, and this runs for every
  // pair of paragraph and article a long file has: a gigabyte of garbage for 4 MB of text.)
  small.forEach((x, g) => {
    const y = large.get(g);
    if (y !== undefined) dot += x * y;
  });
  return dot / (a.norm * b.norm);
}

/** The empty vector. */
export const EMPTY: Vector = { weights: new Map(), norm: 0 };
