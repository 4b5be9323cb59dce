/**
 * The corpus-level passes (rejoinSplitWords, matchVariants, assignStories, mergeVariants) on small
 * texts written for these tests, through the whole pipeline so each case reads like an input.
 */
import { describe, expect, it } from 'vitest';
import { normalizeCorpus } from '../../../scripts/normalize/index.ts';
import { Attestation, attestationQueries, unsplitHeadline } from '../../../scripts/normalize/passes/rejoin-split-words.ts';
import { matchVariants, sameSentence } from '../../../scripts/normalize/passes/match-variants.ts';
import { makeSentence, sentencesOf, type Para } from '../../../scripts/normalize/model.ts';

const file = (name: string, ...lines: string[]) => ({ file: name, text: `${lines.join('\n')}\n`, encoding: 'utf-8' });
const bodies = (r: ReturnType<typeof normalizeCorpus>) => r.articles.map((a) => ({ title: a.meta.title, body: a.body.map((b) => b.text) }));

const FAITHFUL = [
  '新建铁路今日开通运营',
  '',
  '新华社南宁5月8日电（记者 李明）记者从铁路部门获悉，全长三百公里的新建铁路8日开通运营。',
  '',
  '“这条铁路让山里的果子更快走出大山。”当地果农王大姐说。',
  '',
  '据介绍，铁路设计时速二百五十公里，沿线设车站十二座——其中六座为新建车站。',
  '',
  '开通首日，铁路部门安排开行动车组列车四十对。',
];
const STRIPPED = [
  '新建铁路今日开通运营',
  '',
  '新华社南宁5月8日电（记者 李明）记者从铁路部门获悉，全长三百公里的新建铁路8日开通运营。',
  '',
  '这条铁路让山里的果子更快走出大山。当地果农王大姐说。',
  '',
  '据介绍，铁路设计时速二百五十公里，沿线设车站十二座，其中六座为新建车站。',
  '',
  '开通首日，铁路部门安排开行动车组列车四十对。',
];

describe('matchVariants', () => {
  it('matches a sentence with its quotation marks stripped to the faithful one', () => {
    const a = makeSentence('今天的中国，正向新而行、向新而进。', { file: 'a', start: 1, end: 1 });
    const b = makeSentence('今天的中国，正向“新”而行、向“新”而进。', { file: 'b', start: 1, end: 1 });
    expect(sameSentence(a, b)).toBe(1);
  });

  it('does not match a short clause to a long sentence quoting it', () => {
    const a = makeSentence('要牢牢把握高质量发展这个首要任务。', { file: 'a', start: 1, end: 1 });
    const b = makeSentence('习近平强调，要牢牢把握高质量发展这个首要任务，因地制宜发展新质生产力，面对新一轮科技革命和产业变革，我们必须抢抓机遇。', { file: 'b', start: 1, end: 1 });
    expect(sameSentence(a, b)).toBe(0);
  });

  it('finds matches only across files', () => {
    const para = (f: string, text: string, i: number): Para => ({ id: `${f}#${i}`, kind: 'paragraph', sentences: sentencesOf(text, { file: f, start: i, end: i }), range: { file: f, start: i, end: i }, fragment: i, order: i });
    const m = matchVariants([para('a', '开通首日，铁路部门安排开行动车组列车四十对。', 1), para('a', '开通首日，铁路部门安排开行动车组列车四十对。', 2), para('b', '开通首日，铁路部门安排开行动车组列车四十对。', 3)]);
    expect(m.get('0:0')?.ref.para).toBe(2);
    expect(m.get('2:0')?.ref.para).toBe(0);
  });
});

