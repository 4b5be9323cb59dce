import { describe, expect, it } from 'vitest';
import { normalizePunctuationWidth } from '../../../scripts/normalize/passes/normalize-punctuation-width.ts';
import { expectFixOnBigInput } from './big-input.ts';

const fix = normalizePunctuationWidth;
const unchanged = (text: string) => expect(fix(text)).toEqual({ text, count: 0 });
const to = (text: string) => fix(text).text;

describe('normalizePunctuationWidth', () => {
  it('mirrors the JSDoc examples', () => {
    expect(fix('2025,创新浪潮奔涌不息,科技突破与产业变革交相辉映')).toEqual({
      text: '2025，创新浪潮奔涌不息，科技突破与产业变革交相辉映',
      count: 2,
    });
    expect(fix('高能同步辐射光源(HEPS)正式启动带光调联')).toEqual({
      text: '高能同步辐射光源（HEPS）正式启动带光调联',
      count: 2,
    });
  });

  it('widens , ; : ! ? when either side (skipping spaces) is CJK', () => {
    expect(to('记者问:上海合作组织')).toBe('记者问：上海合作组织');
    expect(to('1.64小时!')).toBe('1.64小时！');
    expect(to('年底前启动;明年完成')).toBe('年底前启动；明年完成');
    expect(to('你说呢?')).toBe('你说呢？');
    expect(to('# 法国总统马克龙: 法中肩负共同责任')).toBe('# 法国总统马克龙： 法中肩负共同责任');
    expect(to('紧紧抓住创新这个“牛鼻子”,推动')).toBe('紧紧抓住创新这个“牛鼻子”，推动');
    expect(to('……2025,创新浪潮')).toBe('……2025，创新浪潮');
    expect(to('HEPS,高能同步辐射光源')).toBe('HEPS，高能同步辐射光源');
  });

  it('keeps , : between digits and in Latin or URL context', () => {
    unchanged('全年1,200万元');
    unchanged('上午10:30开幕');
    unchanged('详见https://example.org/a,b');
    unchanged('Hello, world: yes! ok?');
  });

  it('keeps the ; that ends an HTML character reference, and widens one that does not', () => {
    unchanged('评论写着&lt;b&gt;加粗');
    unchanged('符号&#60;和&#x3C;都是小于号');
    expect(normalizePunctuationWidth('他说好;我们走').text).toBe('他说好；我们走');
    expect(normalizePunctuationWidth('地址&amp ;之后').text).toBe('地址&amp ；之后');
  });

  it('widens a parenthesis pair when its content or an outside neighbour is CJK', () => {
    expect(fix('(新华社北京12月6日电)')).toEqual({ text: '（新华社北京12月6日电）', count: 2 });
    expect(to('(1) 为高质量发展提供强劲推动力')).toBe('（1） 为高质量发展提供强劲推动力');
    expect(to('康锦谦 刘杨)“中国与法国')).toBe('康锦谦 刘杨）“中国与法国');
    expect(to('新华社成都12月6日电 (记者')).toBe('新华社成都12月6日电 （记者');
    expect(to('（记者 刘杨)报道')).toBe('（记者 刘杨）报道');
  });

  it('keeps parentheses in an all-Latin sentence and in Markdown links', () => {
    unchanged('The (HEPS) source.');
    unchanged('见[链接](https://example.org/a)说明');
    unchanged('f(x) = (a + b)');
  });

  it('turns a sentence-final . after Han text into 。', () => {
    expect(to('发展.下一步')).toBe('发展。下一步');
    expect(to('推动高质量发展.')).toBe('推动高质量发展。');
    expect(to('推动发展. 下一步')).toBe('推动发展。 下一步');
    expect(to('他说“好”.')).toBe('他说“好”。');
  });

  it('keeps . in numbers, list markers, ASCII ellipses and domains', () => {
    unchanged('研发经费支出占比3.39%');
    unchanged('1.全国政协十四届二次会议在京开幕');
    unchanged('一.总体要求');
    unchanged('发展...下一步');
    unchanged('新华网.cn');
    unchanged('占我国外贸总值的65.');
    // A full stop after a percentage at the end of a Chinese sentence is a Chinese full stop.
    expect(fix('同比增长29.9%.')).toEqual({ text: '同比增长29.9%。', count: 1 });
    unchanged('up 29.9%. Then');
  });

  it('turns full-width digits and letters into ASCII, and ％ after a digit into %', () => {
    expect(fix('增长２９．９％，ＡＩ＋Ｃ９１９')).toEqual({ text: '增长29.9%，AI＋C919', count: 11 });
    expect(to('百分号％')).toBe('百分号％');
    expect(to('时间１２：３０')).toBe('时间12：30');
  });

  it('keeps full-width punctuation and · — …', () => {
    unchanged('“科学·AI改变世界”——中国—东盟……（一）：；、‘好’！？');
  });

  it('turns ASCII quotes around Han text into curly quotes in alternation', () => {
    expect(fix('"新三样"出口突破万亿元')).toEqual({ text: '“新三样”出口突破万亿元', count: 2 });
    expect(to('全面实施"人工智能+"行动和"数智+装备"方向')).toBe('全面实施“人工智能+”行动和“数智+装备”方向');
    expect(to("认同那些渲染'孤立'的论调")).toBe('认同那些渲染‘孤立’的论调');
    expect(to('他说"OK"和"好"')).toBe('他说"OK"和“好”');
    expect(to("China's '新三样' plan")).toBe("China's ‘新三样’ plan");
  });

  it('leaves ordinary Chinese, numbers and Latin alone', () => {
    unchanged('习近平总书记5日参加十四届全国人大二次会议江苏代表团审议时强调，要牢牢把握高质量发展这个首要任务。');
    unchanged('增长29.9%');
    unchanged('The 5G+ and AI+ plan');
    unchanged('12308热线');
    unchanged('2.5万余海里');
    unchanged('');
  });

  it('never looks across a line end', () => {
    expect(to('发展\n,next')).toBe('发展\n,next');
    expect(to('(1\n)发展')).toBe('(1\n）发展');
  });

  it('is idempotent', () => {
    const inputs = [
      '2025,创新浪潮奔涌不息,科技突破与产业变革交相辉映',
      '高能同步辐射光源(HEPS)正式启动带光调联.下一步(1)',
      'x,!中国',
      '中国!,x',
      '中.,(1)',
      '"新三样"出口增长２９．９％. 下一步:推进',
    ];
    for (const input of inputs) {
      const once = fix(input).text;
      expect(fix(once)).toEqual({ text: once, count: 0 });
    }
  });

  it('runs in linear time on a ~1 MB line', () => {
    const check = (input: string, text: string, count: number): void => expectFixOnBigInput(fix, input, text, count);
    const unit = '高能同步辐射光源(HEPS)正式启动,"新三样"增长２９.9%快.';
    const wide = '高能同步辐射光源（HEPS）正式启动，“新三样”增长29.9%快。';
    const k = 25_000;
    check(unit.repeat(k), wide.repeat(k), 8 * k);
    const opens = '('.repeat(500_000) + '中' + ')'.repeat(500_000);
    check(opens, '（'.repeat(500_000) + '中' + '）'.repeat(500_000), 1_000_000);
    const marks = 'x' + ',;'.repeat(500_000) + 'y';
    check(marks, marks, 0);
  });
});
