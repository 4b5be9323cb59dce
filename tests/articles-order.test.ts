import { describe, expect, it } from 'vitest';
import { compareArticles, sortArticles, withNeighbours, type Sortable } from '../src/data/order.ts';

const a = (id: string, title: string, date?: string): Sortable => ({ id, data: { title, date } });

describe('article order', () => {
  it('puts newer dates first, undated last, then title, then id', () => {
    const items = [
      a('u', '无日期'),
      a('old', '旧闻', '2023-12-31'),
      a('b', '乙', '2024-03-06'),
      a('a2', '甲', '2024-03-06'),
      a('a1', '甲', '2024-03-06'),
      a('new', '新闻', '2024-03-07'),
    ];
    expect(sortArticles(items).map((x) => x.id)).toEqual(['new', 'a1', 'a2', 'b', 'old', 'u']);
  });

  it('is a total order (sorting is independent of input order)', () => {
    const items = [a('x', '同', '2024-01-01'), a('y', '同', '2024-01-01'), a('z', '同')];
    const forward = sortArticles(items).map((x) => x.id);
    const backward = sortArticles([...items].reverse()).map((x) => x.id);
    expect(forward).toEqual(backward);
    expect(compareArticles(items[0]!, items[0]!)).toBe(0);
  });

  it('does not change its input', () => {
    const items = [a('old', '旧', '2020-01-01'), a('new', '新', '2024-01-01')];
    sortArticles(items);
    expect(items.map((x) => x.id)).toEqual(['old', 'new']);
  });

  it('pairs each item with its neighbours', () => {
    const pages = withNeighbours(['a', 'b', 'c']);
    expect(pages).toEqual([
      { item: 'a', prev: undefined, next: 'b' },
      { item: 'b', prev: 'a', next: 'c' },
      { item: 'c', prev: 'b', next: undefined },
    ]);
    expect(withNeighbours([])).toEqual([]);
  });
});
