/**
 * UI strings: both locales have the same keys, none empty, the same `{placeholders}`, and every
 * key the sources ask for exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/en.json' with { type: 'json' };
import zhHans from '../../src/i18n/zh-Hans.json' with { type: 'json' };

const ROOT = join(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');
const LOCALES: Record<string, Record<string, string>> = { 'zh-Hans': zhHans, en };
const LOCALE_NAMES = new Set(Object.keys(LOCALES));

/** Every `.astro` and `.ts` file under `src/`, with its text. */
function sources(): { file: string; text: string }[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(astro|ts)$/u.test(f))
    .map((f) => ({ file: relative(ROOT, join(SRC, f)), text: readFileSync(join(SRC, f), 'utf8') }));
}

/** Keys passed to `t(locale, 'key')` (or `t('en', 'key')`), literal ones and template prefixes. */
function usedKeys(): { literal: Map<string, string>; prefixes: Map<string, string> } {
  const literal = new Map<string, string>();
  const prefixes = new Map<string, string>();
  // The first argument is a name, a property access or a quoted locale; the key is the second.
  const call = /\bt\(\s*(?:[\w$.]+|'[^'\n]*'|"[^"\n]*")\s*,\s*(?:(['"])([^'"\n]+)\1|`([^`$\n]*)\$\{)/gu;
  // `t('key')` with the key first, should anyone write it so.
  const bare = /\bt\(\s*(['"])([\w-]+(?:\.[\w-]+)+)\1\s*[,)]/gu;
  for (const { file, text } of sources()) {
    for (const m of text.matchAll(call)) {
      if (m[2] !== undefined) literal.set(m[2], file);
      else if (m[3] !== undefined) prefixes.set(m[3], file);
    }
    for (const m of text.matchAll(bare)) if (!LOCALE_NAMES.has(m[2]!)) literal.set(m[2]!, file);
  }
  return { literal, prefixes };
}

const placeholders = (value: string): string[] => [...value.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]!).sort();

describe('UI strings', () => {
  it('has the same keys in every locale', () => {
    const keys = Object.keys(zhHans).sort();
    for (const [locale, strings] of Object.entries(LOCALES)) {
      expect(Object.keys(strings).sort(), `keys of src/i18n/${locale}.json`).toEqual(keys);
    }
  });

  it('has no empty strings', () => {
    for (const [locale, strings] of Object.entries(LOCALES)) {
      const empty = Object.entries(strings).filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
      expect(empty, `empty strings in src/i18n/${locale}.json`).toEqual([]);
    }
  });

  it('has the same placeholders in every locale', () => {
    const differ = Object.keys(zhHans).filter((key) => placeholders(zhHans[key as keyof typeof zhHans]).join() !== placeholders(en[key as keyof typeof en] ?? '').join());
    expect(differ, 'keys whose {placeholders} differ between locales').toEqual([]);
  });

  it('has every key the sources use', () => {
    const { literal, prefixes } = usedKeys();
    // The scan must find the calls at all, or this test proves nothing.
    expect(literal.size).toBeGreaterThan(20);
    const missing = [...literal].filter(([key]) => !(key in zhHans)).map(([key, file]) => `${key} (${file})`);
    expect(missing, 'keys used in src/ but missing from src/i18n/*.json').toEqual([]);
    const orphanPrefixes = [...prefixes]
      .filter(([prefix]) => !Object.keys(zhHans).some((key) => key.startsWith(prefix)))
      .map(([prefix, file]) => `${prefix}… (${file})`);
    expect(orphanPrefixes, 'template keys with no key of that prefix').toEqual([]);
  });

  it('has a label for every article kind in the schema', () => {
    const config = readFileSync(join(SRC, 'content.config.ts'), 'utf8');
    const list = /kind:\s*z\.enum\(\[([^\]]*)\]/u.exec(config)?.[1];
    expect(list, 'kind: z.enum([...]) in src/content.config.ts').toBeDefined();
    const kinds = [...list!.matchAll(/'([^']+)'/gu)].map((m) => m[1]!);
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.filter((kind) => !(`kind.${kind}` in zhHans))).toEqual([]);
  });
});

describe('the UI string schema', () => {
  it('accepts the locale files and rejects a bad key or an empty string', async () => {
    const { StringsSchema } = await import('../../src/i18n/index.ts');
    expect(StringsSchema.safeParse(en).success).toBe(true);
    expect(StringsSchema.safeParse(zhHans).success).toBe(true);
    expect(StringsSchema.safeParse({ 'Not A Key': 'x' }).success).toBe(false);
    expect(StringsSchema.safeParse({ 'nav.home': '' }).success).toBe(false);
  });
});
