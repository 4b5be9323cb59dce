/**
 * Dates as a reader types them and as texts print them: ISO (`2024-03-05`, the form an article's
 * head carries), Chinese print in figures and in numerals (`2024年3月5日`, `二〇二四年三月五日`),
 * and English (`March 5, 2024`). Pure functions.
 */

/**
 * A date written with figures and slashes, dots or hyphens (`2024/3/5`, `2024.03.05`, `2024-3-5`;
 * a month: `2024/3`, `2024-3`), as the ISO form an article's head carries (`2024-03-05`,
 * `2024-03`); undefined for anything else.
 */
export function isoDate(token: string): string | undefined {
  const m = /^((?:19|20)\d\d)(?:([./-])(\d{1,2})\2(\d{1,2})|([/-])(\d{1,2}))$/u.exec(token);
  if (!m) return undefined;
  const month = Number(m[3] ?? m[6]);
  const day = m[4] === undefined ? undefined : Number(m[4]);
  if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) return undefined;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${m[1]}-${two(month)}${day === undefined ? '' : `-${two(day)}`}`;
}

/**
 * A day written with the year last (`3/5/2024`, `05.03.2024`, `3-5-2024`), which is month first
 * in the United States and day first elsewhere: the ISO form of each reading that is a date, the
 * month first first (`2024-03-05`, `2024-05-03`); one when both read the same or only one is a
 * date (`25/3/2024`: `2024-03-25`); none for anything else.
 */
export function isoDatesYearLast(token: string): string[] {
  const m = /^(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d\d)$/u.exec(token);
  if (!m) return [];
  const [a, b] = [Number(m[1]), Number(m[3])];
  const out = new Set<string>();
  for (const [month, day] of [
    [a, b],
    [b, a],
  ] as const) {
    const iso = isoDate(`${m[4]}-${month}-${day}`);
    if (iso) out.add(iso);
  }
  return [...out];
}

/** The parts of an ISO day or month (`2024-03-05`, `2024-03`), if the token is one. */
export function isoParts(token: string): { year: string; month: number; day?: number } | undefined {
  const m = /^((?:19|20)\d\d)-(\d\d)(?:-(\d\d))?$/u.exec(token);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return undefined;
  return m[3] === undefined ? { year: m[1]!, month: Number(m[2]) } : { year: m[1]!, month: Number(m[2]), day: Number(m[3]) };
}

/** A day or month in figures as Chinese prints it (`2024年3月5日`, `2024年3月`) in ISO form. */
export function isoFromChinese(token: string): string | undefined {
  const m = /^((?:19|20)\d\d)年(\d{1,2})月(?:(\d{1,2})日)?$/u.exec(token);
  if (!m) return undefined;
  const two = (n: string): string => n.padStart(2, '0');
  const iso = `${m[1]}-${two(m[2]!)}${m[3] === undefined ? '' : `-${two(m[3])}`}`;
  return isoParts(iso) ? iso : undefined;
}

/** An ISO day or month as Chinese prints it (`2024-03-05`: `2024年3月5日`, `2024-03`: `2024年3月`). */
export function chineseDate(token: string): string | undefined {
  return chineseDates(token)[0];
}

const NUMERALS = '〇一二三四五六七八九';
/** A number from 0 to 99 in Chinese numerals (八, 十一, 二十, 三十一). */
export const numeral = (n: number): string => (n < 10 ? NUMERALS[n]! : `${n >= 20 ? NUMERALS[Math.floor(n / 10)] : ''}十${n % 10 === 0 ? '' : NUMERALS[n % 10]}`);

/** An ISO day or month as Chinese prints it: in figures, then in numerals (`二〇二四年三月五日`). */
export function chineseDates(token: string): string[] {
  const d = isoParts(token);
  if (!d) return [];
  const day = (f: (n: number) => string | number): string => (d.day === undefined ? '' : `${f(d.day)}日`);
  const year = Array.from(d.year, (c) => NUMERALS[Number(c)]).join('');
  return [`${d.year}年${d.month}月${day((n) => n)}`, `${year}年${numeral(d.month)}月${day(numeral)}`];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** An ISO day or month as English text has it, in lower case (`march 5, 2024`, `march 2024`). */
export function englishDate(token: string): string | undefined {
  const d = isoParts(token);
  return d && (d.day === undefined ? `${MONTHS[d.month - 1]} ${d.year}` : `${MONTHS[d.month - 1]} ${d.day}, ${d.year}`);
}

/** A day typed in English as its month, day and year (`march`, `5`, `2024`; `mar` too) in ISO form. */
export function isoFromEnglish(month: string, day: string, year: string): string | undefined {
  const m = monthIndex(month);
  if (m === -1 || !/^\d{1,2}$/u.test(day) || !/^(?:19|20)\d\d$/u.test(year)) return undefined;
  const iso = `${year}-${String(m + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return Number(day) >= 1 && Number(day) <= 31 && isoParts(iso) ? iso : undefined;
}

/** A day typed in English without a year (`december`, `6`) as Chinese prints it (`12月6日`). */
export function monthDayFromEnglish(month: string, day: string): string | undefined {
  const iso = isoFromEnglish(month, day, '2000');
  return iso ? `${Number(iso.slice(5, 7))}月${Number(iso.slice(8))}日` : undefined;
}

/** A day printed in Chinese without a year (`12月6日`) as English text has it (`december 6`). */
export function englishMonthDay(token: string): string | undefined {
  const m = /^(\d{1,2})月(\d{1,2})日$/u.exec(token);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 12 || Number(m[2]) < 1 || Number(m[2]) > 31) return undefined;
  return `${MONTHS[Number(m[1]) - 1]} ${Number(m[2])}`;
}

