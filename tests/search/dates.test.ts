import { describe, expect, it } from 'vitest';
import { chineseDate, chineseDates, chineseTimes, dayNumber, figuresAsNumerals, numeralValue, numeralsAsFigures, englishDate, englishDateTokens, englishMonthDay, isoDate, isoDatesYearLast, isoFromChinese, isoFromEnglish, monthDayFromEnglish } from '../../src/lib/search/dates.ts';

describe('dates typed with figures', () => {
  it("read as the ISO form an article's head carries", () => {
    expect(isoDate('2024/3/5')).toBe('2024-03-05');
    expect(isoDate('2024.03.05')).toBe('2024-03-05');
    expect(isoDate('2024-3-5')).toBe('2024-03-05');
    expect(isoDate('2024/3')).toBe('2024-03');
    expect(isoDate('1999-12')).toBe('1999-12');
    // Not a date: mixed separators, a month or day out of range, a decimal, other years.
    for (const token of ['2024/3-5', '2024/13/1', '2024/2/32', '2024.3', '29.9', '3/5', '1850/3/5', '2024/03/05/1']) expect(isoDate(token), token).toBeUndefined();
  });

  it('with the year last, month first and day first, each reading that is a date', () => {
    expect(isoDatesYearLast('3/5/2024')).toEqual(['2024-03-05', '2024-05-03']);
    expect(isoDatesYearLast('05.03.2024')).toEqual(['2024-05-03', '2024-03-05']);
    expect(isoDatesYearLast('25-3-2024')).toEqual(['2024-03-25']);
    expect(isoDatesYearLast('3/25/2024')).toEqual(['2024-03-25']);
    expect(isoDatesYearLast('5/5/2024')).toEqual(['2024-05-05']);
    for (const token of ['13/13/2024', '3/5', '3/5/24', '3/5-2024', '2024/3/5', '32/1/2024']) expect(isoDatesYearLast(token), token).toEqual([]);
  });

  it('and as Chinese prints them', () => {
    expect(chineseDate('2024-03-05')).toBe('2024年3月5日');
    expect(chineseDate('2023-11-01')).toBe('2023年11月1日');
    expect(chineseDate('2024-03')).toBe('2024年3月');
    expect(chineseDate('2024-13')).toBeUndefined();
    expect(chineseDate('29.9')).toBeUndefined();
    // And in numerals, as a document's date line may print them.
    expect(chineseDates('2024-03-05')).toEqual(['2024年3月5日', '二〇二四年三月五日']);
    expect(chineseDates('2025-12-31')[1]).toBe('二〇二五年十二月三十一日');
    expect(chineseDates('2023-10-20')[1]).toBe('二〇二三年十月二十日');
  });

  it('and back from Chinese print to ISO', () => {
    expect(isoFromChinese('2024年3月5日')).toBe('2024-03-05');
    expect(isoFromChinese('2024年3月')).toBe('2024-03');
    expect(isoFromChinese('2024年13月')).toBeUndefined();
    expect(isoFromChinese('3月5日')).toBeUndefined();
  });

  it('and as English text has them', () => {
    expect(englishDate('2024-03-05')).toBe('march 5, 2024');
    expect(englishDate('2025-12')).toBe('december 2025');
    expect(englishDate('2024')).toBeUndefined();
  });

  it('and from English as typed: month, day, year', () => {
    expect(isoFromEnglish('march', '5', '2024')).toBe('2024-03-05');
    expect(isoFromEnglish('dec', '6', '2025')).toBe('2025-12-06');
    expect(isoFromEnglish('ma', '5', '2024')).toBeUndefined();
    expect(isoFromEnglish('march', '32', '2024')).toBeUndefined();
    expect(isoFromEnglish('march', '5', '24')).toBeUndefined();
  });

  it('and a day without a year, both ways', () => {
    expect(monthDayFromEnglish('december', '6')).toBe('12月6日');
    expect(monthDayFromEnglish('mar', '7')).toBe('3月7日');
    expect(monthDayFromEnglish('march', '8a')).toBeUndefined();
    expect(englishMonthDay('12月6日')).toBe('december 6');
    expect(englishMonthDay('13月6日')).toBeUndefined();
  });
});

