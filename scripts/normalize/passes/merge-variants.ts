import type { Fragment, Para, Sentence, Story } from '../model.ts';
import { makeSentence, paraWeight } from '../model.ts';
import { containment, endsSentence, fidelity } from '../text.ts';
import { sameSentence } from './match-variants.ts';
import { joinPieces } from './join-wrapped-lines.ts';

export const summary = 'orders each article by its most complete printing, keeps the most faithful variant of every sentence, drops repeated sentences and pull quotes, and stitches sentences cut across fragments';

/** A paragraph of the finished article, with the corpus paragraphs it was built from. */
export interface OutPara {
  kind: 'paragraph' | 'heading' | 'caption';
  sentences: Sentence[];
  sources: number[];
  /** A highlight box or pull quote: dropped where it repeats the body. */
  highlight?: boolean;
}

/** Why a sentence did not make it into the article body. */
export interface MergeDrop {
  para: number;
  sentence: Sentence;
  kind: 'variant' | 'duplicate' | 'highlight' | 'variant-wording';
  detail: string;
}

export interface MergeResult {
  body: OutPara[];
  drops: MergeDrop[];
  primaryFile: string;
  /** Sentences where two printings differ in wording, not just punctuation. */
  conflicts: { kept: Sentence; other: Sentence }[];
  /** Sentences whose kept text came from another file than the order. */
  replaced: number;
  stitched: number;
  deduped: number;
}

const where = (s: Sentence): string => `${s.range.file}:${s.range.start}${s.range.end !== s.range.start ? `-${s.range.end}` : ''}`;

/** The print order of a story's paragraphs from one file; a piece that closes the article goes last. */
export function orderInFile(ids: number[], paras: Para[], fragments: Fragment[], own: readonly number[] = []): number[] {
  const byFragment = new Map<number, number[]>();
  for (const p of ids) {
    const f = paras[p]?.fragment ?? -1;
    const list = byFragment.get(f) ?? [];
    list.push(p);
    byFragment.set(f, list);
  }
  const groups = [...byFragment.entries()].map(([f, list]) => {
    const sorted = list.sort((a, b) => (paras[a]?.order ?? 0) - (paras[b]?.order ?? 0));
    // Paragraphs brought in from another article's fragment that close this one go last.
    const closes = sorted.some((p) => paras[p]?.endsArticle) && !(own.includes(f) && fragments[f]?.header.title);
    return { first: paras[sorted[0] ?? -1]?.order ?? 0, closes, sorted };
  });
  groups.sort((a, b) => Number(a.closes) - Number(b.closes) || a.first - b.first);
  return groups.flatMap((g) => g.sorted);
}

/**
 * Merge the printings of one story into an article body. `reliableBreaks` names the files printed
 * as running text, whose paragraph breaks are certain.
 * @example
 * // 000 `今天的中国，正向新而行、向新而进。` + 001 `今天的中国，正向“新”而行、向“新”而进。`
 * // → the body keeps `今天的中国，正向“新”而行、向“新”而进。`, in 000's order.
 */
