/**
 * Snippets: which passage of a paragraph a search hit shows, and which of its text is marked.
 * The paragraphs are real news text (from the collection); a snippet is checked as rendered, its
 * marks shown as 【…】.
 */
import { describe, expect, it } from 'vitest';
import { makeSnippet as snippetOf, mergeMarks, SNIPPET_LENGTH } from '../../src/lib/search/snippet.ts';
import { hanWordAcross } from '../../src/lib/search/words.ts';

/** A snippet as the engine makes it once the word breaker is there: with Chinese words kept whole. */
const makeSnippet = (...[text, marks, length, apart]: Parameters<typeof snippetOf>): ReturnType<typeof snippetOf> => snippetOf(text, marks, length, apart, hanWordAcross);
import type { Mark } from '../../src/lib/search/types.ts';

/** 158 units: 腾冲 at 27 and 42, AI at 123, 人工智能 at 136. */
const TENGCHONG =
  '新华社昆明12月6日电（记者胡了然 王安浩伟）2025腾冲科学论坛12月6日在云南省腾冲市开幕，包括诺贝尔物理学奖获得者康斯坦丁·诺沃肖洛夫等国际顶尖学者，以及120余位院士、70余位国内外大学校长在内的千余位专家学者和企业家代表齐聚，以“科学·AI改变世界”为主题，共话人工智能、量子科技等前沿领域与产业融合路径。';
/** 125 units: 腾冲 at 8. */
const TENGCHONG_PRIZE =
  '本届论坛首次设立腾冲青年科学家奖，奖项覆盖数学物理与天文科学、材料科学、生命科学等10个方向，重点奖励40周岁以下在基础研究、技术创新等领域取得突出科研贡献、展现卓越创新潜力的青年科研人才。北京大学物理学院教授王猛等18位青年科学家分获大奖和提名奖。';
/** 155 units: 赵乐际 at 0 and 109. */
const ZHAO =
  '赵乐际指出，团结奋斗是中国人民创造历史伟业的必由之路。让我们更加紧密地团结在以习近平同志为核心的党中央周围，万众一心，拼搏奋进，为以中国式现代化全面推进强国建设、民族复兴伟业而不懈奋斗。（讲话全文另发）下午3时31分，赵乐际宣布：中华人民共和国第十四届全国人民代表大会第二次会议闭幕。大会在雄壮的国歌声中结束。';
/** 198 units: 75周年 at 21 and 54, 人民政协 at 48 and 59, 中国式现代化 at 134, 凝聚共识 at 163, 智慧和力量 at 192. */
const WANG =
  '王沪宁表示，2024年是中华人民共和国成立75周年，是实现“十四五”规划目标任务的关键一年，也是人民政协成立75周年。人民政协要坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻中共二十大和二十届二中全会精神，坚持党的领导、统一战线、协商民主有机结合，紧紧围绕推进中国式现代化履职尽责，推进思想政治引领，积极建言资政，广泛凝聚共识，加强自身建设，为实现全年经济社会发展目标任务汇聚智慧和力量。';
/** 298 units: 科技创新 at 3, 50 and 171, 点火系 at 36, 四唯 at 80, 揭榜挂帅 at 93, 人财物 at 129, 新质生产力 at 288. */
const REFORM =
  '如果把科技创新比作我国发展的新引擎，那么改革就是点燃这个新引擎必不可少的点火系。习近平总书记指出：“科技创新、制度创新要协同发挥作用，两个轮子一起转。”从破除“四唯”，到推进创新攻关的“揭榜挂帅”体制机制，从开展减轻科研人员负担专项行动，到赋予科研人员更大的人财物支配权和学术自主权，新时代以来，一系列科技体制改革举措密集落地，剑指一个个阻碍科技创新的障碍，极大释放了创新引擎的动能。接下来，我们既要完善人才培养、引进、使用、合理流动的工作机制，又要优化高等学校学科设置、人才培养模式，还要健全要素参与收入分配机制，更好体现知识、技术、人才的市场价值，多措并举，深化改革，推动新质生产力加快发展。';
/** 56 units. */
const OPENING = '开幕式上，中国科学院院士、中国科学技术大学教授潘建伟获评2025腾冲科学大奖，表彰其在量子科技领域的突破性贡献。';

/** Every occurrence of `term` in `text`, as marks. */
function occurrences(text: string, term: string): Mark[] {
  const out: Mark[] = [];
  for (let i = text.indexOf(term); i !== -1; i = text.indexOf(term, i + 1)) out.push([i, i + term.length]);
  return out;
}

/** The marks of each term in `text`, as the engine passes them. */
function termMarks(text: string, ...terms: string[]): Mark[][] {
  return terms.map((term) => occurrences(text, term));
}

