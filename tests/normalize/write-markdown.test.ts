import { describe, expect, it } from 'vitest';
import { writeMarkdown, phrasing } from '../../scripts/normalize/write-markdown.ts';
import { slugFor } from '../../scripts/normalize/slug.ts';
import type { Article } from '../../scripts/normalize/types.ts';

const article = (body: Article['body'], meta: Partial<Article['meta']> = {}): Article => ({
  slug: 's',
  meta: { title: '标题', titleSource: 'printed', kind: 'news', ...meta },
  body,
  sources: [{ file: '000.txt', lines: [[3, 9]], role: 'primary' }],
});

describe('writeMarkdown', () => {
  it('writes frontmatter in a fixed order and one paragraph per line', () => {
    expect(writeMarkdown(article([{ kind: 'paragraph', text: '第一段。' }, { kind: 'heading', text: '小标题' }, { kind: 'paragraph', text: '第二段。' }], { date: '2024-03-06', page: '01', byline: '新华社记者 张三' }))).toBe(
      [
        '---',
        'title: "标题"',
        'titleSource: printed',
        'byline: "新华社记者 张三"',
        'date: "2024-03-06"',
        'page: "01"',
        'kind: news',
        'sources:',
        '  - file: "000.txt"',
        '    lines: [[3,9]]',
        '    role: primary',
        '---',
        '',
        '第一段。',
        '',
        '## 小标题',
        '',
        '第二段。',
        '',
      ].join('\n'),
    );
  });

  it('escapes text that looks like Markdown or HTML so it shows as text', () => {
    const md = writeMarkdown(article([{ kind: 'paragraph', text: '# 不是标题 *重要* <script>alert(1)</script> [链接](x)' }]));
    const body = md.split('---\n\n')[1] ?? '';
    expect(body).toContain('\\# 不是标题');
    expect(body).toContain('\\*重要\\*');
    expect(body).toContain('\\<script>');
    expect(body).toContain('\\[链接]');
  });

  it('keeps bold printed in the source as bold', () => {
    expect(phrasing('——**科技创新实现新的突破**。')).toEqual([
      { type: 'text', value: '——' },
      { type: 'strong', children: [{ type: 'text', value: '科技创新实现新的突破' }] },
      { type: 'text', value: '。' },
    ]);
  });

  it('quotes titles with YAML-significant characters safely', () => {
    expect(writeMarkdown(article([], { title: '法国总统马克龙: "法中" #1' }))).toContain('title: "法国总统马克龙: \\"法中\\" #1"');
  });
});

describe('slugFor', () => {
  it('gives a stable ASCII slug from date, pinyin and a hash', () => {
    const slug = slugFor('为高质量发展注入强劲推动力支撑力', '2024-03-06');
    expect(slug).toMatch(/^2024-03-06-wei-gao-zhi-liang-fa-zhan-[0-9a-f]{6}$/u);
    expect(slugFor('为高质量发展注入强劲推动力支撑力', '2024-03-06')).toBe(slug);
    expect(slugFor('攀高逐“新”“质”胜未来', undefined)).toMatch(/^undated-pan-gao-zhu-xin-zhi-sheng-[0-9a-f]{6}$/u);
    expect(slugFor('2025腾冲科学论坛', '2025-12-06')).toMatch(/^[a-z0-9-]+$/u);
  });
});