export function mergeVariants(story: Story, paras: Para[], fragments: Fragment[], reliableBreaks: ReadonlySet<string> = new Set()): MergeResult {
  const drops: MergeDrop[] = [];
  const conflicts: MergeResult['conflicts'] = [];
  const files = [...new Set(story.paras.map((p) => paras[p]?.range.file ?? ''))].sort();

  // The primary printing: the file carrying most of the story's text shared with the others.
  const sharedWeight = new Map<string, number>();
  const fileFidelity = new Map<string, number>();
  for (const file of files) {
    const own = story.paras.filter((p) => paras[p]?.range.file === file);
    const others = story.paras.filter((p) => paras[p]?.range.file !== file).flatMap((p) => paras[p]?.sentences ?? []);
    let w = 0;
    let fid = 0;
    let chars = 0;
    for (const p of own) {
      for (const s of paras[p]?.sentences ?? []) {
        fid += fidelity(s.text);
        chars += s.key.length;
        if (others.some((o) => sameSentence(s, o) > 0)) w += s.key.length;
      }
    }
    sharedWeight.set(file, files.length > 1 ? w : chars);
    fileFidelity.set(file, chars > 0 ? fid / chars : 0);
  }
  const primaryFile = story.primary && files.includes(story.primary) ? story.primary : ([...files].sort((a, b) => (sharedWeight.get(b) ?? 0) - (sharedWeight.get(a) ?? 0) || a.localeCompare(b))[0] ?? '');
  const primary = orderInFile(story.paras.filter((p) => paras[p]?.range.file === primaryFile), paras, fragments, story.fragments);

  // Slots: primary paragraphs, into which variants contribute alternatives; unmatched variant
  // paragraphs are inserted after the slot of their nearest matched predecessor.
  interface Slot {
    kind: OutPara['kind'];
    base: number;
    sentences: { chosen: Sentence; from: number; alternatives: { s: Sentence; para: number }[] }[];
    sources: number[];
  }
  const slots: Slot[] = primary.map((p) => {
    const para = paras[p] as Para;
    return { kind: kindOf(para), base: p, sentences: para.sentences.map((s) => ({ chosen: s, from: p, alternatives: [] })), sources: [p] };
  });
  const slotOfSentence = (s: Sentence, piece = false): { slot: number; index: number; score: number } | undefined => {
    let best: { slot: number; index: number; score: number } | undefined;
    slots.forEach((slot, si) => {
      if (slot.base < 0) return;
      slot.sentences.forEach((x, xi) => {
        const other = paras[slot.base]?.sentences[xi] ?? x.chosen;
        // The rest of a sentence cut by the layout belongs to the whole sentence that contains it.
        const score = piece && s.key.length >= 6 && s.key.length < other.key.length ? (containment(s.grams, other.grams) >= 0.85 ? 0.8 : 0) : sameSentence(s, other);
        if (score > 0 && (!best || score > best.score)) best = { slot: si, index: xi, score };
      });
    });
    return best;
  };

  for (const file of files) {
    if (file === primaryFile) continue;
    const seq = orderInFile(story.paras.filter((p) => paras[p]?.range.file === file), paras, fragments, story.fragments);
    let lastSlot = -1;
    const pending: number[] = [];
    const flush = (beforeSlot: number): void => {
      if (pending.length === 0) return;
      const at = lastSlot >= 0 ? lastSlot + 1 : Math.max(0, beforeSlot);
      const inserted: Slot[] = pending.map((p) => {
        const para = paras[p] as Para;
        return { kind: kindOf(para), base: -1, sentences: para.sentences.map((s) => ({ chosen: s, from: p, alternatives: [] })), sources: [p] };
      });
      slots.splice(at, 0, ...inserted);
      lastSlot = at + inserted.length - 1;
      pending.length = 0;
    };
    for (const p of seq) {
      const para = paras[p] as Para;
      const placeAll = (): { s: Sentence; at: ReturnType<typeof slotOfSentence> }[] => para.sentences.map((s, k) => ({ s, at: slotOfSentence(s, k === 0 && !!para.startsMidSentence) }));
      let placed = placeAll();
      const matchedWeight = placed.filter((x) => x.at).reduce((n, x) => n + x.s.key.length, 0);
      if (matchedWeight === 0 || matchedWeight < 0.5 * paraWeight(para)) {
        pending.push(p);
        continue;
      }
      if (pending.length > 0) {
        // Inserting the pending paragraphs shifts the slots: place the sentences again after.
        flush(placed.find((x) => x.at)?.at?.slot ?? 0);
        placed = placeAll();
      }
      for (const { s, at } of placed) {
        if (at) {
          const slot = slots[at.slot];
          slot?.sentences[at.index]?.alternatives.push({ s, para: p });
          if (slot && !slot.sources.includes(p)) slot.sources.push(p);
          lastSlot = Math.max(lastSlot, at.slot);
        } else {
          drops.push({ para: p, sentence: s, kind: 'variant-wording', detail: `not in the primary printing (${primaryFile}); the sentences around it were merged` });
        }
      }
    }
    lastSlot = Math.max(lastSlot, slots.length - 1);
    flush(slots.length);
  }

  // Choose the most faithful variant of every sentence.
  let replaced = 0;
  for (const slot of slots) {
    for (const entry of slot.sentences) {
      let best = entry.chosen;
      let bestScore = fidelity(best.text) + (fileFidelity.get(best.range.file) ?? 0);
      for (const alt of entry.alternatives) {
        // A piece of the sentence can be dropped as a variant but never replaces the whole.
        if (alt.s.key.length < 0.6 * entry.chosen.key.length) continue;
        const score = fidelity(alt.s.text) + (fileFidelity.get(alt.s.range.file) ?? 0);
        if (score > bestScore) {
          best = alt.s;
          bestScore = score;
        }
      }
      const all = [entry.chosen, ...entry.alternatives.map((a) => a.s)];
      for (const other of all) {
        if (other === best) continue;
        if (other.key !== best.key && !conflicts.some((c) => c.kept === best && c.other.key === other.key)) conflicts.push({ kept: best, other });
        const para = other === entry.chosen ? entry.from : (entry.alternatives.find((a) => a.s === other)?.para ?? entry.from);
        drops.push({ para, sentence: other, kind: 'variant', detail: `less faithful printing of a sentence kept from ${where(best)}` });
      }
      if (best !== entry.chosen) replaced++;
      entry.chosen = best;
    }
  }

  // A paragraph break printed in running (unwrapped) text is certain; one a hard-wrapped column
  // hides (a sentence ending flush with the column) is not: take it from the running printing.
  const split: Slot[] = [];
  for (const slot of slots) {
    let from = 0;
    for (let k = 0; k + 1 < slot.sentences.length; k++) {
      const here = slot.sentences[k]?.alternatives ?? [];
      const next = slot.sentences[k + 1]?.alternatives ?? [];
      const breakElsewhere = here.some((a) => {
        const pa = paras[a.para];
        if (!pa || !reliableBreaks.has(pa.range.file) || pa.sentences[pa.sentences.length - 1] !== a.s) return false;
        return next.some((b) => b.para !== a.para && paras[b.para]?.sentences[0] === b.s && paras[b.para]?.range.file === pa.range.file);
      });
      if (breakElsewhere && slot.kind === 'paragraph') {
        split.push({ ...slot, sentences: slot.sentences.slice(from, k + 1) });
        from = k + 1;
      }
    }
    split.push(from === 0 ? slot : { ...slot, sentences: slot.sentences.slice(from) });
  }
  slots.splice(0, slots.length, ...split);

  // Drop repeats: sentences printed again later in the story, then pull quotes that repeat the body.
  let body: OutPara[] = slots.map((slot) => {
    const out: OutPara = { kind: slot.kind, sentences: slot.sentences.map((e) => e.chosen), sources: slot.sources };
    if (paras[slot.base >= 0 ? slot.base : (slot.sources[0] ?? -1)]?.kind === 'highlight') out.highlight = true;
    return out;
  });
  const seen = new SeenSentences();
  let deduped = 0;
  body.forEach((para) => {
    if (para.highlight) return;
    // Long sentences are repeats wherever they recur; a short one (`各位代表！`) only when a
    // repeated sentence stands right beside it, or when it is the rest of a cut sentence
    // printed twice (`委员共商国是。` after `…同科技界`).
    const piece = para.sources.length === 1 && !!paras[para.sources[0] ?? -1]?.startsMidSentence;
    const earlier: (Sentence | undefined)[] = [];
    const kept: boolean[] = [];
    para.sentences.forEach((s, k) => {
      const e = s.key.length >= 8 ? seen.find(s) : undefined;
      earlier[k] = e;
      kept[k] = !e;
      if (!e) seen.add(s);
    });
    para.sentences.forEach((s, k) => {
      const short = s.key.length < 8 && s.key.length > 0;
      const repeatedShort = short && (seen.count(s) > 1 || (piece && k === 0 && seen.contains(s, 3))) && (!!earlier[k - 1] || !!earlier[k + 1] || (piece && k === 0));
      if (repeatedShort) kept[k] = false;
    });
    para.sentences = para.sentences.filter((s, k) => {
      if (kept[k]) return true;
      const e = earlier[k];
      drops.push({ para: para.sources[0] ?? -1, sentence: s, kind: 'duplicate', detail: e ? `repeats ${where(e)}` : 'short sentence repeated with its neighbours' });
      deduped++;
      return false;
    });
  });
  body = body.filter((p) => p.sentences.length > 0);

  // Stitch a sentence cut across fragments: a paragraph ending mid-sentence continues in the next.
  let stitched = 0;
  const out: OutPara[] = [];
  for (const para of body) {
    const prev = out[out.length - 1];
    const lastSentence = prev?.sentences[prev.sentences.length - 1];
    // A lead-in ending with a dash (`…蓝图也日益清晰——`) is complete, and a dateline or an
    // opening quotation mark begins something new.
    const opensAnew = /^(?:“|(?:新华社|本报|中新社)[\p{Script=Han}]{0,12}\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*电)/u.test(para.sentences[0]?.text ?? '');
    if (prev && lastSentence && prev.kind === 'paragraph' && para.kind === 'paragraph' && !prev.highlight && !para.highlight && !endsSentence(lastSentence.text) && !/——$/u.test(lastSentence.text) && !opensAnew) {
      const [first, ...rest] = para.sentences;
      if (first) {
        const joined = joinPieces(lastSentence.text, first.text).text;
        prev.sentences[prev.sentences.length - 1] = makeSentence(joined, { file: lastSentence.range.file, start: Math.min(lastSentence.range.start, first.range.start), end: Math.max(lastSentence.range.end, first.range.end) });
        prev.sentences.push(...rest);
        prev.sources.push(...para.sources.filter((s) => !prev.sources.includes(s)));
        stitched++;
        continue;
      }
    }
    out.push(para);
  }
  // Then highlight boxes, against the stitched body: a box repeating a sentence the layout cut
  // in two is only recognised once the sentence is whole again.
  const stitchedBody = new SeenSentences();
  for (const para of out) if (!para.highlight) for (const x of para.sentences) stitchedBody.add(x);
  out.forEach((para) => {
    if (!para.highlight) return;
    // A highlight box repeats the body: drop what it repeats, and all of it when that is most.
    const repeated = para.sentences.filter((s) => stitchedBody.find(s) || stitchedBody.contains(s));
    const weight = para.sentences.reduce((n, s) => n + s.key.length, 0);
    const mostly = repeated.reduce((n, s) => n + s.key.length, 0) >= 0.5 * weight;
    para.sentences = para.sentences.filter((s) => {
      if (!mostly && !repeated.includes(s)) {
        stitchedBody.add(s);
        return true;
      }
      drops.push({ para: para.sources[0] ?? -1, sentence: s, kind: 'highlight', detail: 'highlight box repeating the body' });
      return false;
    });
    if (repeated.length > 0) deduped++;
  });
  const body2 = out.filter((p) => p.sentences.length > 0);
  for (const para of body2) {
    if (para.kind === 'heading') {
      para.sentences = para.sentences.map((s) => (/——$/u.test(s.text) ? makeSentence(s.text.replace(/——$/u, ''), s.range) : s));
    }
  }
  return { body: body2, drops, primaryFile, conflicts, replaced, stitched, deduped };
}