/** A snippet with its marks shown as 【…】. */
function render(snippet: { text: string; marks: Mark[] }): string {
  let out = '';
  let at = 0;
  for (const [s, e] of snippet.marks) {
    out += `${snippet.text.slice(at, s)}【${snippet.text.slice(s, e)}】`;
    at = e;
  }
  return out + snippet.text.slice(at);
}

/** The rendered snippet of `text` for a query of `terms`. */
function snippetFor(text: string, terms: string[], length?: number): string {
  return render(makeSnippet(text, termMarks(text, ...terms), length));
}

/** The marked substrings of a snippet. */
function markedText(snippet: { text: string; marks: Mark[] }): string[] {
  return snippet.marks.map(([s, e]) => snippet.text.slice(s, e));
}

/** Where a snippet's passage is in `text`, as `[start, end)` (the passage is found in it once). */
function placed(text: string, snippet: { text: string }): [number, number] {
  const body = snippet.text.replace(/^…/, '').replace(/…$/, '');
  const start = text.indexOf(body);
  expect(start).toBeGreaterThanOrEqual(0);
  return [start, start + body.length];
}

/** The marks as shown (those of all terms, merged), each with the terms it marks. */
function shownMarks(text: string, terms: readonly Mark[][]): { mark: Mark; terms: Set<number> }[] {
  const within = terms.map((marks) =>
    marks.map(([s, e]): Mark => [Math.max(0, s), Math.min(text.length, e)]).filter(([s, e]) => s < e),
  );
  return mergeMarks(within.flat()).map(([s, e]) => ({
    mark: [s, e],
    terms: new Set(within.flatMap((marks, t) => (marks.some(([a, b]) => a >= s && b <= e) ? [t] : []))),
  }));
}

/** How many terms have a mark in `[from, to)` of `text`, counting marks as shown. */
function termsIn(text: string, terms: readonly Mark[][], from: number, to: number): number {
  const seen = new Set<number>();
  for (const { mark, terms: here } of shownMarks(text, terms)) {
    if (mark[0] >= from && mark[1] <= to) for (const t of here) seen.add(t);
  }
  return seen.size;
}

/** How many terms a snippet of `text` shows. */
function termsShown(text: string, terms: readonly Mark[][], snippet: { text: string }): number {
  const [start, end] = placed(text, snippet);
  return termsIn(text, terms, start, end);
}

/** Whether every mark of a snippet is a whole mark of `text`, and every mark in its passage is shown. */
function wholeMarks(text: string, terms: readonly Mark[][], snippet: { text: string; marks: Mark[] }): boolean {
  const [start, end] = placed(text, snippet);
  const shift = (snippet.text.startsWith('…') ? 1 : 0) - start;
  const expected = shownMarks(text, terms)
    .map(({ mark }) => mark)
    .filter(([s, e]) => e > start && s < end);
  const shown = snippet.marks.map(([s, e]): Mark => [s - shift, e - shift]);
  return JSON.stringify(shown) === JSON.stringify(expected);
}

