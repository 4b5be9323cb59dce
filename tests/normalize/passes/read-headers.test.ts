import { describe, expect, it } from 'vitest';
import { readDateline, readEndDateline, readHeaderGroup, readSourceLine, isByline } from '../../../scripts/normalize/passes/read-headers.ts';
import { sentenceKey } from '../../../scripts/normalize/text.ts';

describe('readHeaderGroup', () => {
  it('reads title, subtitle and byline (the JSDoc example)', () => {
    expect(readHeaderGroup([{ text: '为高质量发展注入强劲推动力支撑力' }, { text: '——从全国两会看发展新质生产力' }, { text: '新华社记者 董瑞丰 温竞华 张京' }], new Set())).toEqual({
      header: { title: '为高质量发展注入强劲推动力支撑力', subtitle: '从全国两会看发展新质生产力', byline: '新华社记者 董瑞丰 温竞华 张京', agency: '新华社' },
      duplicates: [],
    });
  });

  it('splits a kicker ending in 强调 from the headline', () => {
    expect(readHeaderGroup([{ text: '习近平在参加江苏代表团审议时强调 因地制宜发展新质生产力' }], new Set()).header).toEqual({ kicker: '习近平在参加江苏代表团审议时强调', title: '因地制宜发展新质生产力' });
  });

  it('uses a table-of-contents entry to know how many lines make the headline', () => {
    const toc = new Set([sentenceKey('习近平在看望参加政协会议的民革科技界 环境资源界委员时强调 积极建言资政广泛凝聚共识 助力中国式现代化建设')]);
    const lines = ['习近平在看望参加政协会议的民革科技界', '环境资源界委员时强调', '积极建言资政广泛凝聚共识', '助力中国式现代化建设', '王沪宁蔡奇参加看望和讨论'].map((text) => ({ text }));
    expect(readHeaderGroup(lines, toc).header).toEqual({
      kicker: '习近平在看望参加政协会议的民革科技界 环境资源界委员时强调',
      title: '积极建言资政广泛凝聚共识 助力中国式现代化建设',
      subtitle: '王沪宁蔡奇参加看望和讨论',
    });
  });

  it('reads a column name, a subtitle on the same line and an author name', () => {
    expect(readHeaderGroup([{ text: '发展新质生产力的核心要素（评论员观察） ——因地制宜发展新质生产力②' }, { text: '石 羚' }], new Set()).header).toEqual({
      title: '发展新质生产力的核心要素',
      kicker: '评论员观察',
      subtitle: '因地制宜发展新质生产力②',
      byline: '石羚',
    });
  });

  it('drops a headline printed again below its column name', () => {
    const r = readHeaderGroup([{ text: '怎样理解促进人才区域协调发展', level: 2 }, { text: '学习规划建议每日问答', level: 3 }, { text: '怎样理解促进人才区域协调发展', level: 4 }], new Set());
    expect(r.header).toEqual({ title: '怎样理解促进人才区域协调发展', kicker: '学习规划建议每日问答' });
    expect(r.duplicates).toEqual([2]);
  });
});

describe('datelines and source lines', () => {
  it('reads a dateline with the reporters in brackets', () => {
    expect(readDateline('新华社北京3月7日电（记者 邹多为 唐诗凝）海关总署7日发布数据')).toEqual({ agency: '新华社', dateline: '新华社北京3月7日电', month: 3, day: 7, byline: '记者 邹多为 唐诗凝' });
    expect(readDateline('本报北京 3 月 6 日电 中共中央总书记')).toMatchObject({ dateline: '本报北京3月6日电', month: 3, day: 6 });
    expect(readDateline('北京时间7日，执行中国第40次南极考察任务')).toBeUndefined();
  });

  it('reads an end dateline', () => {
    expect(readEndDateline('会场响起长时间热烈的掌声。（新华社北京3月7日电）')).toEqual({ agency: '新华社', dateline: '新华社北京3月7日电', month: 3, day: 7 });
  });

  it('reads a source line into publication, date and page', () => {
    expect(readSourceLine('《人民日报》（2024 年 3 月 15 日第 05 版）')).toEqual({ publication: '人民日报', date: '2024-03-15', page: '05' });
    expect(readSourceLine('《人民日报》记者报道')).toBeUndefined();
  });

  it('recognizes bylines and not headlines', () => {
    expect(isByline('新华社记者 董瑞丰 温竞华 张京')).toBe(true);
    expect(isByline('国务院总理 李强')).toBe(true);
    expect(isByline('李拯')).toBe(true);
    expect(isByline('我国出口重回两位数增长')).toBe(false);
  });
});
