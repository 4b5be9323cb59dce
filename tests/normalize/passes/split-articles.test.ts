import { describe, expect, it } from 'vitest';
import { splitArticles } from '../../../scripts/normalize/passes/split-articles.ts';
import type { Block } from '../../../scripts/normalize/types.ts';

let n = 0;
const block = (text: string, extra: Partial<Block> = {}): Block => {
  n += 2;
  return { kind: 'paragraph', text, range: { file: 'a.txt', start: n, end: n }, ...extra };
};
const head = (text: string): Block => block(text, { headingLike: true });

describe('splitArticles', () => {
  it('starts an article at a headline followed by a dateline (the JSDoc example)', () => {
    const r = splitArticles([head('我国出口重回两位数增长'), block('新华社北京3月7日电（记者 邹多为 唐诗凝）海关总署7日发布数据。')], new Set(), 0);
    expect(r.fragments[0]?.header).toMatchObject({ title: '我国出口重回两位数增长', dateline: '新华社北京3月7日电', byline: '记者 邹多为 唐诗凝', agency: '新华社' });
  });

  it('keeps a lone headline inside an article as a subhead', () => {
    const r = splitArticles([head('标题一'), block('新华社北京3月7日电 第一段。'), head('一个小标题'), block('第二段。')], new Set(), 0);
    expect(r.fragments).toHaveLength(1);
    expect(r.fragments[0]?.paras.map((p) => p.kind)).toEqual(['paragraph', 'heading', 'paragraph']);
  });

  it('closes an article at its end dateline and reads it', () => {
    const r = splitArticles([head('标题一'), block('第一段。'), block('最后一段。（新华社北京3月6日电）'), head('标题二'), block('另一篇的正文。')], new Set(), 0);
    expect(r.fragments.map((f) => f.header.title)).toEqual(['标题一', '标题二']);
    expect(r.fragments[0]?.header.dateline).toBe('新华社北京3月6日电');
    expect(r.fragments[0]?.paras.at(-1)?.sentences.map((s) => s.text).join('')).toBe('最后一段。');
  });

  it('names the text above with a running head printed after it', () => {
    const r = splitArticles([block('（上接1版）', { kind: 'continuation' }), block('续接的正文。'), head('为高质量发展注入强劲推动力支撑力')], new Set(), 0);
    expect(r.fragments).toHaveLength(1);
    expect(r.fragments[0]).toMatchObject({ continued: true, header: { runningHead: '为高质量发展注入强劲推动力支撑力' } });
    expect(r.drops.map((d) => d.reason.kind)).toEqual(['continuation', 'running-head']);
  });

  it('makes a bold paragraph outside a headline a photo caption of its own', () => {
    const r = splitArticles([head('标题'), block('新华社北京3月7日电 正文。'), block('山东省寿光市营里镇恒远光伏项目，可以实现多种项目融合开发。', { bold: true })], new Set(), 0);
    expect(r.fragments).toHaveLength(2);
    expect(r.fragments[1]).toMatchObject({ header: { kind: 'photo' } });
    expect(r.fragments[1]?.paras[0]?.kind).toBe('caption');
  });

  it('reads a source line after an article into its header', () => {
    const r = splitArticles([head('标题'), block('本报北京3月5日电 正文。'), block('《人民日报》（2024年03月06日第01版）', { kind: 'source-line' })], new Set(), 0);
    expect(r.fragments[0]?.header).toMatchObject({ publication: '人民日报', date: '2024-03-06', page: '01', dateline: '本报北京3月5日电' });
    expect(r.fragments[0]?.closed).toBe(true);
  });

  it('marks highlight boxes', () => {
    const r = splitArticles([head('标题'), block('■要牢牢把握高质量发展这个首要任务'), block('本报北京3月5日电 正文。')], new Set(), 0);
    expect(r.fragments[0]?.paras.map((p) => p.kind)).toEqual(['highlight', 'paragraph']);
    expect(r.fragments[0]?.header.dateline).toBe('本报北京3月5日电');
  });

  it('keeps the rest of a cut highlight item in the highlight box, and a dateline paragraph in the body', () => {
    const r = splitArticles([head('标题'), block('■民革要更好团结一切可以团结的爱国力'), block('量，共同推进祖国和平统一进程'), block('本报北京3月6日电 习近平强调，人民政协各党派、各团体、各族'), block('各界各方面人士要围绕重大战略任务。')], new Set(), 0, true);
    expect(r.fragments[0]?.paras.map((p) => p.kind)).toEqual(['highlight', 'highlight', 'paragraph', 'paragraph']);
  });

  it('reads the summary lines opening a running-text article like a highlight box', () => {
    const r = splitArticles([head('标题'), block('打好关键核心技术攻坚战，才能培育发展新质生产力的新动能'), block('“人造太阳”实现稳态运行403秒。')], new Set(), 0, true);
    expect(r.fragments[0]?.paras.map((p) => p.kind)).toEqual(['highlight', 'paragraph']);
  });
});