describe('dates typed in English words', () => {
  it('read a day with its ordinal as its figures, the right ordinal only', () => {
    expect(['5', '5th', '1st', '2nd', '3rd', '11th', '12th', '13th', '21st', '22nd', '31st'].map(dayNumber)).toEqual(['5', '5', '1', '2', '3', '11', '12', '13', '21', '22', '31']);
    for (const token of ['5st', '1th', '11st', '32nd', '0th', 'th', '14.8', 'fifth']) expect(dayNumber(token), token).toBeUndefined();
  });

  it('drop `of` and the day of the week of a date, and read its ordinal, but only beside a month', () => {
    expect(englishDateTokens(['march', '5th', '2024'])).toEqual(['march', '5', '2024']);
    expect(englishDateTokens(['5th', 'of', 'march'])).toEqual(['5', undefined, 'march']);
    expect(englishDateTokens(['tuesday', 'march', '5'])).toEqual([undefined, 'march', '5']);
    expect(englishDateTokens(['tue', '5th', 'march'])).toEqual([undefined, '5', 'march']);
    // Not a date: as typed.
    expect(englishDateTokens(['the', '14th', 'npc'])).toEqual(['the', '14th', 'npc']);
    expect(englishDateTokens(['rule', 'of', 'law'])).toEqual(['rule', 'of', 'law']);
    expect(englishDateTokens(['sunday', 'service'])).toEqual(['sunday', 'service']);
  });
});

describe('numbers in Chinese numerals', () => {
  it('read as their value when the run is one number', () => {
    const values = Object.fromEntries(['七十五', '十五', '二十', '一百零五', '两千', '三千二百', '一百二十三', '八千零三'].map((r) => [r, numeralValue(r)]));
    expect(values).toEqual({ 七十五: 75, 十五: 15, 二十: 20, 一百零五: 105, 两千: 2000, 三千二百: 3200, 一百二十三: 123, 八千零三: 8003 });
    // Not one number: two digits in a row (十四五, the plan), no unit, a unit's place left open.
    for (const run of ['十四五', '一一', '一带一路', '两千五', '百年']) expect(numeralValue(run), run).toBeUndefined();
  });

  it('written in figures in a token, as the text mostly prints them', () => {
    expect(numeralsAsFigures('七十五周年')).toBe('75周年');
    expect(numeralsAsFigures('第十四届')).toBe('第14届');
    expect(numeralsAsFigures('十二月六日')).toBe('12月6日');
    expect(numeralsAsFigures('三月五日')).toBe('3月5日');
    expect(numeralsAsFigures('六大科研平台')).toBe('6大科研平台');
    // A percentage, as the text prints it.
    expect(numeralsAsFigures('百分之五')).toBe('5%');
    expect(numeralsAsFigures('增长百分之五点二')).toBe('增长5.2%');
    expect(numeralsAsFigures('百分之三十')).toBe('30%');
    expect(numeralsAsFigures('百分之十')).toBe('10%');
  });

  it('and figures beside Chinese in numerals, as the text may print them', () => {
    expect(figuresAsNumerals('14届')).toBe('十四届');
    expect(figuresAsNumerals('长征8号甲')).toBe('长征八号甲');
    expect(figuresAsNumerals('第40次')).toBe('第四十次');
    for (const token of ['2024年', '29.9%', '72tb', '3.75万亿元', '8.7', '100周年', 'c919']) expect(figuresAsNumerals(token), token).toBeUndefined();
    for (const token of ['十四五规划', '一带一路', '十分重要', '雪龙2号']) expect(numeralsAsFigures(token), token).toBeUndefined();
  });
});

describe('times of day', () => {
  it('typed with a colon, as Chinese prints them', () => {
    expect(chineseTimes('15:53')).toEqual(['15时53分']);
    expect(chineseTimes('8:05')).toEqual(['8时05分', '8时5分']);
    expect(chineseTimes('12月6日15:53')).toEqual(['12月6日15时53分']);
    for (const token of ['25:00', '15:60', '1553', '15:5', '8.7', '115:53']) expect(chineseTimes(token), token).toEqual([]);
  });
});
