import type { ArticleKind, ArticleMeta } from '../types.ts';
import type { Fragment, Header } from '../model.ts';
import type { OutPara } from './merge-variants.ts';
import { splitSentences } from '../text.ts';

export const summary = 'combines the headers of an article\'s printings into its metadata, completes partial dates, decides the kind, and derives a title where none was printed';

/** A date the corpus gives for a file: from its page header, cover or source lines. */
export type YearHints = Map<string, number>;

/** Header fields in the order of preference: the primary printing's fragments first. */
function combine(headers: Header[]): Header {
  const out: Header = {};
  for (const h of headers) {
    for (const [k, v] of Object.entries(h) as [keyof Header, string][]) {
      if (v !== undefined && v !== '' && out[k] === undefined) (out as Record<string, string>)[k] = v;
    }
  }
  return out;
}

/** The year an undated text mentions most often, at least twice (the latest on a tie), for undated wire copy. */
export function likelyYearIn(text: string): number | undefined {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/(?<![\d.])((?:19|20)\d{2})(?![\d.%万亿千百])/gu)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: number | undefined;
  for (const [y, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0) || (n === counts.get(best) && y > best)) best = y;
  // One mention (`自2019年启动以来`) is a reference, not the year of writing.
  return best !== undefined && (counts.get(best) ?? 0) >= 2 ? best : undefined;
}

/**
 * Decide the kind of an article from its shape: photo captions, question-and-answer explainers,
 * interviews, press conferences, speeches and reports, commentaries, news.
 */
export function kindOf(header: Header, body: OutPara[]): ArticleKind {
  if (header.kind) return header.kind;
  const text = body.map((p) => p.sentences.map((s) => s.text).join('')).join('\n');
  const title = `${header.kicker ?? ''}${header.title ?? header.runningHead ?? ''}`;
  if (body.length > 0 && body.every((p) => p.kind === 'caption')) return 'photo';
  if (/怎样理解|为什么要|什么是|问答/u.test(title)) return 'explainer';
  if (/专访|采访|访谈/u.test(title) || /^记者问[:：]/mu.test(text)) return 'interview';
  const speakerTurns = (text.match(/^[^，。\n]{1,16}记者[:：]/gmu) ?? []).length;
  if (speakerTurns >= 2 || /记者提问|答记者问|记者会/u.test(title)) return 'qa';
  if (/报告$|讲话$|致辞$/u.test(header.title ?? '') || /^各位代表/u.test(text)) return 'speech';
  if (/评论|观察|社论|论坛|时评/u.test(header.kicker ?? '') || (!header.dateline && /^[\p{Script=Han}]{2,3}$/u.test(header.byline ?? ''))) return 'commentary';
  if (!header.dateline && !header.title && !header.runningHead && text.length < 800) return 'explainer';
  if (!header.dateline && header.runningHead && text.length < 800) return 'explainer';
  return 'news';
}

/**
 * Derive a short title from an article's first sentence when no headline was printed: the
 * sentence itself when short, else its first clause of reasonable length, without quotes.
 * @example deriveTitle('“今年两会，我最关注的是新质生产力。”全国政协委员…表示。') // '今年两会，我最关注的是新质生产力'
 */
export function deriveTitle(firstSentence: string): string {
  const sentence = splitSentences(firstSentence)[0] ?? firstSentence;
  const clean = sentence.replace(/[“”‘’「」『』]/gu, '').replace(/[。！？…]+$/u, '').trim();
  const chars = Array.from(clean);
  if (chars.length <= 24) return clean;
  const clauses = clean.split(/(?<=[，；：])/u);
  let title = '';
  for (const c of clauses) {
    if (Array.from(title + c).length > 24 || Array.from(title).length >= 12) break;
    title += c;
  }
  title = title.replace(/[，；：]$/u, '');
  return Array.from(title).length >= 6 ? title : `${chars.slice(0, 20).join('')}…`;
}

/**
 * Build the metadata of one article from the headers of its fragments (primary printing first)
 * and its body. A date printed as month and day only takes its year from the printing's file,
 * else from the latest year the article mentions.
 */
export function extractMetadata(fragments: Fragment[], primaryFile: string, body: OutPara[], years: YearHints): ArticleMeta {
  const ordered = [...fragments].sort((a, b) => Number(b.file === primaryFile) - Number(a.file === primaryFile) || Number(!!b.header.title) - Number(!!a.header.title) || a.index - b.index);
  const header = combine(ordered.map((f) => f.header));
  // A printed headline from any printing beats a running head.
  const printed = ordered.find((f) => f.header.title)?.header;
  const first = body.find((p) => p.kind !== 'heading')?.sentences[0]?.text ?? '';
  let title = printed?.title ?? header.runningHead;
  const titleSource: ArticleMeta['titleSource'] = printed?.titleSource ?? (title ? 'printed' : 'derived');
  if (!title) title = deriveTitle(first);
  const meta: ArticleMeta = { title: tidyHeadline(title), titleSource, kind: kindOf(header, body) };
  if (printed?.kicker ?? header.kicker) meta.kicker = printed?.kicker ?? header.kicker;
  if (printed?.subtitle ?? header.subtitle) meta.subtitle = printed?.subtitle ?? header.subtitle;
  if (header.byline) meta.byline = header.byline;
  if (header.agency) meta.agency = header.agency;
  if (header.publication) meta.publication = header.publication;
  else if (header.agency) meta.publication = header.agency;
  if (header.dateline) meta.dateline = header.dateline;
  if (header.page) meta.page = header.page;
  // The date: a full date from a source line, else month and day with the year of a printing.
  const full = ordered.map((f) => f.header.date).find((d) => d && /^\d{4}-/u.test(d));
  const partial = ordered.map((f) => f.header.date).find((d) => d && d.startsWith('--'));
  if (full) meta.date = full;
  else if (partial) {
    const year = ordered.map((f) => years.get(f.file)).find((y) => y !== undefined) ?? likelyYearIn(body.map((p) => p.sentences.map((s) => s.text).join('')).join(''));
    if (year !== undefined) meta.date = `${year}${partial.slice(1)}`;
  }
  return meta;
}

/** A headline keeps the spaces between its phrases but not spaces beside CJK punctuation. */
export function tidyHeadline(text: string): string {
  return text.replace(/\s*([，。；：！？、“”‘’（）《》])\s*/gu, '$1').replace(/\s+/gu, ' ').trim();
}
