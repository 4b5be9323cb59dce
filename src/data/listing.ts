/**
 * Pure helpers for the home page's article list: the one-line lead, grouping by publication and
 * date, and the filter choices. Free of `astro:content`, so tests import them directly.
 */
import { markdownParagraphText } from '../lib/paragraph-id.ts';

/** How many characters a lead keeps before it is cut with an ellipsis. */
export const LEAD_LENGTH = 60;

/** What the grouping and filters look at. */
export interface Listable {
  /** Publication (or agency) the article is grouped under; absent when unknown. */
  publication?: string | undefined;
  /** `YYYY-MM-DD`, absent when undated. */
  date?: string | undefined;
  kind: string;
}

/** The articles of one day within a publication. */
export interface DateGroup<T> {
  /** `YYYY-MM-DD`, or undefined for the undated ones. */
  date: string | undefined;
  items: T[];
}

/** The articles of one publication, by date. */
export interface PublicationGroup<T> {
  /** Undefined for articles whose publication is unknown. */
  publication: string | undefined;
  count: number;
  dates: DateGroup<T>[];
}

/** One choice of a filter `<select>`. */
export interface FilterChoice {
  /** The value in the URL and in the item's `data-*` attribute. */
  value: string;
  count: number;
}

/** Filter value for items without a publication or a date: never a real publication name or month. */
export const NONE = 'none';

const collator = new Intl.Collator('zh-Hans-CN');

/** Newest first, undefined last. */
function compareDatesDesc(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? 1 : -1;
}

/** `2024-03-06` → `2024-03`; undefined stays undefined. */
export function monthOf(date: string | undefined): string | undefined {
  return date?.slice(0, 7);
}

/**
 * A dateline the first paragraph opens with: `新华社北京3月4日电`, `本报北京3月5日电`, optionally
 * followed by the reporters in brackets. The reader sees it in the article, not in the lead.
 */
const DATELINE =
  /^[\p{Script=Han}A-Za-z]{2,20}?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日电\s*(?:[（(][^）)]{1,40}[）)])?\s*/u;

/**
 * The one-line lead of an article: the start of the first paragraph of its Markdown body, as a
 * reader sees it (escapes removed, bold unwrapped, the dateline left out), cut at `max` characters.
 * @example leadOf('新华社北京3月7日电（记者 周圆）北京时间7日，执行中国第40次南极考察任务的“雪龙2”号…')
 * // '北京时间7日，执行中国第40次南极考察任务的“雪龙2”号…'
 */
export function leadOf(body: string, options: { dateline?: string | undefined; max?: number } = {}): string {
  const max = options.max ?? LEAD_LENGTH;
  const paragraph = body
    .split(/\n\s*\n/u)
    .map((block) => block.trim())
    // Headings, quotes, lists, rules and images are not a lead.
    .find((block) => block !== '' && !/^(?:#|>|[-*+]\s|\d+[.)]\s|!\[|---|\*\*\*)/u.test(block));
  if (paragraph === undefined) return '';
  let text = markdownParagraphText(paragraph.replace(/\s*\n\s*/gu, '')).trim();
  const dateline = options.dateline;
  if (dateline && text.startsWith(dateline)) {
    text = text.slice(dateline.length).replace(/^\s*(?:[（(][^）)]{1,40}[）)])?\s*/u, '');
  } else {
    text = text.replace(DATELINE, '');
  }
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  // Cut, and drop a comma or an opening bracket left dangling at the cut.
  return `${chars.slice(0, max).join('').replace(/[，、；：“‘（《\s]+$/u, '')}…`;
}

/**
 * Articles grouped by publication, then by date. Publications come in the order of their newest
 * article (then by name), the unknown one last; dates newest first, undated last. Items keep
 * the order they came in within a day.
 */
export function groupArticles<T extends Listable>(items: readonly T[]): PublicationGroup<T>[] {
  const byPublication = new Map<string | undefined, T[]>();
  for (const item of items) {
    const list = byPublication.get(item.publication) ?? [];
    list.push(item);
    byPublication.set(item.publication, list);
  }
  const groups: PublicationGroup<T>[] = [...byPublication].map(([publication, list]) => {
    const byDate = new Map<string | undefined, T[]>();
    for (const item of list) {
      const day = byDate.get(item.date) ?? [];
      day.push(item);
      byDate.set(item.date, day);
    }
    const dates = [...byDate]
      .map(([date, dayItems]) => ({ date, items: dayItems }))
      .sort((a, b) => compareDatesDesc(a.date, b.date));
    return { publication, count: list.length, dates };
  });
  const newest = (g: PublicationGroup<T>): string | undefined => g.dates[0]?.date;
  return groups.sort((a, b) => {
    if (a.publication === undefined || b.publication === undefined) {
      return a.publication === b.publication ? 0 : a.publication === undefined ? 1 : -1;
    }
    return compareDatesDesc(newest(a), newest(b)) || collator.compare(a.publication, b.publication);
  });
}

/** The choices of the publication, kind and month filters, with how many items each matches. */
export function filterChoices(items: readonly Listable[]): {
  publications: FilterChoice[];
  kinds: FilterChoice[];
  months: FilterChoice[];
} {
  const count = (values: string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
    return m;
  };
  const toChoices = (m: Map<string, number>): FilterChoice[] => [...m].map(([value, n]) => ({ value, count: n }));
  // Publications in group order; kinds most frequent first; months newest first. `none` last.
  const publications = toChoices(count(groupArticles(items).flatMap((g) => g.dates.flatMap((d) => d.items.map(() => g.publication ?? NONE)))));
  const kinds = toChoices(count(items.map((i) => i.kind))).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  const months = toChoices(count(items.map((i) => monthOf(i.date) ?? NONE))).sort((a, b) =>
    compareDatesDesc(a.value === NONE ? undefined : a.value, b.value === NONE ? undefined : b.value),
  );
  return { publications, kinds, months };
}
