import type { Root, PhrasingContent, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Article } from './types.ts';

/** YAML scalar: JSON strings are valid YAML and need no escaping rules of our own. */
const scalar = (v: string): string => JSON.stringify(v);

/** The YAML frontmatter of an article, fields in a fixed order so output is byte-stable. */
export function frontmatter(article: Article): string {
  const m = article.meta;
  const lines = ['---', `title: ${scalar(m.title)}`, `titleSource: ${m.titleSource}`];
  const optional: [string, string | undefined][] = [
    ['subtitle', m.subtitle],
    ['kicker', m.kicker],
    ['byline', m.byline],
    ['agency', m.agency],
    ['publication', m.publication],
    ['date', m.date],
    ['dateline', m.dateline],
    ['page', m.page],
  ];
  for (const [k, v] of optional) if (v !== undefined && v !== '') lines.push(`${k}: ${scalar(v)}`);
  lines.push(`kind: ${m.kind}`, 'sources:');
  for (const s of article.sources) {
    lines.push(`  - file: ${scalar(s.file)}`, `    lines: ${JSON.stringify(s.lines)}`, `    role: ${s.role}`);
  }
  lines.push('---');
  return `${lines.join('\n')}\n`;
}

/** Inline content: `**bold**` printed in the source stays bold; everything else is literal text. */
export function phrasing(text: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const re = /\*\*([^*]+)\*\*/gu;
  let last = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ type: 'text', value: text.slice(last, at) });
    out.push({ type: 'strong', children: [{ type: 'text', value: m[1] ?? '' }] });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', value: text.slice(last) });
  return out;
}

/**
 * The Markdown of an article: frontmatter, then the body written through mdast, so `*`, `#`, `<`
 * and `[` in the text are escaped and show as text. One paragraph per line: a line break inside
 * Chinese text would render as a stray space.
 */
export function writeMarkdown(article: Article): string {
  const children: RootContent[] = article.body.map((b) =>
    b.kind === 'heading' ? { type: 'heading', depth: 2, children: phrasing(b.text) } : { type: 'paragraph', children: phrasing(b.text) },
  );
  const root: Root = { type: 'root', children };
  const body = children.length > 0 ? toMarkdown(root, { bullet: '-', emphasis: '_', strong: '*', rule: '-' }) : '';
  return `${frontmatter(article)}\n${body}`;
}
