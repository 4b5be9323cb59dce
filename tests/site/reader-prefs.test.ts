/**
 * The before-paint script (`reader-prefs-init.js`, plain JavaScript) and the controls
 * (`preferences.ts`) must agree on storage keys, attributes and values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_SIZE, THEME } from '../../src/scripts/preferences.ts';

const INIT = readFileSync(join(import.meta.dirname, '../../src/scripts/reader-prefs-init.js'), 'utf8');

/** Run the init script against a stored state; the attributes it set on <html>. */
function runInit(stored: Record<string, string>, { storageThrows = false } = {}): Record<string, string> {
  const attributes: Record<string, string> = {};
  const document = { documentElement: { setAttribute: (name: string, value: string) => (attributes[name] = value) } };
  const localStorage = {
    getItem: (key: string) => {
      if (storageThrows) throw new Error('SecurityError');
      return stored[key] ?? null;
    },
  };
  new Function('document', 'localStorage', INIT)(document, localStorage);
  return attributes;
}

describe('reader-prefs-init.js', () => {
  for (const pref of [THEME, FONT_SIZE]) {
    it(`applies every stored ${pref.attribute} value the controls can store`, () => {
      for (const value of pref.values.filter((v) => v !== pref.fallback)) {
        expect(runInit({ [pref.key]: value })).toEqual({ [pref.attribute]: value });
      }
    });

    it(`ignores an unknown ${pref.attribute} value and the fallback`, () => {
      expect(runInit({ [pref.key]: 'purple' })).toEqual({});
      expect(runInit({ [pref.key]: pref.fallback })).toEqual({});
    });
  }

  it('does nothing when storage is blocked', () => {
    expect(runInit({}, { storageThrows: true })).toEqual({});
  });
});
