import type { SourceLine, SourceText } from './types.ts';

/**
 * Split a decoded file into numbered lines. A Markdown heading marker (`## 标题`) becomes a
 * `headingLevel` hint, two trailing spaces (a Markdown hard break) become `hardBreak`, and
 * surrounding white space is trimmed. Line numbers are 1-based and never change afterwards.
 * @example toLines({ file: 'a.txt', text: '## 标题\n正文  \n', encoding: 'utf-8' })[0] // { file: 'a.txt', no: 1, text: '标题', headingLevel: 2 }
 */
export function toLines(source: SourceText): SourceLine[] {
  const raw = source.text.split('\n');
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  const markdown = /\.md$/iu.test(source.file);
  const frontmatterEnd = markdown && raw[0] === '---' ? raw.indexOf('---', 1) : -1;
  return raw.map((rawText, i) => {
    if (frontmatterEnd > 0 && i <= frontmatterEnd) return frontmatterLine(source.file, i + 1, rawText);
    // Markdown escapes (`\*`, `\#`, `\[`) stand for the plain character.
    const text = markdown ? rawText.replace(/\\([\\`*_{}[\]()#+\-.!<>|~&])/gu, '$1') : rawText;
    const line: SourceLine = { file: source.file, no: i + 1, text: '' };
    if (/ {2,}$/u.test(text) && text.trim() !== '') line.hardBreak = true;
    let t = text.trim();
    const heading = /^(#{1,6})\s+(.*)$/u.exec(t);
    if (heading) {
      line.headingLevel = heading[1]?.length;
      t = (heading[2] ?? '').trim();
    }
    line.text = t;
    return line;
  });
}

/** Frontmatter fields a collection file may carry back into the normalizer. */
const FRONTMATTER_FIELDS = new Set(['title', 'subtitle', 'kicker', 'byline', 'agency', 'publication', 'date', 'dateline', 'page', 'kind', 'titleSource']);

/**
 * A line of YAML frontmatter in a Markdown input (the normalizer's own output, read again):
 * a known `field: value` is kept as a header hint; everything else is furniture.
 */
function frontmatterLine(file: string, no: number, text: string): SourceLine {
  const m = /^([A-Za-z]+):\s*(.*)$/u.exec(text);
  const field = m?.[1] ?? '';
  let value = (m?.[2] ?? '').trim();
  if (value.startsWith('"')) {
    try {
      value = String(JSON.parse(value));
    } catch {
      // keep the raw value
    }
  }
  if (m && FRONTMATTER_FIELDS.has(field) && value !== '') return { file, no, text: value, drop: { kind: 'frontmatter', detail: field } };
  return { file, no, text, drop: { kind: 'frontmatter-other' } };
}