/** A deterministic pseudo-random generator (a linear congruential one), from 0 (inclusive) to 1. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('mergeMarks', () => {
  it('sorts marks and merges those that overlap or touch', () => {
    expect(
      mergeMarks([
        [10, 12],
        [0, 3],
        [2, 5],
        [5, 7],
        [20, 22],
        [11, 15],
      ]),
    ).toEqual([
      [0, 7],
      [10, 15],
      [20, 22],
    ]);
  });

  it('keeps marks that are apart, and leaves its input alone', () => {
    const marks: Mark[] = [
      [8, 9],
      [1, 2],
    ];
    expect(mergeMarks(marks)).toEqual([
      [1, 2],
      [8, 9],
    ]);
    expect(marks).toEqual([
      [8, 9],
      [1, 2],
    ]);
    expect(mergeMarks([])).toEqual([]);
  });
});

describe('makeSnippet', () => {
  it('shows 110 units of a paragraph by default', () => {
    expect(SNIPPET_LENGTH).toBe(110);
  });

  describe('a short paragraph', () => {
    it('is shown whole, with the marks of all the terms merged and sorted', () => {
      // 中国科学 (5–9) and 科学院 (7–10) overlap: one mark.
      const s = makeSnippet(OPENING, termMarks(OPENING, '量子科技', '中国科学', '科学院'));
      expect(s.text).toBe(OPENING);
      expect(render(s)).toBe(
        '开幕式上，【中国科学院】院士、【中国科学】技术大学教授潘建伟获评2025腾冲科学大奖，表彰其在【量子科技】领域的突破性贡献。',
      );
      expect(s.marks).toEqual([
        [5, 10],
        [13, 17],
        [43, 47],
      ]);
    });

    it('is shown whole when it is exactly as long as a snippet', () => {
      const text = WANG.slice(0, 110);
      expect(snippetFor(text, ['人民政协'])).toBe(
        '王沪宁表示，2024年是中华人民共和国成立75周年，是实现“十四五”规划目标任务的关键一年，也是【人民政协】成立75周年。【人民政协】要坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻中共二十大和二十届二中全会精神，坚持党',
      );
    });

    it('is shown whole with no marks at all', () => {
      expect(makeSnippet(OPENING, [])).toEqual({ text: OPENING, marks: [] });
      expect(makeSnippet('', [[]])).toEqual({ text: '', marks: [] });
    });
  });

  describe('no marks', () => {
    it('starts at the beginning of the paragraph', () => {
      const expected = { text: `${WANG.slice(0, 110)}…`, marks: [] };
      expect(makeSnippet(WANG, [])).toEqual(expected);
      expect(makeSnippet(WANG, [[], []])).toEqual(expected);
    });
  });

  describe('one term', () => {
    it('shows its first mark with 24 units of lead-in, and one more to start with a word (…开展, not …展)', () => {
      const s = makeSnippet(REFORM, termMarks(REFORM, '人财物'));
      expect(s.text).toBe(`…${REFORM.slice(129 - 25, 129 - 24 + 110)}…`);
      expect(render(s)).toBe(
        '…开展减轻科研人员负担专项行动，到赋予科研人员更大的【人财物】支配权和学术自主权，新时代以来，一系列科技体制改革举措密集落地，剑指一个个阻碍科技创新的障碍，极大释放了创新引擎的动能。接下来，我们既要完善人才培养、引进、使用、合理…',
      );
      expect(s.marks).toEqual([[26, 29]]);
    });

    it('shows the other marks of the term that fit in the window', () => {
      expect(snippetFor(TENGCHONG, ['腾冲'])).toBe(
        '…昆明12月6日电（记者胡了然 王安浩伟）2025【腾冲】科学论坛12月6日在云南省【腾冲】市开幕，包括诺贝尔物理学奖获得者康斯坦丁·诺沃肖洛夫等国际顶尖学者，以及120余位院士、70余位国内外大学校长在内的千余位专家学者和企业家…',
      );
    });

    it('starts at the beginning of the paragraph when the first mark is near it', () => {
      // 科技创新 at 3 and 50 (171 is out of reach): a lead-in of 3 units, then the rest.
      expect(snippetFor(REFORM, ['科技创新'])).toBe(
        '如果把【科技创新】比作我国发展的新引擎，那么改革就是点燃这个新引擎必不可少的点火系。习近平总书记指出：“【科技创新】、制度创新要协同发挥作用，两个轮子一起转。”从破除“四唯”，到推进创新攻关的“揭榜挂帅”体制机制，从开展减轻科研…',
      );
    });

    it('prefers the window with the most marked characters, even a later one', () => {
      // 腾冲 once at 8, twice (152, 167) in the second paragraph.
      const text = TENGCHONG_PRIZE + TENGCHONG;
      expect(snippetFor(text, ['腾冲'])).toBe(
        '…昆明12月6日电（记者胡了然 王安浩伟）2025【腾冲】科学论坛12月6日在云南省【腾冲】市开幕，包括诺贝尔物理学奖获得者康斯坦丁·诺沃肖洛夫等国际顶尖学者，以及120余位院士、70余位国内外大学校长在内的千余位专家学者和企业家…',
      );
    });

    it('takes the earliest of equally good windows', () => {
      // 赵乐际 at 0 and at 109, too far apart for one window.
      const s = makeSnippet(ZHAO, termMarks(ZHAO, '赵乐际'));
      expect(s.text.startsWith('赵乐际指出')).toBe(true);
      expect(s.marks[0]).toEqual([0, 3]);
    });
  });

  describe('the start of a sentence', () => {
    it('starts just after the end of a sentence in the lead-in', () => {
      // The lead-in would be 「75周年。人民政协要坚持以」: the snippet starts at 人民政协.
      expect(snippetFor(WANG, ['习近平新时代'])).toBe(
        '…人民政协要坚持以【习近平新时代】中国特色社会主义思想为指导，全面贯彻中共二十大和二十届二中全会精神，坚持党的领导、统一战线、协商民主有机结合，紧紧围绕推进中国式现代化履职尽责，推进思想政治引领，积极建言资政，广泛凝聚共识，加强…',
      );
    });

    it('skips a closing quote after the end of a sentence', () => {
      expect(snippetFor(REFORM, ['四唯'])).toBe(
        '…从破除“【四唯】”，到推进创新攻关的“揭榜挂帅”体制机制，从开展减轻科研人员负担专项行动，到赋予科研人员更大的人财物支配权和学术自主权，新时代以来，一系列科技体制改革举措密集落地，剑指一个个阻碍科技创新的障碍，极大释放了创新…',
      );
    });

    it('keeps the whole lead-in when it holds no end of a sentence', () => {
      expect(snippetFor(REFORM, ['点火系', '揭榜挂帅'])).toBe(
        '…发展的新引擎，那么改革就是点燃这个新引擎必不可少的【点火系】。习近平总书记指出：“科技创新、制度创新要协同发挥作用，两个轮子一起转。”从破除“四唯”，到推进创新攻关的“【揭榜挂帅】”体制机制，从开展减轻科研人员负担专项行动，到赋予…',
      );
    });
  });

  describe('several terms', () => {
    it('shows both AI and 腾冲, shortening the lead-in to keep AI in', () => {
      // Before, the window started 24 units before the first 腾冲 and ended before AI.
      const s = makeSnippet(TENGCHONG, termMarks(TENGCHONG, 'AI', '腾冲'));
      expect(render(s)).toBe(
        '…了然 王安浩伟）2025【腾冲】科学论坛12月6日在云南省【腾冲】市开幕，包括诺贝尔物理学奖获得者康斯坦丁·诺沃肖洛夫等国际顶尖学者，以及120余位院士、70余位国内外大学校长在内的千余位专家学者和企业家代表齐聚，以“科学·【AI】…',
      );
      expect(markedText(s)).toEqual(['腾冲', '腾冲', 'AI']);
      expect(s.text.length).toBe(112);
    });

    it('moves past the first mark to a later window that holds both terms', () => {
      // 人民政协 at 48 and 59, 凝聚共识 at 163: only a window from 59 holds both.
      const s = makeSnippet(WANG, termMarks(WANG, '人民政协', '凝聚共识'));
      expect(render(s)).toBe(
        '…【人民政协】要坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻中共二十大和二十届二中全会精神，坚持党的领导、统一战线、协商民主有机结合，紧紧围绕推进中国式现代化履职尽责，推进思想政治引领，积极建言资政，广泛【凝聚共识】，加强…',
      );
      expect(markedText(s)).toEqual(['人民政协', '凝聚共识']);
    });

    it('passes over a lone early mark for the window with both terms', () => {
      // 腾冲 at 8, 152 and 167; AI only at 248.
      const text = TENGCHONG_PRIZE + TENGCHONG;
      const s = makeSnippet(text, termMarks(text, 'AI', '腾冲'));
      expect(markedText(s)).toEqual(['腾冲', '腾冲', 'AI']);
      expect(s.text.startsWith('…了然 王安浩伟）2025')).toBe(true);
    });

    it('prefers more terms to more marked characters', () => {
      // From the first 75周年: both of them (10 units), one term; from the second: 75周年 and 履职尽责.
      expect(snippetFor(WANG, ['75周年', '履职尽责'])).toBe(
        '…规划目标任务的关键一年，也是人民政协成立【75周年】。人民政协要坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻中共二十大和二十届二中全会精神，坚持党的领导、统一战线、协商民主有机结合，紧紧围绕推进中国式现代化【履职尽责】…',
      );
    });

    it('prefers more marked characters when no window holds every term', () => {
      // 新质生产力 (288–293) is too far from every 科技创新 (the last at 171) for one window: the
      // window with two 科技创新 wins, as for 科技创新 alone.
      expect(snippetFor(REFORM, ['科技创新', '新质生产力'])).toBe(snippetFor(REFORM, ['科技创新']));
    });

    it('shows terms too far apart for one window in two passages, when asked (the engine asks)', () => {
      // 新质生产力 (288–293) is too far from every 科技创新 for one window: half a window for each.
      const s = makeSnippet(REFORM, termMarks(REFORM, '科技创新', '新质生产力'), undefined, true);
      expect(new Set(markedText(s))).toEqual(new Set(['科技创新', '新质生产力']));
      // In the text's order, one ellipsis between them, and about as long as one window.
      expect(s.text.indexOf('科技创新')).toBeLessThan(s.text.indexOf('新质生产力'));
      expect(s.text.split('…').length - 1).toBeLessThanOrEqual(3);
      expect(s.text).not.toContain('……');
      expect(s.text.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2 * 20 + 3);
      // Each passage is the text's own.
      for (const part of s.text.split('…').filter(Boolean)) expect(REFORM).toContain(part);
      // Terms one window holds: one passage, as without asking.
      expect(makeSnippet(WANG, termMarks(WANG, '人民政协', '中国式现代化'), undefined, true)).toEqual(makeSnippet(WANG, termMarks(WANG, '人民政协', '中国式现代化')));
    });

    it('ends the window at the last mark it holds when the lead-in takes the rest', () => {
      // 人民政协 at 48 to 中国式现代化 ending at 140: 92 units, so a lead-in of 18.
      expect(snippetFor(WANG, ['人民政协', '中国式现代化'])).toBe(
        '…十四五”规划目标任务的关键一年，也是【人民政协】成立75周年。【人民政协】要坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻中共二十大和二十届二中全会精神，坚持党的领导、统一战线、协商民主有机结合，紧紧围绕推进【中国式现代化】…',
      );
    });

    it('counts a term whose marks overlap another term’s', () => {
      // 雪龙 and 雪龙2号 mark the same place: one mark, two terms.
      // The windows from 科技创新 at 50 and from 雪龙2号 at 150 hold all three terms: the earlier
      // wins, its lead-in cut to 6 units to keep 雪龙2号 in.
      const text = `${REFORM.slice(0, 150)}雪龙2号${REFORM.slice(150)}`;
      const s = makeSnippet(text, termMarks(text, '雪龙', '雪龙2号', '科技创新'));
      expect(markedText(s)).toEqual(['科技创新', '雪龙2号']);
      expect(s.text).toBe(`…${text.slice(43, 154)}…`);
      expect(render(s)).toBe(
        '…总书记指出：“【科技创新】、制度创新要协同发挥作用，两个轮子一起转。”从破除“四唯”，到推进创新攻关的“揭榜挂帅”体制机制，从开展减轻科研人员负担专项行动，到赋予科研人员更大的人财物支配权和学术自主权，新时代以来，一系【雪龙2号】…',
      );
    });
  });

  describe('the end of the paragraph', () => {
    it('shifts the window back so that it is full', () => {
      const s = makeSnippet(WANG, termMarks(WANG, '智慧和力量'));
      expect(s.text).toBe(`…${WANG.slice(WANG.length - 111)}`);
      expect(render(s)).toBe(
        '…全面贯彻中共二十大和二十届二中全会精神，坚持党的领导、统一战线、协商民主有机结合，紧紧围绕推进中国式现代化履职尽责，推进思想政治引领，积极建言资政，广泛凝聚共识，加强自身建设，为实现全年经济社会发展目标任务汇聚【智慧和力量】。',
      );
    });

    it('shows the marks the shifted window takes in', () => {
      expect(snippetFor(TENGCHONG, ['人工智能', 'AI'])).toBe(
        '…包括诺贝尔物理学奖获得者康斯坦丁·诺沃肖洛夫等国际顶尖学者，以及120余位院士、70余位国内外大学校长在内的千余位专家学者和企业家代表齐聚，以“科学·【AI】改变世界”为主题，共话【人工智能】、量子科技等前沿领域与产业融合路径。',
      );
    });
  });

  describe('a mark across an end of the window', () => {
    it('stretches the end to take in a mark it would cut (not 【赵】)', () => {
      // The window [0, 110) ends inside the second 赵乐际 (109–112): it ends at 112 instead.
      const s = makeSnippet(ZHAO, termMarks(ZHAO, '赵乐际'));
      expect(render(s)).toBe(
        '【赵乐际】指出，团结奋斗是中国人民创造历史伟业的必由之路。让我们更加紧密地团结在以习近平同志为核心的党中央周围，万众一心，拼搏奋进，为以中国式现代化全面推进强国建设、民族复兴伟业而不懈奋斗。（讲话全文另发）下午3时31分，【赵乐际】…',
      );
      expect(s.text).toBe(`${ZHAO.slice(0, 112)}…`);
      expect(markedText(s)).toEqual(['赵乐际', '赵乐际']);
    });

    it('ends the window before a mark too long to take in', () => {
      // A long mark (a near miss may mark a whole stretch) from 坚持党的领导 to 为实现 (107–178), in
      // no window with another term: the window [24, 134) would leave 44 of its units out, so it
      // ends at 107 (and starts at 23, with the word 周年).
      const long: Mark = [WANG.indexOf('坚持党的领导'), WANG.indexOf('为实现全年') + 3];
      const s = makeSnippet(WANG, [...termMarks(WANG, '人民政协', '习近平'), [long]]);
      expect(s.text).toBe(`…${WANG.slice(23, 107)}…`);
      expect(render(s)).toBe(
        '…周年，是实现“十四五”规划目标任务的关键一年，也是【人民政协】成立75周年。【人民政协】要坚持以【习近平】新时代中国特色社会主义思想为指导，全面贯彻中共二十大和二十届二中全会精神，…',
      );
    });

    it('stretches the start to take in a mark it would cut', () => {
      // A window of 109 units shifted back to the end starts at 89, inside 全面贯彻 (87–91).
      const s = makeSnippet(WANG, termMarks(WANG, '智慧和力量', '全面贯彻'), 109);
      expect(s.text).toBe(`…${WANG.slice(87)}`);
      expect(render(s)).toBe(
        '…【全面贯彻】中共二十大和二十届二中全会精神，坚持党的领导、统一战线、协商民主有机结合，紧紧围绕推进中国式现代化履职尽责，推进思想政治引领，积极建言资政，广泛凝聚共识，加强自身建设，为实现全年经济社会发展目标任务汇聚【智慧和力量】。',
      );
    });

    it('starts the window after a mark too long to take in', () => {
      // A long mark from 人民政协要 to 全面贯彻 (59–91); the window shifted back starts at 88.
      const long: Mark = [WANG.indexOf('人民政协要'), WANG.indexOf('全面贯彻') + 4];
      const s = makeSnippet(WANG, [...termMarks(WANG, '汇聚', '智慧和力量'), [long]]);
      expect(s.text).toBe(`…${WANG.slice(91)}`);
      expect(render(s)).toBe(
        '…中共二十大和二十届二中全会精神，坚持党的领导、统一战线、协商民主有机结合，紧紧围绕推进中国式现代化履职尽责，推进思想政治引领，积极建言资政，广泛凝聚共识，加强自身建设，为实现全年经济社会发展目标任务【汇聚智慧和力量】。',
      );
    });

    it('cuts only a mark longer than the snippet itself', () => {
      const s = makeSnippet(REFORM, [[[10, 200]]]);
      expect(s.text).toBe(`…${REFORM.slice(10, 120)}…`);
      expect(s.marks).toEqual([[1, 111]]);
    });

    it('never shows part of a mark, and shows as many terms as any window', () => {
      const next = random(7);
      for (let round = 0; round < 300; round++) {
        const terms: Mark[][] = [[], [], []];
        const count = Math.floor(next() * 12);
        for (let i = 0; i < count; i++) {
          const start = Math.floor(next() * REFORM.length);
          const end = Math.min(REFORM.length, start + 1 + Math.floor(next() * 30));
          terms[Math.floor(next() * 3)]!.push([start, end]);
        }
        const s = makeSnippet(REFORM, terms);
        const [start, end] = placed(REFORM, s);
        expect(s.text.startsWith('…'), `round ${round}`).toBe(start > 0);
        expect(s.text.endsWith('…'), `round ${round}`).toBe(end < REFORM.length);
        expect(end - start, `round ${round}`).toBeLessThanOrEqual(SNIPPET_LENGTH + 20);
        expect(wholeMarks(REFORM, terms, s), `round ${round}`).toBe(true);
        let most = 0;
        for (let w = 0; w + SNIPPET_LENGTH <= REFORM.length; w++) {
          most = Math.max(most, termsIn(REFORM, terms, w, w + SNIPPET_LENGTH));
        }
        expect(termsShown(REFORM, terms, s), `round ${round}`).toBe(most);
      }
    });
  });

  describe('Latin words and numbers', () => {
    const ENGLISH =
      "QINLING STATION, Antarctica, March 7 (Xinhua) (Reporter Zhou Yuan) — On the 7th, Beijing time, the Xuelong 2, which is carrying out China's 40th Antarctic expedition, left China's Qinling Station in Antarctica on its return voyage to China.";

    it('are not cut at either end: one across an end is taken in whole', () => {
      const s = makeSnippet(ENGLISH, termMarks(ENGLISH, 'Antarctic'));
      const inner = s.text.replace(/^…|…$/gu, '');
      // Each end of the passage is at a word's edge in the paragraph.
      const at = ENGLISH.indexOf(inner);
      expect(at).toBeGreaterThan(0);
      expect(/[A-Za-z']/u.test(ENGLISH[at - 1]!) && /[A-Za-z']/u.test(ENGLISH[at]!), s.text).toBe(false);
      const end = at + inner.length;
      expect(/[A-Za-z']/u.test(ENGLISH[end - 1]!) && /[A-Za-z']/u.test(ENGLISH[end]!), s.text).toBe(false);
      expect(render(s)).toBe("…carrying out China's 40th 【Antarctic】 expedition, left China's Qinling Station in 【Antarctic】a on its return voyage…");
    });

    it('keeps a number whole at a cut end (…129.9%, not …29.9%)', () => {
      // The lead-in (24 before 出口) would start at the 2 of 129.9.
      const text = `${'这'.repeat(60)}增长129.9%，${'那'.repeat(18)}出口${'的'.repeat(100)}`;
      const s = makeSnippet(text, termMarks(text, '出口'));
      expect(s.text.startsWith('…129.9%，那')).toBe(true);
    });

    it('keeps a date or a time whole at a cut end (…2024-03-12, not …2024-03-…)', () => {
      // The window (出口 at 96, a lead-in of 24, 110 long) would end at 182, inside the date at 178.
      const text = `${'的'.repeat(96)}出口${'地'.repeat(80)}2024-03-12${'的'.repeat(30)}`;
      const s = makeSnippet(text, termMarks(text, '出口'));
      expect(s.text.endsWith('2024-03-12…')).toBe(true);
    });

    it('keeps a figure with its unit at a cut end (…3月11日电, not …月11日电)', () => {
      // The lead-in (24 before 出口) would start at the 月 of 3月11日.
      const text = `${'这'.repeat(60)}北京3月11日电${'那'.repeat(19)}出口${'的'.repeat(100)}`;
      const s = makeSnippet(text, termMarks(text, '出口'));
      expect(s.text.startsWith('…3月11日电')).toBe(true);
    });

    it('leaves out a word too long to take in', () => {
      const word = 'x'.repeat(40);
      const text = `${word} ${'的'.repeat(30)}出口${'的'.repeat(100)}`;
      const s = makeSnippet(text, termMarks(text, '出口'));
      expect(s.text.startsWith('…的')).toBe(true);
    });
  });

  describe('Chinese words (as the word breaker reads them)', () => {
    it('finds the word an end falls inside, and none between two words or outside Chinese text', () => {
      expect(hanWordAcross('推动经济发展', 3)).toEqual([2, 4]);
      expect(hanWordAcross('推动经济发展', 2)).toBeUndefined();
      expect(hanWordAcross('推动经济发展', 0)).toBeUndefined();
      expect(hanWordAcross('Xuelong 2', 3)).toBeUndefined();
      expect(hanWordAcross('增长5.2%左右', 3)).toBeUndefined();
    });

    it('are not cut at an end: one across it is taken in whole (…布宜诺斯, 共和国…)', () => {
      // The lead-in (24 before 出口 at 100) would start at the 宜 of 布宜诺斯 (75–79).
      const lead = `${'的'.repeat(75)}布宜诺斯${'的'.repeat(21)}出口${'的'.repeat(100)}`;
      expect(makeSnippet(lead, termMarks(lead, '出口')).text.startsWith('…布宜诺斯的')).toBe(true);
      // The window [0, 110) would end after the 共 of 共和国 (109–112).
      const tail = `出口${'的'.repeat(107)}共和国${'的'.repeat(50)}`;
      const s = makeSnippet(tail, termMarks(tail, '出口'));
      expect(s.text.endsWith('的共和国…')).toBe(true);
      expect(s.text.length).toBe(113);
    });

    it('are looked for only with `wordAt` (the engine passes it once the word breaker is made)', () => {
      const marks = termMarks(REFORM, '人财物');
      expect(snippetOf(REFORM, marks).text.startsWith('…展减轻')).toBe(true);
      expect(snippetOf(REFORM, marks, undefined, false, hanWordAcross).text.startsWith('…开展减轻')).toBe(true);
    });

    it('leaves out a word too long to take in (…的, not …河 of 密西西比河)', () => {
      // The lead-in (24 before 出口 at 98) would start at the 河 of 密西西比河 (70–75).
      const text = `${'的'.repeat(70)}密西西比河${'的'.repeat(23)}出口${'的'.repeat(100)}`;
      const s = makeSnippet(text, termMarks(text, '出口'));
      expect(s.text.startsWith('…的的')).toBe(true);
      expect(s.text).not.toContain('河');
    });
  });

  describe('surrogate pairs', () => {
    it('does not end inside a pair', () => {
      // 𠀀 (U+20000) takes units 109 and 110: the window ends after it.
      const text = `${WANG.slice(0, 109)}𠀀${WANG.slice(109)}`;
      const s = makeSnippet(text, []);
      expect(s.text).toBe(`${text.slice(0, 111)}…`);
      expect(s.text.endsWith('坚持𠀀…')).toBe(true);
    });

    it('does not start inside a pair', () => {
      // 人财物 at 131: the lead-in would start at 107, the second unit of 𠀀 (106–108).
      const text = `${REFORM.slice(0, 106)}𠀀${REFORM.slice(106)}`;
      const s = makeSnippet(text, termMarks(text, '人财物'));
      expect(s.text).toBe(`…${text.slice(106, 217)}…`);
      expect(render(s)).toBe(
        '…𠀀减轻科研人员负担专项行动，到赋予科研人员更大的【人财物】支配权和学术自主权，新时代以来，一系列科技体制改革举措密集落地，剑指一个个阻碍科技创新的障碍，极大释放了创新引擎的动能。接下来，我们既要完善人才培养、引进、使用、合理…',
      );
    });

    it('marks a character outside the Basic Multilingual Plane whole', () => {
      const text = `${REFORM.slice(0, 106)}𠀀${REFORM.slice(106)}`;
      const s = makeSnippet(text, termMarks(text, '𠀀'));
      expect(markedText(s)).toEqual(['𠀀']);
      // (Ending with the word 动能, not 动.)
      expect(s.text).toBe(`…${text.slice(106 - 24, 106 - 24 + 111)}…`);
    });

    it('shows a short text with pairs whole', () => {
      const text = '“𠀀”是扩展B区的第一个字，“𠮷”常见于日本的店名。';
      const s = makeSnippet(text, [occurrences(text, '𠀀'), occurrences(text, '𠮷')]);
      expect(render(s)).toBe('“【𠀀】”是扩展B区的第一个字，“【𠮷】”常见于日本的店名。');
    });
  });

  describe('unusual marks', () => {
    it('ignores empty marks and keeps marks within the text', () => {
      const s = makeSnippet(REFORM, [
        [
          [50, 50],
          [-5, 2],
        ],
        [[290, 400]],
      ]);
      // [-5, 2) is [0, 2); [290, 400) is [290, 298), the longer: no window holds both.
      expect(render(s)).toBe(`…${REFORM.slice(188, 290)}【生产力加快发展。】`);
      expect(render(makeSnippet(REFORM, [[[-5, 2]], [[40, 40]]]))).toBe(`【如果】${REFORM.slice(2, 110)}…`);
    });

    it('takes the marks of a term in any order', () => {
      const marks = occurrences(WANG, '人民政协').reverse();
      const other = occurrences(WANG, '凝聚共识');
      expect(render(makeSnippet(WANG, [marks, other]))).toBe(snippetFor(WANG, ['人民政协', '凝聚共识']));
    });
  });

  describe('many marks', () => {
    it('finds the one window with every term among hundreds of marks', () => {
      // The paragraph fifteen times: 人民政协 (30 marks), 中国式现代化 and 凝聚共识 (15 each); the
      // first window from the second 人民政协 holds all three.
      const text = WANG.repeat(15);
      const marks = termMarks(text, '人民政协', '中国式现代化', '凝聚共识', '的');
      expect(marks.map((m) => m.length)).toEqual([30, 15, 15, 30]);
      const s = makeSnippet(text, marks.slice(0, 3));
      expect(render(s)).toBe(
        '…【人民政协】要坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻中共二十大和二十届二中全会精神，坚持党的领导、统一战线、协商民主有机结合，紧紧围绕推进【中国式现代化】履职尽责，推进思想政治引领，积极建言资政，广泛【凝聚共识】，加强…',
      );
      // With 的 (at 40 and 110 of each paragraph) too: the same window, which holds all four.
      expect(render(makeSnippet(text, marks))).toBe(
        '…【人民政协】要坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻中共二十大和二十届二中全会精神，坚持党【的】领导、统一战线、协商民主有机结合，紧紧围绕推进【中国式现代化】履职尽责，推进思想政治引领，积极建言资政，广泛【凝聚共识】，加强…',
      );
    });

    it('shows every term of a long paragraph with hundreds of marks', () => {
      // Twelve copies of a paragraph (3,576 units), six terms, 288 marks; 科技 and 创新 touch
      // in 科技创新 (one mark). The window across the end of one copy and the start of the next
      // holds all six.
      const text = REFORM.repeat(12);
      const marks = termMarks(text, '创新', '的', '人才', '新质生产力', '发展', '科技');
      expect(marks.flat()).toHaveLength(288);
      const s = makeSnippet(text, marks);
      expect(render(s)).toBe(
        '…要素参与收入分配机制，更好体现知识、技术、【人才的】市场价值，多措并举，深化改革，推动【新质生产力】加快【发展】。如果把【科技创新】比作我国【发展的】新引擎，那么改革就是点燃这个新引擎必不可少【的】点火系。习近平总书记指出：“【科技创新】、制度【创新】…',
      );
      expect(termsShown(text, marks, s)).toBe(6);
    });

    it('handles thousands of marks', () => {
      // 40 copies of the paragraph (11,920 units) and 1,320 marks, 新 overlapping 创新.
      const text = REFORM.repeat(40);
      const marks = termMarks(text, '新', '的', '创新', '人才', '发展', '科技');
      expect(marks.flat()).toHaveLength(1320);
      const s = makeSnippet(text, marks);
      expect(s.text.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 20 + 2);
      expect(termsShown(text, marks, s)).toBe(6);
      expect(wholeMarks(text, marks, s)).toBe(true);
    });
  });
});
