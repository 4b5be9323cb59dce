import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';

/**
 * A stable ASCII slug for an article: its date, the pinyin of the start of its title, and a short
 * hash of the title, so the same input always gives the same URL and two articles never share one.
 * @example slugFor('为高质量发展注入强劲推动力支撑力', '2024-03-06') // '2024-03-06-wei-gao-zhi-liang-fa-zhan-…'
 */
export function slugFor(title: string, date: string | undefined, salt = ''): string {
  const syllables = pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((s) => s.toLowerCase().replace(/ü/gu, 'v').replace(/[^a-z0-9]+/gu, '-').replace(/^-+|-+$/gu, ''))
    .filter((s) => s !== '')
    .slice(0, 6);
  const hash = createHash('sha1').update(`${title}\u0000${salt}`).digest('hex').slice(0, 6);
  return [date ?? 'undated', ...syllables, hash].join('-').replace(/-+/gu, '-');
}
