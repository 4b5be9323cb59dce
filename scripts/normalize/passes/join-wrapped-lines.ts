import type { Block, SourceLine } from '../types.ts';
import { displayWidth, endsSentence, isHan, SENTENCE_PUNCT } from '../text.ts';

export const summary = 'joins hard-wrapped lines into paragraphs, across blank lines, without inserting spaces between Chinese characters';

/** A line narrower than this (in half-width cells) region-wide means the text was not hard-wrapped. */
const MAX_WRAP_WIDTH = 110;
/** A line within this many cells of its neighbours' width filled its column: the break is a wrap. */
const FULL_SLACK = 4;
/** Columns up to this width (half-width cells) are narrow newspaper columns. */
const NARROW_COLUMN = 80;

/** Starts that open a new paragraph even after a full-width line ending in 。 */
const PARAGRAPH_START = /^(?:——|■|□|●|◆|▲|\*\*|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]是|首先|其次|第[一二三四五六七八九十]|[^，。；！？：\s]{1,16}[：:])/u;

/** Starts that open a paragraph whatever came before: a dateline, a highlight-box marker. */
const HARD_START = /^(?:(?:新华社|本报|中新社)[\p{Script=Han}]{0,12}\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*电|[■□●◆▲])/u;

/** True when a line could be a headline, subhead, kicker or byline rather than running text. */
export function isHeadingLike(text: string): boolean {
  const chars = Array.from(text);
  if (chars.length === 0 || chars.length > 64) return false;
  if (/^——[\p{Script=Han}]{1,4}$/u.test(text)) return false; // a signature: `——编者`
  if (SENTENCE_PUNCT.test(text)) return false;
  if (endsSentence(text)) return false;
  if (!balanced(text)) return false;
  return chars.some((c) => isHan(c));
}

/** Brackets and quotes are closed. */
function balanced(text: string): boolean {
  let paren = 0;
  let quote = 0;
  for (const ch of text) {
    if (ch === '（' || ch === '(') paren++;
    else if (ch === '）' || ch === ')') paren--;
    else if (ch === '“') quote++;
    else if (ch === '”') quote--;
  }
  return paren <= 0 && quote <= 0;
}

const BYLINE_START = /^(?:[□■]\s*)?(?:(?:新华社|人民日报|本报|中新社|光明日报|经济日报)?(?:特约)?(?:记者|通讯员|评论员))/u;

/** The column width around each content line: the widest of its six nearest neighbours. */
function columnWidths(widths: number[]): number[] {
  return widths.map((_, i) => {
    let max = 0;
    for (let j = Math.max(0, i - 3); j <= Math.min(widths.length - 1, i + 3); j++) {
      if (j !== i) max = Math.max(max, widths[j] ?? 0);
    }
    return max;
  });
}

/** Whether a line filled its column (so its break is a wrap, not a paragraph end). */
function isFull(width: number, column: number, support: number): boolean {
  if (column === 0 || column > MAX_WRAP_WIDTH || support < 2) return false;
  return width >= column - FULL_SLACK && width <= column + FULL_SLACK;
}

/**
 * How many of a line's six nearest neighbours reach the column width: a column exists only where
 * several lines share its width (a few short lines of different lengths are not a column).
 */
function columnSupport(widths: number[], columns: number[]): number[] {
  return widths.map((_, i) => {
    let n = 0;
    const column = columns[i] ?? 0;
    for (let j = Math.max(0, i - 3); j <= Math.min(widths.length - 1, i + 3); j++) {
      if (j !== i && (widths[j] ?? 0) >= column - FULL_SLACK) n++;
    }
    return n;
  });
}

/** Join two wrapped pieces: no space between Chinese characters, one space between Latin words. */
export function joinPieces(a: string, b: string): { text: string; repeated: boolean } {
  const last = a.slice(-1);
  const first = b.slice(0, 1);
  // A character repeated across a page break: `…的民主监督，自` | `自觉接受…`.
  const tail = /[，、；：]([\p{Script=Han}])$/u.exec(a);
  if (tail && b.startsWith(tail[1] ?? '') && isHan(b.slice(1, 2))) {
    return { text: a + b.slice(1), repeated: true };
  }
  const space = /[A-Za-z]/u.test(last) && /[A-Za-z]/u.test(first) ? ' ' : '';
  return { text: a + space + b, repeated: false };
}

export interface JoinResult {
  blocks: Block[];
  /** Number of line breaks removed. */
  joined: number;
  /** Characters dropped because a page break printed them twice. */
  repeats: number;
}

/**
 * Build paragraphs from the lines of one file. A break is a wrap (joined) when the line does not
 * end a sentence and is not a headline-like line, or when it ends a sentence but filled its
 * column and the next line does not open a paragraph. Blank lines do not decide anything on their
 * own: PDF extraction puts them inside sentences too. Boundary furniture (continuation markers,
 * source lines) becomes blocks of its own; other furniture is skipped.
 * @example
 * joinWrappedLines([
 *   { file: 'a', no: 1, text: '观浩瀚宇宙，中国航天2024年预计发' },
 *   { file: 'a', no: 2, text: '' },
 *   { file: 'a', no: 3, text: '射约百次，多个卫星星座加速组网。' },
 * ]).blocks[0].text // '观浩瀚宇宙，中国航天2024年预计发射约百次，多个卫星星座加速组网。'
 */
