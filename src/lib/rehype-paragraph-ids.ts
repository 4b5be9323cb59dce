/**
 * A rehype plugin that gives an article body's blocks the stable ids readers link to:
 * every top-level `<p>` gets `id="p-xxxxxx"` and `class="para"`, every top-level `<h2>`
 * `id="h-xxxxxx"` (the same scheme over the headings' own texts, so the table of contents can
 * point at them). Ids come from `paragraphIds` in `paragraph-id.ts`, the one place they are
 * made, so the translation files and the export script agree with the page.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { paragraphIds } from './paragraph-id.ts';

/**
 * The text a reader sees in a hast node: its text nodes joined, nothing else.
 * Shared with the code that splits rendered HTML into blocks, so both read the same text.
 */
export function hastText(node: Root | RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => hastText(child)).join('');
  return '';
}

function isElement(node: RootContent, tagName: string): node is Element {
  return node.type === 'element' && node.tagName === tagName;
}

/** Add `value` to an element's class list, keeping the classes it has. */
function addClass(element: Element, value: string): void {
  const current = element.properties.className;
  const list = Array.isArray(current) ? current.map(String) : current == null ? [] : String(current).split(/\s+/u).filter(Boolean);
  if (!list.includes(value)) list.push(value);
  element.properties.className = list;
}

/** The plugin; register it in `markdown.processor: unified({ rehypePlugins: [rehypeParagraphIds] })`. */
export default function rehypeParagraphIds() {
  return (tree: Root): void => {
    const paragraphs = tree.children.filter((node) => isElement(node, 'p'));
    const headings = tree.children.filter((node) => isElement(node, 'h2'));
    paragraphIds(paragraphs.map((p) => hastText(p))).forEach((id, i) => {
      const p = paragraphs[i]!;
      p.properties.id = id;
      addClass(p, 'para');
    });
    paragraphIds(headings.map((h) => hastText(h))).forEach((id, i) => {
      headings[i]!.properties.id = id.replace(/^p-/u, 'h-');
    });
  };
}