/** The month a token names (`march`, `mar`; three letters at least), from 0; -1 for none. */
const monthIndex = (token: string): number => (token.length >= 3 ? MONTHS.findIndex((name) => name.startsWith(token)) : -1);

/** Whether a token names a month (`march`, `mar`). */
export const isMonthName = (token: string): boolean => monthIndex(token) !== -1;

/** A day of the month typed in English, as its figures: `5`, `5th`, `1st`, `22nd`, `3rd`; undefined for anything else. */
export function dayNumber(token: string): string | undefined {
  const m = /^(\d{1,2})(st|nd|rd|th)?$/u.exec(token);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (n < 1 || n > 31) return undefined;
  // The suffix must be the number's own: 1st, 2nd, 3rd, 11th, 21st…
  const own = n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
  return m[2] === undefined || m[2] === own ? String(n) : undefined;
}

/** Whether a token names a day of the week (`tuesday`, `tue`, `tues`). */
export const isWeekday = (token: string): boolean => /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?$|^(?:wednes|satur)day$/u.test(token);

/**
 * English tokens of a date as `isoFromEnglish` reads them: a day's ordinal as its figures beside a
 * month (`5th` of `March 5th`, `5th of March`), without `of` between them, and without the day of
 * the week before it (`Tuesday, March 5`). Other tokens as they are.
 */
export function englishDateTokens(tokens: readonly string[]): (string | undefined)[] {
  const out: (string | undefined)[] = [...tokens];
  const month = (i: number): boolean => i >= 0 && i < tokens.length && isMonthName(tokens[i]!);
  const day = (i: number): boolean => i >= 0 && i < tokens.length && dayNumber(tokens[i]!) !== undefined;
  tokens.forEach((token, i) => {
    if (isWeekday(token) && (month(i + 1) || (day(i + 1) && month(i + 2)))) out[i] = undefined;
    else if (token === 'of' && day(i - 1) && month(i + 1)) out[i] = undefined;
    else if (day(i) && (month(i - 1) || month(i + 1) || (tokens[i + 1] === 'of' && month(i + 2)))) out[i] = dayNumber(token);
  });
  return out;
}

