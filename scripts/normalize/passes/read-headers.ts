import type { Header } from '../model.ts';
import { sentenceKey } from '../text.ts';

export const summary = 'reads headline groups, bylines, datelines and source lines into title, kicker, subtitle, byline, agency, dateline, publication, date and page';

/** `新华社记者 董瑞丰 温竞华 张京`, `□新华社记者 刘开雄 刘羽佳 胡喆`, `本报记者 …`. */
export const BYLINE = /^(?:[□■]\s*)?((?:新华社|人民日报|本报|中新社|光明日报|经济日报|央视|中国日报)?(?:特约)?(?:记者|通讯员|评论员))\s*([\p{Script=Han}·\s]{2,40})$/u;
/** An author's name alone on a line, sometimes spaced out to fill the column: `李拯`, `石 羚`. */
const NAME_ONLY = /^[\p{Script=Han}](?:\s?[\p{Script=Han}]){1,3}$/u;
/** `国务院总理 李强`: a position, a space, a name. */
const POSITION_NAME = /^[\p{Script=Han}]{2,14}(?:总理|主席|部长|书记|秘书长|院长|社长|总编辑|主任|委员|代表)\s+[\p{Script=Han}·]{2,6}$/u;
/** A kicker (引题) ends with the verb that introduces the headline: `习近平在参加江苏代表团审议时强调`. */
const KICKER_END = /(?:时强调|强调|指出|表示|时指出|致信|致辞|寄语)$/u;
/** A column name in brackets after a headline: `为高质量发展提供强劲推动力（评论员观察）`. */
const COLUMN_SUFFIX = /^(.*?)[（(]([\p{Script=Han}]{2,8})[）)]$/u;
/** `新华社北京3月7日电（记者 邹多为 唐诗凝）` at the start of a first paragraph. */
export const DATELINE = /^(新华社|本报|中新社|人民日报)([\p{Script=Han}]{0,12}?)\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*电\s*(?:[（(]\s*((?:记者|通讯员)[^）)]{0,40})[）)])?/u;
/** `（新华社北京3月6日电）` closing an article. */
export const END_DATELINE = /[（(]\s*(新华社|本报|中新社)([\p{Script=Han}]{0,12}?)(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*电\s*[）)]$/u;
/** `新华社记者 郭程 摄`: a photo credit. */
export const PHOTO_CREDIT = /^(?:(?:新华社|人民日报|本报|中新社)?(?:特约)?(?:记者|通讯员))?\s*[\p{Script=Han}·]{2,4}(?:\s+[\p{Script=Han}·]{2,4})*\s*摄$/u;
/** `《人民日报》（2024年03月05日第01版）`. */
const SOURCE = /^《([^》]{1,20})》\s*[（(]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:第\s*(\d{1,3})\s*版)?\s*[）)]\s*$/u;

const pad = (n: string | undefined): string => (n ?? '').padStart(2, '0');

/** Read a source line such as `《人民日报》（2024年03月05日第01版）` into publication, date and page. */
export function readSourceLine(text: string): Header | undefined {
  const m = SOURCE.exec(text.trim());
  if (!m) return undefined;
  const header: Header = { publication: m[1], date: `${m[2]}-${pad(m[3])}-${pad(m[4])}` };
  if (m[5]) header.page = pad(m[5]);
  return header;
}

/** Read a dateline at the start of a paragraph: agency, dateline text, month and day, byline. */
export function readDateline(text: string): { agency: string; dateline: string; month: number; day: number; byline?: string } | undefined {
  const m = DATELINE.exec(text);
  if (!m) return undefined;
  const agency = m[1] ?? '';
  const result: { agency: string; dateline: string; month: number; day: number; byline?: string } = {
    agency,
    dateline: `${agency}${m[2] ?? ''}${m[3]}月${m[4]}日电`,
    month: Number(m[3]),
    day: Number(m[4]),
  };
  if (m[5]) result.byline = m[5].replace(/\s+/gu, ' ').replace(/^(记者|通讯员)\s*/u, '$1 ').trim();
  return result;
}

/** Read an end-of-article dateline such as `（新华社北京3月6日电）`. */
export function readEndDateline(text: string): { agency: string; dateline: string; month: number; day: number } | undefined {
  const m = END_DATELINE.exec(text.trim());
  if (!m) return undefined;
  return { agency: m[1] ?? '', dateline: `${m[1]}${m[2] ?? ''}${m[3]}月${m[4]}日电`, month: Number(m[3]), day: Number(m[4]) };
}

/** Whether a header line is a byline (reporter, author or speaker line). */
export function isByline(text: string): boolean {
  return BYLINE.test(text) || NAME_ONLY.test(text) || POSITION_NAME.test(text);
}

