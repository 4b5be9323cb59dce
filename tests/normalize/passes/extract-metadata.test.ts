import { describe, expect, it } from 'vitest';
import { deriveTitle, kindOf, likelyYearIn, tidyHeadline } from '../../../scripts/normalize/passes/extract-metadata.ts';
import { sentencesOf } from '../../../scripts/normalize/model.ts';
import type { OutPara } from '../../../scripts/normalize/passes/merge-variants.ts';

const body = (...texts: string[]): OutPara[] => texts.map((t) => ({ kind: 'paragraph', sentences: sentencesOf(t, { file: 'a', start: 1, end: 1 }), sources: [] }));

describe('extractMetadata helpers', () => {
  it('derives a short title from the first sentence, without quotation marks (the JSDoc example)', () => {
    expect(deriveTitle('“今年两会，我最关注的是新质生产力。”全国政协委员…表示。')).toBe('今年两会，我最关注的是新质生产力');
    expect(deriveTitle('从历史谈到现实，从大气污染治理成效谈到环境治理的方法论，习近平总书记强调：风物长宜放眼量。')).toBe('从历史谈到现实');
  });

  it('takes the year an undated text mentions most, ignoring amounts', () => {
    expect(likelyYearIn('2025腾冲科学论坛开幕，2025AI工程师能力白皮书发布，面向2049年，截至2024年底。')).toBe(2025);
    expect(likelyYearIn('营收2024万元，增长2023%。')).toBeUndefined();
  });

  it('decides the kind from the shape of the article', () => {
    expect(kindOf({ title: '怎样理解促进人才区域协调发展' }, body('正文。'))).toBe('explainer');
    expect(kindOf({ title: '上海合作组织秘书长接受新华社书面专访' }, body('正文。'))).toBe('interview');
    expect(kindOf({ title: '政府工作报告' }, body('各位代表：', '现在，我代表国务院，向大会报告政府工作。'))).toBe('speech');
    expect(kindOf({ title: '标题', dateline: '新华社北京3月7日电' }, body('韩国广播公司记者：问题？', '王毅：回答。', '中新社记者：问题？'))).toBe('qa');
    expect(kindOf({ title: '发展新质生产力的核心要素', kicker: '评论员观察' }, body('正文。'))).toBe('commentary');
    expect(kindOf({ title: '我国出口重回两位数增长', dateline: '新华社北京3月7日电' }, body('正文。'))).toBe('news');
  });

  it('tidies a headline: phrase spaces stay, spaces beside CJK punctuation go', () => {
    expect(tidyHeadline('法国总统马克龙： 法中肩负共同责任 共迎时代挑战')).toBe('法国总统马克龙：法中肩负共同责任 共迎时代挑战');
  });
});
