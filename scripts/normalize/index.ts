/**
 * The normalizer: messy extracted news text in, a clean article collection out.
 *
 * The flow, one step per line:
 *   read     — the caller hands in decoded texts (io.ts reads and decodes files);
 *   clean    — per line: undo PDF bold doubling, normalize punctuation width, mark furniture;
 *   segment  — join hard-wrapped lines into paragraphs, rejoin words cut at a break, and split
 *              each file into article fragments at headlines, datelines and markers;
 *   match    — find every sentence printed in more than one file;
 *   assign   — group fragments into articles, split off interleaved passages, move strays;
 *   merge    — order each article, keep the most faithful variant of each sentence, drop
 *              repeats, stitch cut sentences, read the metadata;
 *   correct  — apply the reviewed corrections file, last;
 *   report   — account for every input line and explain what each pass changed.
 * The core is pure: it takes text and returns data. Writing files is io.ts's job.
 */
import type { Article, Block, BodyBlock, SourceLine, SourceRef, SourceText } from './types.ts';
import type { Fragment, Para, Sentence, Story } from './model.ts';
import { paraText } from './model.ts';
import { Explainer, clip } from './explain.ts';
import { toLines } from './lines.ts';
import { displayWidth, sentenceKey, splitSentences } from './text.ts';
import { undoBoldDoubling } from './passes/undo-bold-doubling.ts';
import { normalizePunctuationWidth } from './passes/normalize-punctuation-width.ts';
import { dropPageFurniture } from './passes/drop-page-furniture.ts';
import { joinWrappedLines } from './passes/join-wrapped-lines.ts';
import { Attestation, attestationQueries, rejoinSplitWords } from './passes/rejoin-split-words.ts';
import { splitArticles, type SplitDrop } from './passes/split-articles.ts';
import { matchVariants } from './passes/match-variants.ts';
import { assignStories, splitMixedParagraphs } from './passes/assign-stories.ts';
import { mergeVariants, type MergeDrop, type OutPara } from './passes/merge-variants.ts';
import { extractMetadata, type YearHints } from './passes/extract-metadata.ts';
import { removeStraySpaces } from './passes/remove-stray-spaces.ts';
import { applyMoves, namesArticle, type Correction, type CorrectionResult } from './passes/apply-corrections.ts';
import { slugFor } from './slug.ts';

/** The passes, in order, by the one name each goes by everywhere (`--no-<name>` switches it off). */
export const PASSES = [
  'undoBoldDoubling',
  'normalizePunctuationWidth',
  'dropPageFurniture',
  'joinWrappedLines',
  'rejoinSplitWords',
  'splitArticles',
  'matchVariants',
  'splitMixedParagraphs',
  'assignStories',
  'mergeVariants',
  'removeStraySpaces',
  'extractMetadata',
  'applyCorrections',
] as const;
export type PassName = (typeof PASSES)[number];
/** Passes that can be switched off without breaking the flow. */
export const OPTIONAL_PASSES: ReadonlySet<PassName> = new Set(['undoBoldDoubling', 'normalizePunctuationWidth', 'rejoinSplitWords', 'splitMixedParagraphs', 'removeStraySpaces', 'applyCorrections']);

export interface NormalizeOptions {
  corrections?: Correction[];
  disabled?: ReadonlySet<PassName>;
}

/** What happened to one input line. */
export interface LineStatus {
  line: number;
  /** `blank`, `text` (in an article), `metadata` (read into frontmatter), `dropped`, or a furniture kind. */
  status: string;
  articles?: string[];
  reason?: string;
}

/** A passage that did not reach an article body, and why. */
export interface DroppedPassage {
  file: string;
  lines: [number, number];
  text: string;
  reason: string;
  detail?: string;
  article?: string;
}

