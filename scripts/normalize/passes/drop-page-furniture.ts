import type { SourceLine } from '../types.ts';
import { SENTENCE_PUNCT } from '../text.ts';

export const summary = 'marks tables of contents, cover lines, page headers, page numbers, credits, continuation markers and source lines as furniture';

const LEADER_TOC = /(?:[·.…．•]{3,}|\t)\s*\d{0,4}\s*$/u;
const NUMBERED = /^\s*(?:\d{1,2}\s*[.、．]|[（(]\s*\d{1,2}\s*[）)])/u;
const TOC_HEAD = /^目\s*录$/u;
/** A page header or footer: a short line of a paper's name, a date, a weekday or a page number, and nothing else. */
const DATE_ONLY = /^(?:[\p{Script=Han}·](?:[\p{Script=Han}·]|\s(?=\p{Script=Han})){0,9}\s*)?(?:第\s*\d{1,3}\s*版\s*)?\d{4}\s*年\s*(?:第\s*\d+\s*期|\d{1,2}\s*月\s*\d{1,2}\s*日)(?:\s*(?:星期|周)[一二三四五六日天])?(?:\s*第\s*\d{1,3}\s*版)?(?:\s*[\p{Script=Han}]{0,6})?$/u;
const CREDIT = /^(?:编审|编辑|责编|责任编辑|检校|校对|版式|美编|制图|监制|排版)\s*[:：]/u;
const PAGE_NUMBER = /^\s*(?:第\s*)?\d{1,3}\s*(?:版|页)?\s*$/u;
const PAGE_CREDIT = /^[·•]\s*本版.{1,20}[·•]$/u;
/** `（上接1版）`, `◀◀（上接3版）`, `（上接第一版）`, `（下转第2版）`. */
export const CONTINUATION = /^[◀▶◆◇<>«»\s]*[（(]\s*([上下])[接转]第?\s*([\d一二三四五六七八九十]+)\s*版\s*[）)]\s*$/u;
/** `《人民日报》（2024年03月05日第01版）`. */
export const SOURCE_LINE = /^《([^》]{1,20})》\s*[（(]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:第\s*(\d{1,3})\s*版)?\s*[）)]\s*$/u;

/**
 * Mark the lines that are not article text. The lines stay (numbering never changes) with a
 * `drop` reason the build report prints; continuation markers and source lines are kept as
 * boundaries for the segmenter.
 * @example
 * dropPageFurniture([{ file: 'a', no: 1, text: '3.政府工作报告·····\t10' }]).lines[0].drop // { kind: 'toc' }
 * dropPageFurniture([{ file: 'a', no: 1, text: '·本版图文据新华社电·' }]).lines[0].drop // { kind: 'credit' }
 */
export function dropPageFurniture(lines: SourceLine[]): { lines: SourceLine[]; count: number } {
  const out = lines.map((l) => ({ ...l }));
  let count = 0;
  const mark = (l: SourceLine, kind: string, detail?: string): void => {
    if (l.drop) return;
    l.drop = detail ? { kind, detail } : { kind };
    count++;
  };
  const tocIndex = out.findIndex((l) => TOC_HEAD.test(l.text));
  // Cover lines before a table of contents: short, no sentence punctuation.
  if (tocIndex >= 0) {
    for (let i = 0; i < tocIndex; i++) {
      const l = out[i];
      if (l && l.text !== '' && Array.from(l.text).length <= 24 && !SENTENCE_PUNCT.test(l.text)) mark(l, 'front-matter');
    }
    const head = out[tocIndex];
    if (head) mark(head, 'toc');
  }
  let inToc = false;
  for (let i = 0; i < out.length; i++) {
    const l = out[i];
    if (!l || l.text === '') continue;
    const t = l.text;
    if (LEADER_TOC.test(t) && (NUMBERED.test(t) || /[·.…．•]{3,}/u.test(t))) {
      mark(l, 'toc');
      inToc = true;
      continue;
    }
    if (inToc && NUMBERED.test(t) && Array.from(t).length <= 60) {
      mark(l, 'toc');
      continue;
    }
    inToc = false;
    if (CONTINUATION.test(t)) mark(l, 'continuation', t.replace(/^[◀▶◆◇<>«»\s]+/u, ''));
    else if (SOURCE_LINE.test(t)) mark(l, 'source-line', t);
    else if (CREDIT.test(t)) mark(l, 'credit');
    else if (PAGE_CREDIT.test(t)) mark(l, 'credit');
    else if (PAGE_NUMBER.test(t)) mark(l, 'page-number');
    else if (DATE_ONLY.test(t)) mark(l, 'page-header');
  }
  return { lines: out, count };
}
