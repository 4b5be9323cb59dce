/**
 * UI strings and locale helpers. One JSON per locale with flat dotted keys; both locales must
 * have the same keys (a test checks, and `t` throws on a missing key at build time).
 * This module is safe to import from pages, components, client scripts and Node scripts.
 */
import { z } from 'astro/zod';
import { formatIsoDate } from '../lib/dates.ts';
import zhHansJson from './zh-Hans.json' with { type: 'json' };
import enJson from './en.json' with { type: 'json' };

/**
 * The schema of a locale file: flat dotted keys (`search.placeholder`) to non-empty strings.
 * Parsing at import fails the build with the offending key named.
 */
export const StringsSchema = z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9-]+)*$/u, 'keys are flat, dotted and camelCase'), z.string().min(1, 'empty UI string'));

const zhHans = StringsSchema.parse(zhHansJson);
const en = StringsSchema.parse(enJson);

export const LOCALES = ['zh-Hans', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
/** The default locale is served unprefixed (`/articles/…`); others under `/<locale>/`. */
export const DEFAULT_LOCALE: Locale = 'zh-Hans';

/** The strings of each locale. */
export const STRINGS: Record<Locale, Record<string, string>> = { 'zh-Hans': zhHans, en };

/** Whether a value is one of the site's locales. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The UI string `key` in `locale`, with `{name}` placeholders filled from `vars`.
 * @example t('en', 'nav.home') // 'Home'
 */
export function t(locale: Locale, key: string, vars: Record<string, string | number> = {}): string {
  const value = STRINGS[locale][key];
  if (value === undefined) throw new Error(`missing UI string "${key}" in src/i18n/${locale}.json`);
  return value.replace(/\{(\w+)\}/gu, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** The URL path prefix of a locale, under `base`: `/` or `/en/` (with a base: `/archive/en/`). */
export function localeRoot(locale: Locale, base = '/'): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return locale === DEFAULT_LOCALE ? b : `${b}${locale}/`;
}

/**
 * The URL of a site path in a locale, under `base`. `path` is relative to the site root
 * without a leading slash, e.g. `articles/2024-03-06-…/`.
 * @example localizedPath('en', 'articles/x/', '/archive/') // '/archive/en/articles/x/'
 */
export function localizedPath(locale: Locale, path: string, base = '/'): string {
  return `${localeRoot(locale, base)}${path.replace(/^\/+/u, '')}`;
}

/** The `lang` attribute value of a locale (BCP 47). */
export function htmlLang(locale: Locale): string {
  return locale;
}

/** A date (`YYYY-MM-DD`) formatted for a locale: `2024年3月6日` / `March 6, 2024` (src/lib/dates.ts). */
export function formatDate(locale: Locale, iso: string): string {
  return formatIsoDate(locale, iso);
}
