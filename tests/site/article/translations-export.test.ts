import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportTranslations, parseArticle, type Template } from '../../../scripts/translations-export.ts';
import { sourceHash } from '../../../src/lib/paragraph-id.ts';
import { paragraphIdsIn, renderMarkdown } from './markdown.ts';

const ARTICLE = `---
title: "雪龙2号离开秦岭站踏上归程"
titleSource: printed
kind: news
sources:
  - file: "000.txt"
    lines: [[1,9]]
    role: primary
---

北京时间7日，**雪龙2号**踏上归程。

## 考察回顾

各位代表！

本次考察期间，雪龙2号已航行2.5万余海里\\*。

各位代表！
`;

let dir: string;
let articles: string;
let out: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'baoku-export-'));
  articles = join(dir, 'articles');
  out = join(dir, 'out');
  mkdirSync(articles);
  writeFileSync(join(articles, 'a-1.md'), ARTICLE);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const read = (): Template => JSON.parse(readFileSync(join(out, 'a-1.json'), 'utf8')) as Template;

describe('translations export', () => {
  it('reads the title and the paragraphs (not the subheads) as plain text', () => {
    expect(parseArticle(ARTICLE)).toEqual({
      title: '雪龙2号离开秦岭站踏上归程',
      paragraphs: ['北京时间7日，雪龙2号踏上归程。', '各位代表！', '本次考察期间，雪龙2号已航行2.5万余海里*。', '各位代表！'],
    });
  });

  it('writes a template whose ids are the ones the page gives the same text', async () => {
    exportTranslations({ lang: 'en', articlesDir: articles, outDir: out });
    const template = read();
    const body = ARTICLE.slice(ARTICLE.indexOf('---', 3) + 3);
    expect(template.paragraphs.map((p) => p.id)).toEqual(paragraphIdsIn(await renderMarkdown(body)));
    expect(template).toMatchObject({ article: 'a-1', lang: 'en', title: '', summary: '' });
    expect(template.paragraphs[3]?.id).toBe(`${template.paragraphs[1]?.id}-2`);
    expect(template.paragraphs[0]).toEqual({
      id: template.paragraphs[0]?.id,
      sourceHash: sourceHash('北京时间7日，雪龙2号踏上归程。'),
      source: '北京时间7日，雪龙2号踏上归程。',
      text: '',
    });
  });

  it('never overwrites translated text, and keeps the hash it was made from', () => {
    exportTranslations({ lang: 'en', articlesDir: articles, outDir: out });
    const filled = read();
    filled.title = 'Xuelong 2 heads home';
    filled.paragraphs[0]!.text = 'On the 7th, the Xuelong 2 set off for home.';
    filled.paragraphs[0]!.sourceHash = '12345678'; // as if made from an older wording
    filled.paragraphs[2]!.text = 'During the expedition…';
    writeFileSync(join(out, 'a-1.json'), JSON.stringify(filled));

    // The third paragraph's opening changes: a new id, so its translation is orphaned.
    writeFileSync(join(articles, 'a-1.md'), ARTICLE.replace('本次考察期间', '此次科考中'));
    exportTranslations({ lang: 'en', articlesDir: articles, outDir: out });
    const again = read();
    expect(again.title).toBe('Xuelong 2 heads home');
    expect(again.paragraphs[0]).toMatchObject({
      text: 'On the 7th, the Xuelong 2 set off for home.',
      sourceHash: '12345678',
      currentHash: sourceHash('北京时间7日，雪龙2号踏上归程。'),
    });
    expect(again.paragraphs[2]?.text).toBe('');
    expect(again.orphaned).toEqual([{ id: filled.paragraphs[2]!.id, sourceHash: filled.paragraphs[2]!.sourceHash, text: 'During the expedition…' }]);
  });

  it('changes nothing when run twice', () => {
    exportTranslations({ lang: 'en', articlesDir: articles, outDir: out });
    const [second] = exportTranslations({ lang: 'en', articlesDir: articles, outDir: out });
    expect(second?.changed).toBe(false);
  });

  it('exports one article when asked, and fails on an unknown one', () => {
    writeFileSync(join(articles, 'b-2.md'), ARTICLE);
    exportTranslations({ lang: 'en', articlesDir: articles, outDir: out, article: 'b-2' });
    expect(readdirSync(out)).toEqual(['b-2.json']);
    expect(() => exportTranslations({ lang: 'en', articlesDir: articles, outDir: out, article: 'c-3' })).toThrowError(/no article "c-3"/u);
  });
});

describe('translations export on the real articles', () => {
  const real = 'src/content/articles';
  it.skipIf(!existsSync(real))('gives every article the ids its rendered page has', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'baoku-export-real-'));
    try {
      exportTranslations({ lang: 'en', articlesDir: real, outDir });
      for (const name of readdirSync(real).filter((n) => n.endsWith('.md'))) {
        const markdown = readFileSync(join(real, name), 'utf8');
        const body = markdown.slice(markdown.indexOf('\n---', 3) + 4);
        const template = JSON.parse(readFileSync(join(outDir, name.replace(/\.md$/u, '.json')), 'utf8')) as Template;
        expect(template.paragraphs.map((p) => p.id), name).toEqual(paragraphIdsIn(await renderMarkdown(body)));
      }
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