export interface Report {
  inputs: { file: string; encoding: string; lines: number; characters: number }[];
  warnings: string[];
  summary: {
    articles: number;
    linesJoined: number;
    duplicatesDropped: number;
    variantsMerged: number;
    furnitureLines: number;
    passes: Record<string, number>;
  };
  perFile: Record<string, { linesJoined: number; duplicatesDropped: number; furnitureLines: number; articles: number }>;
  articles: { slug: string; title: string; titleSource: string; kind: string; paragraphs: number; characters: number; sources: SourceRef[]; explain: Record<string, number>; conflicts: { kept: string; other: string }[] }[];
  dropped: DroppedPassage[];
  corrections: CorrectionResult[];
  lines: Record<string, LineStatus[]>;
}

export interface NormalizeResult {
  articles: Article[];
  report: Report;
}

const on = (options: NormalizeOptions, pass: PassName): boolean => !(options.disabled?.has(pass) && OPTIONAL_PASSES.has(pass));

/** Normalize a corpus of decoded texts into articles and a report. Pure: no I/O. */
export function normalizeCorpus(sources: SourceText[], options: NormalizeOptions = {}): NormalizeResult {
  const explain = new Explainer();
  const warnings: string[] = [];
  const sorted = [...sources].sort((a, b) => a.file.localeCompare(b.file));

  // clean: line fixes and furniture.
  const filesLines = new Map<string, SourceLine[]>();
  const years: YearHints = new Map();
  /** The date printed in a file's page header: the date of the page's undated articles. */
  const pageDates = new Map<string, string>();
  /** The paper a file's page header names, for articles that only say 本报 (this paper). */
  const pagePapers = new Map<string, string>();
  const toc = new Set<string>();
  for (const source of sorted) {
    if (source.text.trim() === '') warnings.push(`${source.file}: empty file, nothing to read`);
    let lines = toLines(source);
    lines = lines.map((line) => {
      let text = line.text;
      if (on(options, 'undoBoldDoubling')) {
        const r = undoBoldDoubling(text);
        explain.record({ pass: 'undoBoldDoubling', count: r.count, file: line.file, line: line.no, example: `${clip(text, 16)} → ${clip(r.text, 16)}` });
        if (r.count > 0) line = { ...line, bold: true };
        text = r.text;
      }
      if (on(options, 'normalizePunctuationWidth')) {
        const r = normalizePunctuationWidth(text);
        explain.record({ pass: 'normalizePunctuationWidth', count: r.count, file: line.file, line: line.no });
        text = r.text;
      }
      return { ...line, text };
    });
    const furniture = dropPageFurniture(lines);
    for (const l of furniture.lines) {
      if (!l.drop) continue;
      explain.record({ pass: 'dropPageFurniture', count: 1, file: l.file, line: l.no, example: `${l.drop.kind}: ${clip(l.text, 16)}` });
      const year = /(\d{4})\s*年/u.exec(l.text)?.[1];
      if (year && !years.has(l.file) && (l.drop.kind === 'page-header' || l.drop.kind === 'front-matter')) years.set(l.file, Number(year));
      // A page header may name the paper: `经济日报 2024年5月20日 第3版`.
      const paper = /^([\p{Script=Han}]{2,8}?)\s*(?:第\s*\d{1,3}\s*版\s*)?\d{4}\s*年/u.exec(l.text)?.[1];
      if (paper && l.drop.kind === 'page-header' && !/^(?:专题|要闻|综合|国际|国内|评论|理论|副刊|地方|经济|文化|体育)$/u.test(paper) && !pagePapers.has(l.file)) pagePapers.set(l.file, paper);
      const page = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u.exec(l.text);
      if (page && l.drop.kind === 'page-header' && !pageDates.has(l.file)) pageDates.set(l.file, `${page[1]}-${page[2]?.padStart(2, '0')}-${page[3]?.padStart(2, '0')}`);
      if (l.drop.kind === 'toc') toc.add(sentenceKey(tocTitle(l.text)));
    }
    filesLines.set(source.file, furniture.lines);
  }

  // segment: paragraphs, rejoined words, fragments.
  const blocksByFile = new Map<string, Block[]>();
  for (const [file, lines] of filesLines) {
    const r = joinWrappedLines(lines);
    // One record per paragraph, at its first line, so each article is told its own joins.
    const isText = (no: number): boolean => !!lines[no - 1] && lines[no - 1]?.text !== '' && !lines[no - 1]?.drop;
    for (const b of r.blocks) {
      let n = 0;
      for (let no = b.range.start; no <= b.range.end; no++) if (isText(no)) n++;
      explain.record({ pass: 'joinWrappedLines', count: n - 1, file, line: b.range.start });
    }
    if (r.repeats > 0) explain.record({ pass: 'joinWrappedLines', count: r.repeats, file, example: 'character repeated across a page break' });
    blocksByFile.set(file, r.blocks);
  }
  if (on(options, 'rejoinSplitWords')) {
    const all = [...blocksByFile.values()].flat();
    const attestation = new Attestation(all, [...blocksByFile.values()].flatMap((blocks) => attestationQueries(blocks)));
    for (const [file, blocks] of blocksByFile) {
      const r = rejoinSplitWords(blocks, attestation);
      explain.record({ pass: 'rejoinSplitWords', count: r.rejoined + r.spaces, file, line: 1 });
      blocksByFile.set(file, r.blocks);
    }
  }
  // Files printed as running text (most lines longer than a newspaper column) have certain paragraph breaks.
  const runningText = new Set<string>();
  for (const [file, lines] of filesLines) {
    const widths = lines.filter((l) => l.text !== '' && !l.drop).map((l) => displayWidth(l.text)).sort((a, b) => a - b);
    if ((widths[Math.floor(widths.length / 2)] ?? 0) > 110) runningText.add(file);
  }
  const fragments: Fragment[] = [];
  const splitDrops: SplitDrop[] = [];
  for (const [file, blocks] of blocksByFile) {
    const r = splitArticles(blocks, toc, fragments.length, runningText.has(file));
    fragments.push(...r.fragments);
    splitDrops.push(...r.drops);
  }

  // match and assign.
  let paras: Para[] = fragments.flatMap((f) => f.paras);
  let matches = matchVariants(paras);
  if (on(options, 'splitMixedParagraphs')) {
    const split = splitMixedParagraphs(paras, matches, fragments);
    paras = split.paras;
    matches = split.matches;
    explain.record({ pass: 'splitMixedParagraphs', count: split.count });
  }
  explain.record({ pass: 'matchVariants', count: matches.size });
  const assigned = assignStories(fragments, paras, matches);
  for (const m of assigned.moves) explain.record({ pass: 'assignStories', count: 1, file: paras[m.para]?.range.file, line: paras[m.para]?.range.start, example: m.why });
  for (const s of assigned.splits) explain.record({ pass: 'assignStories', count: s.paras.length, file: paras[s.paras[0] ?? -1]?.range.file, line: paras[s.paras[0] ?? -1]?.range.start, example: 'interleaved passage of another article split off' });
  const stories = assigned.stories;
  const corrections = options.corrections && on(options, 'applyCorrections') ? options.corrections : [];
  const correctionResults = applyMoves(corrections, stories, paras);

  // merge: one article per story.
  const drafts: { story: Story; body: OutPara[]; drops: MergeDrop[]; primaryFile: string; conflicts: { kept: Sentence; other: Sentence }[] }[] = [];
  for (const story of stories) {
    if (story.paras.length === 0) continue;
    const merged = mergeVariants(story, paras, fragments, runningText);
    explain.record({ pass: 'mergeVariants', count: merged.replaced + merged.deduped + merged.stitched, file: merged.primaryFile, line: paras[story.paras[0] ?? -1]?.range.start });
    drafts.push({ story, body: merged.body, drops: merged.drops, primaryFile: merged.primaryFile, conflicts: merged.conflicts });
  }
  // A file without its own date takes the year its articles got from their other printings.
  for (const d of drafts) {
    const files = new Set(d.story.paras.map((p) => paras[p]?.range.file ?? ''));
    const known = [...files].map((f) => years.get(f)).find((y) => y !== undefined);
    if (known !== undefined) for (const f of files) if (!years.has(f)) years.set(f, known);
  }

  // A file still without a year takes the one most of its dated articles have.
  const metaOf = (d: (typeof drafts)[number]): ReturnType<typeof extractMetadata> =>
    extractMetadata(storyFragmentsOf(d.story, paras, fragments), d.primaryFile, d.body, years);
  const yearVotes = new Map<string, Map<number, number>>();
  for (const d of drafts) {
    const date = metaOf(d).date;
    if (!date) continue;
    const votes = yearVotes.get(d.primaryFile) ?? new Map<number, number>();
    votes.set(Number(date.slice(0, 4)), (votes.get(Number(date.slice(0, 4))) ?? 0) + 1);
    yearVotes.set(d.primaryFile, votes);
  }
  for (const [file, votes] of yearVotes) {
    if (years.has(file)) continue;
    const best = [...votes.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    if (best) years.set(file, best[0]);
  }

  const articles: Article[] = [];
  const misplaced: DroppedPassage[] = [];
  const usedSlugs = new Set<string>();
  const articleOfPara = new Map<number, string>();
  const mergeDrops: { drop: MergeDrop; slug: string }[] = [];
  const conflictsBySlug = new Map<string, { kept: string; other: string }[]>();
  for (const d of drafts) {
    const storyFragments = storyFragmentsOf(d.story, paras, fragments);
    const body: BodyBlock[] = d.body.map((p) => {
      let text = p.sentences.map((s) => s.text).join('');
      if (p.kind !== 'heading' && on(options, 'removeStraySpaces')) {
        const r = removeStraySpaces(text);
        explain.record({ pass: 'removeStraySpaces', count: r.count, file: p.sentences[0]?.range.file, line: p.sentences[0]?.range.start });
        text = r.text;
      }
      return { kind: p.kind === 'heading' ? 'heading' : 'paragraph', text };
    });
    const meta = metaOf(d);
    if (!meta.date && pageDates.has(d.primaryFile)) meta.date = pageDates.get(d.primaryFile);
    const paper = pagePapers.get(d.primaryFile);
    if (paper && (!meta.publication || meta.publication === '本报')) meta.publication = paper;
    if (meta.publication === '本报') delete meta.publication;
    const bodyKey = corrections.length > 0 ? sentenceKey(body.map((b) => b.text).join('\n')) : '';
    for (const [index, c] of corrections.entries()) {
      if ('article' in c && namesArticle(c, meta, bodyKey)) {
        Object.assign(meta, c.set);
        if (c.set.title) meta.titleSource = 'corrected';
        correctionResults.push({ index, why: c.why, applied: true, detail: `set ${Object.keys(c.set).join(', ')} on “${clip(meta.title, 20)}”` });
      }
      if ('prefer' in c) {
        const over = sentenceKey(c.over);
        body.forEach((b, k) => {
          if (!sentenceKey(b.text).includes(over)) return;
          const sentences = splitSentences(b.text);
          const whole = sentences.some((s) => sentenceKey(s) === over);
          const text = whole ? sentences.map((s) => (sentenceKey(s) === over ? c.prefer : s)).join('') : b.text.replace(c.over, c.prefer);
          if (text !== b.text) {
            // The wording set aside goes to the report, with the reason: nothing is lost.
            const src = d.body[k]?.sentences[0]?.range;
            const replaced = whole ? sentences.filter((s) => sentenceKey(s) === over) : sentences.filter((s) => s.includes(c.over));
            for (const sentence of replaced) misplaced.push({ file: src?.file ?? '', lines: [src?.start ?? 0, src?.end ?? 0], text: sentence, reason: 'corrected', detail: `“${c.over}” read as “${c.prefer}”: ${c.why}` });
            b.text = text;
            correctionResults.push({ index, why: c.why, applied: true, detail: `kept “${clip(c.prefer, 20)}” over “${clip(c.over, 20)}”` });
          }
        });
      }
    }
    // The headline printed again inside the body (a running head at a page turn) is not a subhead.
    const titleKey = sentenceKey(meta.title);
    for (let k = body.length - 1; k >= 0; k--) {
      const b = body[k];
      if (b?.kind === 'heading' && sentenceKey(b.text) === titleKey) {
        body.splice(k, 1);
        const src = d.body[k]?.sentences[0]?.range;
        misplaced.push({ file: src?.file ?? '', lines: [src?.start ?? 0, src?.end ?? 0], text: b.text, reason: 'running-head', detail: 'the headline printed again inside the text' });
        d.body.splice(k, 1);
      }
    }
    let slug = slugFor(meta.title, meta.date);
    for (let n = 2; usedSlugs.has(slug); n++) slug = slugFor(meta.title, meta.date, String(n));
    usedSlugs.add(slug);
    const sources = sourcesOf(d, paras, storyFragments);
    articles.push({ slug, meta, body, sources });
    for (const p of d.story.paras) articleOfPara.set(p, slug);
    for (const drop of d.drops) mergeDrops.push({ drop, slug });
    conflictsBySlug.set(slug, d.conflicts.filter((c) => c.kept.key !== c.other.key).map((c) => ({ kept: c.kept.text, other: c.other.text })));
  }
  // A subhead printed above a box it does not belong to: the same subhead heads a passage of
  // another article, and here it stands before any text.
  const headingsElsewhere = new Map<string, string>();
  for (const a of articles) for (const b of a.body.slice(1)) if (b.kind === 'heading') headingsElsewhere.set(sentenceKey(b.text), a.slug);
  for (const a of articles) {
    const first = a.body[0];
    const owner = first?.kind === 'heading' ? headingsElsewhere.get(sentenceKey(first.text)) : undefined;
    if (first && owner && owner !== a.slug) {
      a.body.shift();
      const src = a.sources[0];
      misplaced.push({ file: src?.file ?? '', lines: src?.lines[0] ?? [0, 0], text: first.text, reason: 'misplaced-subhead', detail: `subhead of ${owner}, printed above this text`, article: a.slug });
      explain.record({ pass: 'mergeVariants', count: 1 });
    }
  }
  for (const [index, c] of corrections.entries()) {
    if (!correctionResults.some((r) => r.index === index)) correctionResults.push({ index, why: c.why, applied: false, detail: 'nothing in the corpus matched this correction' });
  }
  correctionResults.sort((a, b) => a.index - b.index);
  for (const r of correctionResults) if (r.applied) explain.record({ pass: 'applyCorrections', count: 1 });
  for (const r of correctionResults) if (!r.applied) warnings.push(`corrections[${r.index}] was not applied: ${r.detail}`);
  articles.sort((a, b) => a.slug.localeCompare(b.slug));

  const report = buildReport(sorted, filesLines, fragments, paras, articles, articleOfPara, splitDrops, mergeDrops, explain, warnings, correctionResults, conflictsBySlug);
  report.dropped.push(...misplaced);
  report.dropped.sort((a, b) => a.file.localeCompare(b.file) || a.lines[0] - b.lines[0] || a.reason.localeCompare(b.reason));
  return { articles, report };
}

/**
 * The fragments whose headers speak for a story. A paragraph moved or split off into another
 * story does not bring its fragment's headline along.
 */
function storyFragmentsOf(story: Story, _paras: Para[], fragments: Fragment[]): Fragment[] {
  return [...new Set(story.fragments)].map((i) => fragments[i]).filter((f): f is Fragment => !!f);
}

/** The title part of a table-of-contents line: `3.政府工作报告·····\t10` → `政府工作报告`. */
function tocTitle(text: string): string {
  return text.replace(/^\s*(?:\d{1,2}\s*[.、．]|[（(]\s*\d{1,2}\s*[）)])\s*/u, '').replace(/[·.…．•]{3,}.*$/u, '').replace(/\t.*$/u, '').trim();
}

/** Line ranges of every printing that went into an article, by file, with its role. */
function sourcesOf(d: { story: Story; primaryFile: string }, paras: Para[], storyFragments: Fragment[]): SourceRef[] {
  const byFile = new Map<string, [number, number][]>();
  const add = (file: string, start: number, end: number): void => {
    const list = byFile.get(file) ?? [];
    list.push([start, end]);
    byFile.set(file, list);
  };
  for (const p of d.story.paras) {
    const para = paras[p];
    if (para) add(para.range.file, para.range.start, para.range.end);
  }
  for (const f of storyFragments) for (const r of f.headerRanges) add(r.file, r.start, r.end);
  const files = [...byFile.keys()].sort((a, b) => Number(b === d.primaryFile) - Number(a === d.primaryFile) || a.localeCompare(b));
  return files.map((file) => {
    const ranges = (byFile.get(file) ?? []).sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [s, e] of ranges) {
      const last = merged[merged.length - 1];
      if (last && s <= last[1] + 2) last[1] = Math.max(last[1], e);
      else merged.push([s, e]);
    }
    const continued = storyFragments.some((f) => f.file === file && f.continued);
    return { file, lines: merged, role: file === d.primaryFile ? 'primary' : continued ? 'fragment' : 'variant' };
  });
}

