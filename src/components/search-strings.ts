/**
 * The UI strings the search script needs, rendered into a `data-strings` attribute by
 * `SearchBox.astro` and `SearchResults.astro`, so the client bundle carries no locale files.
 * Build time only.
 */
import { t, type Locale } from '../i18n/index.ts';

export function searchStrings(locale: Locale): Record<string, string> {
  return {
    status: t(locale, 'search.status'),
    statusOne: t(locale, 'search.status.one'),
    statusMore: t(locale, 'search.status.more'),
    all: t(locale, 'search.all'),
    empty: t(locale, 'search.empty'),
    loading: t(locale, 'search.loading'),
    error: t(locale, 'search.error'),
    traditional: t(locale, 'search.match.traditional'),
    regional: t(locale, 'search.match.regional'),
    pinyin: t(locale, 'search.match.pinyin'),
    fuzzy: t(locale, 'search.match.fuzzy'),
    title: t(locale, 'search.match.title'),
  };
}
