import { describe, expect, it } from 'vitest';
import { bareLetters, editDistance, englishForm, englishStem, lowerCase, pinyinApart, wordMarks } from '../../src/lib/search/english.ts';

describe('edit distance', () => {
  it('counts a letter changed, left out or added, and two neighbours swapped, as one edit each, up to a most', () => {
    expect(editDistance('exports', 'exprots', 2)).toBe(1);
    expect(editDistance('antarctica', 'antartica', 2)).toBe(1);
    expect(editDistance('macron', 'macorn', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('abc', 'abcdef', 1)).toBe(2);
    expect(editDistance('same', 'same', 1)).toBe(0);
  });
});

describe('English forms of a query token', () => {
  it('are words, numbers and words typed apart; two letters whole; one letter none', () => {
    expect(englishForm('exports')).toEqual({ text: 'exports', whole: false });
    expect(englishForm('ai')).toEqual({ text: 'ai', whole: true });
    expect(englishForm('8.7')).toEqual({ text: '8.7', whole: false });
    expect(englishForm('7')).toEqual({ text: '7', whole: false });
    expect(englishForm('year-on-year')).toEqual({ text: 'year on year', whole: false });
    // A letter with an accent as the letter, as in the text (Lü is lu, typed either way).
    expect(englishForm('lü')).toEqual({ text: 'lu', whole: true });
    expect(englishForm('a')).toBeUndefined();
    expect(englishForm('发展')).toBeUndefined();
  });
});

describe('word marks in English text (lower case)', () => {
  const text = 'china’s exports rose 8.7 percent, not 8.75; the pla plan, 7 of them.';
  const marked = (word: string, whole = false): string[] => wordMarks(word, text, whole).map(([s, e]) => text.slice(s, e));

  it('find a word where it starts, never inside one', () => {
    expect(marked('export')).toEqual(['export']);
    expect(marked('ports')).toEqual([]);
    expect(marked('pla')).toEqual(['pla', 'pla']);
    expect(marked('pla', true)).toEqual(['pla']);
  });

  it('find a number whole: not the start of a longer one, nor its decimals', () => {
    expect(marked('8.7')).toEqual(['8.7']);
    expect(marked('7')).toEqual(['7']);
    expect(marked('75')).toEqual([]);
  });
});

describe('letters with accents, and pinyin written together', () => {
  it('read a Latin letter with an accent as the letter, keeping the length', () => {
    expect(bareLetters('lü daliang, café, ñandú')).toBe('lu daliang, cafe, nandu');
    expect(lowerCase('Lü Daliang’s year-on-year')).toBe('lu daliang’s year on year');
    // Not other scripts, nor a letter with no plain form.
    expect(bareLetters('雪龙 ø')).toBe('雪龙 ø');
  });

  it('write full pinyin apart as English text writes a name, every way, for two to four syllables', () => {
    expect(pinyinApart(['xi', 'jin', 'ping'])).toEqual(['xi jinping', 'xijin ping', 'xi jin ping']);
    expect(pinyinApart(['lv', 'da', 'liang'])).toContain('lu daliang');
    expect(pinyinApart(['wang', 'yi'])).toEqual(['wang yi']);
    expect(pinyinApart(['xue'])).toEqual([]);
    expect(pinyinApart(['a', 'b', 'c', 'd', 'e'])).toEqual([]);
  });
});

describe('English word stems', () => {
  it('are the word without its ending, four letters at least (three for a word in y, or in e before ed or ing)', () => {
    const stems = Object.fromEntries(['launched', 'launches', 'launching', 'planned', 'expeditions', 'commentaries', 'commentary', 'tariffs', 'pressed', 'called', 'staffed', 'policies', 'study', 'making'].map((w) => [w, englishStem(w)?.text]));
    expect(stems).toEqual({ launched: 'launch', launches: 'launch', launching: 'launch', planned: 'plan', expeditions: 'expedition', commentaries: 'commentar', commentary: 'commentar', tariffs: 'tariff', pressed: 'press', called: 'call', staffed: 'staff', policies: 'polic', study: 'stud', making: 'mak' });
    for (const word of ['used', 'bus', 'business', 'campus', 'analysis', 'export', 'going', 'day', '8.7', 'ai']) expect(englishStem(word), word).toBeUndefined();
  });

  it('find the forms of their own word only: policies is policy, not police; making is make, not maker', () => {
    const text = 'the police, a policy, two policies, a maker, to make, it makes, making.';
    const forms = (word: string): string[] => {
      const stem = englishStem(word)!;
      return wordMarks(stem.text, text, false, stem.endings).map(([s, e]) => text.slice(s, e));
    };
    expect(forms('policies')).toEqual(['policy', 'policies']);
    expect(forms('making')).toEqual(['make', 'makes', 'making']);
  });

  it('are marked to the end of the word they start, a form of their word only', () => {
    const text = 'china launches a satellite; the launch went well.';
    const endings = englishStem('launches')!.endings;
    expect(wordMarks('launch', text, false, endings).map(([s, e]) => text.slice(s, e))).toEqual(['launches', 'launch']);
    const states = 'the state council, the united states, the station, the president, planned plans.';
    const forms = (stem: string): string[] => wordMarks(stem, states, false, endings).map(([s, e]) => states.slice(s, e));
    expect(forms('stat')).toEqual(['state', 'states']);
    expect(forms('press')).toEqual([]);
    expect(forms('plan')).toEqual(['planned', 'plans']);
  });
});