export function joinWrappedLines(lines: SourceLine[]): JoinResult {
  const content = lines.filter((l) => l.text !== '' && !l.drop);
  const widths = content.map((l) => displayWidth(l.text));
  const columns = columnWidths(widths);
  const support = columnSupport(widths, columns);
  const full = widths.map((w, i) => isFull(w, columns[i] ?? 0, support[i] ?? 0));
  const fullByNo = new Map<number, boolean>();
  // In a narrow column, a headline-like line nearly as wide as the column, followed by a full
  // line, is a wrap that happened to fall before the first comma: `习近平总书记参加江苏代表团审议` | `时，…`.
  const wrapByNo = new Map<number, boolean>();
  const wrappedRegionByNo = new Map<number, boolean>();
  content.forEach((l, i) => {
    fullByNo.set(l.no, full[i] ?? false);
    wrappedRegionByNo.set(l.no, Math.max(columns[i] ?? 0, widths[i] ?? 0) <= MAX_WRAP_WIDTH);
    const column = columns[i] ?? 0;
    const nextLine = content[i + 1];
    const narrowWrap = column <= NARROW_COLUMN && (widths[i] ?? 0) >= 0.7 * column && (full[i + 1] ?? false) && !/^——/u.test(l.text) && !(nextLine && HARD_START.test(nextLine.text));
    wrapByNo.set(l.no, (full[i] ?? false) || narrowWrap);
  });
  // Where blank lines follow nearly every line they say nothing; elsewhere a blank after a
  // sentence end is a paragraph break.
  const followedByBlank = content.filter((l) => lines[l.no]?.text === '').length;
  const blanksMeanBreaks = content.length > 0 && followedByBlank / content.length < 0.85;

  const blocks: Block[] = [];
  let joined = 0;
  let repeats = 0;
  let current: { block: Block; last: SourceLine; allBold: boolean } | undefined;
  let blankSince = false;

  const close = (): void => {
    if (current) {
      current.block.bold = current.allBold || undefined;
      if (!current.block.bold) delete current.block.bold;
      blocks.push(current.block);
    }
    current = undefined;
  };

  for (const line of lines) {
    if (line.drop) {
      if (line.drop.kind === 'continuation' || line.drop.kind === 'source-line') {
        close();
        blocks.push({ kind: line.drop.kind, text: line.text, range: { file: line.file, start: line.no, end: line.no } });
      } else if (line.drop.kind === 'frontmatter') {
        close();
        blocks.push({ kind: 'frontmatter', text: `${line.drop.detail ?? ''}\u0000${line.text}`, range: { file: line.file, start: line.no, end: line.no } });
      }
      continue;
    }
    if (line.text === '') {
      blankSince = true;
      continue;
    }
    const gap = blankSince && blanksMeanBreaks;
    // In running (unwrapped) text a sentence cut at a blank line may continue here or be
    // interleaved with another article: leave it as two paragraphs and let the article
    // assembler stitch the dangling end once it knows which article each piece belongs to.
    const tentative = blankSince && !(wrappedRegionByNo.get(current?.last.no ?? -1) ?? false) && !endsSentence(current?.last.text ?? '');
    if (current && !tentative && shouldJoin(current.block, current.last, line, fullByNo.get(current.last.no) ?? false, gap, blankSince)) {
      const isByline = BYLINE_START.test(current.block.text) && isHeadingLike(line.text);
      const piece = isByline ? { text: `${current.block.text} ${line.text}`, repeated: false } : joinPieces(current.block.text, line.text);
      current.block.text = piece.text;
      if (piece.repeated) repeats++;
      current.block.range.end = line.no;
      current.block.headingLike = current.block.headingLike && isHeadingLike(piece.text) ? true : undefined;
      if (!current.block.headingLike) delete current.block.headingLike;
      current.last = line;
      current.allBold = current.allBold && !!line.bold;
      joined++;
    } else {
      close();
      const block: Block = { kind: line.headingLevel ? 'heading' : 'paragraph', text: line.text, range: { file: line.file, start: line.no, end: line.no } };
      if (line.headingLevel) block.headingLevel = line.headingLevel;
      if (line.headingLevel || (!(wrapByNo.get(line.no) ?? false) && isHeadingLike(line.text))) block.headingLike = true;
      current = { block, last: line, allBold: !!line.bold };
    }
    blankSince = false;
  }
  close();
  return { blocks, joined, repeats };
}

/** Decide whether `next` continues the block that `last` ended. */
function shouldJoin(block: Block, last: SourceLine, next: SourceLine, lastFull: boolean, blankBetween: boolean, anyBlank: boolean): boolean {
  if (next.headingLevel || last.headingLevel) {
    // A Markdown heading wrapped with a hard break continues on the next line.
    return !!last.headingLevel && !!last.hardBreak && !next.headingLevel && !blankBetween;
  }
  const a = last.text;
  if (last.hardBreak && !blankBetween) return true;
  if (endsSentence(a)) {
    return lastFull && !blankBetween && !PARAGRAPH_START.test(next.text) && !isHeadingLike(next.text);
  }
  if (/——$/u.test(a) && !lastFull) return false;
  // A dateline or a highlight marker always opens a paragraph, even after an unfinished one.
  if (HARD_START.test(next.text)) return false;
  if (block.headingLike) {
    // A headline wrapped onto a short second line: `…高云龙作提案工作` | `情况报告`.
    if (!anyBlank && isHeadingLike(next.text) && Array.from(next.text).length <= 6) return true;
    // A byline whose names ran onto the next line.
    if (BYLINE_START.test(block.text) && !anyBlank && isHeadingLike(next.text)) return true;
    return false;
  }
  return true;
}