const DIGIT_OF: Readonly<Record<string, number>> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT_OF: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** A number written in Chinese numerals with 十, 百 or 千 (七十五, 一百零五, 两千), as its value; undefined if the run is not one number (十四五). */
export function numeralValue(run: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  let lastUnit = Infinity;
  let zero = false;
  for (const ch of run) {
    if (ch in DIGIT_OF) {
      // Two digits in a row are not one number (十四五), save after 零 (一百零五).
      if (digit !== undefined) return undefined;
      digit = DIGIT_OF[ch]!;
      if (digit === 0) {
        zero = true;
        digit = undefined;
      }
    } else if (ch in UNIT_OF) {
      const unit = UNIT_OF[ch]!;
      if (unit >= lastUnit) return undefined;
      // 十 alone at the start is ten (十五).
      total += (digit ?? (total === 0 && unit === 10 && !zero ? 1 : NaN)) * unit;
      if (Number.isNaN(total)) return undefined;
      lastUnit = unit;
      digit = undefined;
      zero = false;
    } else return undefined;
  }
  // A last digit: ones, unless the run ends at a unit's place that a 零 did not skip (两千五 is 2500, not here).
  if (digit !== undefined) {
    if (lastUnit !== Infinity && lastUnit > 10 && !zero) return undefined;
    total += digit;
  }
  return lastUnit === Infinity ? undefined : total;
}

/** A token with its numbers in Chinese numerals as figures (七十五周年: 75周年, 十二月六日: 12月6日, 百分之五点二: 5.2%); undefined when it has none. */
export function numeralsAsFigures(token: string): string | undefined {
  let changed = false;
  // A percentage, as the text prints it (百分之五: 5%, 百分之三十: 30%, 百分之五点二: 5.2%).
  let out = token.replace(/百分之([〇零一二两三四五六七八九十百]+)(?:点([〇零一二三四五六七八九]+))?/gu, (match, whole: string, fraction: string | undefined) => {
    const value = whole.length === 1 ? (DIGIT_OF[whole] ?? UNIT_OF[whole]) : numeralValue(whole);
    if (value === undefined) return match;
    changed = true;
    return `${value}${fraction ? `.${Array.from(fraction, (d) => DIGIT_OF[d]!).join('')}` : ''}%`;
  });
  out = out.replace(/[〇零一二两三四五六七八九十百千]{2,}/gu, (run) => {
    const value = numeralValue(run);
    if (value === undefined) return run;
    changed = true;
    return String(value);
  });
  // A digit alone before 月, 日, 号, 时 or a counter (十二月六日: 12月6日, 六大: 6大).
  out = out.replace(/(^|[^〇零一二两三四五六七八九十百千])([一二三四五六七八九])(?=[月日号时大届次个项条名位家种])/gu, (_m, before: string, digit: string) => {
    changed = true;
    return `${before}${DIGIT_OF[digit]}`;
  });
  return changed ? out : undefined;
}

/**
 * A token with a time of day typed with a colon (`15:53`, `8:05`, `12月6日15:53`) as Chinese
 * prints it (`15时53分`, `8时05分` and `8时5分`, `12月6日15时53分`); empty when it has none.
 */
export function chineseTimes(token: string): string[] {
  const m = /(^|[^\d])(\d{1,2}):(\d{2})(?!\d)/u.exec(token);
  if (!m || Number(m[2]) > 24 || Number(m[3]) > 59) return [];
  const hour = Number(m[2]);
  const at = m.index + m[1]!.length;
  const end = at + m[2]!.length + 1 + m[3]!.length;
  return [...new Set([`${hour}时${m[3]}分`, `${hour}时${Number(m[3])}分`])].map((time) => token.slice(0, at) + time + token.slice(end));
}

/**
 * A token with a number of one or two figures beside a Chinese character in Chinese numerals, as
 * the text may print it (14届: 十四届, 长征8号: 长征八号); undefined when it has none.
 */
export function figuresAsNumerals(token: string): string | undefined {
  if (!/\p{Script=Han}/u.test(token)) return undefined;
  let changed = false;
  const out = token.replace(/(?<![\d.:\/-])([1-9]\d?)(?![\d.:%\/-])/gu, (run, _d, at: number) => {
    const before = token[at - 1];
    const after = token[at + run.length];
    if (!/\p{Script=Han}/u.test(`${before ?? ''}${after ?? ''}`)) return run;
    changed = true;
    return numeral(Number(run));
  });
  return changed ? out : undefined;
}
