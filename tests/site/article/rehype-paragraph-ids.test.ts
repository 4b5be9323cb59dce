import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { paragraphIds } from '../../../src/lib/paragraph-id.ts';
import rehypeParagraphIds from '../../../src/lib/rehype-paragraph-ids.ts';
import { renderMarkdown } from './markdown.ts';

function run(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  rehypeParagraphIds()(tree);
  return toHtml(tree);
}

describe('rehypeParagraphIds', () => {
  it('gives every top-level paragraph its id from paragraphIds and class "para"', () => {
    const out = run('<p>今天的中国，正向“新”而行。</p><p>各位代表！</p>');
    const [a, b] = paragraphIds(['今天的中国，正向“新”而行。', '各位代表！']);
    expect(a).toMatch(/^p-[0-9a-f]{6}$/u);
    expect(out).toBe(`<p id="${a}" class="para">今天的中国，正向“新”而行。</p><p id="${b}" class="para">各位代表！</p>`);
  });

  it('reads the text inside inline markup, as a reader sees it', () => {
    const out = run('<p><strong>“稳中求进”</strong>工作总基调</p>');
    expect(out).toContain(`id="${paragraphIds(['“稳中求进”工作总基调'])[0]}"`);
  });

  it('numbers a repeated paragraph -2, -3', () => {
    const out = run('<p>各位代表！</p><p>中间。</p><p>各位代表！</p><p>各位代表！</p>');
    const [first] = paragraphIds(['各位代表！']);
    expect(out.match(/id="([^"]+)"/gu)).toEqual([`id="${first}"`, expect.any(String), `id="${first}-2"`, `id="${first}-3"`]);
  });

  it('keeps classes a paragraph already has', () => {
    expect(run('<p class="lead">导语。</p>')).toMatch(/class="lead para"/u);
  });

  it('gives subheads h- ids by the same scheme, numbered on their own', () => {
    const out = run('<h2>加大创新力度</h2><p>加大创新力度</p><h2>加大创新力度</h2>');
    const id = paragraphIds(['加大创新力度'])[0]!.slice(2);
    expect(out).toBe(`<h2 id="h-${id}">加大创新力度</h2><p id="p-${id}" class="para">加大创新力度</p><h2 id="h-${id}-2">加大创新力度</h2>`);
  });

  it('leaves nested paragraphs alone', () => {
    expect(run('<blockquote><p>引文。</p></blockquote>')).toBe('<blockquote><p>引文。</p></blockquote>');
  });

  it('runs in the site Markdown pipeline, and Astro keeps its heading ids', async () => {
    const html = await renderMarkdown('## 小标题\n\n第一段，**加粗**。\n\n第二段\\*。\n');
    const [p1, p2] = paragraphIds(['第一段，加粗。', '第二段*。']);
    expect(html).toContain(`<h2 id="h-${paragraphIds(['小标题'])[0]!.slice(2)}">小标题</h2>`);
    expect(html).toContain(`<p id="${p1}" class="para">第一段，<strong>加粗</strong>。</p>`);
    expect(html).toContain(`<p id="${p2}" class="para">第二段*。</p>`);
  });
});
