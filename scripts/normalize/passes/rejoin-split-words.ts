import type { Block } from '../types.ts';
import { isHan, sentenceKey } from '../text.ts';
import { joinPieces } from './join-wrapped-lines.ts';
import { isByline } from './read-headers.ts';

export const summary = 'rejoins a line cut off before its end (`…有限公司副` | `总经理…`) and drops a stray space inside a headline word (`科学论 坛`) when the whole word is printed elsewhere in the corpus';

/**
 * The corpus as one searchable string of comparison keys, one block per segment. A window that
 * straddles a break between two blocks is "attested" when it occurs somewhere else in the corpus.
 */
export class Attestation {
  private readonly text: string;
  /** Positions of the 3-grams that begin a window someone will ask about, and of no others. */
  private readonly anchors = new Map<string, number[]>();

  /** `queries`: every window `has` will be asked about (see `attestationQueries`). */
  constructor(blocks: Iterable<Block>, queries: Iterable<string>) {
    const keys: string[] = [];
    // Spaces and punctuation separate too: a spaced headline does not attest its own unspaced
    // form, and `担当，深化` does not attest `担当深化`.
    for (const b of blocks) keys.push(b.text.split(/[\s\p{P}]+/u).map(sentenceKey).join('\u0000'));
    this.text = keys.join('\u0000');
    for (const q of queries) if (q.length >= 3) this.anchors.set(q.slice(0, 3), []);
    const t = this.text;
    for (let i = 0; i + 3 <= t.length; i++) this.anchors.get(t.slice(i, i + 3))?.push(i);
  }

  /** Whether `window` (already a key, and announced to the constructor) occurs anywhere in the corpus. */
  has(window: string): boolean {
    if (window.length < 3) return false;
    return (this.anchors.get(window.slice(0, 3)) ?? []).some((at) => this.text.startsWith(window, at));
  }
}

/** The windows `rejoinSplitWords` will look up for these blocks, so an Attestation can index just those. */
export function attestationQueries(blocks: Block[]): string[] {
  const out: string[] = [];
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    if (block.headingLike && !block.headingLevel && next && next.kind === 'paragraph') out.push(edges(block.text, next.text, 3));
    if (block.headingLike && block.text.includes(' ')) out.push(...headlineWindows(block.text));
  });
  return out;
}

/** The last `n` Han characters of a text's last clause, and the first `n` of the next text. */
function edges(a: string, b: string, n: number): string {
  const tail = Array.from(sentenceKey(a.split(/[，、；：“”]/u).pop() ?? a)).slice(-n).join('');
  const head = Array.from(sentenceKey(b)).slice(0, n).join('');
  return tail + head;
}

/**
 * For each headline-like line followed by a paragraph in the same file, rejoin the two when the
 * words across the break are attested elsewhere in the corpus; then drop a stray space inside a
 * headline when the word it splits is attested unsplit. Text that merely looks like a headline
 * stays as it is.
 * @example
 * // With `…股份有限公司副总经理姚佐平…` printed in another file:
 * rejoinSplitWords(blocks, attestation) // '上汽通用五菱汽车股份有限公司副' + '总经理姚佐平代表…' → one paragraph
 */
export function rejoinSplitWords(blocks: Block[], attestation: Attestation): { blocks: Block[]; rejoined: number; spaces: number } {
  const out: Block[] = [];
  let rejoined = 0;
  let spaces = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (!block) continue;
    const next = blocks[i + 1];
    if (block.headingLike && !block.headingLevel && next && next.kind === 'paragraph' && !next.headingLike && next.range.file === block.range.file) {
      const window = edges(block.text, next.text, 3);
      if (Array.from(window).length >= 4 && attestation.has(window)) {
        const merged: Block = { kind: 'paragraph', text: joinPieces(block.text, next.text).text, range: { file: block.range.file, start: block.range.start, end: next.range.end } };
        out.push(merged);
        rejoined++;
        i++;
        continue;
      }
    }
    // A byline's spaces separate names (`国务院总理 李强`): they are never a split word.
    if (block.headingLike && block.text.includes(' ') && !isByline(block.text)) {
      const text = unsplitHeadline(block.text, attestation);
      if (text !== block.text) {
        spaces += block.text.length - text.length;
        out.push({ ...block, text });
        continue;
      }
    }
    out.push(block);
  }
  return { blocks: out, rejoined, spaces };
}

/**
 * Drop a space inside a headline where it splits a word: the segment before it plus the next
 * character (or the last character plus the segment after it) is printed unsplit elsewhere.
 * Spaces between phrases (`以科技创新为引领 新质生产力稳步发展`) stay.
 * @example unsplitHeadline('2025腾冲科学论 坛聚焦前沿科技', attestedBy('…2025腾冲科学论坛12月6日开幕…')) // '2025腾冲科学论坛聚焦前沿科技'
 */
function headlineWindows(text: string): string[] {
  const segments = text.split(' ');
  const out: string[] = [];
  for (let k = 1; k < segments.length; k++) {
    const left = segments[k - 1] ?? '';
    const right = segments[k] ?? '';
    out.push(...splitWordWindows(left, right));
  }
  return out;
}

/** The two windows that tell whether a space between `left` and `right` splits a word. */
function splitWordWindows(left: string, right: string): string[] {
  const l = Array.from(left);
  const r = Array.from(right);
  return [sentenceKey(left + (r[0] ?? '')), sentenceKey((l[l.length - 1] ?? '') + right)];
}

export function unsplitHeadline(text: string, attestation: Attestation): string {
  const segments = text.split(' ');
  let out = segments[0] ?? '';
  for (let k = 1; k < segments.length; k++) {
    const left = out.split(' ').pop() ?? '';
    const right = segments[k] ?? '';
    const l = Array.from(left);
    const r = Array.from(right);
    const splitWord = l.length > 0 && r.length > 0 && isHan(l[l.length - 1] ?? '') && isHan(r[0] ?? '') && splitWordWindows(left, right).some((w) => attestation.has(w));
    out += (splitWord ? '' : ' ') + right;
  }
  return out;
}