function kindOf(para: Para): OutPara['kind'] {
  if (para.kind === 'heading') return 'heading';
  if (para.kind === 'caption') return 'caption';
  return 'paragraph';
}

/** Sentences already in the article, findable by key or as a near-identical variant. */
class SeenSentences {
  private readonly byKey = new Map<string, Sentence>();
  /** The sentences with each gram: one alone, as most grams are (no array for each), or several. */
  private readonly byGram = new Map<string, Sentence | Sentence[]>();
  /** Every key added, in order (see `contains`). */
  private readonly keys: string[] = [];

  private readonly counts = new Map<string, number>();

  add(s: Sentence): void {
    this.counts.set(s.key, (this.counts.get(s.key) ?? 0) + 1);
    if (!this.byKey.has(s.key)) this.byKey.set(s.key, s);
    this.keys.push(s.key);
    for (const g of this.gramsOf(s)) {
      const had = this.byGram.get(g);
      if (had === undefined) this.byGram.set(g, s);
      else if (Array.isArray(had)) had.push(s);
      else this.byGram.set(g, [had, s]);
    }
  }

  /** How many times the exact sentence (by key) is already in the article. */
  count(s: Sentence): number {
    return this.counts.get(s.key) ?? 0;
  }

  /** An earlier sentence that this one repeats (same key, or the same sentence with a word changed). */
  find(s: Sentence): Sentence | undefined {
    const exact = this.byKey.get(s.key);
    if (exact) return exact;
    const counts = new Map<Sentence, number>();
    const note = (o: Sentence): void => void counts.set(o, (counts.get(o) ?? 0) + 1);
    for (const g of this.gramsOf(s)) {
      const had = this.byGram.get(g);
      if (Array.isArray(had)) had.forEach(note);
      else if (had) note(had);
    }
    for (const [o, n] of counts) {
      if (n >= 3 && sameSentence(s, o) >= 0.9 && Math.min(s.key.length, o.key.length) / Math.max(s.key.length, o.key.length) >= 0.8) return o;
    }
    return undefined;
  }

  /** Whether the sentence's text is contained in the article so far (a pull quote of part of a sentence). */
  contains(s: Sentence, minLength = 8): boolean {
    // (Each key in turn: a string of them all, added to between calls, would be copied whole at
    // every call.)
    return s.key.length >= minLength && this.keys.some((key) => key.includes(s.key));
  }

  private gramsOf(s: Sentence): string[] {
    const out: string[] = [];
    // (Four characters every two: by UTF-16 unit where every character is one, as most are.)
    if (!/[\ud800-\udfff]/.test(s.key)) {
      for (let i = 0; i + 4 <= s.key.length; i += 2) out.push(s.key.slice(i, i + 4));
      return out;
    }
    const chars = Array.from(s.key);
    for (let i = 0; i + 4 <= chars.length; i += 2) out.push(chars.slice(i, i + 4).join(''));
    return out;
  }
}
