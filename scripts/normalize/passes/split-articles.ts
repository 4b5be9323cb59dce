import type { Block, DropReason, LineRange } from '../types.ts';
import type { Fragment, Header, Para } from '../model.ts';
import { sentencesOf } from '../model.ts';
import { endsSentence } from '../text.ts';
import { DATELINE, isByline, PHOTO_CREDIT, readDateline, readEndDateline, readHeaderGroup, readSourceLine } from './read-headers.ts';

export const summary = 'splits each file into article fragments at headlines, end datelines, source lines and continuation markers';

/** Something the splitter did not turn into article text, with its reason. */
export interface SplitDrop {
  range: LineRange;
  text: string;
  reason: DropReason;
}

export interface SplitResult {
  fragments: Fragment[];
  drops: SplitDrop[];
}

const isLeadIn = (b: Block): boolean => /——$/u.test(b.text);
const isHeadline = (b: Block | undefined): boolean => !!b && !!b.headingLike && !isLeadIn(b) && b.kind !== 'continuation' && b.kind !== 'source-line' && !PHOTO_CREDIT.test(b.text);

/**
 * Split the blocks of one file into fragments. A headline group starts a new article when a
 * byline, dateline or subtitle follows it, when it has a deck, when it is a Markdown top-level
 * heading, or when it follows the end of an article; a lone headline inside an article is a
 * subhead. A headline group printed after a body, at the end of a fragment, is a running head and
 * names the fragment it follows. A bold (PDF-doubled) paragraph outside a headline is a photo
 * caption and becomes an article of its own. In `runningText` (a file printed without hard
 * wraps), the paragraphs that open a body without ending a sentence are decks, read like
 * highlight boxes.
 * @example
 * splitArticles([
 *   { kind: 'paragraph', headingLike: true, text: '我国出口重回两位数增长', range: { file: 'a', start: 1, end: 1 } },
 *   { kind: 'paragraph', text: '新华社北京3月7日电（记者 邹多为 唐诗凝）海关总署7日发布数据。', range: { file: 'a', start: 3, end: 3 } },
 * ], new Set(), 0).fragments[0].header.title // '我国出口重回两位数增长'
 */
