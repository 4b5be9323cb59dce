import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../src/lib/dates.ts';

describe('formatIsoDate', () => {
  const intl = (locale: string, iso: string): string => {
    const [y, m, d] = iso.split('-').map(Number);
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
  };

  it('says what Intl says, for every day of two years, in both locales', () => {
    for (let t = Date.UTC(2023, 0, 1); t < Date.UTC(2025, 0, 1); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      expect(formatIsoDate('zh-Hans', iso)).toBe(intl('zh-Hans', iso));
      expect(formatIsoDate('en', iso)).toBe(intl('en', iso));
    }
  });

  it('reads like a reader expects', () => {
    expect(formatIsoDate('zh-Hans', '2024-03-05')).toBe('2024年3月5日');
    expect(formatIsoDate('en', '2024-03-05')).toBe('March 5, 2024');
    expect(formatIsoDate('fr', '2024-03-05')).toBe('5 mars 2024');
  });
});
