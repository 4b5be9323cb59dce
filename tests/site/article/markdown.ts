/**
 * The site's Markdown pipeline (as configured in astro.config.ts) for tests: Astro's unified
 * renderer with remark-cjk-friendly and the paragraph-id plugin, no smartypants or highlighting.
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { fromHtml } from 'hast-util-from-html';
import remarkCjkFriendly from 'remark-cjk-friendly';
import rehypeParagraphIds from '../../../src/lib/rehype-paragraph-ids.ts';

const processor = createMarkdownProcessor({
  remarkPlugins: [remarkCjkFriendly],
  rehypePlugins: [rehypeParagraphIds],
  smartypants: false,
  syntaxHighlight: false,
});

/** Render a Markdown body as the site does. */
export async function renderMarkdown(markdown: string): Promise<string> {
  return (await (await processor).render(markdown)).code;
}

/** The ids of the top-level paragraphs of rendered HTML, in order. */
export function paragraphIdsIn(html: string): string[] {
  return fromHtml(html, { fragment: true })
    .children.filter((n) => n.type === 'element' && n.tagName === 'p')
    .map((n) => String((n as { properties: { id?: unknown } }).properties.id));
}