function buildReport(
  sources: SourceText[],
  filesLines: Map<string, SourceLine[]>,
  fragments: Fragment[],
  paras: Para[],
  articles: Article[],
  articleOfPara: Map<number, string>,
  splitDrops: SplitDrop[],
  mergeDrops: { drop: MergeDrop; slug: string }[],
  explain: Explainer,
  warnings: string[],
  corrections: CorrectionResult[],
  conflictsBySlug: Map<string, { kept: string; other: string }[]>,
): Report {
  const lines: Record<string, LineStatus[]> = {};
  const statusOf = new Map<string, Map<number, LineStatus>>();
  for (const [file, list] of filesLines) {
    const m = new Map<number, LineStatus>();
    for (const l of list) {
      if (l.text === '') m.set(l.no, { line: l.no, status: 'blank' });
      else if (l.drop) m.set(l.no, { line: l.no, status: l.drop.kind, reason: l.drop.detail ?? `page furniture: ${l.drop.kind}` });
    }
    statusOf.set(file, m);
  }
  const setLine = (file: string, line: number, status: string, slug?: string, reason?: string): void => {
    const m = statusOf.get(file);
    if (!m) return;
    const existing = m.get(line);
    if (existing && existing.status === 'text' && status !== 'text') return;
    if (existing && existing.status === 'text' && slug) {
      if (!existing.articles?.includes(slug)) existing.articles = [...(existing.articles ?? []), slug];
      return;
    }
    const entry: LineStatus = { line, status };
    if (slug) entry.articles = [slug];
    if (reason) entry.reason = reason;
    m.set(line, entry);
  };
  // Header lines (headlines, bylines, datelines, source lines) are read into metadata.
  const slugOfFragment = new Map<number, string>();
  paras.forEach((p, i) => {
    const slug = articleOfPara.get(i);
    if (slug && !slugOfFragment.has(p.fragment)) slugOfFragment.set(p.fragment, slug);
  });
  for (const d of splitDrops) for (let n = d.range.start; n <= d.range.end; n++) setLine(d.range.file, n, d.reason.kind === 'continuation' ? 'continuation' : 'metadata', undefined, d.reason.detail);
  for (const f of fragments) {
    const slug = slugOfFragment.get(f.index);
    for (const r of f.headerRanges) for (let n = r.start; n <= r.end; n++) setLine(r.file, n, 'metadata', slug, 'read into the article header');
  }
  // Body lines: kept text, unless every sentence of the paragraph was dropped.
  const droppedSentences = new Set(mergeDrops.map((m) => m.drop.sentence));
  paras.forEach((p, i) => {
    const slug = articleOfPara.get(i);
    const allDropped = p.sentences.every((s) => droppedSentences.has(s));
    for (let n = p.range.start; n <= p.range.end; n++) {
      if (allDropped) {
        const drop = mergeDrops.find((m) => m.drop.para === i)?.drop;
        setLine(p.range.file, n, 'dropped', slug, drop ? `${drop.kind}: ${drop.detail}` : 'merged');
      } else setLine(p.range.file, n, 'text', slug);
    }
  });
  for (const [file, m] of statusOf) {
    const list = filesLines.get(file) ?? [];
    lines[file] = list.map((l) => m.get(l.no) ?? { line: l.no, status: 'unaccounted' });
  }

  const dropped: DroppedPassage[] = [];
  for (const { drop, slug } of mergeDrops) {
    dropped.push({ file: drop.sentence.range.file, lines: [drop.sentence.range.start, drop.sentence.range.end], text: drop.sentence.text, reason: drop.kind, detail: drop.detail, article: slug });
  }
  for (const d of splitDrops) dropped.push({ file: d.range.file, lines: [d.range.start, d.range.end], text: d.text, reason: d.reason.kind, ...(d.reason.detail ? { detail: d.reason.detail } : {}) });
  for (const [file, list] of filesLines) {
    for (const l of list) if (l.drop && l.drop.kind !== 'continuation' && l.drop.kind !== 'source-line') dropped.push({ file, lines: [l.no, l.no], text: l.text, reason: l.drop.kind });
  }
  dropped.sort((a, b) => a.file.localeCompare(b.file) || a.lines[0] - b.lines[0] || a.reason.localeCompare(b.reason));

  // Explanations per article, through the line map.
  const perArticle = new Map<string, Record<string, number>>();
  const totals: Record<string, number> = {};
  for (const c of explain.changes) {
    totals[c.pass] = (totals[c.pass] ?? 0) + c.count;
    if (!c.file || c.line === undefined) continue;
    const status = statusOf.get(c.file)?.get(c.line);
    for (const slug of status?.articles ?? []) {
      const rec = perArticle.get(slug) ?? {};
      rec[c.pass] = (rec[c.pass] ?? 0) + c.count;
      perArticle.set(slug, rec);
    }
  }
  const perFile: Report['perFile'] = {};
  for (const s of sources) {
    const statuses = lines[s.file] ?? [];
    perFile[s.file] = {
      linesJoined: explain.changes.filter((c) => c.pass === 'joinWrappedLines' && c.file === s.file).reduce((n, c) => n + c.count, 0),
      duplicatesDropped: mergeDrops.filter((m) => m.drop.sentence.range.file === s.file && (m.drop.kind === 'duplicate' || m.drop.kind === 'variant' || m.drop.kind === 'highlight')).length,
      furnitureLines: statuses.filter((l) => !['blank', 'text', 'metadata', 'dropped', 'continuation', 'unaccounted'].includes(l.status) || l.status === 'continuation').length,
      articles: new Set(statuses.flatMap((l) => l.articles ?? [])).size,
    };
  }
  return {
    inputs: sources.map((s) => ({ file: s.file, encoding: s.encoding, lines: filesLines.get(s.file)?.length ?? 0, characters: Array.from(s.text).length })),
    warnings,
    summary: {
      articles: articles.length,
      linesJoined: totals.joinWrappedLines ?? 0,
      duplicatesDropped: mergeDrops.filter((m) => m.drop.kind === 'duplicate' || m.drop.kind === 'highlight').length,
      variantsMerged: mergeDrops.filter((m) => m.drop.kind === 'variant' || m.drop.kind === 'variant-wording').length,
      furnitureLines: Object.values(perFile).reduce((n, f) => n + f.furnitureLines, 0),
      passes: totals,
    },
    perFile,
    articles: articles.map((a) => ({
      slug: a.slug,
      title: a.meta.title,
      titleSource: a.meta.titleSource,
      kind: a.meta.kind,
      paragraphs: a.body.length,
      characters: a.body.reduce((n, b) => n + Array.from(b.text).length, 0),
      sources: a.sources,
      explain: perArticle.get(a.slug) ?? {},
      conflicts: conflictsBySlug.get(a.slug) ?? [],
    })),
    dropped,
    corrections,
    lines,
  };
}

export { paraText };
