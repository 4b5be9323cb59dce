import { describe, expect, it } from 'vitest';
import { dropPageFurniture } from '../../../scripts/normalize/passes/drop-page-furniture.ts';
import type { SourceLine } from '../../../scripts/normalize/types.ts';

const lines = (...texts: string[]): SourceLine[] => texts.map((text, i) => ({ file: 'a.txt', no: i + 1, text }));
const kinds = (texts: string[]) => dropPageFurniture(lines(...texts)).lines.map((l) => l.drop?.kind ?? null);

describe('dropPageFurniture', () => {
  it('marks a table of contents with leader dots, its heading and the cover lines before it', () => {
    expect(kinds(['理论学习', '2024年第1期', '目录', '1.全国政协十四届二次会议在京开幕·····\t1', '9.人民日报文章\t', '(1) 为高质量发展提供强劲推动力·····\t58', '全国政协十四届二次会议在京开幕'])).toEqual([
      'front-matter',
      'front-matter',
      'toc',
      'toc',
      'toc',
      'toc',
      null,
    ]);
  });

  it('marks page headers, page numbers, editor credits and page credits', () => {
    expect(kinds(['专 题2024年 3月 9日', '编审：冯家园 编辑：周强 陈静芳', '3', '·本版图文据新华社电·'])).toEqual(['page-header', 'credit', 'page-number', 'credit']);
  });

  it('keeps continuation markers and source lines as boundaries with their text', () => {
    const out = dropPageFurniture(lines('◀◀（上接1版）', '《人民日报》（2024年03月05日第01版）')).lines;
    expect(out.map((l) => l.drop)).toEqual([
      { kind: 'continuation', detail: '（上接1版）' },
      { kind: 'source-line', detail: '《人民日报》（2024年03月05日第01版）' },
    ]);
  });

  it('leaves article text alone, including a numbered paragraph and a year', () => {
    expect(kinds(['1.加大宏观调控力度，推动经济运行持续好转。', '2024年是新中国成立75周年。', '12308热线全年受理求助来电53万多通。'])).toEqual([null, null, null]);
  });

  it('counts what it marked, and marks nothing twice', () => {
    const once = dropPageFurniture(lines('3', '正文。'));
    expect(once.count).toBe(1);
    expect(dropPageFurniture(once.lines).count).toBe(0);
  });
});
