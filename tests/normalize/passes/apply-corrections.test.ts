import { describe, expect, it } from 'vitest';
import { parseCorrections } from '../../../scripts/normalize/passes/apply-corrections.ts';
import { normalizeCorpus } from '../../../scripts/normalize/index.ts';

const file = (name: string, ...lines: string[]) => ({ file: name, text: `${lines.join('\n')}\n`, encoding: 'utf-8' });

describe('applyCorrections', () => {
  it('rejects an entry without a reason, naming the file and the entry', () => {
    expect(() => parseCorrections('{"corrections":[{"article":"x","set":{"title":"y"}}]}', 'seeds/corrections.json')).toThrow('seeds/corrections.json: corrections[0]: every correction needs a "why"');
    expect(() => parseCorrections('{"corrections":[{"why":"w","article":"x","set":{"slug":"y"}}]}', 'c.json')).toThrow('c.json: corrections[0]: cannot set "slug"');
    expect(() => parseCorrections('not json', 'c.json')).toThrow(/c\.json: not valid JSON/u);
  });

  it('sets a headline that was never printed and says so in the report', () => {
    const corrections = parseCorrections(JSON.stringify({ corrections: [{ why: 'headline on a missing page', article: '今年全市新增绿地面积一百二十公顷', set: { title: '城市新增绿地一百二十公顷' } }] }), 'c.json');
    const r = normalizeCorpus([file('a.txt', '（上接1版）', '', '今年全市新增绿地面积一百二十公顷，建成口袋公园三十个。', '', '市民出门五分钟就能走进公园。')], { corrections });
    expect(r.articles[0]?.meta).toMatchObject({ title: '城市新增绿地一百二十公顷', titleSource: 'corrected' });
    expect(r.report.corrections).toEqual([{ index: 0, why: 'headline on a missing page', applied: true, detail: expect.stringContaining('set title') }]);
  });

  it('keeps one wording over another and reports a correction that matched nothing', () => {
    const corrections = parseCorrections(
      JSON.stringify({
        corrections: [
          { why: 'the faithful printing says 约百次', prefer: '中国航天预计发射约百次。', over: '中国航天预计发射百余次。' },
          { why: 'stale entry', article: '不存在的标题文字', set: { title: '无' } },
        ],
      }),
      'c.json',
    );
    const r = normalizeCorpus([file('a.txt', '航天发射计划公布', '', '新华社北京3月6日电 中国航天预计发射百余次。多个卫星星座加速组网。')], { corrections });
    expect(r.articles[0]?.body[0]?.text).toBe('新华社北京3月6日电 中国航天预计发射约百次。多个卫星星座加速组网。');
    // The wording set aside is in the report, with the reason: nothing is lost.
    expect(r.report.dropped).toContainEqual(expect.objectContaining({ file: 'a.txt', reason: 'corrected', text: '新华社北京3月6日电 中国航天预计发射百余次。', detail: expect.stringContaining('the faithful printing says 约百次') }));
    expect(r.report.corrections.map((c) => c.applied)).toEqual([true, false]);
    expect(r.report.warnings).toEqual([expect.stringContaining('corrections[1] was not applied')]);
  });

  it('replaces a slip inside a sentence (an English word for 和), keeping the sentence it was in in the report', () => {
    const corrections = parseCorrections(JSON.stringify({ corrections: [{ why: 'an extraction slip for 和', prefer: '对美国和韩国进出口', over: '对美国 and 韩国进出口' }] }), 'c.json');
    const r = normalizeCorpus([file('a.txt', '前两个月外贸数据公布', '', '新华社北京3月7日电 前两个月，对美国 and 韩国进出口同比分别增长3.7%和2.9%。出口结构持续优化。')], { corrections });
    expect(r.articles[0]?.body[0]?.text).toBe('新华社北京3月7日电 前两个月，对美国和韩国进出口同比分别增长3.7%和2.9%。出口结构持续优化。');
    const kept = r.report.dropped.filter((d) => d.reason === 'corrected');
    expect(kept.map((d) => d.text)).toEqual(['新华社北京3月7日电 前两个月，对美国 and 韩国进出口同比分别增长3.7%和2.9%。']);
  });

  it('moves paragraphs an interleaved layout put under the wrong article', () => {
    const corrections = parseCorrections(JSON.stringify({ corrections: [{ why: 'interleaved column', move: '湖区候鸟数量比五年前增加了一倍', to: '湖区治理成效明显' }] }), 'c.json');
    const r = normalizeCorpus(
      [file('a.txt', '湖区治理见成效', '', '新华社武汉6月2日电 湖区治理成效明显，湖水清澈见底。', '', '山区小镇发展生态旅游', '', '新华社贵阳6月1日电 小镇去年接待游客五十万人次。', '', '湖区候鸟数量比五年前增加了一倍。')],
      { corrections },
    );
    const lake = r.articles.find((a) => a.meta.title === '湖区治理见成效');
    expect(lake?.body.map((b) => b.text)).toContain('湖区候鸟数量比五年前增加了一倍。');
  });
});
