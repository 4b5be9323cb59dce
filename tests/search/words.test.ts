/**
 * The word breaker deferred, as the engine defers it on a page: no words until it is made, then
 * the same answers as if it had been made at once (nothing asked before it is kept).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Words = typeof import('../../src/lib/search/words.ts');

describe('a deferred word breaker', () => {
  let words: Words;

  beforeEach(async () => {
    // A module of its own: the word breaker is the module's, made once.
    vi.resetModules();
    words = await import('../../src/lib/search/words.ts');
  });

  it('reads no words until made, then reads them, whatever was asked before', () => {
    const text = '马克龙抵达北京开始对中国进行国事访问';
    const passage: [number, number] = [text.indexOf('中国进行'), text.indexOf('中国进行') + 4];
    const never = (): boolean => false;
    words.deferWordBreaker();
    expect(words.anotherWord(text, passage, '中国银行', never)).toBe(false);
    expect(words.crossesWord('实现了全年预期目标', [2, 4])).toBe(false);
    expect(words.hanWordAcross(text, 11)).toBeUndefined();
    expect(words.wordBreakerReady()).toBe(false);
    words.makeWordBreaker();
    expect(words.wordBreakerReady()).toBe(true);
    expect(words.anotherWord(text, passage, '中国银行', never)).toBe(true);
    expect(words.crossesWord('实现了全年预期目标', [2, 4])).toBe(true);
    expect(words.hanWordAcross(text, 11)).toEqual([10, 12]);
  });

  it('is made on first use when not deferred (in a worker, in Node)', () => {
    expect(words.wordBreakerReady()).toBe(false);
    expect(words.crossesWord('实现了全年预期目标', [2, 4])).toBe(true);
    expect(words.wordBreakerReady()).toBe(true);
  });

  it('reads a passage still being typed as crossing a word only at its start (atEnd false)', () => {
    // 实现/了/全年/预期/目标: 全年预 ends inside 预期, 现了 starts inside 实现.
    const text = '实现了全年预期目标';
    const at = (p: string): [number, number] => [text.indexOf(p), text.indexOf(p) + p.length];
    const starts = words.wordStarts(text);
    for (const s of [undefined, starts]) {
      expect(words.crossesWord(text, at('全年预'), s)).toBe(true);
      expect(words.crossesWord(text, at('全年预'), s, false)).toBe(false);
      expect(words.crossesWord(text, at('现了'), s, false)).toBe(true);
      expect(words.crossesWord(text, at('全年'), s, false)).toBe(false);
      // (Inside one word: no crossing either way.)
      expect(words.crossesWord(text, [5, 6], s, false)).toBe(false);
    }
  });
});
