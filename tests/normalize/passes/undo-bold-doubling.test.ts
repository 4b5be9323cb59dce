import { describe, expect, it } from 'vitest';
import { undoBoldDoubling } from '../../../scripts/normalize/passes/undo-bold-doubling.ts';
import { expectFixOnBigInput } from './big-input.ts';

const unchanged = (text: string) => expect(undoBoldDoubling(text)).toEqual({ text, count: 0 });

describe('undoBoldDoubling', () => {
  it('undoes the JSDoc example: a caption with every run and every mark doubled', () => {
    expect(
      undoBoldDoubling(
        '山东省寿光市营里镇恒远光伏项目山东省寿光市营里镇恒远光伏项目，，可以实现可以实现““光伏发电光伏发电++新型储能新型储能++盐业制卤盐业制卤++水产养殖水产养殖””等项目融合开发等项目融合开发。。',
      ),
    ).toEqual({
      text: '山东省寿光市营里镇恒远光伏项目，可以实现“光伏发电+新型储能+盐业制卤+水产养殖”等项目融合开发。',
      count: 1,
    });
  });

  it('undoes a whole line printed twice (X+X, X at least 4 characters)', () => {
    expect(undoBoldDoubling('为高质量发展注入强劲推动力支撑力为高质量发展注入强劲推动力支撑力')).toEqual({
      text: '为高质量发展注入强劲推动力支撑力',
      count: 1,
    });
  });

  it('undoes a whole line printed twice when X holds punctuation', () => {
    expect(undoBoldDoubling('创新驱动，发展先行创新驱动，发展先行')).toEqual({ text: '创新驱动，发展先行', count: 1 });
  });

  it('undoes a caption line ending in a doubled mark (seed 001:327-328)', () => {
    expect(
      undoBoldDoubling(
        '在位于浙江省湖州市长兴经济技术开发区的长兴地通汽车部件有限公司在位于浙江省湖州市长兴经济技术开发区的长兴地通汽车部件有限公司，，',
      ),
    ).toEqual({ text: '在位于浙江省湖州市长兴经济技术开发区的长兴地通汽车部件有限公司，', count: 1 });
    expect(
      undoBoldDoubling('全自动机器人高速运转生产新能源汽车配件订单产品全自动机器人高速运转生产新能源汽车配件订单产品。。'),
    ).toEqual({ text: '全自动机器人高速运转生产新能源汽车配件订单产品。', count: 1 });
  });

  it('works line by line, keeps the white space around a line and counts lines undone', () => {
    const text = '  全自动机器人全自动机器人。。\n人人为我，我为人人。\n高速运转高速运转，，生产配件生产配件。。';
    expect(undoBoldDoubling(text)).toEqual({
      text: '  全自动机器人。\n人人为我，我为人人。\n高速运转，生产配件。',
      count: 2,
    });
  });

  it('treats …… and —— as one mark: a doubled ellipsis …………  becomes ……', () => {
    expect(undoBoldDoubling('成果密集发布成果密集发布…………')).toEqual({ text: '成果密集发布……', count: 1 });
    expect(undoBoldDoubling('第一动力第一动力————创新驱动创新驱动')).toEqual({ text: '第一动力——创新驱动', count: 1 });
  });

  it('accepts a punctuation run doubled as a whole (”。”。) as well as mark by mark (””。。)', () => {
    expect(undoBoldDoubling('““光伏发电光伏发电”。”。')).toEqual({ text: '“光伏发电”。', count: 1 });
    expect(undoBoldDoubling('““光伏发电光伏发电””。。')).toEqual({ text: '“光伏发电”。', count: 1 });
  });

  it('leaves text that only looks doubled', () => {
    unchanged('人人为我，我为人人。');
    unchanged('他说：“谢谢谢谢！”');
    unchanged('谢谢谢谢！！');
    unchanged('……');
    unchanged('——');
    unchanged('天天向上');
    unchanged('哈哈');
    unchanged('2020年和2020年');
    unchanged('成果密集发布……');
    unchanged('');
    unchanged('   ');
  });

  it('leaves a line with one run that is not doubled', () => {
    unchanged('光伏发电光伏发电++新型储能。。');
  });

  it('undoes a line printed four times down to one copy', () => {
    expect(undoBoldDoubling('光伏发电项目光伏发电项目光伏发电项目光伏发电项目')).toEqual({ text: '光伏发电项目', count: 1 });
  });

  it('is idempotent', () => {
    const inputs = [
      '光伏发电项目光伏发电项目光伏发电项目光伏发电项目',
      '山东省寿光市营里镇恒远光伏项目山东省寿光市营里镇恒远光伏项目，，可以实现可以实现““光伏发电光伏发电++新型储能新型储能++盐业制卤盐业制卤++水产养殖水产养殖””等项目融合开发等项目融合开发。。',
      '为高质量发展注入强劲推动力支撑力为高质量发展注入强劲推动力支撑力',
      '成果密集发布成果密集发布…………',
    ];
    for (const input of inputs) {
      const once = undoBoldDoubling(input).text;
      expect(undoBoldDoubling(once)).toEqual({ text: once, count: 0 });
    }
  });

  it('runs in linear time on a ~1 MB line', () => {
    // A big mismatch would print megabytes; compare through a short summary instead.
    const check = (input: string, text: string, count: number): void => expectFixOnBigInput(undoBoldDoubling, input, text, count);
    const caption = '光伏发电光伏发电++'.repeat(111_111) + '新型储能新型储能。。';
    check(caption, '光伏发电+'.repeat(111_111) + '新型储能。', 1);
    const almost = '光伏发电光伏发电++'.repeat(111_111) + '新型储能。。';
    check(almost, almost, 0);
    const prose = '为高质量发展注入强劲推动力，'.repeat(75_001);
    check(prose, prose, 0);
    check(prose + prose, prose, 1);
  });
});