/** Agency named by a byline, if any. */
function agencyOf(byline: string): string | undefined {
  const m = /^(?:[□■]\s*)?(新华社|人民日报|本报|中新社|光明日报|经济日报|央视|中国日报)/u.exec(byline);
  return m?.[1];
}

export interface HeaderLine {
  text: string;
  /** Markdown heading level, if the source marked one. */
  level?: number;
}

/**
 * Read a group of headline lines (printed before the body) into header fields. `toc` holds the
 * keys of table-of-contents entries in the corpus; when the first lines together make up a TOC
 * entry, they are the headline, however many lines the layout broke it into.
 * @example
 * readHeaderGroup([{ text: '为高质量发展注入强劲推动力支撑力' }, { text: '——从全国两会看发展新质生产力' }, { text: '新华社记者 董瑞丰 温竞华 张京' }], [])
 * // { header: { title: '为高质量发展注入强劲推动力支撑力', subtitle: '从全国两会看发展新质生产力', byline: '新华社记者 董瑞丰 温竞华 张京', agency: '新华社' }, duplicates: [] }
 */
export function readHeaderGroup(lines: HeaderLine[], toc: ReadonlySet<string>): { header: Header; duplicates: number[] } {
  const header: Header = {};
  const duplicates: number[] = [];
  const rest: { text: string; level?: number; index: number }[] = [];
  lines.forEach((line, index) => {
    const text = line.text.trim();
    if (/^——/u.test(text)) {
      const sub = text.replace(/^——\s*/u, '');
      header.subtitle = header.subtitle ? `${header.subtitle} ${sub}` : sub;
    } else if (isByline(text) && (rest.length > 0 || BYLINE.test(text))) {
      const byline = text.replace(/^[□■]\s*/u, '');
      header.byline = NAME_ONLY.test(byline) ? byline.replace(/\s+/gu, '') : byline;
      const agency = agencyOf(text);
      if (agency && agency !== '本报') header.agency = agency;
    } else {
      const entry: { text: string; level?: number; index: number } = { text, index };
      if (line.level !== undefined) entry.level = line.level;
      rest.push(entry);
    }
  });
  if (rest.length === 0) return { header, duplicates };

  // A headline and a subtitle printed on one line: `标题（评论员观察） ——副题`.
  const first = rest[0];
  if (first && /\s——/u.test(first.text)) {
    const [main, ...subs] = first.text.split(/\s*——\s*/u);
    first.text = (main ?? '').trim();
    const sub = subs.join('——').trim();
    header.subtitle = header.subtitle ? `${sub} ${header.subtitle}` : sub;
  }

  // How many leading lines form the headline: a TOC entry decides, else the first line.
  let titleCount = 1;
  for (let k = rest.length; k >= 2; k--) {
    if (toc.has(sentenceKey(rest.slice(0, k).map((r) => r.text).join('')))) {
      titleCount = k;
      break;
    }
  }
  let titleParts = rest.slice(0, titleCount).map((r) => r.text);
  const others = rest.slice(titleCount);

  // Kicker segments end with 强调/指出/…; they stand before the headline proper.
  const segments = titleParts.flatMap((t) => t.split(/\s+/u)).filter((s) => s !== '');
  const kickerEnd = segments.findIndex((s) => KICKER_END.test(s));
  if (kickerEnd >= 0 && kickerEnd < segments.length - 1) {
    header.kicker = segments.slice(0, kickerEnd + 1).join(' ');
    titleParts = [segments.slice(kickerEnd + 1).join(' ')];
  } else if (rest.length > 1 && titleCount === 1 && KICKER_END.test(rest[0]?.text ?? '')) {
    // `习近平在…时强调` on its own line above the headline.
    header.kicker = rest[0]?.text;
    titleParts = [rest[1]?.text ?? ''];
    others.shift();
  }
  let title = titleParts.join(' ').trim();
  const column = COLUMN_SUFFIX.exec(title);
  if (column && (column[1] ?? '').length >= 4) {
    title = (column[1] ?? '').trim();
    header.kicker = header.kicker ? `${header.kicker} ${column[2]}` : column[2];
  }
  header.title = title;
  const titleKey = sentenceKey(title);
  const titleLevel = rest[0]?.level;
  const decks: string[] = [];
  for (const other of others) {
    if (sentenceKey(other.text) === titleKey) {
      duplicates.push(other.index);
    } else if (titleLevel !== undefined && other.level !== undefined && other.level > titleLevel && !header.kicker) {
      // A column name printed above a repeated headline (`## 标题` `### 栏目` `#### 标题`).
      header.kicker = other.text;
    } else {
      decks.push(other.text);
    }
  }
  if (decks.length > 0) {
    const deck = decks.join(' ');
    header.subtitle = header.subtitle ? `${header.subtitle} ${deck}` : deck;
  }
  return { header, duplicates };
}
