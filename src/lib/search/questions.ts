/**
 * A query typed as a question (什么是新质生产力, 中国经济怎么样, 新质生产力有哪些特点, what is
 * new quality productive forces?) asks for its other words: the engine searches for them when
 * the question as typed finds nothing (a title may be a question: 为什么要全面实施“人工智能+”行动
 * is found as typed). Pure functions, no DOM.
 *
 *   withoutQuestionWords('什么是新质生产力')          // '新质生产力'
 *   withoutQuestionWords('新质生产力怎么发展')        // '新质生产力 发展'
 *   withoutQuestionWords('what is new quality productive forces?')  // 'new quality productive forces'
 */

/** Chinese question words, with the 是 or 有 that goes with them; the longest first. */
const CHINESE = ['是不是', '为什么', '怎么样', '怎么办', '什么是', '是什么', '有哪些', '有什么', '去哪里', '在哪里', '到哪里', '什么时候', '是多少', '有多少', '怎么', '怎样', '如何', '什么', '哪些', '哪个', '哪里', '为何', '是否', '何时', '多少', '请问'].sort((a, b) => b.length - a.length);
/** A particle left standing alone once the question words are out (雪龙2号去哪里了: 了). */
const ALONE = new Set(['了', '的', '是', '吗', '呢', '呀', '啊']);
const CHINESE_WORD = new RegExp(CHINESE.join('|'), 'gu');
/** A particle that ends a question (吗, 呢), and the question mark. */
const CHINESE_END = /[吗呢]?[?？]*$/u;

/** English question words: with one of them (or a question mark), the words a question adds go too. */
const ENGLISH_QUESTION = new Set(['what', 'how', 'why', 'which', 'who', 'whom', 'whose', 'where', 'when']);
const ENGLISH_ADDED = new Set([...ENGLISH_QUESTION, 'is', 'are', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'should', 'would', 'will', 'a', 'an', 'the']);

/**
 * The query without what makes it a question: Chinese question words (什么, 怎么样, 如何, 有哪些…;
 * each leaves a space, so what stood either side are words apart) and the particle and mark that
 * end it (吗, 呢, ？); in English, with a question word or mark, the question words, auxiliaries
 * and articles. The query as it was when it is no question, or nothing else would be left.
 */
export function withoutQuestionWords(query: string): string {
  const trimmed = query.trim();
  const chinese = trimmed.replace(CHINESE_END, '').replace(CHINESE_WORD, ' ');
  const words = chinese.split(/\s+/u).filter((w) => w && !ALONE.has(w));
  const english = /[?？]$/u.test(trimmed) || words.some((w) => ENGLISH_QUESTION.has(w.toLowerCase()));
  const kept = english ? words.filter((w) => !ENGLISH_ADDED.has(w.toLowerCase().replace(/[?？]+$/u, ''))).map((w) => w.replace(/[?？]+$/u, '')) : words;
  const out = kept.filter(Boolean).join(' ');
  return out === '' ? trimmed : out;
}
