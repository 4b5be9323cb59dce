/**
 * Everything the home page shows, per locale, computed once per build: the article list grouped
 * by publication and date with localized labels, one-line leads, and the filter choices.
 */
import { formatDate, localizedPath, t, type Locale } from '../i18n/index.ts';
import { getArticles, type ArticleKind } from './articles.ts';
import { getTranslationFile } from './translations.ts';
import { filterChoices, groupArticles, leadOf, monthOf, NONE, type FilterChoice } from './listing.ts';

/** One article in the list, with everything resolved for the page's locale. */
export interface HomeItem {
  id: string;
  /** The article page in this locale. */
  url: string;
  /** The Chinese title, always. */
  title: string;
  /** The English title, on English pages when a translation has one. */
  translatedTitle?: string | undefined;
  /** First characters of the first paragraph, or the translation's summary. */
  lead: string;
  /** Language of `lead`. */
  leadLang: Locale;
  kind: ArticleKind;
  kindLabel: string;
  date?: string | undefined;
  dateLabel?: string | undefined;
  /** `YYYY-MM`, or `none`: the value of the month filter. */
  month: string;
  /** Publication (or agency, when no publication is known); undefined when unknown. */
  publication?: string | undefined;
  /** Page of the printed edition, e.g. `01`. */
  page?: string | undefined;
  /** The agency, when it is not the publication itself (`人民日报` printing a `新华社` text). */
  agency?: string | undefined;
}

/** The items of one day. */
export interface HomeDateGroup {
  date?: string | undefined;
  label: string;
  items: HomeItem[];
}

/** The items of one publication. */
export interface HomeGroup {
  /** The value of the publication filter (`none` for unknown). */
  key: string;
  label: string;
  /** Language of `label`: publication names are Chinese, "unknown" is in the page's locale. */
  labelLang: Locale;
  count: number;
  dates: HomeDateGroup[];
}

/** One choice of a filter `<select>`, labelled. */
export interface HomeChoice extends FilterChoice {
  label: string;
  labelLang: Locale;
}

export interface HomeData {
  locale: Locale;
  total: number;
  groups: HomeGroup[];
  filters: { publication: HomeChoice[]; kind: HomeChoice[]; month: HomeChoice[] };
}

/**
 * English titles and summaries by article id, from the `translations` collection (checked in
 * `translations.ts`); none on Chinese pages.
 */
async function translationsIn(locale: Locale, ids: readonly string[]): Promise<Map<string, { title?: string | undefined; summary?: string | undefined }>> {
  const found = new Map<string, { title?: string | undefined; summary?: string | undefined }>();
  if (locale === 'zh-Hans') return found;
  for (const id of ids) {
    const file = await getTranslationFile(id, locale);
    if (file) found.set(id, { title: file.data.title, summary: file.data.summary });
  }
  return found;
}

/** `2024-03` → `2024年3月` / `March 2024`. */
function formatMonth(locale: Locale, month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)),
  );
}

async function build(locale: Locale): Promise<HomeData> {
  const base = import.meta.env.BASE_URL;
  const articles = await getArticles();
  const translations = await translationsIn(locale, articles.map((a) => a.id));

  const items: HomeItem[] = articles.map((article) => {
    const { data } = article;
    const translation = translations.get(article.id);
    const publication = data.publication ?? data.agency;
    return {
      id: article.id,
      url: localizedPath(locale, `articles/${article.id}/`, base),
      title: data.title,
      translatedTitle: translation?.title,
      lead: translation?.summary ?? leadOf(article.body ?? '', { dateline: data.dateline }),
      leadLang: translation?.summary ? locale : 'zh-Hans',
      kind: data.kind,
      kindLabel: t(locale, `kind.${data.kind}`),
      date: data.date,
      dateLabel: data.date ? formatDate(locale, data.date) : undefined,
      month: monthOf(data.date) ?? NONE,
      publication,
      page: data.page,
      agency: data.agency && data.agency !== publication ? data.agency : undefined,
    };
  });

  const groups: HomeGroup[] = groupArticles(items).map((group) => ({
    key: group.publication ?? NONE,
    label: group.publication ?? t(locale, 'list.unknownPublication'),
    labelLang: group.publication ? 'zh-Hans' : locale,
    count: group.count,
    dates: group.dates.map((day) => ({
      date: day.date,
      label: day.date ? formatDate(locale, day.date) : t(locale, 'list.undated'),
      items: day.items,
    })),
  }));

  const choices = filterChoices(items);
  return {
    locale,
    total: items.length,
    groups,
    filters: {
      publication: choices.publications.map((c) => ({
        ...c,
        label: c.value === NONE ? t(locale, 'list.unknownPublication') : c.value,
        labelLang: c.value === NONE ? locale : 'zh-Hans',
      })),
      kind: choices.kinds.map((c) => ({ ...c, label: t(locale, `kind.${c.value}`), labelLang: locale })),
      month: choices.months.map((c) => ({
        ...c,
        label: c.value === NONE ? t(locale, 'list.undated') : formatMonth(locale, c.value),
        labelLang: locale,
      })),
    },
  };
}

const cache = new Map<Locale, Promise<HomeData>>();

/** The home page's data in a locale; computed once per build (every time in `astro dev`). */
export function getHomeData(locale: Locale): Promise<HomeData> {
  if (import.meta.env.DEV) return build(locale);
  let data = cache.get(locale);
  if (!data) {
    data = build(locale);
    cache.set(locale, data);
  }
  return data;
}