describe('merging printings of one article', () => {
  it('merges two printings and keeps the quotation marks and dashes', () => {
    const r = normalizeCorpus([file('a.txt', ...STRIPPED), file('b.txt', ...FAITHFUL)]);
    expect(bodies(r)).toEqual([
      {
        title: '新建铁路今日开通运营',
        body: [
          '新华社南宁5月8日电（记者 李明）记者从铁路部门获悉，全长三百公里的新建铁路8日开通运营。',
          '“这条铁路让山里的果子更快走出大山。”当地果农王大姐说。',
          '据介绍，铁路设计时速二百五十公里，沿线设车站十二座——其中六座为新建车站。',
          '开通首日，铁路部门安排开行动车组列车四十对。',
        ],
      },
    ]);
    expect(r.articles[0]?.sources.map((s) => s.file)).toEqual(expect.arrayContaining(['a.txt', 'b.txt']));
    expect(r.report.dropped.filter((d) => d.reason === 'variant').length).toBeGreaterThanOrEqual(2);
  });

  it('stitches the second half printed in another file onto the first', () => {
    const half = ['（上接1版）', '', '开通首日，铁路部门安排开行动车组列车四十对。', '', '铁路部门表示，将根据客流情况适时增开列车。'];
    const r = normalizeCorpus([file('a.txt', ...FAITHFUL.slice(0, 7)), file('b.txt', ...FAITHFUL.slice(4), '', ...half.slice(3))]);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]?.body.at(-1)?.text).toBe('铁路部门表示，将根据客流情况适时增开列车。');
  });

  it('keeps two articles apart when they only quote the same sentence', () => {
    const quote = '“绿水青山就是金山银山。”';
    const r = normalizeCorpus([
      file('a.txt', '山区小镇发展生态旅游', '', `新华社贵阳6月1日电 ${quote}镇长说，小镇去年接待游客五十万人次。`, '', '当地还建起了民宿和农家乐。'),
      file('b.txt', '湖区治理见成效', '', `新华社武汉6月2日电 ${quote}治理后的湖水清澈见底。`, '', '候鸟数量比五年前增加了一倍。'),
    ]);
    expect(r.articles.map((a) => a.meta.title).sort()).toEqual(['山区小镇发展生态旅游', '湖区治理见成效']);
  });

  it('drops a sentence printed three times in a row and a paragraph printed twice', () => {
    const s = '铁路设计时速二百五十公里，沿线设车站十二座。';
    const r = normalizeCorpus([file('a.txt', '新建铁路今日开通运营', '', '新华社南宁5月8日电 记者从铁路部门获悉，新建铁路8日开通运营。', '', s + s + s, '', '开通首日，铁路部门安排开行动车组列车四十对。', '', s)]);
    expect(r.articles[0]?.body.map((b) => b.text)).toEqual(['新华社南宁5月8日电 记者从铁路部门获悉，新建铁路8日开通运营。', s, '开通首日，铁路部门安排开行动车组列车四十对。']);
    expect(r.report.dropped.filter((d) => d.reason === 'duplicate')).toHaveLength(3);
  });

  it('keeps a short line a speech repeats on purpose', () => {
    const r = normalizeCorpus([file('a.txt', '政府工作报告', '', '各位代表！', '', '过去一年，我们完成了全年主要目标任务。', '', '各位代表！', '', '新征程新使命，对政府工作提出了新的更高要求。')]);
    expect(r.articles[0]?.body.map((b) => b.text).filter((t) => t === '各位代表！')).toHaveLength(2);
  });

  it('drops a highlight box that repeats the body', () => {
    const r = normalizeCorpus([file('a.txt', '标题', '', '■要牢牢把握高质量发展这个首要任务，因地制宜发展新质生产力', '', '本报北京3月5日电 习近平强调，要牢牢把握高质量发展这个首要任务，因地制宜发展新质生产力。', '', '第二段正文，讲述会议的其他内容。')]);
    expect(r.articles[0]?.body.map((b) => b.text)).toEqual(['本报北京3月5日电 习近平强调，要牢牢把握高质量发展这个首要任务，因地制宜发展新质生产力。', '第二段正文，讲述会议的其他内容。']);
    expect(r.report.dropped.some((d) => d.reason === 'highlight')).toBe(true);
  });
});

describe('rejoinSplitWords', () => {
  it('drops a space inside a headline word printed unsplit elsewhere', () => {
    const headlines = ['2025腾冲科学论 坛聚焦前沿科技与产业融合新路径', '以科技创新为引领 新质生产力稳步发展'].map((text) => ({ kind: 'paragraph' as const, headingLike: true, text, range: { file: 'h', start: 1, end: 1 } }));
    const attestation = new Attestation([{ kind: 'paragraph', text: '2025腾冲科学论坛12月6日在云南省腾冲市开幕', range: { file: 'a', start: 1, end: 1 } }, ...headlines], attestationQueries(headlines));
    expect(unsplitHeadline('2025腾冲科学论 坛聚焦前沿科技与产业融合新路径', attestation)).toBe('2025腾冲科学论坛聚焦前沿科技与产业融合新路径');
    expect(unsplitHeadline('以科技创新为引领 新质生产力稳步发展', attestation)).toBe('以科技创新为引领 新质生产力稳步发展');
  });

  it('keeps the space between a position and a name in a byline, even where the body prints them together', () => {
    const r = normalizeCorpus([
      file('a.txt', '政府工作报告', '', '——在第十四届全国人民代表大会第二次会议上', '', '国务院总理 李强', '', '各位代表：', '', '现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。过去一年，是全面贯彻党的二十大精神开局之年，是本届政府依法履职的第一年。'),
      file('b.txt', '大会开幕', '', '本报北京3月5日电 国务院总理李强代表国务院向大会作政府工作报告。'),
    ]);
    expect(r.articles.find((a) => a.meta.title === '政府工作报告')?.meta).toMatchObject({ byline: '国务院总理 李强', subtitle: '在第十四届全国人民代表大会第二次会议上', kind: 'speech' });
  });

  it('rejoins a line cut before its end when another file prints the words whole', () => {
    const r = normalizeCorpus([
      file('a.txt', '汽车工业加快转型', '', '新华社柳州3月6日电 广西柳州，一座座工厂正在加快转型升级。', '', '上汽通用五菱汽车股份有限公司副', '', '总经理姚佐平代表充满信心表示，力争实现第二次存量倍增。'),
      file('b.txt', '上汽通用五菱汽车股份有限公司副总经理姚佐平代表表示，公司今年将加大研发投入。'),
    ]);
    const article = r.articles.find((a) => a.meta.title === '汽车工业加快转型');
    expect(article?.body.map((b) => b.text)).toContain('上汽通用五菱汽车股份有限公司副总经理姚佐平代表充满信心表示，力争实现第二次存量倍增。');
  });
});
