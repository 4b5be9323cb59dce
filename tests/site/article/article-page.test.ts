import { describe, expect, it, vi } from 'vitest';

// Only the pure helpers are under test: no content collection, no build report.
vi.mock('astro:content', () => ({ getCollection: vi.fn() }));
vi.mock('../../../src/data/report.ts', () => ({ buildReport: () => ({ articles: [], dropped: [] }) }));

const { articleJsonLd, blocksFromHtml, countCharacters, readingMinutes } = await import('../../../src/data/article-page.ts');
type ArticlePageData = import('../../../src/data/article-page.ts').ArticlePageData;

describe('blocksFromHtml', () => {
  it('splits rendered HTML into subheads and numbered paragraphs with their ids', () => {
    const html = '<p id="p-aaaaaa" class="para">第一段，<strong>加粗</strong>。</p>\n<h2 id="h-bbbbbb">小标题</h2>\n<p id="p-cccccc" class="para">第二段 &amp; 更多。</p>';
    expect(blocksFromHtml(html, 'x')).toEqual([
      { kind: 'paragraph', id: 'p-aaaaaa', n: 1, html: '第一段，<strong>加粗</strong>。', text: '第一段，加粗。' },
      { kind: 'heading', id: 'h-bbbbbb', html: '小标题', text: '小标题' },
      { kind: 'paragraph', id: 'p-cccccc', n: 2, html: '第二段 &#x26; 更多。', text: '第二段 & 更多。' },
    ]);
  });

  it('fails on anything else, so no text is silently lost', () => {
    expect(() => blocksFromHtml('<ul><li>一</li></ul>', 'a-1')).toThrowError('article "a-1": unexpected <ul>');
    expect(() => blocksFromHtml('<p>无编号</p>', 'a-1')).toThrowError(/unexpected <p>/u);
  });
});

describe('reading time', () => {
  it('counts Chinese characters, letters and digits, not punctuation or spaces', () => {
    expect(countCharacters('雪龙2号，GDP 增长。')).toBe(9);
  });

  it('reads about 400 characters a minute, at least one minute', () => {
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(1000)).toBe(3);
    expect(readingMinutes(2400)).toBe(6);
  });
});

describe('articleJsonLd', () => {
  const page = (data: Record<string, unknown>): ArticlePageData =>
    ({ article: { id: 'a-1', data: { title: '标题', kind: 'news', sources: [], ...data } }, excerpt: '开头。' }) as unknown as ArticlePageData;

  it('describes a NewsArticle with the people a reporter byline names', () => {
    const ld = articleJsonLd(page({ byline: '新华社记者 董瑞丰 温竞华', publication: '人民日报', date: '2024-03-06' }), 'https://example.org/articles/a-1/');
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: '标题',
      datePublished: '2024-03-06',
      author: [
        { '@type': 'Person', name: '董瑞丰' },
        { '@type': 'Person', name: '温竞华' },
      ],
      publisher: { '@type': 'Organization', name: '人民日报' },
      inLanguage: 'zh-Hans',
      isAccessibleForFree: true,
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://example.org/articles/a-1/' },
    });
  });

  it('keeps any other byline whole, and falls back to the agency', () => {
    expect(articleJsonLd(page({ byline: '国务院总理 李强' }), 'u').author).toEqual({ '@type': 'Person', name: '国务院总理 李强' });
    expect(articleJsonLd(page({ agency: '新华社' }), 'u').author).toEqual({ '@type': 'Organization', name: '新华社' });
  });
});
