import { describe, expect, it } from 'vitest';
import { joinPieces, joinWrappedLines, isHeadingLike } from '../../../scripts/normalize/passes/join-wrapped-lines.ts';
import type { SourceLine } from '../../../scripts/normalize/types.ts';

const lines = (...texts: string[]): SourceLine[] =>
  texts.map((text, i) => {
    const line: SourceLine = { file: 'a.txt', no: i + 1, text: text.trimEnd() };
    if (/ {2}$/u.test(text)) line.hardBreak = true;
    return line;
  });
const paragraphs = (...texts: string[]) => joinWrappedLines(lines(...texts)).blocks.map((b) => b.text);

describe('joinWrappedLines', () => {
  it('joins a sentence cut across a blank line without a space (the JSDoc example)', () => {
    expect(paragraphs('观浩瀚宇宙，中国航天2024年预计发', '', '射约百次，多个卫星星座加速组网。')).toEqual(['观浩瀚宇宙，中国航天2024年预计发射约百次，多个卫星星座加速组网。']);
  });

  it('joins a narrow hard-wrapped column and keeps its paragraph breaks', () => {
    expect(
      paragraphs(
        '看大江南北，电动汽车、锂电池、光伏',
        '产品“新三样”去年出口突破万亿元，比上',
        '年增长 29.9%。',
        '',
        '观浩瀚宇宙，中国航天 2024 年预计发',
        '射约百次，多个卫星星座加速组网，探索星',
        '辰的脚步正化作产业发展的动能。',
      ),
    ).toEqual(['看大江南北，电动汽车、锂电池、光伏产品“新三样”去年出口突破万亿元，比上年增长 29.9%。', '观浩瀚宇宙，中国航天 2024 年预计发射约百次，多个卫星星座加速组网，探索星辰的脚步正化作产业发展的动能。']);
  });

  it('joins lines ended by a Markdown two-space break', () => {
    expect(paragraphs('此前,腾冲科学论  ', '坛已成功举办三届。')).toEqual(['此前,腾冲科学论坛已成功举办三届。']);
  });

  it('keeps a headline, a subtitle and a byline apart from the body', () => {
    expect(paragraphs('我国出口重回两位数增长', '', '——前两个月货物贸易数据发布', '', '新华社北京3月7日电（记者 邹多为 唐诗凝）海关总署7日发布数据。')).toEqual([
      '我国出口重回两位数增长',
      '——前两个月货物贸易数据发布',
      '新华社北京3月7日电（记者 邹多为 唐诗凝）海关总署7日发布数据。',
    ]);
  });

  it('joins a byline whose names ran onto the next line, with a space', () => {
    expect(paragraphs('□新华社记者 刘开雄 刘羽佳  ', '胡喆')).toEqual(['□新华社记者 刘开雄 刘羽佳 胡喆']);
  });

  it('leaves a cut sentence in running text as two pieces when a blank line separates them', () => {
    // In unwrapped text the rest of the sentence may belong to another article: the assembler decides.
    const long = '在此前的多年里，这座城市持续推进老旧小区改造，累计完成改造项目数百个，惠及居民数十万户，相关经验也被多地借鉴推广，同时注重保护历史街区的风貌，';
    expect(paragraphs(`${long}也`, '', '不要搞一种模式。')).toEqual([`${long}也`, '不要搞一种模式。']);
  });

  it('drops a character printed twice across a page break', () => {
    expect(joinPieces('自觉接受人民政协的民主监督，自', '自觉接受社会和舆论监督。')).toEqual({ text: '自觉接受人民政协的民主监督，自觉接受社会和舆论监督。', repeated: true });
  });

  it('puts one space between Latin words and none between Chinese characters', () => {
    expect(joinPieces('the new', 'energy').text).toBe('the new energy');
    expect(joinPieces('科学论', '坛').text).toBe('科学论坛');
  });

  it('keeps a real one-line paragraph that happens to be short', () => {
    expect(paragraphs('前景光明，使命催征。', '', '今年是新中国成立75周年。')).toEqual(['前景光明，使命催征。', '今年是新中国成立75周年。']);
  });

  it('tells a headline from running text', () => {
    expect(isHeadingLike('明确发展新质生产力主攻方向')).toBe(true);
    expect(isHeadingLike('今天的中国，正向新而行。')).toBe(false);
    expect(isHeadingLike('——编者')).toBe(false);
  });
});
