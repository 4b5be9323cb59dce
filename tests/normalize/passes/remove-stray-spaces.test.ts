import { describe, expect, it } from 'vitest';
import { removeStraySpaces } from '../../../scripts/normalize/passes/remove-stray-spaces.ts';
import { expectFixOnBigInput } from './big-input.ts';

const fix = removeStraySpaces;
const unchanged = (text: string) => expect(fix(text)).toEqual({ text, count: 0 });

describe('removeStraySpaces', () => {
  it('mirrors the JSDoc example', () => {
    expect(fix('观浩瀚宇宙，中国航天 2024 年预计发射 100 次左右，2025腾冲科学论 坛')).toEqual({
      text: '观浩瀚宇宙，中国航天2024年预计发射100次左右，2025腾冲科学论坛',
      count: 5,
    });
  });

  it('removes a space between two CJK characters', () => {
    expect(fix('2025腾冲科学论 坛聚焦前沿科技')).toEqual({ text: '2025腾冲科学论坛聚焦前沿科技', count: 1 });
    expect(fix('全面提升新兴领域战\u3000略能力')).toEqual({ text: '全面提升新兴领域战略能力', count: 1 });
  });

  it('removes spaces next to CJK punctuation', () => {
    expect(fix('为高质量发展提供强劲推动力（评论员观察） ——因地制宜')).toEqual({
      text: '为高质量发展提供强劲推动力（评论员观察）——因地制宜',
      count: 1,
    });
    expect(fix('一、 2023 年工作回顾 。')).toEqual({ text: '一、2023年工作回顾。', count: 3 });
  });

  it('removes a space between CJK and a number, a unit or an acronym, either order', () => {
    expect(fix('习近平 6 日下午')).toEqual({ text: '习近平6日下午', count: 2 });
    expect(fix('MOSFET 器件测试结果出炉')).toEqual({ text: 'MOSFET器件测试结果出炉', count: 1 });
    expect(fix('比上年增长 29.9%。')).toEqual({ text: '比上年增长29.9%。', count: 1 });
    expect(fix('5G 用户普及率超过 50%')).toEqual({ text: '5G用户普及率超过50%', count: 2 });
    expect(fix('国产大飞机 C919 投入商业运营')).toEqual({ text: '国产大飞机C919投入商业运营', count: 2 });
    expect(fix('全球首条 1.2T 超高速')).toEqual({ text: '全球首条1.2T超高速', count: 2 });
    expect(fix('赤字率拟按 3% 安排')).toEqual({ text: '赤字率拟按3%安排', count: 2 });
    expect(fix('高能同步辐射光源 (HEPS) 正式启动')).toEqual({ text: '高能同步辐射光源(HEPS)正式启动', count: 2 });
  });

  it('keeps the space next to a word with lower-case letters', () => {
    unchanged('对美国 and 韩国进出口同比分别增长3.7%和2.9%。');
    unchanged('发表于 Nature Energy 期刊');
    unchanged('使用 iPhone 拍摄');
  });

  it('keeps spaces between Latin words and between numbers', () => {
    unchanged('AI and robots');
    unchanged('1 000 000');
    unchanged('2 3');
    unchanged('科学AI 2024年');
  });

  it('keeps the space after a dateline and between the names of a byline', () => {
    expect(fix('本报北京 3 月 6 日电 中共中央总书记')).toEqual({ text: '本报北京3月6日电 中共中央总书记', count: 4 });
    unchanged('新华社北京3月4日电 凝心聚力共担复兴重任');
    unchanged('新华社北京12月5日电 《中共中央关于制定国民经济和社会发展第十四个五年规划的建议》提出');
    expect(fix('新华社成都12月6日电 （记者 康锦谦 刘杨）“中国')).toEqual({
      text: '新华社成都12月6日电（记者 康锦谦 刘杨）“中国',
      count: 1,
    });
    expect(fix('新华社北京3月7日电（记者 邹多为  唐诗凝）海关总署 7日发布数据')).toEqual({
      text: '新华社北京3月7日电（记者 邹多为 唐诗凝）海关总署7日发布数据',
      count: 2,
    });
    expect(fix('新华社成都12月6日电 (记者  康锦谦 刘杨)“中国')).toEqual({
      text: '新华社成都12月6日电(记者 康锦谦 刘杨)“中国',
      count: 2,
    });
  });

  it('collapses runs of spaces, including U+3000 and NBSP, and trims the text and its lines', () => {
    expect(fix('  AI\u00a0\u00a0and\u3000robots  ')).toEqual({ text: 'AI and robots', count: 6 });
    expect(fix('AI\u00a0robots')).toEqual({ text: 'AI robots', count: 1 });
    expect(fix(' 字面意思上，即有别于传  \n统生产力的新型生产力。')).toEqual({
      text: '字面意思上，即有别于传\n统生产力的新型生产力。',
      count: 3,
    });
    expect(fix('   ')).toEqual({ text: '', count: 3 });
  });

  it('leaves text without stray spaces alone', () => {
    unchanged('习近平总书记5日参加十四届全国人大二次会议江苏代表团审议时强调，要牢牢把握高质量发展这个首要任务。');
    unchanged('');
  });

  it('is idempotent', () => {
    const inputs = [
      '观浩瀚宇宙，中国航天 2024 年预计发射 100 次左右，2025腾冲科学论 坛',
      '本报北京 3 月 6 日电 中共中央总书记',
      '新华社北京3月7日电（记者 邹多为  唐诗凝）海关总署 7日发布数据',
      '  AI\u00a0\u00a0and\u3000robots  对美国 and 韩国 ',
    ];
    for (const input of inputs) {
      const once = fix(input).text;
      expect(fix(once)).toEqual({ text: once, count: 0 });
    }
  });

  it('runs in linear time on a ~1 MB line', () => {
    const check = (input: string, text: string, count: number): void => expectFixOnBigInput(fix, input, text, count);
    const k = 50_000;
    // Per unit: 3 spaces go; the English phrase `AI and` keeps the spaces on both sides; the final trailing space goes.
    check('科学论 坛 2024 年 AI and '.repeat(k), '科学论坛2024年 AI and '.repeat(k).trimEnd(), 3 * k + 1);
    const token = 'A'.repeat(500_000);
    check(`中 ${token} ${token} 国`, `中${token} ${token}国`, 2);
    const spaces = '中' + ' '.repeat(1_000_000) + '国';
    check(spaces, '中国', 1_000_000);
    const parens = '（记者'.repeat(300_000);
    check(parens, parens, 0);
  });
});