export function splitArticles(blocks: Block[], toc: ReadonlySet<string>, firstIndex: number, runningText = false): SplitResult {
  const fragments: Fragment[] = [];
  const drops: SplitDrop[] = [];
  let current: Fragment | undefined;
  /** The current fragment was closed by an end marker: the next headline starts an article. */
  let atBoundary = true;
  let paraCount = 0;
  let lastPara: Para | undefined;
  let lastCaption: Fragment | undefined;
  /** The last paragraph was (the rest of) a highlight box item marked `■`. */
  let lastWasBoxItem = false;

  const open = (file: string): Fragment => {
    const f: Fragment = { index: firstIndex + fragments.length, file, header: {}, headerRanges: [], paras: [] };
    fragments.push(f);
    current = f;
    return f;
  };
  const addPara = (f: Fragment, block: Block, kind: Para['kind'], text = block.text): Para | undefined => {
    const clean = text.trim();
    if (clean === '') return undefined;
    const para: Para = { id: `${block.range.file}#${paraCount++}`, kind, sentences: sentencesOf(clean, block.range), range: { ...block.range }, fragment: f.index, order: block.range.start };
    const before = lastPara?.sentences[lastPara.sentences.length - 1];
    const opensAnew = DATELINE.test(clean) || /^[■□●◆▲“]/u.test(clean);
    if (kind === 'paragraph' && lastPara && lastPara.kind !== 'heading' && before && !endsSentence(before.text) && !opensAnew) {
      para.startsMidSentence = true;
      // The rest of a highlight box item (`■…`) cut by a blank line is still the highlight box.
      if (lastWasBoxItem && lastPara.kind === 'highlight' && lastPara.fragment === f.index) para.kind = 'highlight';
    }
    // In running text, paragraphs that open an article's body without ending a sentence are
    // its decks (summary lines under the headline that the body repeats), not a sentence cut by
    // the layout: treat them like highlight boxes.
    if (runningText && para.kind === 'paragraph' && !endsSentence(clean) && !DATELINE.test(clean) && f.paras.every((p) => p.kind === 'heading' || p.kind === 'highlight')) para.kind = 'highlight';
    lastWasBoxItem = kind === 'highlight' || (lastWasBoxItem && para.kind === 'highlight');
    f.paras.push(para);
    lastPara = para;
    return para;
  };
  const mergeHeader = (f: Fragment, h: Header): void => {
    for (const [k, v] of Object.entries(h) as [keyof Header, string][]) {
      if (v !== undefined && f.header[k] === undefined) (f.header as Record<string, string>)[k] = v;
    }
  };

  let i = 0;
  while (i < blocks.length) {
    const block = blocks[i];
    if (!block) break;
    const file = block.range.file;

    if (block.kind === 'continuation') {
      drops.push({ range: block.range, text: block.text, reason: { kind: 'continuation', detail: block.text } });
      if (/下[接转]/u.test(block.text)) {
        // `（下转第2版）`: the article above goes on elsewhere; what follows here is another one.
        if (current) {
          current.headerRanges.push(block.range);
          current.jumps = true;
        }
        current = undefined;
        atBoundary = true;
      } else {
        current = open(file);
        current.continued = true;
        current.headerRanges.push(block.range);
        atBoundary = false;
      }
      i++;
      continue;
    }
    if (block.kind === 'frontmatter') {
      // A collection file read again: its frontmatter is the header of a new article.
      const [field, value] = block.text.split('\u0000');
      const previous = blocks[i - 1];
      const f = previous?.kind === 'frontmatter' && current ? current : open(file);
      if (field && value) (f.header as Record<string, string>)[field] = value;
      f.headerRanges.push(block.range);
      drops.push({ range: block.range, text: value ?? '', reason: { kind: 'frontmatter', detail: `read as ${field}` } });
      atBoundary = false;
      i++;
      continue;
    }
    if (block.kind === 'source-line') {
      const h = readSourceLine(block.text) ?? {};
      const f = current ?? open(file);
      // The source line gives the date the article was printed: it beats a dateline's month and day.
      if (h.date && (!f.header.date || f.header.date.startsWith('--'))) f.header.date = h.date;
      mergeHeader(f, h);
      f.headerRanges.push(block.range);
      drops.push({ range: block.range, text: block.text, reason: { kind: 'source-line', detail: 'read as publication, date and page' } });
      f.closed = true;
      current = undefined;
      atBoundary = true;
      i++;
      continue;
    }

    if (isHeadline(block)) {
      // Gather the headline group: headline-like blocks, then bylines.
      let j = i;
      while (j < blocks.length && isHeadline(blocks[j])) j++;
      const group = blocks.slice(i, j);
      const next = blocks[j];
      const followedByDateline = !!next && DATELINE.test(next.text);
      const hasStructure = group.some((b) => /^——/u.test(b.text) || isByline(b.text));
      const topLevel = group.some((b) => b.headingLevel === 1);
      const endsFragment = !next || next.kind === 'continuation' || next.kind === 'source-line';
      const photo = !!next && !!blocks[j + 1] && PHOTO_CREDIT.test(blocks[j + 1]?.text ?? '');
      const above = current && current.paras.length > 0 ? current : fragments[fragments.length - 1];
      const untitledAbove = !!above && above.paras.length > 0 && (!above.header.title || !!above.header.weakTitle) && !above.header.runningHead;

      if (endsFragment && above && (current === above || untitledAbove)) {
        // A running head printed after the body names the fragment above it; a lone line that
        // stood in as its headline was a subhead.
        if (above.header.weakTitle && above.header.title) {
          const range = above.headerRanges[above.headerRanges.length - 1] ?? group[0]?.range;
          if (range) above.paras.unshift({ id: `${range.file}#h${range.start}`, kind: 'heading', sentences: sentencesOf(above.header.title, range), range: { ...range }, fragment: above.index, order: range.start });
          above.headerRanges = above.headerRanges.filter((r) => r !== range);
          delete above.header.title;
          delete above.header.weakTitle;
        }
        if (!above.header.title && !above.header.runningHead) above.header.runningHead = group.map((b) => b.text).join(' ');
        for (const b of group) {
          above.headerRanges.push(b.range);
          drops.push({ range: b.range, text: b.text, reason: { kind: 'running-head', detail: 'headline printed after the body; used as the title of the text above' } });
        }
        current = undefined;
        atBoundary = true;
        i = j;
        continue;
      }
      const startsArticle = topLevel || followedByDateline || hasStructure || photo || atBoundary || !current;
      if (startsArticle) {
        const f = open(file);
        const lines = group.map((b) => {
          const line: { text: string; level?: number } = { text: b.text };
          if (b.headingLevel !== undefined) line.level = b.headingLevel;
          return line;
        });
        const { header, duplicates } = readHeaderGroup(lines, toc);
        mergeHeader(f, header);
        if (photo) f.header.kind = 'photo';
        if (!topLevel && !followedByDateline && !hasStructure && !photo && group.length === 1) f.header.weakTitle = true;
        group.forEach((b, k) => {
          f.headerRanges.push(b.range);
          if (duplicates.includes(k)) drops.push({ range: b.range, text: b.text, reason: { kind: 'duplicate-headline', detail: 'headline printed twice' } });
        });
        atBoundary = false;
        i = j;
        continue;
      }
      // A subhead inside the current article.
      for (const b of group) if (current) addPara(current, b, 'heading');
      i = j;
      continue;
    }

    // A body block.
    if (block.bold && !block.headingLike) {
      // A photo caption: printed bold, standing outside any headline.
      const f = open(file);
      f.header.kind = 'photo';
      addPara(f, block, 'caption');
      current = undefined;
      lastCaption = f;
      atBoundary = true;
      i++;
      continue;
    }
    if (PHOTO_CREDIT.test(block.text)) {
      // The credit of the caption just above, or of the photo article being read.
      const f = current ?? (blocks[i - 1]?.bold ? lastCaption : undefined) ?? open(file);
      if (!f.header.byline) f.header.byline = block.text;
      f.header.kind = 'photo';
      f.headerRanges.push(block.range);
      drops.push({ range: block.range, text: block.text, reason: { kind: 'photo-credit', detail: 'read as byline' } });
      current = undefined;
      atBoundary = true;
      i++;
      continue;
    }
    const f = current ?? open(file);
    if (f.paras.every((p) => p.kind === 'highlight')) {
      const d = readDateline(block.text);
      if (d) {
        if (!f.header.dateline) f.header.dateline = d.dateline;
        if (!f.header.agency && d.agency !== '本报') f.header.agency = d.agency;
        if (!f.header.byline && d.byline) f.header.byline = d.byline;
        f.header.date ??= `--${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
      }
    }
    const highlight = /^[■●◆▲]/u.test(block.text);
    const text = highlight ? block.text.replace(/^[■●◆▲]\s*/u, '') : block.text;
    const end = readEndDateline(text);
    if (end && text.trim() === text.trim().match(/[（(][^（(]*$/u)?.[0]) {
      // An end dateline on a line of its own.
      if (!f.header.dateline) f.header.dateline = end.dateline;
      if (!f.header.agency && end.agency !== '本报') f.header.agency = end.agency;
      f.header.date ??= `--${String(end.month).padStart(2, '0')}-${String(end.day).padStart(2, '0')}`;
      f.headerRanges.push(block.range);
      drops.push({ range: block.range, text: block.text, reason: { kind: 'end-dateline', detail: 'read as dateline' } });
      const last = f.paras[f.paras.length - 1];
      if (last) last.endsArticle = true;
      f.closed = true;
      current = undefined;
      atBoundary = true;
      i++;
      continue;
    }
    const para = addPara(f, block, highlight ? 'highlight' : 'paragraph', end ? text.replace(/\s*[（(][^（(]*[）)]\s*$/u, '') : text);
    if (end) {
      if (!f.header.dateline) f.header.dateline = end.dateline;
      if (!f.header.agency && end.agency !== '本报') f.header.agency = end.agency;
      f.header.date ??= `--${String(end.month).padStart(2, '0')}-${String(end.day).padStart(2, '0')}`;
      if (para) para.endsArticle = true;
      f.closed = true;
      current = undefined;
      atBoundary = true;
    } else {
      atBoundary = false;
    }
    i++;
  }
  return { fragments: fragments.filter((f) => f.paras.length > 0 || f.header.title || f.header.runningHead), drops };
}

/** Whether a fragment's last paragraph stops mid-sentence. */
export function endsDangling(f: Fragment): boolean {
  const last = f.paras[f.paras.length - 1];
  if (!last) return false;
  const s = last.sentences[last.sentences.length - 1];
  return !!s && !endsSentence(s.text);
}
