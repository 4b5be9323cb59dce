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
  return raw.map((text, i) => {
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
