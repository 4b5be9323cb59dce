/**
 * An ISO date (`2024-03-05`) as a reader sees it: `2024年3月5日` in Chinese, `March 5, 2024` in
 * English — what `Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric' })`
 * says, written by hand for the site's two locales. In the browser the first `Intl.DateTimeFormat`
 * costs tens of milliseconds (its locale data), which the first search results would wait for;
 * other locales still go through Intl.
 */

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatIsoDate(locale: string, iso: string): string {
  const [y = 1970, m = 1, d = 1] = iso.split('-').map(Number);
  if (locale === 'zh-Hans' || locale === 'zh') return `${y}年${m}月${d}日`;
  if (locale === 'en') return `${MONTHS_EN[m - 1]} ${d}, ${y}`;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
