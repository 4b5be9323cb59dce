/** The home list's pure helpers: leads, grouping by publication and date, filter choices. */
import { describe, expect, it } from 'vitest';
import { filterChoices, groupArticles, leadOf, NONE } from '../../src/data/listing.ts';

describe('leadOf', () => {
  it('takes the first paragraph and leaves out the dateline given in the frontmatter', () => {
    const body = '新华社北京3月7日电（记者 邹多为 唐诗凝）海关总署7日发布数据。\n\n第二段。\n';
    expect(leadOf(body, { dateline: '新华社北京3月7日电' })).toBe('海关总署7日发布数据。');
  });

  it('leaves out a dateline it recognizes without the frontmatter', () => {
    expect(leadOf('本报北京3月5日电 第十四届全国人民代表大会第二次会议5日上午开幕。')).toBe(
      '第十四届全国人民代表大会第二次会议5日上午开幕。',
    );
  });

  it('keeps a text that only contains 电 somewhere', () => {
    const text = '全球最大综合孔径射电望远镜巡天逐日。';
    expect(leadOf(text)).toBe(text);
  });

  it('skips subheads and reads what a reader sees: no escapes, no bold markers', () => {
    const body = '## 小标题\n\n**“稳中求进”**工作总基调\\*不变。';
    expect(leadOf(body)).toBe('“稳中求进”工作总基调*不变。');
  });

  it('cuts a long paragraph at the limit with an ellipsis, without a dangling comma', () => {
    const text = `${'一'.repeat(9)}，${'二'.repeat(20)}`;
    expect(leadOf(text, { max: 10 })).toBe(`${'一'.repeat(9)}…`);
    expect(leadOf('短句。', { max: 10 })).toBe('短句。');
  });

  it('is empty for an empty body', () => {
    expect(leadOf('')).toBe('');
  });
});

const item = (id: string, publication: string | undefined, date: string | undefined, kind = 'news') => ({ id, publication, date, kind });

describe('groupArticles', () => {
  const items = [
    item('a', '新华社', '2025-12-06'),
    item('b', '人民日报', '2024-03-15', 'commentary'),
    item('c', undefined, '2025-12-07', 'photo'),
    item('d', '新华社', '2025-12-06'),
    item('e', '人民日报', undefined),
    item('f', '新华社', '2024-03-07'),
    item('g', '人民日报', '2024-03-15'),
  ];

  it('orders publications by their newest article, the unknown one last', () => {
    expect(groupArticles(items).map((g) => g.publication)).toEqual(['新华社', '人民日报', undefined]);
  });

  it('groups each publication by date, newest first, undated last, keeping the order within a day', () => {
    const [xinhua, renmin] = groupArticles(items);
    expect(xinhua!.dates.map((d) => [d.date, d.items.map((i) => i.id)])).toEqual([
      ['2025-12-06', ['a', 'd']],
      ['2024-03-07', ['f']],
    ]);
    expect(renmin!.dates.map((d) => d.date)).toEqual(['2024-03-15', undefined]);
    expect(renmin!.count).toBe(3);
  });

  it('groups nothing into nothing', () => {
    expect(groupArticles([])).toEqual([]);
  });
});

describe('filterChoices', () => {
  it('counts publications in list order, kinds by frequency, months newest first, none last', () => {
    const choices = filterChoices([
      item('a', '新华社', '2025-12-06'),
      item('b', '人民日报', '2024-03-15', 'commentary'),
      item('c', undefined, undefined, 'photo'),
      item('d', '新华社', '2024-03-06'),
    ]);
    expect(choices.publications).toEqual([
      { value: '新华社', count: 2 },
      { value: '人民日报', count: 1 },
      { value: NONE, count: 1 },
    ]);
    expect(choices.kinds.map((k) => k.value)).toEqual(['news', 'commentary', 'photo']);
    expect(choices.months).toEqual([
      { value: '2025-12', count: 1 },
      { value: '2024-03', count: 2 },
      { value: NONE, count: 1 },
    ]);
  });
});
