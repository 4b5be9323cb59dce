import { describe, expect, it } from 'vitest';
import { withoutQuestionWords } from '../../src/lib/search/questions.ts';

describe('a query typed as a question', () => {
  it('loses its Chinese question words, each leaving a space between the words either side, and the particle and mark that end it', () => {
    expect(withoutQuestionWords('什么是新质生产力')).toBe('新质生产力');
    expect(withoutQuestionWords('新质生产力是什么？')).toBe('新质生产力');
    expect(withoutQuestionWords('新质生产力怎么发展')).toBe('新质生产力 发展');
    expect(withoutQuestionWords('中国经济怎么样')).toBe('中国经济');
    expect(withoutQuestionWords('新质生产力有哪些特点')).toBe('新质生产力 特点');
    expect(withoutQuestionWords('如何理解新质生产力')).toBe('理解新质生产力');
    expect(withoutQuestionWords('两会开了吗')).toBe('两会开了');
    expect(withoutQuestionWords('雪龙2号去哪里了')).toBe('雪龙2号');
    expect(withoutQuestionWords('雪龙2号什么时候返回')).toBe('雪龙2号 返回');
    expect(withoutQuestionWords('今年GDP增长目标是多少')).toBe('今年GDP增长目标');
  });

  it('in English, with a question word or mark: the question words, auxiliaries and articles', () => {
    expect(withoutQuestionWords('what is new quality productive forces?')).toBe('new quality productive forces');
    expect(withoutQuestionWords('What are the targets for 2024')).toBe('targets for 2024');
    expect(withoutQuestionWords('who is Wang Yi')).toBe('Wang Yi');
    expect(withoutQuestionWords('is growth slowing?')).toBe('growth slowing');
  });

  it('leaves a query that is no question as it is, and one that is nothing but a question word', () => {
    for (const q of ['新质生产力', 'Belt and Road', 'the Great Hall of the People', '网吧', '吗啡', '什么', 'what']) expect(withoutQuestionWords(q), q).toBe(q);
    expect(withoutQuestionWords('  雪龙2号 ')).toBe('雪龙2号');
  });
});
