/**
 * Integration: the real normalizer on the real seeds. These assert invariants (nothing lost,
 * nothing twice, stable output), not a snapshot of every article.
 */
import { describe, expect, it } from 'vitest';
import { normalizeCorpus } from '../../scripts/normalize/index.ts';
import { readCorrections, readInputFolder } from '../../scripts/normalize/io.ts';
import { writeMarkdown } from '../../scripts/normalize/write-markdown.ts';
import { sentenceKey, splitSentences } from '../../scripts/normalize/text.ts';
import { undoBoldDoubling } from '../../scripts/normalize/passes/undo-bold-doubling.ts';

const sources = readInputFolder('seeds');
const corrections = readCorrections('seeds');
const first = normalizeCorpus(sources, { corrections });
const { articles, report } = first;

const titles = articles.map((a) => a.meta.title);
const byTitle = (t: string) => articles.find((a) => a.meta.title === t);

describe('the seeds', () => {
  it('give one article per real article', () => {
    expect(articles.length).toBeGreaterThanOrEqual(25);
    expect(articles.length).toBeLessThanOrEqual(31);
    for (const t of [
      '为高质量发展注入强劲推动力支撑力',
      '我国出口重回两位数增长',
      '雪龙2号离开秦岭站踏上归程',
      '政府工作报告',
      '因地制宜发展新质生产力',
      '全国政协十四届二次会议在京开幕',
      '十四届全国人大二次会议在京闭幕',
      '攀高逐“新”“质”胜未来',
      '上海合作组织秘书长接受新华社书面专访',
      '怎样理解促进人才区域协调发展',
      '2025腾冲科学论坛聚焦前沿科技与产业融合新路径',
      '新质生产力',
    ]) {
      expect(titles, t).toContain(t);
    }
  });

  it('merge the three printings of the 新质生产力 feature into one article that keeps the quotation marks', () => {
    const a = byTitle('为高质量发展注入强劲推动力支撑力');
    expect(a).toBeDefined();
    expect(a?.sources.map((s) => s.file.slice(0, 3)).sort()).toEqual(['000', '001', '003']);
    const text = a?.body.map((b) => b.text).join('\n') ?? '';
    expect(text).toContain('今天的中国，正向“新”而行、向“新”而进。');
    expect(text).toContain('上汽通用五菱汽车股份有限公司副总经理姚佐平代表');
    expect(text).not.toContain('今年两会，我最关注的是新质生产力');
    expect(a?.body.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(expect.arrayContaining(['明确发展新质生产力主攻方向', '打通束缚新质生产力发展堵点卡点']));
    expect(a?.meta).toMatchObject({ subtitle: '从全国两会看发展新质生产力', byline: '新华社记者 董瑞丰 温竞华 张京', date: '2024-03-06', dateline: '新华社北京3月6日电' });
  });

  it('stitch a sentence cut by interleaved columns and keep the interleaved article apart', () => {
    const xi = articles.find((a) => a.body.some((b) => b.text.includes('经不起半点风浪。')));
    expect(xi).toBeDefined();
    expect(xi?.body.map((b) => b.text).join('')).toContain('也凝聚着广大政协委员的心血和智慧。');
    const wangYi = articles.find((a) => a.meta.kind === 'qa');
    expect(wangYi?.body.map((b) => b.text).join('')).not.toContain('总书记');
  });

  it('turn every bold-doubled caption into a photo article', () => {
    const photos = articles.filter((a) => a.meta.kind === 'photo');
    expect(photos.length).toBeGreaterThanOrEqual(2);
    expect(photos.map((p) => p.body[0]?.text).join('')).toContain('“光伏发电+新型储能+盐业制卤+水产养殖”等项目融合开发。');
  });

  it('account for every input line in the report', () => {
    for (const s of sources) {
      const lines = report.lines[s.file] ?? [];
      expect(lines.length).toBe(s.text.replace(/\n$/u, '').split('\n').length);
      expect(lines.filter((l) => l.status === 'unaccounted')).toEqual([]);
    }
  });

  it('put every input sentence into an article, the metadata or the report', () => {
    const haystack = sentenceKey(
      [
        ...articles.flatMap((a) => [...a.body.map((b) => b.text), ...Object.values(a.meta)]),
        ...report.dropped.map((d) => d.text),
      ].join('\u0000'),
    );
    const missing: string[] = [];
    for (const s of sources) {
      s.text.split('\n').forEach((raw, i) => {
        const line = undoBoldDoubling(raw.replace(/^#+\s*/u, '')).text;
        for (const piece of splitSentences(line)) {
          // Each piece of text between sentence ends, as cleaned keys; spaces and wraps do not matter.
          for (const part of piece.split(/[（）()]/u)) {
            const key = sentenceKey(part);
            if (key.length >= 4 && !haystack.includes(key)) missing.push(`${s.file}:${i + 1} ${part}`);
          }
        }
      });
    }
    expect(missing).toEqual([]);
  });

  it('hold each sentence of an article exactly once', () => {
    const repeats: string[] = [];
    for (const a of articles) {
      const seen = new Set<string>();
      for (const b of a.body) {
        for (const s of splitSentences(b.text)) {
          const key = sentenceKey(s);
          if (key.length < 8) continue;
          if (seen.has(key)) repeats.push(`${a.meta.title}: ${s}`);
          seen.add(key);
        }
      }
    }
    expect(repeats).toEqual([]);
  });

  it('write one paragraph per line, with no line break inside Chinese text', () => {
    for (const a of articles) {
      const md = writeMarkdown(a);
      const body = md.split('\n---\n')[1] ?? '';
      for (const para of body.split('\n\n')) expect(para.trim().includes('\n'), para).toBe(false);
    }
  });

  it('give byte-identical output for the same input', () => {
    const again = normalizeCorpus(readInputFolder('seeds'), { corrections });
    expect(again.articles.map(writeMarkdown)).toEqual(articles.map(writeMarkdown));
    expect(JSON.stringify(again.report)).toBe(JSON.stringify(report));
  });

  it('change nothing when run on its own output', () => {
    const output = articles.map((a) => ({ file: `${a.slug}.md`, text: writeMarkdown(a), encoding: 'utf-8' }));
    const second = normalizeCorpus(output);
    const strip = (list: typeof articles) =>
      list
        .map((a) => ({ meta: a.meta, body: a.body }))
        .sort((x, y) => x.meta.title.localeCompare(y.meta.title) || (x.body[0]?.text ?? '').localeCompare(y.body[0]?.text ?? ''));
    expect(strip(second.articles)).toEqual(strip(articles));
  });

  it('apply every correction in the corrections file, each with its reason', () => {
    expect(report.corrections.length).toBeGreaterThan(0);
    for (const c of report.corrections) {
      expect(c.applied, c.detail).toBe(true);
      expect(c.why.length).toBeGreaterThan(20);
    }
  });
});
