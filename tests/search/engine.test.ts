/**
 * The search index and engine: built from a fixture corpus of our own (tests/search/fixtures/),
 * loaded through the same loader the browser uses (from memory instead of fetch), and queried
 * for every kind of match the issue asks for. A last block runs the real seeds (normalized in
 * memory) through the same path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js/basic';
import { fromHtml } from 'hast-util-from-html';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  articleFromMarkdown,
  blockIds,
  HEADER_ID,
  buildSearchIndex,
  readingsInContext,
  commonChars,
  englishBlocks,
  partScript,
  readArticles,
  regionalPhrases,
  traditionalPhrases,
  sortForIndex,
  type IndexArticle,
} from '../../src/lib/search/build-index.ts';
import {
  decodePostings,
  encodePostings,
  applyFoldEdits,
  closestSpan,
  coverage,
  createFold,
  findVariant,
  foldBasic,
  foldEdits,
  foldFromPairs,
  isSearchable,
  nearMissAllowed,
  isSearchableCode,
  pinyinSpelling,
  pinyinTypos,
  withoutQuotes,
  anotherWord,
  crossesWord,
  hanWordAcross,
  isWord,
  breather,
  StaleSearch,
  gramPartName,
  HEARD_PART,
  LocalGrams,
  type HeardPart,
  makeSnippet,
  nearMissFilter,
  pairPositions,
  queryTokens,
  segmentHalfTyped,
  segmentInitials,
  segmentPinyin,
  warmUpQueries,
  isHan,
  countChars,
  type ChunkPart,
  type EngineHit,
  type TextPart,
  type ManifestPart,
} from '../../src/lib/search/engine.ts';
import { firstOf, globalSource, loadIndex, objectSource, type PartSource, type SearchIndex } from '../../src/lib/search/load.ts';
import { wordStarts } from '../../src/lib/search/words.ts';
import { renderMarkdown } from '../site/article/markdown.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');

const SLUG = {
  xuelong: '2024-04-01-xue-long-fan-hang',
  station: '2024-03-20-ji-di-bu-ji',
  exports: '2024-03-10-chu-kou-zeng-zhang',
  sessions: '2024-03-08-liang-hui-guan-cha',
  quantum: '2024-02-28-liang-zi-ji-suan',
  model: '2024-02-20-ji-suan-qi',
};

/** The hit's snippet with its marks shown as 【…】. */
function marked(hit: EngineHit): string {
  const { text, marks } = hit.snippet;
  let out = '';
  let at = 0;
  for (const [s, e] of marks) {
    out += `${text.slice(at, s)}【${text.slice(s, e)}】`;
    at = e;
  }
  return out + text.slice(at);
}

/** The marked substrings of a hit. */
const markedText = (hit: EngineHit): string[] => hit.snippet.marks.map(([s, e]) => hit.snippet.text.slice(s, e));
const slugs = (hits: EngineHit[]): string[] => [...new Set(hits.map((h) => h.article.slug))];

let articles: IndexArticle[];

beforeAll(() => {
  articles = readArticles(join(FIXTURES, 'articles'), join(FIXTURES, 'translations'));
});

/** Both ways the index is written: text and bigram map in parts (large corpora), or inline (small). */
const MODES = [
  { mode: 'sharded', inline: false },
  { mode: 'inline', inline: true },
] as const;

/** The text chunks of an index, wherever they are. */
function chunkParts(parts: Record<string, unknown>): ChunkPart[] {
  const inline = (parts.manifest as ManifestPart).chunks;
  if (inline) return inline;
  return Object.keys(parts)
    .filter((p) => /^t\d+$/u.test(p))
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
    .flatMap((p) => (parts[p] as TextPart).chunks);
}

describe('readings in context', () => {
  it('are those the text has: each line read as words, and each two characters side by side', () => {
    const read = readingsInContext(['一位代表说，银行要加大对企业的信贷支持。', '听取意见和建议。', '进行改革']);
    // (Read as a line, 银行要加大 is yin xing: the pair 银行 says hang.)
    expect(read.get('行')).toEqual(new Set(['hang', 'xing']));
    expect(read.get('和')).toEqual(new Set(['he']));
  });
});

describe('words of Taiwan and Hong Kong', () => {
  const fold = createFold(new Map([['體', '体'], ['軟', '软'], ['網', '网']]));

  it('lists the regional words whose mainland word is in the text, folded (as a query is read)', () => {
    const phrases = regionalPhrases('发展人工智能、软件和网络', fold);
    expect(phrases.get('人工智慧')).toBe('人工智能');
    // (軟體 typed in Traditional characters and 软体 in Simplified ones are both 软体 folded.)
    expect(phrases.get('软体')).toBe('软件');
    expect(phrases.get('网路')).toBe('网络');
    expect(phrases.has('軟體')).toBe(false);
    // Not one whose mainland word the text lacks (云计算), nor one the text has as it is.
    expect([...phrases.values()]).not.toContain('云计算');
    expect(regionalPhrases('软体和软件', fold).has('软体')).toBe(false);
  });

  it("lists Traditional words whose characters one by one do not make the text's word (復甦 is 复苏, 甦 alone stays), folded", () => {
    const phrases = traditionalPhrases('经济复苏', createFold(new Map([['復', '复']])));
    expect(phrases.get('复甦')).toBe('复苏');
    expect(regionalPhrases('经济复苏', createFold(new Map([['復', '复']]))).has('复甦')).toBe(false);
  });

  it("reads a query's regional words as the mainland's: 人工智慧 finds 人工智能, 軟體 软件", async () => {
    const articles = [
      { slug: 'a', title: '发展人工智能', date: '2024-03-01', blocks: [{ kind: 'paragraph' as const, text: '推动人工智能和软件产业发展。' }] },
      { slug: 'b', title: '其他', date: '2024-03-02', blocks: [{ kind: 'paragraph' as const, text: '这里什么也没有。' }] },
    ];
    const e = await loadIndex(objectSource(buildSearchIndex(articles).parts));
    for (const [typed, meant] of [['人工智慧', '人工智能'], ['軟體', '软件'], ['软体产业', '软件产业'], ['發展人工智慧', '发展人工智能']]) {
      const hits = await e.search(typed);
      expect(hits.length, typed).toBeGreaterThan(0);
      expect(hits.every((h) => h.article.slug === 'a'), typed).toBe(true);
      expect(markedText(hits[0]!).join(''), typed).toContain(meant);
      // Said so: the mainland's word for a regional one, not the text as typed.
      expect(hits.every((h) => h.match === 'regional'), typed).toBe(true);
    }
    // A word the text has as typed is found as typed.
    expect((await e.search('人工智能'))[0]!.match).toBe('title');
  });
});

describe('common characters', () => {
  it("are GB 2312's 6,763, the first level (3,755, by pinyin) first", () => {
    const chars = commonChars();
    expect(chars.length).toBe(6763);
    expect(new Set(chars).size).toBe(6763);
    expect([chars[0], chars[3754], chars[3755], chars[6762]]).toEqual(['啊', '座', '亍', '齄']);
    expect(chars.every((c) => /^\p{Script=Han}$/u.test(c))).toBe(true);
  });
});

describe.each(MODES)('$mode index', ({ inline }) => {
  let parts: Record<string, unknown>;
  let engine: SearchIndex;

  beforeAll(async () => {
    parts = buildSearchIndex(articles, { chunkChars: 60, textPartChars: 150, gramPartBytes: 2000, inline }).parts;
    engine = await loadIndex(objectSource(parts));
  });

  /** An engine over a few articles written for one test (paragraphs, maybe English text), in this index mode. */
  const small = (articles: { slug: string; title: string; titleEn?: string; date: string; paragraphs: string[]; english?: { id: string; text: string }[] }[]): Promise<SearchIndex> =>
    loadIndex(objectSource(buildSearchIndex(articles.map(({ paragraphs, ...a }) => ({ ...a, blocks: paragraphs.map((text) => ({ kind: 'paragraph' as const, text })) })), { inline }).parts));

  describe('the index', () => {
    it('lists the articles newest first, with publication, date and English title', () => {
      const m = parts.manifest as ManifestPart;
      expect(m.articles.slug).toEqual([SLUG.xuelong, SLUG.station, SLUG.exports, SLUG.sessions, SLUG.quantum, SLUG.model]);
      expect(m.articles.en[0]).toBe('Xuelong 2 returns to Shanghai after Antarctic expedition');
      expect(m.titles.records[0]!.v).toBe('雪龙2号完成南极考察返回上海');
      expect(m.articles.pubs[m.articles.pub[2]!]).toBe('经济观察测试版');
    });

    it('stores each paragraph once, as a serialized Fuse index over text chunks, in list order', async () => {
      const chunks = chunkParts(parts);
      const m = parts.manifest as ManifestPart;
      expect(chunks.length).toBe(m.articles.chunks.reduce((a, b) => a + b, 0));
      expect(chunks.length).toBeGreaterThan(articles.length);
      const all = chunks.flatMap((c) => c.index.records.map((r) => r.v));
      // Each article's head first (kicker, subtitle, byline, publication, date), then its blocks.
      expect(all).toEqual(articles.flatMap((a) => [...(a.header ? [a.header] : []), ...a.blocks.map((b) => b.text)]));
      expect(chunks.flatMap((c) => c.ids)).toEqual(articles.flatMap((a) => [...(a.header ? [HEADER_ID] : []), ...blockIds(a.blocks)]));
      expect(articles.find((a) => a.slug === SLUG.xuelong)!.header).toBe('极地科考 · 本报记者 周圆 · 测试日报 · 2024年4月1日 2024-04-01');
      // Fuse reads the index back.
      const chunk = chunks.find((c) => c.index.records.some((r) => r.v?.includes('雪龙2号')))!;
      const fuse = new Fuse(chunk.index.records.map((r) => r.v), { ignoreLocation: true }, Fuse.parseIndex(chunk.index as never));
      expect(fuse.search('雪龙2号').length).toBeGreaterThan(0);
    });

    it('gives blocks the ids the article page gives them (p-… paragraphs, h-… subheads)', async () => {
      for (const file of readdirSync(join(FIXTURES, 'articles'))) {
        const markdown = readFileSync(join(FIXTURES, 'articles', file), 'utf8');
        const html = await renderMarkdown(markdown.slice(markdown.indexOf('\n---', 3) + 4));
        const pageIds = fromHtml(html, { fragment: true })
          .children.filter((n) => n.type === 'element' && ['p', 'h2'].includes(n.tagName))
          .map((n) => String((n as { properties: { id?: unknown } }).properties.id));
        const article = articleFromMarkdown(file.slice(0, -3), markdown);
        expect(blockIds(article.blocks)).toEqual(pageIds);
      }
    });

    it('ships a Traditional map and a pinyin map for the corpus characters only', () => {
      const m = parts.manifest as ManifestPart;
      const [from, to] = m.t2s;
      expect(Array.from(from).length).toBe(Array.from(to).length);
      expect(from).toContain('龍');
      expect(to[Array.from(from).indexOf('龍')]).toBe('龙');
      expect(Array.from(from).length).toBeLessThan(400);
      expect(m.pinyin.xue).toContain('雪');
      // Polyphones: 行 is read xing first, and hang too (银行); 和 is never read huo here.
      expect(m.pinyin.xing?.split('|')[0]).toContain('行');
      expect(m.pinyin.hang?.split('|')[1]).toContain('行');
      expect(m.pinyin.he?.split('|')[0]).toContain('和');
      expect(m.pinyin.huo ?? '').not.toContain('和');
    });

    it('is the same when built twice', () => {
      const again = buildSearchIndex(articles, { chunkChars: 60, textPartChars: 150, gramPartBytes: 2000, inline }).parts;
      expect(JSON.stringify(again)).toBe(JSON.stringify(parts));
    });

    it(inline ? 'is one part, the manifest, with the text in it (and the sounds of characters it lacks, apart)' : 'is split into gram parts and text chunks', () => {
      const names = Object.keys(parts);
      if (inline) expect(names).toEqual(['manifest', HEARD_PART]);
      else {
        expect(names.filter((p) => /^g\d+$/u.test(p)).length).toBeGreaterThan(1);
        expect((parts.manifest as ManifestPart).chunks).toBeUndefined();
      }
    });
  });

  describe('exact matching', () => {
    it('ranks a title hit above body hits, and the article with it first', async () => {
      const hits = await engine.search('雪龙', 20, { perArticle: 10 });
      expect(hits[0]!.article.slug).toBe(SLUG.xuelong);
      expect(hits[0]!.match).toBe('title');
      expect(hits[0]!.paragraphId).toBeUndefined();
      expect(marked(hits[0]!)).toBe('【雪龙】2号完成南极考察返回上海');
      expect(hits.slice(1).every((h) => h.paragraphId?.startsWith('p-'))).toBe(true);
      // The article that has it in the body only comes after.
      expect(slugs(hits)).toEqual([SLUG.xuelong, SLUG.station]);
      const scores = hits.map((h) => h.score);
      expect(scores.find((_, i) => hits[i]!.article.slug === SLUG.station)).toBeLessThan(hits[0]!.score);
    });

    it('links paragraph hits to the paragraph ids and marks the matched text', async () => {
      const hits = await engine.search('雪龙2号');
      const body = hits.filter((h) => h.paragraphId && h.article.slug === SLUG.xuelong);
      // From the index in memory, both paragraphs; part by part, those the loaded parts hold.
      expect(body.length).toBe(inline ? 2 : 1);
      const article = articles.find((a) => a.slug === SLUG.xuelong)!;
      const ids = blockIds(article.blocks);
      for (const hit of body) {
        const block = article.blocks[ids.indexOf(hit.paragraphId!)]!;
        expect(block.text).toContain('雪龙2号');
        expect(markedText(hit)).toEqual(['雪龙2号']);
        expect(hit.match).toBe('exact');
      }
    });

    it('matches a two-character query as those two characters together, never either alone', async () => {
      // 研 and 究 are both in the model article (研发, 终究), but never side by side.
      expect(slugs(await engine.search('研究'))).toEqual([SLUG.quantum]);
      // 终 and 研 are in two articles, never together: nothing.
      expect(await engine.search('终研')).toEqual([]);
      // (极南 is 南极 swapped: found so, as a near miss, the two together.)
      const swapped = await engine.search('极南');
      expect(swapped.every((h) => h.match === 'fuzzy' && markedText(h).every((m) => m === '南极'))).toBe(true);
    });

    it('matches a phrase as a whole: all its characters elsewhere in the paragraph do not count', async () => {
      const hits = await engine.search('新质生产力', 20, { perArticle: 10 });
      expect(slugs(hits)).toEqual([SLUG.sessions]);
      // The paragraph with 生产、新、质、力 scattered is not a hit.
      expect(hits.map((h) => h.snippet.text).some((t) => t.includes('质量标准'))).toBe(false);
      expect(hits[0]!.match).toBe('title');
    });

    it('finds numbers and mixed tokens: 29.9%, 72TB, 2.5万, full-width digits', async () => {
      const pct = await engine.search('29.9%');
      expect(slugs(pct)).toEqual([SLUG.exports]);
      expect(markedText(pct[0]!)).toEqual(['29.9%']);
      expect(slugs(await engine.search('72TB'))).toEqual([SLUG.xuelong]);
      expect(slugs(await engine.search('72tb'))).toEqual([SLUG.xuelong]);
      expect(slugs(await engine.search('７２ＴＢ'))).toEqual([SLUG.xuelong]);
      expect(slugs(await engine.search('2.5万'))).toEqual([SLUG.xuelong]);
      // A number is not the end or the start of a longer one.
      expect(await engine.search('2TB')).toEqual([]);
      expect(await engine.search('5万')).toEqual([]);
      expect(await engine.search('2.5万余海')).not.toEqual([]);
      expect(await engine.search('29.8%')).toEqual([]);
    });

    it('finds subheads, linked by their h- id', async () => {
      const hits = await engine.search('考察成果');
      expect(hits[0]!.field).toBe('heading');
      expect(hits[0]!.paragraphId).toMatch(/^h-[0-9a-f]{6}$/u);
    });

    it('returns nothing for an empty query or one with no match', async () => {
      expect(await engine.search('')).toEqual([]);
      expect(await engine.search('   ，。')).toEqual([]);
      expect(await engine.search('火星')).toEqual([]);
    });
  });

  describe('several terms', () => {
    it('means all of them, in the same article (not necessarily the same paragraph)', async () => {
      const hits = await engine.search('两会 出口', 20, { perArticle: 10 });
      expect(slugs(hits)).toEqual([SLUG.exports]);
      expect(hits.map(marked).join('\n')).toContain('【两会】');
      expect(hits.map(marked).join('\n')).toContain('【出口】');
      expect(await engine.search('雪龙 出口')).toEqual([]);
    });

    it('ranks a paragraph with every term above one with some', async () => {
      const hits = await engine.search('全国 两会 代表', 20, { perArticle: 10 });
      const both = hits.filter((h) => h.terms === 3);
      expect(both.length).toBeGreaterThan(0);
      const firstPartial = hits.findIndex((h) => h.terms < 3 && h.article.slug === both[0]!.article.slug);
      if (firstPartial !== -1) expect(hits.indexOf(both[0]!)).toBeLessThan(firstPartial);
    });

    it('accepts ideographic spaces and punctuation between terms', async () => {
      expect(slugs(await engine.search('两会\u3000出口'))).toEqual([SLUG.exports]);
      expect(slugs(await engine.search('两会，出口'))).toEqual([SLUG.exports]);
    });
  });

  describe('Traditional characters', () => {
    it('find the Simplified text', async () => {
      const hits = await engine.search('雪龍2號');
      // (雪龙号, one character off, follows as a near miss.)
      expect(slugs(hits)[0]).toBe(SLUG.xuelong);
      expect(hits.some((h) => h.match === 'traditional')).toBe(true);
      expect(markedText(hits.find((h) => h.paragraphId)!)).toEqual(['雪龙2号']);
      expect(slugs(await engine.search('發展'))).toEqual(expect.arrayContaining([SLUG.exports, SLUG.sessions]));
      expect(slugs(await engine.search('銀行'))).toEqual([SLUG.sessions]);
    });
  });

  describe('pinyin', () => {
    it('finds the Chinese from full pinyin, with or without spaces, in any case', async () => {
      for (const query of ['xuelong', 'xue long', 'XueLong', 'XUE LONG']) {
        const hits = await engine.search(query);
        expect(slugs(hits), query).toEqual([SLUG.xuelong, SLUG.station]);
        expect(hits.find((h) => h.paragraphId)!.match, query).toBe('pinyin');
        expect(markedText(hits.find((h) => h.paragraphId)!), query).toContain('雪龙');
      }
    });

    it('reads pinyin written with tone marks or tone numbers, ü as v', async () => {
      for (const query of ['xuě lóng', 'Xuělóng', 'xue3long2', 'xue3 long2', 'xue2long0']) {
        const hits = await engine.search(query);
        expect(slugs(hits), query).toEqual([SLUG.xuelong, SLUG.station]);
        expect(markedText(hits.find((h) => h.paragraphId)!), query).toContain('雪龙');
      }
      // Letters and digits that read as written stay so: 龙2号 as well as long hao.
      expect(markedText((await engine.search('long2hao'))[0]!)).toContain('龙2号');
    });

    it('spells tones away only where the letters then read as pinyin', () => {
      const syllables = new Map(['xue', 'long', 'lv', 'se', 'a', 'hao', 'ca', 'fei'].map((s) => [s, []]));
      expect(pinyinSpelling('xuě', syllables)).toBe('xue');
      expect(pinyinSpelling('lǜsè', syllables)).toBe('lvse');
      expect(pinyinSpelling('lü', syllables)).toBe('lv');
      expect(pinyinSpelling('xue3long2', syllables)).toBe('xuelong');
      expect(pinyinSpelling('lv4se4', syllables)).toBe('lvse');
      expect(pinyinSpelling('xuelong', syllables)).toBeUndefined();
      expect(pinyinSpelling('café', syllables)).toBeUndefined();
      expect(pinyinSpelling('c919', syllables)).toBeUndefined();
      expect(pinyinSpelling('xuelong2hao', syllables), 'a tone number follows one syllable').toBeUndefined();
      expect(pinyinSpelling('2025', syllables)).toBeUndefined();
      expect(pinyinSpelling('xue9', syllables)).toBeUndefined();
    });

    it('puts the letters as typed before a pinyin reading of them: AI in the text before 爱 (ai)', async () => {
      const hits = await engine.search('ai');
      expect(slugs(hits)).toEqual([SLUG.model, SLUG.xuelong]);
      expect(marked(hits[0]!)).toContain('【AI】');
      expect(hits[0]!.match).toBe('exact');
      expect(hits[1]!.match).toBe('pinyin');
      // Typed in capitals, an abbreviation: the letters only, no pinyin reading, no initials.
      expect(slugs(await engine.search('AI'))).toEqual([SLUG.model]);
      expect(await engine.search('XLH')).toEqual([]);
      expect(slugs(await engine.search('xlh'))).not.toEqual([]);
      // Capitals that are full pinyin of four letters or more still read as pinyin.
      expect(slugs(await engine.search('XUELONG'))).toEqual([SLUG.xuelong, SLUG.station]);
      // Also when only the first article is asked for: the literal one is looked at first.
      expect(slugs(await engine.search('ai', 1))).toEqual([SLUG.model]);
    });

    it('reads polyphones every way: 行 as hang, 长 as chang', async () => {
      expect(slugs(await engine.search('yinhang'))).toEqual([SLUG.sessions]);
      expect(slugs(await engine.search('changjiang'))).toEqual([SLUG.sessions]);
    });

    it('matches a long phrase, and mixes with digits', async () => {
      expect(slugs(await engine.search('xinzhishengchanli'))).toEqual([SLUG.sessions]);
      expect(slugs(await engine.search('xin zhi sheng chan li'))).toEqual([SLUG.sessions]);
      expect(slugs(await engine.search('xuelong2hao'))).toEqual([SLUG.xuelong]);
      // A digit reads as its numeral: er is 2 as well as 二.
      expect(markedText((await engine.search('xuelongerhao'))[0]!)).toEqual(['雪龙2号']);
      // And the other way: a figure among syllables finds the numeral (changzheng8hao: 长征八号).
      const rocket = await small([{ slug: 'rocket', title: '发射', date: '2025-12-07', paragraphs: ['使用长征八号甲运载火箭发射。'] }]);
      expect((await rocket.search('changzheng8haojia')).flatMap(markedText)).toEqual(['长征八号甲']);
    });

    it('reads syllables typed apart as one word, and words of two syllables or more as separate terms', () => {
      expect(engine.parse('xue long').map((t) => t.text)).toEqual(['xue long']);
      expect(engine.parse('xue longhao').map((t) => t.text)).toEqual(['xue longhao']);
      expect(engine.parse('xue lo').map((t) => t.text)).toEqual(['xue lo']);
      expect(engine.parse('xuelong nanji').map((t) => t.text)).toEqual(['xuelong', 'nanji']);
      expect(engine.parse('xuelong shang').map((t) => t.text)).toEqual(['xuelong', 'shang']);
      // Syllables apart, then a word: the syllables are one word, the word another.
      expect(engine.parse('xue long shanghai').map((t) => t.text)).toEqual(['xue long', 'shanghai']);
    });

    it('reads one syllable typed halfway, from three letters, so the list does not empty while typing', async () => {
      // xue (雪, 学…) → xuel… → xuelo → xuelong: never an empty list on the way from xue.
      for (const query of ['xue', 'xuel', 'xuelo', 'xuelon', 'xuelong']) expect((await engine.search(query)).length, query).toBeGreaterThan(0);
      expect((await engine.search('zho')).length, 'zho… (中)').toBeGreaterThan(0);
    });

    it('waits for the next word while only its first letter is typed', async () => {
      expect(slugs(await engine.search('xuelong s'))).toEqual(slugs(await engine.search('xuelong')));
      expect(engine.parse('雪龙 k').map((t) => t.text)).toEqual(['雪龙']);
      expect(engine.parse('k').map((t) => t.text)).toEqual(['k']);
    });

    it('reads pinyin typed apart as separate words when the text has no such phrase', async () => {
      // 雪龙 and 上海 are both in the 雪龙 article, never side by side: the words they spell, not
      // each syllable anywhere.
      const hits = await engine.search('xue long shang hai');
      expect(slugs(hits)).toEqual([SLUG.xuelong]);
      expect(new Set(hits.flatMap(markedText))).toEqual(new Set(['雪龙', '上海']));
    });

    it('reads no passage only by rare readings of its characters (和调 is not huzhou)', async () => {
      const e = await small([{ slug: 'hz', title: '宏观调控', date: '2024-03-05', paragraphs: ['加强资源配置和调控。', '浙江省湖州市的工厂。'] }]);
      expect((await e.search('huzhou')).flatMap(markedText)).toEqual(['湖州']);
    });

    it("reads an apostrophe as a syllable boundary: chang'e is 嫦娥, not 长", async () => {
      const e = await small([{ slug: 'moon', title: '科学突破', date: '2025-12-06', paragraphs: ['嫦娥六号月背样品研究取得重大突破。', '外交部长表示增长较快。'] }]);
      for (const q of ["chang'e", 'chang’e', "chang'e liuhao"]) expect((await e.search(q)).flatMap(markedText).join(), q).toMatch(/^嫦娥/u);
    });

    it('reads a symbol beside a Chinese character as a space (马克龙/四川大学), not one between letters or figures (5G+AI)', () => {
      expect(engine.parse('马克龙/四川大学').map((t) => t.text)).toEqual(['马克龙', '四川大学']);
      expect(engine.parse('人工智能+行动').map((t) => t.text)).toEqual(['人工智能', '行动']);
      expect(engine.parse('5G+AI').map((t) => t.text)).toEqual(['5g+ai']);
    });

    it('reads syllables joined by hyphens as typed apart: xue-long is xue long', async () => {
      expect(engine.parse('xue-long').map((t) => t.text)).toEqual(['xue long']);
      expect(markedText((await engine.search('xue-long'))[0]!)).toEqual(['雪龙']);
    });

    it('combines with Chinese terms, and separate pinyin words fall back to separate terms', async () => {
      expect(slugs(await engine.search('lianghui chukou'))).toEqual([SLUG.exports]);
      expect(slugs(await engine.search('两会 chukou'))).toEqual([SLUG.exports]);
    });

    it('also looks for a Latin word in English titles', async () => {
      const hits = await engine.search('antarctic');
      expect(hits[0]!.field).toBe('titleEn');
      expect(marked(hits[0]!)).toBe('Xuelong 2 returns to Shanghai after 【Antarctic】 expedition');
      expect(hits[0]!.lang).toBe('en');
    });
  });

  describe("English text (a translation's summary and paragraphs)", () => {
    const PARAGRAPHS = ['上海合作组织秘书长接受新华社书面采访。', '他说，成员国坚持互不干涉内政。', '四川大学与法国高校合作。'];
    const [, second, third] = blockIds(PARAGRAPHS.map((text) => ({ kind: 'paragraph' as const, text })));
    const english = [
      { id: HEADER_ID, text: 'The Shanghai Cooperation Organisation Secretary-General answers written questions from Xinhua.' },
      { id: second!, text: 'He said member states uphold non-interference in internal affairs.' },
      { id: third!, text: 'Sichuan University works with French universities.' },
    ];
    let sco: SearchIndex;
    beforeAll(async () => {
      sco = await small([{ slug: 'sco', title: '秘书长接受采访', date: '2025-12-06', paragraphs: PARAGRAPHS, english }, { slug: 'other', title: '其他新闻', date: '2025-12-05', paragraphs: ['四川省举行活动。'] }]);
    });

    it('finds an English word in the summary (a hit on the article) and in a translated paragraph (a hit on that paragraph)', async () => {
      const summary = await sco.search('questions');
      expect(summary.map((h) => [h.field, h.paragraphId, h.lang])).toEqual([['summary', undefined, 'en']]);
      expect(marked(summary[0]!)).toBe('The Shanghai Cooperation Organisation Secretary-General answers written 【questions】 from Xinhua.');
      const paragraph = await sco.search('interference');
      expect(paragraph.map((h) => [h.field, h.paragraphId, h.lang])).toEqual([['translation', second, 'en']]);
      expect(markedText(paragraph[0]!)).toEqual(['interference']);
      // Several words: all of them, in the article.
      expect((await sco.search('member affairs')).map((h) => h.paragraphId)).toEqual([second]);
      expect(await sco.search('member france')).toEqual([]);
    });

    it('finds another form of an English word, marked whole (questions: question; interfered: interference)', async () => {
      expect(markedText((await sco.search('questioned', 10, { lang: 'en' }))[0]!)).toEqual(['questions']);
      // Not pinyin read as English (xuelong has no stem, xuelonging would).
      expect(engine.parse('xuelong')[0]!.latin!.map((f) => f.text)).toEqual(['xuelong', 'xue long']);
    });

    it('marks the function words of the query (of, the) only beside its other words', async () => {
      const e = await small([{ slug: 'npc', title: '开幕', date: '2024-03-05', paragraphs: ['大会开幕。'], english: [{ id: HEADER_ID, text: 'The session opened in the Great Hall of the People; the delegates of the provinces attended.' }] }]);
      const [hit] = await e.search('Great Hall of the People', 10, { lang: 'en' });
      expect(markedText(hit!)).toEqual(['the', 'Great', 'Hall', 'of', 'the', 'People']);
    });

    it('matches where a word starts, whole words first, never inside one', async () => {
      expect((await sco.search('interfer')).map((h) => h.paragraphId)).toEqual([second]);
      expect(await sco.search('ference')).toEqual([]);
      expect(await sco.search('nation')).toEqual([]);
      // Not a word of the Chinese text read as letters (the text has no "tions").
      expect(await sco.search('tions')).toEqual([]);
    });

    it("ranks text in the reader's language first: 四川 before Sichuan for a reader of Chinese, the other way round on the English pages", async () => {
      const zh = await sco.search('sichuan');
      // The Chinese paragraph and its translation lead to the same place: one hit, in the reader's language.
      expect(zh.map((h) => [h.article.slug, h.field, h.lang]).sort()).toEqual([
        ['other', 'paragraph', undefined],
        ['sco', 'paragraph', undefined],
      ]);
      expect(zh.flatMap(markedText)).toEqual(['四川', '四川']);
      const en = await sco.search('sichuan', 10, { lang: 'en' });
      expect(en.map((h) => [h.article.slug, h.field, h.paragraphId])).toEqual([
        ['sco', 'translation', third],
        ['other', 'paragraph', blockIds([{ kind: 'paragraph', text: '四川省举行活动。' }])[0]],
      ]);
      expect(marked(en[0]!)).toBe('【Sichuan】 University works with French universities.');
    });

    it('puts the English text before a Chinese title read from the letters, on the English pages', async () => {
      // The Chinese title 上海合作组织… is read from shanghai; the English summary has the word.
      const e = await small([{ slug: 'sco', title: '上海合作组织秘书长', date: '2025-12-06', paragraphs: ['上海合作组织成立以来。'], english: [{ id: HEADER_ID, text: 'The Shanghai Cooperation Organisation at 24.' }] }]);
      const en = await e.search('shanghai', 10, { lang: 'en' });
      expect(en[0]!.lang).toBe('en');
      expect(markedText(en[0]!)).toEqual(['Shanghai']);
      // For a reader of Chinese, the Chinese title first.
      expect((await e.search('shanghai'))[0]!.field).toBe('title');
      // Letters that only start an English word (shang of Shanghai) are pinyin first still.
      expect((await e.search('shang', 10, { lang: 'en' }))[0]!.lang).toBeUndefined();
    });

    it('finds pinyin syllables typed apart as the words they are in English text (wang yi: "Wang Yi")', async () => {
      // (The text has 王 and 毅, so wang and yi read as pinyin, but not 王毅.)
      const e = await small([{ slug: 'pc', title: '外交部长答记者问', date: '2024-03-07', paragraphs: ['外长王先生说，毅力很重要。'], english: [{ id: HEADER_ID, text: 'Foreign Minister Wang Yi took questions on foreign policy.' }] }]);
      expect(e.parse('wang yi').map((t) => t.text)).toEqual(['wang yi']);
      const hits = await e.search('wang yi');
      expect(hits.map((h) => h.field)).toEqual(['summary']);
      expect(markedText(hits[0]!)).toEqual(['Wang Yi']);
    });

    it('finds short words, numbers, hyphenated words and abbreviations in English text, each as a reader means it', async () => {
      const PARAS = ['海关数据显示，外贸同比增长8.7%。', '利率为8.75%。'];
      const [p1, p2] = blockIds(PARAS.map((text) => ({ kind: 'paragraph' as const, text })));
      const e = await small([
        {
          slug: 'trade',
          title: '外贸增长',
          date: '2024-03-07',
          paragraphs: PARAS,
          english: [
            { id: HEADER_ID, text: "People's Daily: customs figures show trade up 8.7 percent year-on-year at 15:53; the PLA plan is one of many." },
            { id: p1!, text: 'Trade rose 8.7 percent year on year.' },
            { id: p2!, text: 'The rate was 8.75 percent.' },
          ],
        },
      ]);
      const en = { lang: 'en' } as const;
      const marks = async (q: string): Promise<string[][]> => (await e.search(q, 10, en)).filter((h) => h.lang === 'en').map(markedText);
      // (Every term is in the article; the passage with all of them first.)
      expect((await marks('up 8.7 percent'))[0]).toEqual(['up', '8.7', 'percent']);
      // 8.7 is not the start of 8.75.
      const rate = (await e.search('8.7 percent', 10, en)).filter((h) => h.paragraphId === p2);
      expect(rate.flatMap(markedText).every((m) => m === 'percent' || m === '%')).toBe(true);
      expect(await marks('15:53')).toEqual([['15:53']]);
      // A percentage as English writes it.
      expect((await marks('8.7%')).flat()).toEqual(expect.arrayContaining(['8.7 percent']));
      // A single figure is a number too, never part of one (7 is not in 8.7).
      expect((await marks('7')).flat()).toEqual([]);
      expect((await marks('8')).flat()).toEqual([]);
      // Hyphens and spaces alike.
      expect((await e.search('year on year', 10, en)).map((h) => h.field)).toContain('summary');
      // (Typed with hyphens, the words are terms of their own, as if typed apart.)
      expect((await marks('year-on-year'))[0]).toEqual(['year', 'on', 'year']);
      // Capitals: the abbreviation alone; in lower case, where a word starts.
      expect((await marks('PLA')).flat()).toEqual(['PLA']);
      expect((await marks('pla')).flat().sort()).toEqual(['PLA', 'pla']);
      // A word of two letters is a whole word (on is not one), and "People's" is one word.
      expect((await marks('one of')).flat().sort()).toEqual(['of', 'one']);
      expect((await marks("People's Daily")).flat()).toEqual(['People', 'Daily']);
    });

    it('ranks a passage with every English word above Chinese ones with fewer, for a reader of Chinese too (Sichuan University)', async () => {
      const e = await small([
        { slug: 'macron', title: '马克龙访问', date: '2025-12-06', paragraphs: ['马克龙访问四川大学。', '四川省体育馆。'], english: [{ id: HEADER_ID, text: 'In a speech at Sichuan University, Macron spoke.' }] },
      ]);
      const hits = await e.search('Sichuan University');
      expect(hits[0]!.field).toBe('summary');
      expect(markedText(hits[0]!)).toEqual(['Sichuan', 'University']);
      // Alone, sichuan is 四川 first.
      expect((await e.search('sichuan'))[0]!.lang).toBeUndefined();
      // A word of one syllable (yuan) ranks English passages with every word first.
      const trade = await small([
        { slug: 'trade', title: '外贸', date: '2024-03-07', paragraphs: ['适逢元旦假期。', '进出口6.61万亿元。', '制定应急预案。'], english: [{ id: HEADER_ID, text: 'Trade reached 6.61 trillion yuan.' }] },
      ]);
      const yuan = await trade.search('trillion yuan');
      expect(markedText(yuan[0]!)).toEqual(['trillion', 'yuan']);
    });

    it('shows no passage that has only function words of the query (of, the) when it has others', async () => {
      const e = await small([
        {
          slug: 'customs',
          title: '海关数据',
          date: '2024-03-07',
          paragraphs: ['海关总署发布数据。'],
          english: [
            { id: HEADER_ID, text: 'Figures released by the General Administration of Customs.' },
            { id: blockIds([{ kind: 'paragraph', text: '海关总署发布数据。' }])[0]!, text: 'The strength of innovation.' },
          ],
        },
      ]);
      const hits = await e.search('General Administration of Customs', 10, { lang: 'en' });
      expect(hits.map((h) => h.field)).toEqual(['summary']);
    });

    it('reads an English word written together with Chinese as a word of its own (Macron四川大学)', async () => {
      const e = await small([
        { slug: 'macron', title: '法国总统访问', date: '2025-12-06', paragraphs: ['马克龙访问四川大学。'], english: [{ id: HEADER_ID, text: 'Macron spoke at Sichuan University.' }] },
        { slug: 'other', title: '大学', date: '2025-12-05', paragraphs: ['四川大学举行活动。'] },
      ]);
      const hits = await e.search('Macron四川大学');
      expect(slugs(hits)).toEqual(['macron']);
      expect(hits.flatMap(markedText)).toEqual(expect.arrayContaining(['Macron', '四川大学']));
      // A word of letters longer than a Chinese one stays whole (Antarctica, not antarcti and ca).
      const polar = await small([{ slug: 'polar', title: '雪龙2号返航', date: '2024-03-07', paragraphs: ['雪龙2号离开秦岭站。'], english: [{ id: HEADER_ID, text: 'The Xuelong 2 left Antarctica.' }] }]);
      expect(slugs(await polar.search('雪龙Antarctica'))).toEqual(['polar']);
    });

    it('reads a number with a decimal point or percent sign written together with Chinese as a word of its own (出口8.7%)', async () => {
      const e = await small([{ slug: 'trade', title: '外贸', date: '2024-03-07', paragraphs: ['出口保持增长。', '同比增长8.7%。'] }]);
      expect((await e.search('出口8.7%')).flatMap(markedText).sort()).toEqual(['8.7%', '出口']);
      // Three figures or more with their unit too (人造太阳403秒).
      const sun = await small([{ slug: 'sun', title: '成果', date: '2024-03-05', paragraphs: ['“人造太阳”实现稳态运行403秒。'] }]);
      expect((await sun.search('人造太阳403秒')).flatMap(markedText).sort()).toEqual(['403秒', '人造太阳']);
    });

    it('finds an English word with a slip as a near miss, when nothing matches as typed (exprots, Antartica)', async () => {
      const e = await small([
        { slug: 'exp', title: '出口增长', date: '2024-03-07', paragraphs: ['出口保持增长。'], english: [{ id: HEADER_ID, text: "China's exports grew; the Xuelong 2 left Antarctica by helicopter." }] },
      ]);
      for (const [typed, found] of [
        ['exprots', 'exports'],
        ['exportss', 'exports'],
        ['Antartica', 'Antarctica'],
      ] as const) {
        const hits = await e.search(typed, 10, { lang: 'en' });
        expect(hits.map((h) => h.match), typed).toEqual(['fuzzy']);
        expect(markedText(hits[0]!), typed).toEqual([found]);
      }
      // As typed first: a word the text starts so is not read as another; nor another form of a word.
      expect((await e.search('export', 10, { lang: 'en' }))[0]!.match).toBe('exact');
      const helicopters = await e.search('helicopters', 10, { lang: 'en' });
      expect(helicopters.map((h) => h.match)).toEqual(['exact']);
      expect(markedText(helicopters[0]!)).toEqual(['helicopter']);
      expect(await e.search('zzzzzz', 10, { lang: 'en' })).toEqual([]);
    });

    it('reads full-width letters as typed ones: ＡＩ is the abbreviation AI', () => {
      expect(engine.parse('ＡＩ')[0]!.abbreviation).toBe(true);
      expect(engine.parse('ＡＩ')[0]!.variants.every((v) => v.kind === 'exact')).toBe(true);
    });

    it("shows the title in the reader's language when both have the query (Shouguang: the English title on the English pages)", async () => {
      const e = await small([{ slug: 'solar', title: '寿光市光伏项目', titleEn: 'A solar project in Shouguang', date: '2025-12-06', paragraphs: ['寿光市的光伏项目。'] }]);
      expect((await e.search('shouguang'))[0]!.field).toBe('title');
      const en = await e.search('shouguang', 10, { lang: 'en' });
      expect(en[0]!.field).toBe('titleEn');
      expect(markedText(en[0]!)).toEqual(['Shouguang']);
      expect(en.filter((h) => h.field === 'title')).toEqual([]);
    });

    it('ranks English below Chinese for a reader of Chinese only when the letters read as a Chinese word: ai is the AI of an English title before 爱', async () => {
      const e = await small([{ slug: 'ai', title: '为什么要实施行动', titleEn: 'Why implement the AI Plus initiative', date: '2025-12-06', paragraphs: ['我们热爱学习。'] }]);
      const hits = await e.search('ai');
      expect(hits[0]!.field).toBe('titleEn');
      expect(markedText(hits[0]!)).toEqual(['AI']);
    });

    it('reads English words among other words typed in letters as English, not pinyin (and in Belt and Road)', () => {
      const [, and] = engine.parse('Belt and Road');
      expect(and!.variants.every((v) => v.kind === 'exact')).toBe(true);
      expect(and!.partial).toBeUndefined();
      // Alone, letters may be pinyin as ever.
      expect(engine.parse('an')[0]!.variants.some((v) => v.kind === 'pinyin')).toBe(true);
    });

    it('finds a name with an accent in English text (Lü Daliang)', async () => {
      const e = await small([{ slug: 'customs', title: '海关', date: '2024-03-07', paragraphs: ['吕大良表示。'], english: [{ id: blockIds([{ kind: 'paragraph', text: '吕大良表示。' }])[0]!, text: 'Lü Daliang said so.' }] }]);
      expect(markedText((await e.search('Lü Daliang', 10, { lang: 'en' }))[0]!)).toEqual(['Lü Daliang']);
      // Typed without the accent, as pinyin keyboards type ü (v), or written together.
      for (const query of ['Lu Daliang', 'Lv Daliang', 'lvdaliang', 'ludaliang']) {
        expect(markedText((await e.search(query, 10, { lang: 'en' }))[0]!), query).toEqual(['Lü Daliang']);
      }
    });

    it('finds names typed as words apart in English text too (shanghai cooperation)', async () => {
      const hits = await sco.search('shanghai cooperation', 10, { lang: 'en' });
      expect(hits[0]!.field).toBe('summary');
      expect(markedText(hits[0]!)).toEqual(['Shanghai', 'Cooperation']);
    });

    it('reads a translation file: the summary as the head, then the translated paragraphs, untranslated ones left out', () => {
      expect(englishBlocks({ summary: ' A summary. ', paragraphs: [{ id: 'p-1', text: 'One.' }, { id: 'p-2', text: '  ' }, { id: 'p-3', text: 'Three.' }] })).toEqual([
        { id: HEADER_ID, text: ' A summary. ' },
        { id: 'p-1', text: 'One.' },
        { id: 'p-3', text: 'Three.' },
      ]);
      expect(englishBlocks({ title: 'Only a title', summary: '' })).toEqual([]);
      // The fixtures' translation of the exports article: its summary and first paragraph are searched.
      const exportsArticle = articles.find((a) => a.slug === SLUG.exports)!;
      expect(exportsArticle.english?.map((b) => b.id)).toEqual([HEADER_ID, blockIds(exportsArticle.blocks)[0]]);
    });

    it("finds the fixtures' English paragraph, and keeps the manifest free of English when no article has any", async () => {
      const hits = await engine.search('photovoltaic');
      expect(hits.map((h) => [h.article.slug, h.field, h.paragraphId])).toEqual([[SLUG.exports, 'translation', blockIds(articles.find((a) => a.slug === SLUG.exports)!.blocks)[0]]]);
      const none = buildSearchIndex([{ slug: 'x', title: '标题', blocks: [{ kind: 'paragraph', text: '正文。' }] }], { inline }).parts.manifest as ManifestPart;
      expect(none.articles.english).toBeUndefined();
    });
  });

  describe('pinyin with a slip', () => {
    it('finds the Chinese when nothing matches as typed: a sound mixed up, letters swapped, one left out', async () => {
      // 雪龙 (xuelong), 观测 (guance), 科研 (keyan).
      for (const query of ['xuelogn', 'guangce', 'keyang']) {
        const hits = await engine.search(query);
        expect(hits.length, query).toBeGreaterThan(0);
        expect(hits.every((h) => h.match === 'pinyin' && h.partial), query).toBe(true);
      }
      expect(markedText((await engine.search('xuelogn'))[0]!)).toEqual(['雪龙']);
      expect(markedText((await engine.search('xuelomg'))[0]!)).toEqual(['雪龙']);
      expect(markedText((await engine.search('xuelng'))[0]!)).toEqual(['雪龙']);
      // Capitals are an abbreviation; four letters or fewer are too short to guess from.
      expect(await engine.search('XUELOGN')).toEqual([]);
      expect(await engine.search('zqxjkv')).toEqual([]);
    });

    it('spells the slips one at a time, fewest syllables first', () => {
      const syllables = new Map(['xi', 'jin', 'jing', 'ping', 'pin', 'xue', 'long', 'lo', 'ma', 'ke', 'teng', 'chong', 'cong', 'g'].map((x) => [x, []]));
      expect(pinyinTypos('xijingping', syllables)).toEqual(expect.arrayContaining(['xijinping', 'xijingpin']));
      expect(pinyinTypos('xuelogn', syllables)).toContain('xuelong');
      expect(pinyinTypos('tengcong', syllables)).toContain('tengchong');
      expect(pinyinTypos('xuelong', syllables)).not.toContain('xuelong');
      expect(pinyinTypos('xue', syllables)).toEqual([]);
      // A key beside the right one (m for n, h for g), a vowel left out, f for h.
      const more = new Map(['xue', 'long', 'ma', 'ke', 'wang', 'hu', 'ning', 'liang', 'hui', 'niu', 'ka', 'si', 'er', 'shou', 'guang'].map((x) => [x, []]));
      for (const [typed, meant] of [
        ['xuelomg', 'xuelong'],
        ['makelonh', 'makelong'],
        ['wanghuming', 'wanghuning'],
        ['liangfui', 'lianghui'],
        ['xuelng', 'xuelong'],
        ['shoguang', 'shouguang'],
        ['nukasier', 'niukasier'],
      ]) expect(pinyinTypos(typed!, more, 12), typed).toContain(meant);
    });
  });

  describe('pinyin typed in part', () => {
    it('reads initials as one syllable each, on consecutive characters: xlh is 雪龙号', async () => {
      const hits = await engine.search('xlh');
      expect(slugs(hits)).toEqual([SLUG.station, SLUG.xuelong]);
      for (const hit of hits) {
        expect(markedText(hit)).toEqual(['雪龙号']);
        expect(hit.match).toBe('pinyin');
        expect(hit.partial).toBe(true);
      }
      // 量子计算机 and 量子计算器 differ in their last initial.
      expect(slugs(await engine.search('lzjsj'))).toEqual([SLUG.quantum]);
      expect(slugs(await engine.search('lzjsq'))).toEqual([SLUG.model]);
    });

    it('puts the commonest reading of initials first, title or not: xl is 雪龙, and not 型量 of 新型量子 nor 学理 of 同学理解 (two words)', async () => {
      const hits = await engine.search('xl');
      expect(marked(hits[0]!)).toBe('【雪龙】2号完成南极考察返回上海');
      expect(hits.slice(0, 3).map((h) => [h.article.slug, markedText(h).join(), h.field])).toEqual([
        [SLUG.xuelong, '雪龙', 'title'],
        [SLUG.xuelong, '雪龙', 'paragraph'],
        [SLUG.station, '雪龙', 'paragraph'],
      ]);
      // 新型量子计算机 has 型量 only across two words; 帮助同学理解 has 学理 across 同学 and 理解 (the
      // word breaker's words).
      expect(hits.flatMap(markedText)).not.toContain('型量');
      expect(hits.flatMap(markedText)).not.toContain('学理');
    });

    it('takes zh, ch and sh as one initial, or as two letters when that makes two syllables', async () => {
      expect(slugs(await engine.search('qglh'))).toEqual([SLUG.sessions, SLUG.exports]);
      const zhg = await engine.search('zhg');
      expect(zhg.flatMap(markedText)).toEqual(['中国', '直观']);
      // z also stands for zh: 中国 among 做过 and 足够.
      expect((await engine.search('zg')).flatMap(markedText)).toContain('中国');
      // sh alone is s h: 上海.
      expect(markedText((await engine.search('sh'))[0]!)).toEqual(['上海']);
    });

    it('reads a half-typed last syllable: zhongg is 中国, xuelo and xue lo are 雪龙', async () => {
      const zhongg = await engine.search('zhongg');
      expect(slugs(zhongg)).toEqual([SLUG.xuelong]);
      expect(zhongg.flatMap(markedText)).toEqual(['中国']);
      for (const query of ['xuelo', 'xue lo']) {
        // The article whose titles start so (for a reader of Chinese, the Chinese title), with its
        // paragraphs that have 雪龙; then the other.
        const hits = await engine.search(query);
        expect(hits.map((h) => [h.article.slug, h.field, markedText(h).join(), h.partial ?? false]), query).toEqual([
          [SLUG.xuelong, 'title', '雪龙', true],
          [SLUG.xuelong, 'paragraph', '雪龙', true],
          [SLUG.station, 'paragraph', '雪龙', true],
          [SLUG.xuelong, 'paragraph', '雪龙', true],
          [SLUG.xuelong, 'paragraph', '雪龙', true],
        ]);
        // On the English pages, the English title, as typed.
        expect(markedText((await engine.search(query, 10, { lang: 'en' }))[0]!), query).toEqual(['Xuelo']);
      }
    });

    it('puts a hit with part of the query after the hits with all of it, in any article (3月 5日)', async () => {
      const e = await small([
        { slug: 'a', title: '开幕', date: '2024-03-06', paragraphs: ['本报北京3月5日电 大会开幕。', '会议于3月上旬召开。'] },
        { slug: 'b', title: '审议', date: '2024-03-05', paragraphs: ['3月5日上午举行审议。'] },
      ]);
      const hits = await e.search('3月 5日', 8);
      expect(hits.map((h) => markedText(h).join('+'))).toEqual(['3月5日', '3月5日', '3月']);
    });

    it('comes after every hit of the articles found in full, not between them (nanji: each 南极 before 南京)', async () => {
      const e = await small([
        { slug: 'polar', title: '考察', date: '2024-03-07', paragraphs: ['南极秦岭站。', '第40次南极考察。', '抵达南极。'] },
        { slug: 'city', title: '城市', date: '2024-03-08', paragraphs: ['南京市举行活动。'] },
      ]);
      const hits = await e.search('nanji', 8);
      expect(hits.map((h) => h.article.slug)).toEqual(['polar', 'polar', 'polar', 'city']);
    });

    it('ranks below full pinyin and exact matches', async () => {
      // yanji: 研机 in full, 研究 with ji… typed halfway.
      const yanji = await engine.search('yanji');
      expect(slugs(yanji)).toEqual([SLUG.xuelong, SLUG.quantum]);
      expect(yanji.map((h) => [markedText(h).join(), h.match, h.partial ?? false])).toEqual([
        ['研机', 'pinyin', false],
        ['研究', 'pinyin', true],
      ]);
      expect(yanji[0]!.score).toBeGreaterThan(yanji[1]!.score);
      // xuelo on the English pages: the English title starts with it (as written), then 雪龙 by pinyin.
      const xuelo = await engine.search('xuelo', 10, { lang: 'en' });
      expect(xuelo[0]!.field).toBe('titleEn');
      expect(xuelo[0]!.partial).toBeUndefined();
      expect(Math.min(...xuelo.filter((h) => !h.partial).map((h) => h.score))).toBeGreaterThan(Math.max(...xuelo.filter((h) => h.partial).map((h) => h.score)));
    });

    it('needs two syllables: a single letter matches nothing', async () => {
      for (const query of ['x', 'l', 'q']) expect(await engine.search(query), query).toEqual([]);
    });

    it('combines with other terms', async () => {
      expect(slugs(await engine.search('两会 chk'))).toEqual([SLUG.exports]);
    });
  });

  describe('near misses', () => {
    it('find the article from a query with one wrong character', async () => {
      const hits = await engine.search('雪尤2号');
      expect(slugs(hits)).toEqual([SLUG.xuelong]);
      expect(hits.every((h) => h.match === 'fuzzy')).toBe(true);
      expect(hits.some((h) => markedText(h).includes('雪龙2号'))).toBe(true);
    });

    it.runIf(inline)('rank below exact hits (with the text in memory, whenever exact hits are few)', async () => {
      const hits = await engine.search('量子计算机', 20, { perArticle: 10 });
      expect(slugs(hits)).toEqual([SLUG.quantum, SLUG.model]);
      const exact = hits.filter((h) => h.article.slug === SLUG.quantum);
      const near = hits.filter((h) => h.article.slug === SLUG.model);
      expect(near.every((h) => h.match === 'fuzzy')).toBe(true);
      expect(Math.min(...exact.map((h) => h.score))).toBeGreaterThan(Math.max(...near.map((h) => h.score)));
      // The near miss is marked whole: the passage closest to the term.
      expect(markedText(near[0]!)).toEqual(['量子计算器']);
    });

    it('keep figures: 雪龙二号 finds 雪龙2号, but 雪龙2号 does not bring 雪龙号 (another ship), nor 12月 a 2月', async () => {
      const chinese = await engine.search('雪龙二号');
      expect(slugs(chinese)[0]).toBe(SLUG.xuelong);
      expect(chinese.flatMap(markedText)).toContain('雪龙2号');
      const hits = await engine.search('雪龙2号', 20, { perArticle: 10 });
      expect(slugs(hits)).toEqual([SLUG.xuelong]);
      expect(nearMissAllowed('由雪龙号在二月运抵', [1, 4], '雪龙2号')).toBe(false);
      expect(nearMissAllowed('使用长征八号甲运载火箭', [2, 6], '长征8号')).toBe(true);
      expect(nearMissAllowed('新华社北京12月5日电', [6, 10], '3月5日')).toBe(false);
      expect(nearMissAllowed('新华社北京12月5日电', [6, 10], '2月5日'), 'not a part of 12').toBe(false);
      expect(nearMissAllowed('受理求助来电53万多通', [6, 9], '53万')).toBe(true);
      expect(nearMissAllowed('任何文字', [0, 2], '文学'), 'no figures, no constraint').toBe(true);
      expect(nearMissAllowed('同比增长14.8%', [4, 7], '14组'), '14 is not 14.8').toBe(false);
      expect(nearMissAllowed('使用长征八号甲运载火箭', [2, 6], '长征九号')).toBe(false);
      expect(nearMissAllowed('实现“十四五”规划', [3, 6], '十五五')).toBe(false);
      expect(nearMissAllowed('第二次停靠', [0, 3], '第4次')).toBe(false);
      expect(nearMissAllowed('新质生产力？绿色', [0, 8], '新质生产力绿色'), 'punctuation inside').toBe(false);
      expect(nearMissAllowed('共建一带一路', [2, 6], '一代一路'), '一 alone is no figure').toBe(true);
      // Nor a numeral among other characters, with no counter or figure beside it: a sound typed
      // by mistake (八 for 巴), which may be changed.
      expect(nearMissAllowed('秘书长叶尔梅克巴耶夫接受', [3, 10], '叶尔梅克八耶夫')).toBe(true);
      expect(nearMissAllowed('巴基斯坦通讯社记者', [0, 7], '八基斯坦通讯社')).toBe(true);
      expect(nearMissAllowed('诺贝尔物理学奖获得者', [0, 7], '诺贝尔五理学奖')).toBe(true);
      expect(nearMissAllowed('使用长征八号甲运载火箭', [2, 6], '长征九号'), 'beside 号').toBe(false);
      expect(nearMissAllowed('第二次停靠', [0, 3], '第九次'), 'beside 第').toBe(false);
      expect(nearMissAllowed('十大科技梦想', [0, 6], '九大科技梦想'), 'beside 大').toBe(false);
    });

    it.runIf(!inline)('are looked for only when nothing matches exactly, when the text must be fetched', async () => {
      expect(slugs(await engine.search('量子计算机'))).toEqual([SLUG.quantum]);
      expect(slugs(await engine.search('量子计算器'))).toEqual([SLUG.model]);
      expect(slugs(await engine.search('量子计算仪'))).toEqual([SLUG.quantum, SLUG.model]);
    });

    it('find a missing or an extra character', async () => {
      expect(slugs(await engine.search('量子计算'))).toContain(SLUG.quantum);
      expect(slugs(await engine.search('南极考查任务'))).toEqual([SLUG.xuelong]);
      expect(slugs(await engine.search('雪龙2号号'))).toEqual([SLUG.xuelong]);
    });

    it('read Chinese with a homophone picked by mistake by its sound, when nothing matches as typed', async () => {
      // 周员 for the byline's 周圆, 学龙 for 雪龙: the input method's pinyin was right. (The sound
      // of a character is known when the corpus has it somewhere: 员 in 队员, 学 in 学生.)
      const byline = await engine.search('周员');
      expect(slugs(byline)).toEqual([SLUG.xuelong]);
      expect(markedText(byline[0]!)).toEqual(['周圆']);
      expect(byline.every((h) => h.match === 'pinyin' && h.partial)).toBe(true);
      expect(slugs(await engine.search('学龙'))[0]).toBe(SLUG.xuelong);
      // Found as typed: no sounds-alike.
      expect((await engine.search('周圆')).every((h) => h.match !== 'pinyin')).toBe(true);
    });

    it('read one character by its sound, not a word the text lacks as two others that sound like it, nor a character of the word beside it', async () => {
      const e = await small([
        { slug: 'gov', title: '政府工作', date: '2024-03-05', paragraphs: ['推动经济发展。', '加强数字政府建设。', '国务院总理李强作政府工作报告。'] },
        { slug: 'law', title: '法治', date: '2024-03-04', paragraphs: ['建设法治政府。'] },
        { slug: 'meet', title: '会议', date: '2024-03-03', paragraphs: ['总理李强出席会议。', '地方政府负责人发言。'] },
        { slug: 'city', title: '城市', date: '2024-03-02', paragraphs: ['市政府召开会议。'] },
        { slug: 'town', title: '乡镇', date: '2024-03-01', paragraphs: ['镇政府组织活动。'] },
      ]);
      // 东京 (dong jing) is not 动经 of 推动经济: both characters would be other ones.
      expect(await e.search('东京')).toEqual([]);
      // 福建 (fu jian) is not 府建 of 政府建设: 府 goes with 政 far more often than with 建.
      expect(await e.search('福建')).toEqual([]);
      // 李墙 is 李强, beside 作 or not.
      const li = await e.search('李墙');
      expect(li.length).toBeGreaterThan(1);
      expect(li.flatMap(markedText).every((m) => m === '李强')).toBe(true);
    });

    it('read a character by its sound, or keep two of three characters, only into what stands together far more often than chance', async () => {
      const e = await small([
        { slug: 'hall', title: '大会', date: '2024-03-05', paragraphs: ['主席台正中的国徽熠熠生辉。', '国家发展，国际合作，国内市场，全国人民，中国经济。', '发展的成果惠及人民的生活。', '美好的未来，幸福的家庭，城市的建设。', '科技的进步，经济的增长，社会的和谐。', '我们的目标。'] },
        { slug: 'energy', title: '能源', date: '2024-03-04', paragraphs: ['加强大型风电基地建设。', '加强管理，加强合作，加强监督，加强服务。', '扩大开放，大力发展，重大项目，大家努力，伟大事业，巨大成就，强大动力，大型企业，大量投资，大批人才。', '国务院的报告。'] },
        { slug: 'ship', title: '船', date: '2024-03-03', paragraphs: ['雪龙号抵达。', '雪龙号返回。', '工信部印发通知。'] },
      ]);
      // 德国 (de guo) is not 的国 of 的国徽: 国 is no likelier after 的 than anywhere.
      expect(await e.search('德国')).toEqual([]);
      // 加拿大 is neither 加大 nor 加强大 of 加强大型: 大 is no likelier after 加强 than anywhere.
      expect(await e.search('加拿大')).toEqual([]);
      // But 工信布 is 工信部, by its sound.
      const gongxin = await e.search('工信布');
      expect(gongxin.flatMap(markedText)).toEqual(['工信部']);
      expect(gongxin[0]!.match).toBe('pinyin');
    });

    it('read a character the text lacks by the sound the index keeps for common characters, loaded only then', async () => {
      // 媛 is nowhere in the fixtures: its reading (yuan) comes from the heard part, and 周媛 is 周圆.
      expect(articles.some((a) => [a.title, a.header ?? '', ...a.blocks.map((b) => b.text)].join('').includes('媛'))).toBe(false);
      expect((parts[HEARD_PART] as HeardPart).yuan).toContain('媛');
      const asked: string[] = [];
      const e = await loadIndex(objectSource((p) => (asked.push(p), parts[p])), { prefetch: 0 });
      await e.search('周圆');
      await e.search('周员');
      expect(asked, "not for a query the text's characters read").not.toContain(HEARD_PART);
      const byline = await e.search('周媛');
      expect(slugs(byline)).toEqual([SLUG.xuelong]);
      expect(markedText(byline[0]!)).toEqual(['周圆']);
      expect(asked.filter((p) => p === HEARD_PART)).toEqual([HEARD_PART]);
      // An index without the part (or one that failed to load) only misses the sound.
      const without = await loadIndex(objectSource((p) => (p === HEARD_PART ? undefined : parts[p])));
      expect(await without.search('周媛')).toEqual([]);
    });

    it('find a three-character word with two characters swapped, not a two-character word the other way round (another word, as 京东 is to 东京)', async () => {
      const hits = await engine.search('雪号龙');
      expect(slugs(hits)[0]).toBe(SLUG.station);
      expect(markedText(hits[0]!)).toEqual(['雪龙号']);
      expect(hits.every((h) => h.match === 'fuzzy')).toBe(true);
      expect(await engine.search('龙雪')).toEqual([]);
    });

    it('find a three-character name with its middle character wrong by its sound, not by another character', async () => {
      // 雪笼号 (long) is 雪龙号, by the sound of 笼.
      const hits = await engine.search('雪笼号');
      expect(slugs(hits)[0]).toBe(SLUG.station);
      expect(markedText(hits[0]!)).toEqual(['雪龙号']);
      // 雪虎号 keeps two characters of three: as 共和党 is not 共产党, nothing.
      expect(await engine.search('雪虎号')).toEqual([]);
    });

    it('are not added to a word of three characters found as typed', async () => {
      const hits = await engine.search('科考站', 20);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((h) => h.match !== 'fuzzy')).toBe(true);
    });

    it('find a word with two neighbouring characters typed the wrong way round', async () => {
      // 科研人员 in the 雪龙 article, typed 科人研员 (two characters off: no near miss).
      const hits = await engine.search('科人研员');
      expect(slugs(hits)).toEqual([SLUG.xuelong]);
      expect(hits.every((h) => h.match === 'fuzzy')).toBe(true);
      expect(markedText(hits[0]!)).toEqual(['科研人员']);
    });

    it('mark the passage closest to the term, whole', () => {
      const mark = (text: string, pattern: string): string => closestSpan(text, pattern)?.map((x, i, [s, e]) => (i === 0 ? text.slice(s, e) : '')).join('') ?? '';
      expect(mark('他们还用人工智能工具整理了笔记', '人工只能')).toBe('人工智能');
      expect(mark('法国总统马克龙访问四川大学', '马克隆')).toBe('马克龙');
      expect(mark('新质生产力本身就是绿色生产力', '新质生产理')).toBe('新质生产力');
      expect(mark('雪龙2号在南极秦岭站', '秦陵站')).toBe('秦岭站');
      expect(mark('雪龙2号在南极秦岭站', '雪龙号')).toBe('雪龙2号');
      // An end that cannot stand for a character of the term stays out.
      expect(mark('法国总统马克龙：法中', '马克龙的')).toBe('马克龙');
      expect(mark('马克龙12月5日在', '马克龙的')).toBe('马克龙');
      // Two neighbours swapped are one edit, at either end too: the whole passage.
      expect(mark('法国总统马克龙：法中', '克马龙')).toBe('马克龙');
      expect(mark('法国总统马克龙：法中', '马龙克')).toBe('马克龙');
      expect(mark('王沪宁发表讲话', '沪王宁')).toBe('王沪宁');
      expect(mark('雪龙2号离开', '龙雪2号')).toBe('雪龙2号');
      // Nor a particle typed past the word, where the text has another character.
      expect(mark('马克龙是应国家主席', '马克龙的')).toBe('马克龙');
      expect(mark('5日下午，马克龙访问', '的马克龙')).toBe('马克龙');
      expect(mark('马克龙的演讲', '马克龙的')).toBe('马克龙的');
      // Nor a last character typed twice.
      expect(mark('出席 王沪宁发表讲话', '王沪宁宁')).toBe('王沪宁');
      // (A wrong last character that is not a particle is part of the passage.)
      expect(mark('发展新质生产力，关键', '新质生产率')).toBe('新质生产力');
      expect(closestSpan('abc', '')).toBeUndefined();
    });

    it('look past quotation marks, as exact matches do, and mark across them', async () => {
      const e = await small([
        { slug: 'br', title: '提出“一带一路”倡议十年', date: '2024-03-07', paragraphs: ['共建“一带一路”倡议十年来成果丰硕。', '另一段没有这个词。', '这一“零碳智慧综合能源中心”投入使用。'] },
        { slug: 'other', title: '聚焦“新质”生产力', date: '2024-03-06', paragraphs: ['报告提出一系列新举措。'] },
      ]);
      const typo = await e.search('一带一路倡仪');
      expect(slugs(typo)).toEqual(['br']);
      expect(typo.every((h) => h.match === 'fuzzy')).toBe(true);
      expect(typo.flatMap(markedText)).toEqual(['一带一路”倡议', '一带一路”倡议']);
      // A figure is read in the text as written: the 一 of 这一 is not part of 零碳's number.
      expect((await e.search('零碳智慧综合能原中心')).flatMap(markedText)).toEqual(['零碳智慧综合能源中心']);
      // In a title too, between its marks.
      const title = await e.search('新质生产历');
      expect(slugs(title)).toEqual(['other']);
      expect(markedText(title[0]!)).toEqual(['新质”生产力']);
      // And past the dot inside a foreign name.
      const ship = await small([{ slug: 'ship', title: '邮轮', date: '2024-01-01', paragraphs: ['国产大型邮轮“爱达·魔都号”正式命名交付。'] }]);
      expect((await ship.search('爱达魔都好')).flatMap(markedText)).toEqual(['爱达·魔都号']);
      expect(withoutQuotes('“一带”路')).toEqual({ text: '一带路', at: new Int32Array([1, 2, 4]) });
      expect(withoutQuotes('一带一路')).toBeUndefined();
    });

    it('are not tried for numbers or two characters', async () => {
      expect(await engine.search('29.8%')).toEqual([]);
      expect(await engine.search('雪尤')).toEqual([]);
    });
  });

  describe('the article\'s head', () => {
    it('finds an article by its byline, kicker or day, and links to the article itself', async () => {
      for (const query of ['周圆', '极地科考', '2024年4月1日', '2024-04-01']) {
        const hits = await engine.search(query);
        expect(slugs(hits)[0], query).toBe(SLUG.xuelong);
        expect(hits.filter((h) => h.article.slug !== SLUG.xuelong).every((h) => h.match === 'fuzzy'), query).toBe(true);
        const head = hits.find((h) => h.field === 'header')!;
        expect(head.paragraphId, query).toBeUndefined();
        expect(head.snippet.text, query).toContain('本报记者 周圆');
      }
      expect(markedText((await engine.search('zhouyuan')).find((h) => h.field === 'header')!)).toEqual(['周圆']);
    });

    it('finds the day written with slashes, dots or hyphens, and the month', async () => {
      for (const query of ['2024/4/1', '2024.04.01', '2024-4-1', '2024/04/01']) {
        const hits = await engine.search(query);
        expect(slugs(hits), query).toEqual([SLUG.xuelong]);
        expect(hits.flatMap(markedText), query).toEqual(['2024年4月1日', '2024-04-01']);
      }
      expect(slugs(await engine.search('2024/4'))).toEqual([SLUG.xuelong]);
      // The year last: month first (as in the United States) or day first, whichever is a date.
      for (const query of ['4/1/2024', '1/4/2024', '01.04.2024', '1-4-2024']) {
        const hits = await engine.search(query);
        expect(slugs(hits), query).toEqual([SLUG.xuelong]);
        expect(hits.flatMap(markedText), query).toEqual(['2024年4月1日', '2024-04-01']);
      }
      expect(await engine.search('13/4/2024')).toEqual([]);
      // The day as the text prints it, in its body too.
      const e = await small([{ slug: 'voyage', title: '考察队出发', date: '2023-11-02', paragraphs: ['考察队于2023年11月1日从国内出发。'] }]);
      expect((await e.search('2023/11/1')).flatMap(markedText)).toEqual(['2023年11月1日']);
      // In numerals, and in English text.
      const report = await small([
        { slug: 'report', title: '政府工作报告', date: '2024-03-13', paragraphs: ['二〇二四年三月五日在第十四届全国人民代表大会第二次会议上'], english: [{ id: HEADER_ID, text: 'The report given on March 5, 2024.' }] },
      ]);
      expect((await report.search('2024/3/5')).flatMap(markedText).sort()).toEqual(['March 5, 2024', '二〇二四年三月五日']);
      // Typed as Chinese prints it, or in English, likewise.
      expect((await report.search('2024年3月5日')).flatMap(markedText).sort()).toEqual(['March 5, 2024', '二〇二四年三月五日']);
      expect((await report.search('March 5, 2024')).flatMap(markedText).sort()).toEqual(['March 5, 2024', '二〇二四年三月五日']);
      expect((await report.search('5 March 2024')).flatMap(markedText).sort()).toEqual(['March 5, 2024', '二〇二四年三月五日']);
      // With an ordinal, `of`, the day of the week.
      for (const query of ['March 5th, 2024', '5th of March 2024', 'Tuesday, March 5, 2024']) {
        expect((await report.search(query)).flatMap(markedText).sort(), query).toEqual(['March 5, 2024', '二〇二四年三月五日']);
      }
      // Without a year: the day as printed in Chinese, and in English.
      const forum = await small([{ slug: 'forum', title: '论坛开幕', date: '2025-12-07', paragraphs: ['论坛12月6日在腾冲开幕。'], english: [{ id: HEADER_ID, text: 'The forum opened on December 6, 2025.' }] }]);
      expect((await forum.search('December 6')).flatMap(markedText).sort()).toEqual(['12月6日', 'December 6']);
      expect((await forum.search('12月6日')).flatMap(markedText).sort()).toEqual(['12月6日', 'December 6']);
      expect((await forum.search('6th December')).flatMap(markedText).sort()).toEqual(['12月6日', 'December 6']);
      expect(slugs(await engine.search('2024/3')).sort()).toEqual([SLUG.station, SLUG.exports, SLUG.sessions].sort());
      expect(await engine.search('2024/4/2')).toEqual([]);
    });

    it('finds a Latin word in Chinese text where it starts, and reads no digit alone as pinyin', async () => {
      const e = await small([{ slug: 'heps', title: '光源建设', date: '2025-12-06', paragraphs: ['2025年，HEPS建设进入冲刺阶段，MOSFET器件量产，产量增长29.9%。'] }]);
      expect((await e.search('HEPS')).flatMap(markedText)).toEqual(['HEPS']);
      expect(await e.search('EPS')).toEqual([]);
      expect(await e.search('FET')).toEqual([]);
      // ling is not the 0 of 2025, nor er the 2 of 29.9.
      expect((await e.search('ling')).flatMap(markedText)).not.toContain('0');
      // Two letters are a whole word only: MOS is not mo…
      expect((await e.search('MO')).flatMap(markedText)).toEqual([]);
      expect((await e.search('er')).flatMap(markedText)).not.toContain('2');
    });

    it('finds a hyphenated figure in text with quotation marks (the pattern then spans them: no invalid expression)', async () => {
      const e = await small([{ slug: 'q', title: '“一带一路”倡议', date: '2013-09-07', paragraphs: ['“一带一路”倡议于2013-09-07提出。'] }]);
      const hits = await e.search('2013-09-07');
      expect(hits.flatMap(markedText)).toEqual(['2013-09-07']);
    });

    it('finds a publication\'s articles', async () => {
      expect(slugs(await engine.search('科技测试报')).sort()).toEqual([SLUG.model, SLUG.quantum].sort());
    });
  });

  describe('words written together', () => {
    it('find an article with each word when the run is not in the text as written', async () => {
      for (const query of ['雪龙上海', '上海雪龙', '雪龙2号上海考察']) {
        const hits = await engine.search(query);
        expect(slugs(hits), query).toEqual([SLUG.xuelong]);
        expect(['title', 'exact'], query).toContain(hits[0]!.match);
      }
      // In pinyin too; and a run longer than a near miss may be (16 characters).
      expect(slugs(await engine.search('xuelongshanghai'))).toEqual([SLUG.xuelong]);
      expect(slugs(await engine.search('雪龙2号上海南极考察考察任务科研人员观测数据'))).toEqual([SLUG.xuelong]);
      // Both words marked where a paragraph has both.
      const both = (await engine.search('雪龙上海')).find((h) => markedText(h).length >= 2);
      expect(both && markedText(both).sort()).toEqual(['上海', '雪龙']);
    });

    it('find a phrase across quotation marks, and a long phrase found in few articles also as its words, below it', async () => {
      const index = await small([
        { slug: 'quoted', title: '外贸观察', date: '2024-05-03', paragraphs: ['推动共建“一带一路”走深走实。'] },
        { slug: 'words', title: '合作新闻', date: '2024-05-02', paragraphs: ['共建国家积极参与一带一路合作。'] },
        { slug: 'plain', title: '出口数据', date: '2024-05-01', paragraphs: ['我国对共建一带一路国家出口增长。'] },
      ]);
      const hits = await index.search('共建一带一路');
      // The phrase as typed, and across the quotation marks; then its words, apart.
      expect(slugs(hits)).toEqual(['quoted', 'plain', 'words']);
      expect(markedText(hits[0]!)).toEqual(['共建“一带一路']);
      expect(markedText(hits[2]!).sort()).toEqual(['一带一路', '共建']);
      expect(hits[1]!.score).toBeGreaterThan(hits[2]!.score);
      // Title marks too: 攀高逐“新”“质” for 攀高逐新质.
      expect(findVariant({ kind: 'exact', slots: [['逐'], ['新'], ['质']] }, '攀高逐“新”“质”胜未来')).toEqual([[2, 8]]);
    });

    it('come after the near misses of the whole run, when it has some (a long phrase with a character too many)', async () => {
      const index = await small([
        { slug: 'words', title: '提升能力', date: '2024-05-03', paragraphs: ['新质生产要素的配置能力不断提升。'] },
        { slug: 'phrase', title: '发展', date: '2024-05-01', paragraphs: ['加快发展新质生产力。'] },
      ]);
      const hits = await index.search('新质生产能力');
      expect(slugs(hits)).toEqual(['phrase', 'words']);
      expect(markedText(hits[0]!)).toEqual(['新质生产力']);
      expect(hits[0]!.score).toBeGreaterThan(Math.max(...hits.filter((h) => h.article.slug === 'words').map((h) => h.score)));
      // Words written together with no near miss still come as words, first.
      const apart = await index.search('新质生产要素配置');
      expect(slugs(apart)).toEqual(['words']);
      // And before near misses two characters off, which only a long run has (a word of it replaced).
      const two = await small([
        { slug: 'green', title: '绿色', date: '2024-05-03', paragraphs: ['绿色发展是底色，新质生产力本身就是绿色生产力。'] },
        { slug: 'fast', title: '加快', date: '2024-05-04', paragraphs: ['要因地制宜发展新质生产力加快发展。'] },
      ]);
      const run = await two.search('新质生产力绿色发展');
      expect(slugs(run)[0]).toBe('green');
      expect(markedText(run[0]!).sort()).toEqual(['新质生产力', '绿色发展']);
    });

    it('find a number typed in Chinese numerals where the text prints figures (七十五周年: 75周年)', async () => {
      const e = await small([{ slug: 'prc', title: '开幕', date: '2024-03-04', paragraphs: ['今年是中华人民共和国成立75周年，是实现“十四五”规划目标任务的关键一年。'] }]);
      expect((await e.search('七十五周年')).flatMap(markedText)).toEqual(['75周年']);
      // A time typed with a colon, as Chinese prints it.
      const launch = await small([{ slug: 'launch', title: '发射', date: '2025-12-07', paragraphs: ['12月6日15时53分，火箭发射成功。'] }]);
      expect((await launch.search('15:53')).flatMap(markedText)).toEqual(['15时53分']);
      // A name in numerals stays one: 十四五 is not 145.
      expect((await e.search('十四五')).flatMap(markedText)).toEqual(['十四五']);
      // And the other way: figures typed beside Chinese find the numerals printed (14届: 十四届).
      const npc = await small([{ slug: 'npc', title: '十四届全国人大二次会议开幕', date: '2024-03-05', paragraphs: ['使用长征八号甲运载火箭。'] }]);
      expect((await npc.search('14届')).flatMap(markedText)).toEqual(['十四届']);
      expect((await npc.search('长征8号甲')).flatMap(markedText)).toEqual(['长征八号甲']);
    });

    it('never cut beside a figure: a date is not its month and day anywhere', async () => {
      // 4月1日 is in the 雪龙 article; 4月2日 is nowhere, though 4月 and 2日 might be.
      expect(slugs(await engine.search('4月1日'))).toEqual([SLUG.xuelong]);
      expect(await engine.search('4月2日')).toEqual([]);
    });

    it('keep capitals beside Chinese an abbreviation: AI治理 is AI and 治理, never 爱治理', async () => {
      const e = await small([{ slug: 'ai', title: '技术与治理', date: '2025-12-06', paragraphs: ['AI技术发展迅速。', '热爱治理工作。', '治理能力提升。'] }]);
      const marks = (await e.search('AI治理')).flatMap(markedText);
      expect(marks).toEqual(expect.arrayContaining(['AI', '治理']));
      expect(marks.join()).not.toContain('爱');
    });

    it('are not cut between characters that mostly come together: 第21号主席令 is 第21号 and 主席令', async () => {
      const e = await small([
        { slug: 'law', title: '闭幕', date: '2024-03-11', paragraphs: ['习近平签署第21号主席令予以公布。'] },
        { slug: 'other', title: '公布', date: '2024-03-10', paragraphs: ['第21号主任会议召开。', '习近平签署主席令予以公布。', '主席团常务主席主持会议。'] },
        { slug: 'visit', title: '会见', date: '2024-03-09', paragraphs: ['国家主席会见外宾。'] },
      ]);
      // The phrase in one article; in the other its words: 第21号 and 主席令, not 第21号主 and
      // 席令, which are in as many articles (主席 mostly come together).
      const hits = await e.search('第21号主席令');
      expect(hits.filter((h) => h.article.slug === 'law').flatMap(markedText)).toEqual(['第21号主席令']);
      expect(hits.filter((h) => h.article.slug === 'other').flatMap(markedText).sort()).toEqual(['主席令', '第21号']);
    });

    it('for a phrase found, look for its words in other articles only, not beside it in the same one', async () => {
      const e = await small([
        { slug: 'trade', title: '外贸', date: '2024-03-07', paragraphs: ['进出口3.75万亿元，增长8.7%。', '进口2.86万亿元。'] },
        { slug: 'cargo', title: '货运', date: '2024-03-06', paragraphs: ['运送3.75万吨货物。', '收入1万亿元。'] },
      ]);
      const hits = await e.search('3.75万亿元');
      expect(hits.filter((h) => h.article.slug === 'trade').flatMap(markedText)).toEqual(['3.75万亿元']);
      expect(hits.filter((h) => h.article.slug === 'cargo').flatMap(markedText).sort()).toEqual(['3.75万', '亿元']);
    });

    it('keep the better of two readings of a paragraph: the words found as typed over a near miss of the whole', async () => {
      const e = await small([{ slug: 'npc', title: '开幕', date: '2024-03-05', paragraphs: ['国务院总理李强作政府工作报告。'] }]);
      const [hit] = await e.search('李强政府工作报告');
      expect(hit!.match).toBe('exact');
      expect(markedText(hit!)).toEqual(['李强', '政府工作报告']);
    });

    it('cut beside a run of letters and figures that is a word of its own (C919, a year)', async () => {
      const e = await small([{ slug: 'c919', title: '创新成果', date: '2024-03-05', paragraphs: ['2023年，国产大飞机C919投入商业运营。', '今年两会期间，代表们热议。'] }]);
      expect((await e.search('C919大飞机')).flatMap(markedText)).toEqual(['大飞机C919']);
      expect(slugs(await e.search('2023大飞机'))).toEqual(['c919']);
      // Two figures are not a year: 23大飞机 is not 23 and 大飞机.
      expect(await e.search('23大飞机')).toEqual([]);
    });

    it('are read so only when nothing matches as written, and a near miss still finds a typo', async () => {
      // 南极考察 is in the text: the phrase, not 南极 and 考察 anywhere.
      const phrase = await engine.search('南极考察');
      expect(phrase.every((h) => markedText(h).every((m) => m === '南极考察'))).toBe(true);
      // 雪尤2号 has no reading as words that each appear (尤2号 is not there).
      expect((await engine.search('雪尤2号')).every((h) => h.match === 'fuzzy')).toBe(true);
      // Each word must be somewhere: 雪龙 is, 火星 is not.
      expect(await engine.search('雪龙火星')).toEqual([]);
      // One wrong character explains 人工只能 (人工智能), though 人工 and 只能 are both in another article.
      const typo = await engine.search('人工只能');
      expect(slugs(typo)).toEqual([SLUG.model]);
      expect(typo.flatMap(markedText)).toContain('人工智能');
    });
  });

  describe('results', () => {
    it('put terms side by side before terms far apart', async () => {
      const index = await small([
        { slug: 'apart', title: '新闻一', date: '2024-05-02', paragraphs: ['量子计算机的研制离不开多年的科技积累。'] },
        { slug: 'together', title: '新闻二', date: '2024-05-01', paragraphs: ['量子科技发展很快。'] },
      ]);
      expect(slugs(await index.search('量子 科技'))).toEqual(['together', 'apart']);
    });

    it.runIf(inline)('start a short list as a long one starts, with the text in memory, even for one character or syllable', async () => {
      // Ten newer articles that mention 雪 once, and an older one that mentions it five times:
      // it comes first, whether the list has room for three or for twenty.
      const index = await small([
        ...Array.from({ length: 10 }, (_, i) => ({ slug: `n${i}`, title: `新闻${i}`, date: `2024-05-${String(20 - i).padStart(2, '0')}`, paragraphs: ['今天下了一场雪。'] })),
        { slug: 'snow', title: '天气', date: '2024-05-01', paragraphs: ['今天下了一场雪。', '雪后初晴。', '雪地很滑。', '孩子们堆雪人。', '雪化了。'] },
      ]);
      for (const query of ['雪', 'xue']) {
        const long = await index.search(query, 21);
        expect(long[0]!.article.slug, query).toBe('snow');
        expect((await index.search(query, 3)).map((h) => h.article.slug + (h.paragraphId ?? '')), query).toEqual(long.slice(0, 3).map((h) => h.article.slug + (h.paragraphId ?? '')));
      }
    });

    it('fill a list that has room with an article\'s hits beyond its share', async () => {
      // One article with twelve paragraphs on 极光, one with one.
      const index = await small([
        { slug: 'many', title: '观测记录', date: '2024-05-02', paragraphs: Array.from({ length: 12 }, (_, i) => `第${i + 1}天夜里又见极光，队员记下了它的颜色。`) },
        { slug: 'one', title: '南极来信', date: '2024-05-01', paragraphs: ['信里说，极光很美。'] },
      ]);
      const hits = await index.search('极光', 20);
      expect(hits.length).toBe(13);
      expect(hits.filter((h) => h.article.slug === 'many').length).toBe(12);
      // Asked for a share, it is kept.
      const two = await index.search('极光', 20, { perArticle: 2 });
      expect(two.filter((h) => h.article.slug === 'many').length).toBe(2);
    });

    it('put the title the query covers most first, and an article that mentions it more before one that mentions it once', async () => {
      const index = await small([
        { slug: 'exact', title: '极光', date: '2024-05-04', paragraphs: ['今夜无云。'] },
        { slug: 'often', title: '观测记录', date: '2024-05-03', paragraphs: ['极光出现。', '极光又出现。', '极光第三次出现。'] },
        { slug: 'once', title: '南极来信', date: '2024-05-05', paragraphs: ['信里说，极光很美。'] },
        { slug: 'long', title: '南极科考站的极光观测记录', date: '2024-05-06', paragraphs: ['今夜无云。'] },
      ]);
      const hits = await index.search('极光', 20);
      expect(slugs(hits)).toEqual(['exact', 'long', 'often', 'once']);
      expect(coverage('新质生产力', [[0, 5]])).toBe(1);
      expect(coverage('发展新质生产力', [[2, 7], [3, 5]])).toBeCloseTo(5 / 7);
    });

    it('keep an article\'s first two hits together, at most perArticle of them, and respect the limit', async () => {
      const hits = await engine.search('的', 5, { perArticle: 2 });
      expect(hits.length).toBe(5);
      const order = hits.map((h) => h.article.slug);
      expect(order.filter((s, i) => i > 0 && s !== order[i - 1] && order.indexOf(s) < i)).toEqual([]);
      for (const s of new Set(order)) expect(order.filter((x) => x === s).length).toBeLessThanOrEqual(2);
      expect(await engine.search('的', 0)).toEqual([]);
    });

    it('show an article\'s two best hits together, its further ones after every other article\'s', async () => {
      const hits = await engine.search('雪龙');
      expect(hits.map((h) => h.article.slug)).toEqual([SLUG.xuelong, SLUG.xuelong, SLUG.station, SLUG.xuelong, SLUG.xuelong]);
      expect(hits[0]!.match).toBe('title');
      // Best first within the article.
      const own = hits.filter((h) => h.article.slug === SLUG.xuelong).map((h) => h.score);
      expect(own).toEqual([...own].sort((a, b) => b - a));
      // However many articles match, none shows a third hit before every article has shown its first.
      for (const query of ['的', '发展', 'xl', '考察 雪龙']) {
        const list = await engine.search(query, 20);
        const count = new Map<string, number>();
        list.forEach((h, i) => {
          count.set(h.article.slug, (count.get(h.article.slug) ?? 0) + 1);
          if (count.get(h.article.slug)! > 2) expect(slugs(list.slice(0, i)), query).toEqual(slugs(list));
        });
      }
    });

    it('show more of each article when few match (up to 10), three when many do', async () => {
      // 考察: one article, five places.
      const hits = await engine.search('考察');
      expect(slugs(hits)).toEqual([SLUG.xuelong]);
      expect(hits.map((h) => h.field)).toEqual(['title', 'paragraph', 'paragraph', 'heading', 'paragraph']);
      const few = await engine.search('的', 5);
      expect(few.length).toBe(5);
      for (const s of slugs(few)) expect(few.filter((h) => h.article.slug === s).length).toBeLessThanOrEqual(3);
    });

    it('carry the article: slug, title, English title, publication, date', async () => {
      const [hit] = await engine.search('雪龙2号');
      expect(hit!.article).toEqual({
        slug: SLUG.xuelong,
        title: '雪龙2号完成南极考察返回上海',
        titleEn: 'Xuelong 2 returns to Shanghai after Antarctic expedition',
        publication: '测试日报',
        date: '2024-04-01',
      });
    });

    it.runIf(!inline)('load only the parts a query needs', async () => {
      const fresh: string[] = [];
      const e = await loadIndex(objectSource((p) => (fresh.push(p), parts[p])), { prefetch: 0 });
      expect(fresh).toEqual(['manifest']);
      await e.search('29.9%');
      const chunks = fresh.filter((p) => p.startsWith('t'));
      const grams = fresh.filter((p) => p.startsWith('g'));
      expect(chunks.length).toBe(1);
      expect(grams.length).toBeLessThan(Object.keys(parts).filter((p) => p.startsWith('g')).length);
      // Asked again: nothing new.
      const before = fresh.length;
      await e.search('29.9%');
      expect(fresh.length).toBe(before);
    });

    it.runIf(!inline)('skip the gram parts of a term the parts in memory already narrow to a few articles', async () => {
      const asked: string[] = [];
      const e = await loadIndex(objectSource((p) => (asked.push(p), parts[p])), { prefetch: 0 });
      await e.search('雪龙号');
      // 雪龙号则 also needs the bigram 号则, listed under hao: not loaded, as 雪龙 and 龙号 leave two articles.
      const m = parts.manifest as ManifestPart;
      const partOf = (key: string): string => gramPartName(m.grams.findIndex((keys) => keys.split(' ').includes(key)));
      const hao = partOf('hao');
      // (Unless the part that has 号's bigrams has those of 雪 or 龙 too.)
      if (hao !== partOf('xue') && hao !== partOf('long')) expect(asked).not.toContain(hao);
      expect(asked.filter((p) => p.startsWith('g')).sort()).toEqual([...new Set([partOf('xue'), partOf('long')])].sort());
      asked.length = 0;
      const hits = await e.search('雪龙号则');
      expect(slugs(hits)).toEqual([SLUG.xuelong]);
      expect(asked.filter((p) => p.startsWith('g'))).toEqual([]);
    });

    it.runIf(!inline)('ask for the text parts of a batch of articles together, six at most', async () => {
      let pending = 0;
      let most = 0;
      const e = await loadIndex({
        get: async (p) => {
          if (p.startsWith('t')) most = Math.max(most, ++pending);
          await new Promise((done) => setTimeout(done, 1));
          if (p.startsWith('t')) pending--;
          return parts[p];
        },
      }, { prefetch: 0 });
      expect((await e.search('的')).length).toBeGreaterThan(0);
      expect(most).toBeGreaterThan(1);
      expect(most).toBeLessThanOrEqual(6);
    });
  });

  describe('sources', () => {
    it.runIf(inline)('need nothing but the manifest when the text is inline', async () => {
      const asked: string[] = [];
      const e = await loadIndex(objectSource((p) => (asked.push(p), parts[p])));
      for (const q of ['雪龙', 'xuelong', '雪尤2号', '两会 出口', '的']) await e.search(q);
      expect(asked).toEqual(['manifest']);
    });

    it('fall back from a failing source to the next (fetch under file://, then script tags)', async () => {
      const failing: PartSource = { get: () => Promise.reject(new Error('fetch failed')) };
      const e = await loadIndex(firstOf(failing, objectSource(parts)));
      expect(slugs(await e.search('雪龙'))).toContain(SLUG.xuelong);
    });

    it('read parts registered by scripts on a global, requesting missing ones', async () => {
      const store: Record<string, unknown> = {};
      (globalThis as Record<string, unknown>).__BAOKU_SEARCH_INDEX__ = store;
      const asked: string[] = [];
      const source = globalSource({
        request: (part) => {
          asked.push(part);
          // What a script tag made by partScript would do.
          new Function(partScript(part, parts[part]))();
        },
      });
      try {
        const e = await loadIndex(source);
        expect(slugs(await e.search('出口'))).toContain(SLUG.exports);
        expect(asked[0]).toBe('manifest');
        expect(Object.keys(store)).toEqual(asked);
        await expect(globalSource().get('nope')).rejects.toThrow(/nope/u);
      } finally {
        delete (globalThis as Record<string, unknown>).__BAOKU_SEARCH_INDEX__;
      }
    });

    it('write a part as a script that holds no `<`, so it can be written into a page whatever the text says', () => {
      const data = { text: ['引号里的“</script><!-- <p>”照写', 'a<b'] };
      const script = partScript('manifest', data);
      expect(script).not.toContain('<');
      const store: Record<string, unknown> = {};
      (globalThis as Record<string, unknown>).__BAOKU_SEARCH_INDEX__ = store;
      try {
        new Function(script)();
        expect(store.manifest).toEqual(data);
      } finally {
        delete (globalThis as Record<string, unknown>).__BAOKU_SEARCH_INDEX__;
      }
    });

    it('refuse an index of another format', async () => {
      await expect(loadIndex(objectSource({ manifest: { format: 'other' } }))).rejects.toThrow(/format/u);
    });
  });

});

describe('a search on the page', () => {
  const page = (readyState: string): (() => void) => {
    const scope = globalThis as { document?: unknown };
    const before = scope.document;
    scope.document = { readyState };
    return () => {
      if (before === undefined) delete scope.document;
      else scope.document = before;
    };
  };

  it('gives the page its turn once its slice is up, then stops if a newer query came', async () => {
    const restore = page('complete');
    try {
      let turns = 0;
      const later = breather(() => (turns++, false), 0);
      await later();
      await later();
      expect(turns).toBe(2);
      await expect(breather(() => true, 0)()).rejects.toBeInstanceOf(StaleSearch);
      // Within its slice, it goes on.
      await expect(breather(() => true, 60_000)()).resolves.toBeUndefined();
    } finally {
      restore();
    }
  });

  it('goes on at once while the page is still read (its ?q= is best answered first), and in a worker', async () => {
    const restore = page('loading');
    try {
      await expect(breather(() => true, 0)()).resolves.toBeUndefined();
    } finally {
      restore();
    }
    await expect(breather(() => true, 0)()).resolves.toBeUndefined();
  });
});

describe('warming up while the page is idle', () => {
  // Texts with quotation marks bridged, a character beyond the BMP, runs ending in punctuation.
  const chunks = [
    ['推动经济发展，建设“新”的项目。', '发展新质生产力'],
    ['经济发展𠀋好', '“一带一路”倡议'],
    ['发展', '展览发布会'],
  ];
  const chars = [...new Set(chunks.flat().join(''))];

  it('reads the bigrams of every character off the text in slices, the same as scanning for each on first use', () => {
    const whole = new LocalGrams(chunks);
    // One chunk a call: done with the last.
    let calls = 0;
    for (;;) {
      let budget = 1;
      calls++;
      if (whole.prepareAll(() => budget-- > 0)) break;
    }
    expect(calls).toBe(chunks.length);
    const each = new LocalGrams(chunks);
    for (const c1 of [...chars, '无']) {
      for (const c2 of [...chars, '无', ' ']) {
        expect(whole.pair(c1, c2), `${c1}${c2}`).toEqual(each.pair(c1, c2));
        expect(whole.count(c1, c2), `${c1}${c2}`).toBe(each.count(c1, c2));
      }
      expect(whole.anyAfter(c1), c1).toEqual(each.anyAfter(c1));
    }
    // Pairs bridged over quotation marks are postings, not counted as side by side.
    expect(whole.pair('一', '路')).toBeDefined();
    expect(whole.pair('设', '新')).toBeDefined();
    expect(whole.count('设', '新')).toBe(0);
    expect(whole.count('经', '济')).toBe(2);
  });

  it('settles once warmed, and gives the same hits after as before', async () => {
    const parts = buildSearchIndex(readArticles(join(FIXTURES, 'articles'), join(FIXTURES, 'translations')), { inline: true }).parts;
    const queries = ['雪龙', 'xuelong', 'xl', '雪垄2号', '南极 科考', '經濟', '量子计算机'];
    const cold = await loadIndex(objectSource(parts));
    // (Asked before the warm-up could start: it waits for an idle turn.)
    const before = await Promise.all(queries.map((q) => cold.search(q)));
    const warmed = await loadIndex(objectSource(parts));
    await warmed.warm;
    for (const [i, q] of queries.entries()) expect(await warmed.search(q), q).toEqual(before[i]);
  });

  it("runs throwaway queries that each go their way through the engine: the near miss is found one character off", async () => {
    const titles = ['雪龙2号', '南极科考站建设', '量子计算机研究'];
    const primary = new Map([...'南极科考站'].map((c, i) => [c, ['nan', 'ji', 'ke', 'kao', 'zhan'][i]!]));
    const counts = countChars(['南极科考站建设，南极冰盖，科考船，发展发展发展发展的的的的的的']);
    const queries = warmUpQueries(titles, ['Building a station in Antarctica'], primary, counts);
    // (发 is the commonest character not of the phrase and no particle: 的 is.)
    expect(queries).toEqual([
      ['南极', false],
      ['nanji', false],
      ['njk', false],
      ['南极科发', false],
      ['南极龙号', false],
      ['南极科考', false],
      ['南极 龙号', false],
      ['nanji ke', false],
      ['building', true],
    ]);
    expect(warmUpQueries(['雪龙2号'], [], primary, counts)).toEqual([]);
    // With the text's commonest pair and what follows it: the pair, and a near miss of the three.
    expect(warmUpQueries(titles, [], primary, counts, { pair: '发展', next: '南' }).slice(-2)).toEqual([
      ['发展', false],
      ['发展南极', false],
    ]);
    // (Read off the whole text once it is scanned; particles and what is not Chinese left out.)
    const grams = new LocalGrams([['发展经济，发展的经济', '推动发展经济'], ['的的的的的']]);
    expect(grams.commonest(() => false)).toBeUndefined();
    while (!grams.prepareAll(() => true));
    const left = (c: string): boolean => !isHan(c) || '的了'.includes(c);
    expect(grams.commonest(left)).toEqual({ pair: '发展', next: '经' });
    expect(grams.commonest(() => false)!.pair).toBe('的的');
    // On an index: the near miss finds the phrase, one character off (a character the text
    // does not have, or a numeral, would find nothing, and warm up nothing of that path).
    const parts = buildSearchIndex(readArticles(join(FIXTURES, 'articles'), join(FIXTURES, 'translations')), { inline: true }).parts;
    const manifest = parts.manifest as ManifestPart;
    const e = await loadIndex(objectSource(parts));
    const fixtureCounts = countChars(manifest.chunks!.flatMap((c) => c.index.records.map((r) => r.v ?? '')));
    const [typo] = warmUpQueries(e.listArticles().map((a) => a.title), [], new Map(), fixtureCounts).filter(([q]) => [...q].length === 4 && !e.listArticles().some((a) => a.title.includes(q)));
    expect(typo).toBeDefined();
    const hits = await e.search(typo![0]);
    expect(hits.length, typo![0]).toBeGreaterThan(0);
    expect(hits.every((h) => h.match === 'fuzzy'), typo![0]).toBe(true);
  });
});

describe('fetching the text', () => {
  it("asks for every text part a common word's list needs at once, more than the six a browser fetches at a time", async () => {
    // Ten articles with 发展, each its own text part (the parts are that small).
    const many = Array.from({ length: 10 }, (_, i) => ({
      slug: `a${i}`,
      title: `第${i}篇`,
      date: `2024-03-${String(20 - i).padStart(2, '0')}`,
      blocks: [{ kind: 'paragraph' as const, text: `第${i}个地方推动经济发展，建设新的项目。` }],
    }));
    const parts = buildSearchIndex(many, { inline: false, textPartChars: 10, chunkChars: 10 }).parts;
    expect(Object.keys(parts).filter((p) => /^t\d+$/u.test(p)).length).toBe(10);
    // Text parts are answered a turn of the event loop later, all those asked for by then at once.
    const waves: string[][] = [];
    let pending: { part: string; done: () => void }[] = [];
    const source: PartSource = {
      get: (part) =>
        new Promise((resolve) => {
          if (!/^t\d+$/u.test(part)) return resolve(parts[part]);
          if (pending.length === 0)
            setTimeout(() => {
              waves.push(pending.map((p) => p.part));
              const due = pending;
              pending = [];
              for (const p of due) p.done();
            });
          pending.push({ part, done: () => resolve(parts[part]) });
        }),
    };
    const engine = await loadIndex(source, { prefetch: 0 });
    const hits = await engine.search('发展', 21);
    expect(new Set(hits.map((h) => h.article.slug)).size).toBe(10);
    expect(waves.length).toBe(1);
    expect(waves[0]!.length).toBe(10);
  });
});

describe('fetching parts ahead', () => {
  const built = (): Record<string, unknown> => buildSearchIndex(readArticles(join(FIXTURES, 'articles'), join(FIXTURES, 'translations')), { chunkChars: 60, textPartChars: 150, gramPartBytes: 2000, inline: false }).parts;
  /** A source that records what it is asked for, and whether a reader's search was under way then. */
  const recording = (parts: Record<string, unknown>, delay = 0): PartSource & { asked: string[]; during: string[]; searching: boolean } => {
    const source = {
      asked: [] as string[],
      during: [] as string[],
      searching: false,
      get: async (part: string) => {
        source.asked.push(part);
        if (source.searching) source.during.push(part);
        if (delay) await new Promise((done) => setTimeout(done, delay));
        return parts[part];
      },
    };
    return source;
  };
  const search = async (e: SearchIndex, source: { searching: boolean }, query: string): Promise<EngineHit[]> => {
    source.searching = true;
    try {
      return await e.search(query);
    } finally {
      source.searching = false;
    }
  };
  const partNames = (parts: Record<string, unknown>): string[] => Object.keys(parts).filter((p) => p !== 'manifest').sort();

  it('fetches every other part once the first results are out, each once; later queries wait for none', async () => {
    const parts = built();
    const source = recording(parts);
    const e = await loadIndex(source);
    // Nothing ahead for a reader who has not searched.
    await new Promise((done) => setTimeout(done, 1200));
    expect(source.asked).toEqual(['manifest']);
    const first = await search(e, source, '雪龙');
    expect(slugs(first)).toContain(SLUG.xuelong);
    const needed = source.asked.length;
    expect(needed, 'the first query needs only some parts').toBeLessThan(Object.keys(parts).length);
    await e.warm;
    expect([...source.asked].sort()).toEqual(['manifest', ...partNames(parts)].sort());
    expect(source.asked.length, 'each part once').toBe(new Set(source.asked).size);
    const after = source.asked.length;
    for (const q of ['的', 'jingji', '两会 出口', '雪尤2号', '量子计算机']) expect((await e.search(q)).length, q).toBeGreaterThan(0);
    expect(source.asked.length).toBe(after);
  });

  it('gives the same hits with the parts fetched ahead as when each is fetched for a query', async () => {
    const parts = built();
    const queries = ['雪龙', 'xuelong', 'xl', '雪垄2号', '南极 科考', '經濟', '量子计算机', '周媛'];
    const lazy = await loadIndex(objectSource(parts), { prefetch: 0 });
    const ahead = await loadIndex(objectSource(parts));
    await ahead.search('的');
    await ahead.warm;
    for (const q of queries) expect(await ahead.search(q), q).toEqual(await lazy.search(q));
  });

  it('starts no part while a query runs, and fetches two at a time', async () => {
    const parts = built();
    // What each query needs, from an engine that fetches nothing ahead.
    const queries = ['量子', '出口', '南极', '两会', '计算机', '经济'];
    const lazy = recording(parts);
    const lazyEngine = await loadIndex(lazy, { prefetch: 0 });
    await lazyEngine.search('雪龙');
    const needs = new Map<string, Set<string>>();
    for (const q of queries) {
      const from = lazy.asked.length;
      await lazyEngine.search(q);
      needs.set(q, new Set(lazy.asked.slice(from)));
    }
    // Parts come 10 ms after they are asked for: queries typed while they come.
    let engine: SearchIndex | undefined;
    let pending = 0;
    let most = 0;
    const started: { part: string; searching: boolean }[] = [];
    const e = (engine = await loadIndex({
      get: async (part) => {
        // The engine's own count of the reader's searches under way.
        const searching = ((engine as unknown as { searching?: number } | undefined)?.searching ?? 0) > 0;
        started.push({ part, searching });
        if (!searching) most = Math.max(most, ++pending);
        await new Promise((done) => setTimeout(done, 10));
        if (!searching) pending--;
        return parts[part];
      },
    }));
    await e.search('雪龙');
    const first = started.length;
    await vi.waitFor(() => expect(started.length).toBeGreaterThan(first), { timeout: 2000, interval: 1 });
    for (const q of queries) {
      const from = started.length;
      await e.search(q);
      const ahead = started.slice(from).filter((s) => s.searching && !needs.get(q)!.has(s.part));
      expect(ahead.map((s) => s.part), `${q}: parts started ahead during the query`).toEqual([]);
    }
    await e.warm;
    expect(most, 'two at a time ahead').toBe(2);
    expect([...new Set(started.map((s) => s.part))].sort()).toEqual(['manifest', ...partNames(parts)].sort());
  });

  it('fetches at most `prefetch` parts ahead, gram parts first; none with `prefetch: 0` or when the connection saves data', async () => {
    const parts = buildSearchIndex(readArticles(join(FIXTURES, 'articles'), join(FIXTURES, 'translations')), { chunkChars: 60, textPartChars: 150, gramPartBytes: 300, inline: false }).parts;
    const grams = Object.keys(parts).filter((p) => /^g\d+$/u.test(p)).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
    expect(grams.length).toBeGreaterThan(3);
    const some = recording(parts);
    const e = await loadIndex(some, { prefetch: 3 });
    await e.search('量子');
    const needed = new Set(some.asked);
    await e.warm;
    expect(some.asked.filter((p) => !needed.has(p))).toEqual(grams.slice(0, 3).filter((p) => !needed.has(p)));

    const none = recording(parts);
    const off = await loadIndex(none, { prefetch: 0 });
    await off.search('量子');
    const asked = none.asked.length;
    await new Promise((done) => setTimeout(done, 400));
    expect(none.asked.length).toBe(asked);

    const nav = globalThis.navigator as { connection?: unknown };
    const had = Object.getOwnPropertyDescriptor(nav, 'connection');
    Object.defineProperty(nav, 'connection', { value: { saveData: true }, configurable: true });
    try {
      const saving = recording(parts);
      const s = await loadIndex(saving);
      await s.search('量子');
      const n = saving.asked.length;
      await s.warm;
      await new Promise((done) => setTimeout(done, 400));
      expect(saving.asked.length).toBe(n);
    } finally {
      if (had) Object.defineProperty(nav, 'connection', had);
      else delete nav.connection;
    }
  });

  it('stops at a part that fails to load (offline), and a query asks for it again', async () => {
    const parts = built();
    let offline = false;
    const asked: string[] = [];
    const failed: string[] = [];
    const source: PartSource = {
      get: async (part) => {
        asked.push(part);
        if (offline && /^t\d+$/u.test(part)) {
          failed.push(part);
          throw new Error(`offline: ${part}`);
        }
        return parts[part];
      },
    };
    const e = await loadIndex(source);
    await e.search('雪龙');
    offline = true;
    await e.warm;
    // Each of the two lanes stops at its first failure: the text parts after those are not asked.
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(failed.length).toBeLessThanOrEqual(2);
    const texts = Object.keys(parts).filter((p) => /^t\d+$/u.test(p));
    expect(new Set(asked.filter((p) => /^t\d+$/u.test(p))).size).toBeLessThan(texts.length);
    // Back online, a query that needs a failed part asks for it again.
    offline = false;
    for (const part of failed) {
      const text = (parts[part] as TextPart).chunks[0]!.index.records[0]!.v as string;
      const words = Array.from(text).filter((c) => /\p{Script=Han}/u.test(c)).slice(0, 6).join('');
      expect((await e.search(words)).length, words).toBeGreaterThan(0);
      expect(asked.filter((p) => p === part).length, part).toBe(2);
    }
  });
});

describe('words, as the word breaker reads them', () => {
  const at = (text: string, passage: string): [number, number] => {
    const start = text.indexOf(passage);
    expect(start, passage).toBeGreaterThanOrEqual(0);
    return [start, start + passage.length];
  };

  it('a passage crosses a word that begins before it and ends inside, or begins inside and ends after it', () => {
    expect(crossesWord('实现了全年预期目标', at('实现了全年预期目标', '了全'))).toBe(true);
    expect(crossesWord('重点领域改革仍有不少硬骨头要啃', at('重点领域改革仍有不少硬骨头要啃', '硬骨'))).toBe(true);
    expect(crossesWord('帮助同学理解抽象的原理', at('帮助同学理解抽象的原理', '学理'))).toBe(true);
    expect(crossesWord('坚持以人民为中心', at('坚持以人民为中心', '民为'))).toBe(true);
  });

  it('a passage that is a word, begins or ends a longer one, or lies inside one does not cross it', () => {
    expect(crossesWord('实现了全年预期目标', at('实现了全年预期目标', '全年'))).toBe(false);
    expect(crossesWord('雪龙2号完成南极考察', at('雪龙2号完成南极考察', '雪龙'))).toBe(false);
    expect(crossesWord('新时代的考验', at('新时代的考验', '时代'))).toBe(false);
    expect(crossesWord('坚持以人民为中心', at('坚持以人民为中心', '人民为中心'))).toBe(false);
    // The ends of the text, and text that is not Chinese.
    expect(crossesWord('中国', [0, 2])).toBe(false);
    expect(crossesWord('GDP growth 5%', [0, 3])).toBe(false);
  });

  it("answers the same read off the whole text's word starts (what the engine keeps once warmed up) as read around the passage", () => {
    const cases: [string, string][] = [
      ['实现了全年预期目标', '了全'],
      ['实现了全年预期目标', '全年'],
      ['帮助同学理解抽象的原理', '学理'],
      ['坚持以人民为中心', '人民为中心'],
      ['坚持以人民为中心', '民为'],
      ['新时代的考验', '时代'],
    ];
    for (const [text, passage] of cases) expect(crossesWord(text, at(text, passage), wordStarts(text)), passage).toBe(crossesWord(text, at(text, passage)));
    const text = '马克龙抵达北京开始对中国进行国事访问';
    const never = (): boolean => false;
    expect(anotherWord(text, at(text, '中国进行'), '中国银行', never, wordStarts(text))).toBe(true);
    expect(anotherWord(text, at(text, '中国进行'), '中国人行', never, wordStarts(text))).toBe(false);
    for (const i of [1, 3, 4, 5, 11, 12]) expect(hanWordAcross(text, i, wordStarts(text)), String(i)).toEqual(hanWordAcross(text, i));
    expect(hanWordAcross(text, 11, wordStarts(text))).toEqual([10, 12]);
  });

  it('in a title too: a near miss that puts another word where the query has one is none', async () => {
    const articles = [{ slug: 'visit', title: '马克龙对中国进行国事访问', date: '2024-05-06', blocks: [{ kind: 'paragraph' as const, text: '法国总统抵达北京。' }] }];
    const e = await loadIndex(objectSource(buildSearchIndex(articles).parts));
    expect(await e.search('中国银行')).toEqual([]);
    // A slip in a word still finds it.
    expect(markedText((await e.search('中国近行'))[0]!)).toEqual(['中国进行']);
  });

  it('a passage is a word when the word breaker reads it as one, no more and no less', () => {
    const text = '部分地区遭受洪涝、台风、地震等灾害，石泰峰主持会议';
    for (const starts of [undefined, wordStarts(text)]) {
      expect(isWord(text, at(text, '台风'), starts)).toBe(true);
      expect(isWord(text, at(text, '泰峰'), starts)).toBe(false);
      expect(isWord(text, at(text, '台风、'), starts)).toBe(false);
      expect(isWord(text, at(text, '风'), starts)).toBe(false);
    }
  });

  it('a near miss is another word where the query has a word of two characters or more written otherwise, not by a character of the same sound', () => {
    const never = (): boolean => false;
    const text = '马克龙抵达北京开始对中国进行国事访问';
    expect(anotherWord(text, at(text, '中国进行'), '中国银行', never)).toBe(true);
    // 刀 for 力: a word of one character mistyped.
    expect(anotherWord('加快发展新质生产力', at('加快发展新质生产力', '新质生产力'), '新质生产刀', never)).toBe(false);
    // 查 for 察: the same sound, the input method's slip.
    const sound = (a: string, b: string): boolean => [a, b].sort().join('') === '察查';
    expect(anotherWord('执行南极考察任务', at('执行南极考察任务', '南极考察任务'), '南极考查任务', sound)).toBe(false);
    expect(anotherWord('执行南极考察任务', at('执行南极考察任务', '南极考察任务'), '南极考查任务', never)).toBe(true);
    // Only character for character: a passage longer or shorter than the query is not weighed.
    expect(anotherWord(text, at(text, '中国进行国'), '中国银行', never)).toBe(false);
  });
});

describe('query normalization', () => {
  it('folds full-width forms and case, keeping the length', () => {
    expect(foldBasic('ＡＢＣ１２３％Ｘ：．ÀΣЖ')).toBe('abc123%x:.àσж');
    expect(foldBasic('雪龙2号').length).toBe(4);
  });

  it('answers which characters are searchable by ranges exactly as the Unicode-property rule does', () => {
    const rule = (ch: string): boolean => /^[\p{L}\p{N}]$/u.test(ch) || (ch.length === 1 && '.%+-/:#&@_°℃$€£¥'.includes(ch));
    const differ: string[] = [];
    for (let code = 0; code <= 0x2ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCodePoint(code);
      if (isSearchableCode(code) !== rule(ch) || isSearchable(ch) !== rule(ch)) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
    expect(isSearchable('雪龙')).toBe(false);
    expect(isSearchable('')).toBe(false);
    expect(isSearchable('𠀀')).toBe(true);
  });

  it('ships a fold as the runs it changes, and applies them back', () => {
    const fold = foldFromPairs('發龍', '发龙');
    const text = '雪龍2號與ＧＤＰ，發展AI';
    const folded = fold(text);
    expect(folded).toBe(createFold(new Map([['發', '发'], ['龍', '龙']]))(text));
    const edits = foldEdits(text, folded);
    expect(edits).toEqual([1, '龙', 5, 'gdp', 9, '发', 11, 'ai']);
    expect(applyFoldEdits(text, edits)).toBe(folded);
    expect(foldEdits('发展', '发展')).toEqual([]);
    expect(applyFoldEdits('发展', [])).toBe('发展');
  });

  it('leaves punctuation that only separates terms as it is, so plain Chinese text needs no fold', () => {
    const text = '新华社北京１２月１日电（记者　张三）“稳中求进”，２９．９％！';
    expect(foldBasic(text)).toBe('新华社北京12月1日电（记者　张三）“稳中求进”，29.9%！');
    const plain = '中国经济向新而行，路线图更明晰。';
    expect(foldBasic(plain)).toBe(plain);
    const fold = createFold(new Map([['發', '发'], ['展', '展']]));
    expect(fold('發展ＧＤＰ，')).toBe('发展gdp，');
    expect(fold('发展')).toBe('发展');
  });

  it('splits at spaces and punctuation, keeps symbols inside numbers', () => {
    expect(queryTokens('  “新质生产力”，29.9%  72TB。end. ')).toEqual(['新质生产力', '29.9%', '72tb', 'end']);
  });

  it('reads letters as initials, one syllable each (zh, ch, sh as one where two remain, and also apart)', () => {
    const syllables = new Map(['xue', 'long', 'hao', 'zhong', 'guo', 'dui', 'shang', 'hai', 'he', 'zuo', 'zu', 'zhi', 'a'].map((s) => [s, []]));
    expect(segmentInitials('xlh', syllables)).toEqual([['x', 'l', 'h']]);
    expect(segmentInitials('zhgd', syllables)).toEqual([
      ['zh', 'g', 'd'],
      ['z', 'h', 'g', 'd'],
    ]);
    expect(segmentInitials('zgd', syllables)).toEqual([['z', 'g', 'd']]);
    expect(segmentInitials('sh', syllables)).toEqual([['s', 'h']]);
    // 上海合作组织: sh h z z z, or s h h z z z (合 is he).
    expect(segmentInitials('shhzzz', syllables)).toEqual([
      ['sh', 'h', 'z', 'z', 'z'],
      ['s', 'h', 'h', 'z', 'z', 'z'],
    ]);
    // A syllable that starts with a vowel: its vowel (xa: 西安, ag: 爱国); one vowel only, as an
    // English word has more (macro, cctv: v begins no syllable).
    expect(segmentInitials('xa', syllables)).toEqual([['x', 'a']]);
    expect(segmentInitials('ag', syllables)).toEqual([['a', 'g']]);
    expect(segmentInitials('zhao', syllables)).toEqual([]);
    // One letter, or a letter no syllable starts with: not initials.
    expect(segmentInitials('x', syllables)).toEqual([]);
    expect(segmentInitials('xq', syllables)).toEqual([]);
  });

  it('reads letters as whole syllables and a half-typed last one', () => {
    const syllables = new Map(['xue', 'long', 'lou', 'zhong', 'guo', 'xi', 'an', 'xian', 'na'].map((s) => [s, []]));
    expect(segmentHalfTyped('xuelo', syllables)).toEqual([['xue', 'lo']]);
    expect(segmentHalfTyped('zhongg', syllables)).toEqual([['zhong', 'g']]);
    expect(segmentHalfTyped('xian', syllables)).toEqual([['xi', 'an']]);
    // One syllable is not enough, unless it ends pinyin typed with spaces.
    expect(segmentHalfTyped('lo', syllables)).toEqual([]);
    expect(segmentHalfTyped('lo', syllables, true)).toEqual([['lo']]);
    expect(segmentHalfTyped('xueq', syllables)).toEqual([]);
  });

  it('splits pinyin into syllables every way, fewest first', () => {
    const syllables = new Map(['xi', 'an', 'xian', 'xue', 'long', 'fang', 'fan', 'gan'].map((s) => [s, []]));
    expect(segmentPinyin('xian', syllables)).toEqual([['xian'], ['xi', 'an']]);
    expect(segmentPinyin('xuelong', syllables)).toEqual([['xue', 'long']]);
    expect(segmentPinyin('fangan', syllables)).toEqual(expect.arrayContaining([['fang', 'an'], ['fan', 'gan']]));
    expect(segmentPinyin('qwerty', syllables)).toEqual([]);
  });

  it('looks candidates up by a few bigrams that cover a long term', () => {
    const literal = (text: string) => ({ kind: 'exact' as const, slots: Array.from(text).map((c) => [c]) });
    expect(pairPositions(literal('雪龙'))).toEqual([0]);
    expect(pairPositions(literal('科技创新'))).toEqual([0, 1, 2]);
    expect(pairPositions(literal('政府工作报告'))).toEqual([0, 2, 4]);
    expect(pairPositions(literal('新质生产力'))).toEqual([0, 2, 3]);
    expect(pairPositions(literal('雪'))).toEqual([0]);
  });

  it('tells which texts can hold a near miss before Fuse runs', () => {
    const could = nearMissFilter('新质生产刀');
    expect(could('发展新质生产力')).toBe(true);
    expect(could('扩大生产规模')).toBe(false);
    expect(nearMissFilter('雪尤2号')('雪龙2号')).toBe(true);
    expect(nearMissFilter('量子计算机')('量子计算器')).toBe(true);
  });

  it('orders the index newest first, then a day\'s articles as printed', () => {
    const article = (slug: string, date: string | undefined, file?: string, line = 1): IndexArticle => ({
      slug,
      title: slug,
      date,
      source: file ? { file, line } : undefined,
      blocks: [],
    });
    const sorted = sortForIndex([
      article('b', '2024-03-07', '001.txt', 5),
      article('a', '2024-03-07', '001.txt', 90),
      article('c', '2024-03-07', '000.txt', 40),
      article('d', '2024-03-08', '009.txt'),
      article('e', undefined, '000.txt'),
    ]);
    expect(sorted.map((a) => a.slug)).toEqual(['d', 'c', 'b', 'a', 'e']);
  });

  it('encodes postings compactly and back', () => {
    const list = [0, 3, 4, 40, 1295, 1300];
    expect(decodePostings(encodePostings(list))).toEqual(list);
  });

  it('cuts a snippet around the first mark and shifts the marks', () => {
    const text = `${'甲'.repeat(100)}雪龙${'乙'.repeat(100)}`;
    const s = makeSnippet(text, [[[100, 102]]]);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.text.slice(s.marks[0]![0], s.marks[0]![1])).toBe('雪龙');
  });
});

describe('the seeds', () => {
  let seeds: SearchIndex;
  let seedArticles: IndexArticle[];

  beforeAll(async () => {
    // The seeds normalized in memory (copy 0 of the benchmark corpus), indexed as the site does.
    const { benchSearchIndex } = await import('../../scripts/bench-search-data.ts');
    const built = benchSearchIndex(1);
    seedArticles = built.articles;
    seeds = await loadIndex(objectSource(built.parts));
  }, 60_000);

  const xuelong = (): string => seedArticles.find((a) => a.title.startsWith('雪龙2号'))!.slug;
  const containing = (text: string): string[] =>
    seedArticles.filter((a) => a.title.includes(text) || a.blocks.some((b) => b.text.includes(text))).map((a) => a.slug);

  it('雪龙, 雪龙2号, xuelong, xue long and 雪龍2號 lead to the Xuelong 2 article, title first', async () => {
    for (const query of ['雪龙', '雪龙2号', 'xuelong', 'xue long', '雪龍2號']) {
      const hits = await seeds.search(query);
      expect(hits[0]!.article.slug, query).toBe(xuelong());
      expect(hits[0]!.paragraphId, query).toBeUndefined();
    }
  });

  it('a run of two long words shows the words before near misses two characters off; one character off, the near miss first', async () => {
    // 新质生产力加快发展 is in the text: two characters from 新质生产力绿色发展, whose words are there too.
    const two = await seeds.search('新质生产力绿色发展');
    expect(two[0]!.match, 'the words').toBe('exact');
    expect(markedText(two[0]!).sort()).toEqual(expect.arrayContaining(['新质生产力', '绿色发展']));
    const one = await seeds.search('新质生产能力');
    expect(one[0]!.match).toBe('fuzzy');
    expect(markedText(one[0]!)).toEqual(['新质生产力']);
  });

  it('a homophone picked by mistake finds the word beside another (湖州市长兴, 江苏南京), not parts of two words (政府建设, 应国家)', async () => {
    for (const [typed, meant] of [['常兴', '长兴'], ['难京', '南京'], ['李墙', '李强']]) {
      const hits = await seeds.search(typed);
      expect(hits.length, typed).toBeGreaterThan(0);
      expect(hits.flatMap(markedText).every((m) => m === meant), typed).toBe(true);
    }
    for (const typed of ['福建', '英国', '微信', '银行']) expect(await seeds.search(typed), typed).toEqual([]);
  });

  it('pinyin typed in full finds two characters that are a word there, not two of neighbouring words (deguo is not 的国 of 的国际)', async () => {
    /** Each hit's marks with a character either side. */
    const around = (hits: EngineHit[]): string[] =>
      hits.flatMap((h) => h.snippet.marks.map(([s, e]) => h.snippet.text.slice(Math.max(0, s - 1), e + 1)));
    // 的 and 国 stand together no more than chance would put them; 国际, 国务, 国内, 国歌 far more.
    const deguo = around(await seeds.search('deguo'));
    expect(deguo.filter((m) => /^.?的国[际务内歌家]/u.test(m)), 'deguo').toEqual([]);
    // 大国 too, but 大国外交 is the word (国外 is no stronger), 扩大国际 is not.
    const daguo = around(await seeds.search('daguo'));
    expect(daguo.some((m) => m.startsWith('色大国外') || m.includes('大国外')), 'daguo').toBe(true);
    expect(daguo.filter((m) => m.startsWith('扩')), 'daguo').toEqual([]);
    // 发生 of 事故发生, not of 开发生产; 新增 of 城镇新增就业 (镇新 and 增就: a set phrase's), not of 创新增长.
    expect(around(await seeds.search('fasheng')).some((m) => m.startsWith('故发生')), 'fasheng').toBe(true);
    const xinzeng = around(await seeds.search('xinzeng'));
    expect(xinzeng.filter((m) => m.startsWith('镇新增')).length, 'xinzeng').toBeGreaterThanOrEqual(3);
    expect(xinzeng.filter((m) => m.startsWith('创')), 'xinzeng').toEqual([]);
    // 全会 of 全会精神: 会精 stands high only in that phrase; 精神 is the word, found far more often.
    expect(around(await seeds.search('quanhui')).filter((m) => m.startsWith('中全会')).length, 'quanhui').toBeGreaterThanOrEqual(5);
  });

  it('a word the text lacks finds nothing, not characters of neighbouring words that sound or look like it (德国, 泰国, 中秋, 机场, 加拿大, 意大利)', async () => {
    // 的国 of 的国徽, 台国 of 总台国广, 中求 of 稳中求进, 技场 of 竞技场; 加大, 加强大 of 加强大型,
    // 澳大利 of 澳大利亚; 共产党, 全体会 (全体会议): another word; 研究和生 of 研究和生产; 始人 of
    // 创始人, found once; 京东, the other way round.
    for (const typed of ['德国', '泰国', '中秋', '机场', '加拿大', '意大利', '南极洲', '共和党', '全运会', '研究生', '诗人', '东京', '福州']) expect(await seeds.search(typed), typed).toEqual([]);
    // A slip in a name still finds it.
    for (const [typed, meant] of [['秦林站', '秦岭站'], ['长山角', '长三角'], ['王护宁', '王沪宁'], ['澳大力亚', '澳大利亚']]) {
      const hits = await seeds.search(typed);
      expect(hits.length, typed).toBeGreaterThan(0);
      expect(markedText(hits[0]!), typed).toContain(meant);
    }
  });

  it('a near miss that puts another word where the query has one, of another sound, is no near miss (中国银行 is not 中国进行, nor 中国先行)', async () => {
    expect(containing('中国进行').length).toBeGreaterThan(0);
    expect(containing('中国先行').length).toBeGreaterThan(0);
    expect(await seeds.search('中国银行')).toEqual([]);
    // A slip of the input method, a character of the same sound, still is: 政府工作保告, 台湾地趋.
    for (const [typed, meant] of [['政府工作保告', '政府工作报告'], ['台湾地趋', '台湾地区']]) {
      const hits = await seeds.search(typed);
      expect(hits.length, typed).toBeGreaterThan(0);
      expect(markedText(hits[0]!), typed).toContain(meant);
    }
  });

  it('nor where the breaker reads no word in the text but the text has one, and the query a word there (中美关系 is not 中非关系, 两会精神 not 全会精神), nor another number or unit (第十一届 is not 第十四届, 40周年 not 40周岁)', async () => {
    // The breaker reads 中非关系 as 中/非/关系 and 两会精神 as 两/会/精神; 中非 stands together in
    // the text, it reads 全会 of 二中全会 as a word, and 两会 stands together in the text.
    for (const phrase of ['中非关系', '中全会精神', '第十四届']) expect(containing(phrase).length, phrase).toBeGreaterThan(0);
    for (const typed of ['中美关系', '中欧关系', '中日关系']) expect(await seeds.search(typed), typed).toEqual([]);
    const marked = async (q: string): Promise<string[]> => (await seeds.search(q, 50)).flatMap(markedText);
    expect(await marked('两会精神')).not.toContainEqual(expect.stringMatching(/会精神/u));
    // (Its words, found apart, instead.)
    expect(await marked('两会精神')).toEqual(expect.arrayContaining(['两会', '精神']));
    expect(await marked('第十一届')).not.toContainEqual(expect.stringMatching(/十四/u));
    // (A query with no numeral of its own: a slip of the same sound still finds the number.)
    expect(markedText((await seeds.search('思届全国'))[0]!).join()).toContain('四届全国');
    // Nor another unit after a figure (40周年 is not 40周岁), but for a slip of the same sound.
    expect(containing('40周岁').length).toBeGreaterThan(0);
    expect(await marked('40周年')).not.toContainEqual(expect.stringMatching(/周岁/u));
    expect(markedText((await seeds.search('雪龙2好'))[0]!)).toEqual(['雪龙2号']);
    // A character mistyped is no word of the query's: still found.
    for (const [typed, meant] of [['新质生产刀', '新质生产力'], ['高质量发屏', '高质量发展'], ['统一战钱', '统一战线']]) {
      const hits = await seeds.search(typed);
      expect(hits.length, typed).toBeGreaterThan(0);
      expect(markedText(hits[0]!), typed).toContain(meant);
    }
  });

  it('pinyin typed on, its last syllable halfway, finds what it is becoming at every letter, though that ends inside a word (gaozh: 高质 of 高/质量; zhengfugo: 政府工 of 政府工作)', async () => {
    // (From the first letter of the second syllable on.)
    const becoming = async (typed: string, word: string, from: number): Promise<void> => {
      for (let n = typed.length; n >= from; n--) {
        const q = typed.slice(0, n);
        const hits = await seeds.search(q);
        expect(hits.length, q).toBeGreaterThan(0);
        const first = markedText(hits[0]!);
        expect(first.length, q).toBeGreaterThan(0);
        for (const m of first) expect(word.startsWith(m) && m.length >= 2, `${q}: ${m}`).toBe(true);
      }
    };
    await becoming('gaozhiliangfazhan', '高质量发展', 'gaoz'.length);
    await becoming('zhengfugongzuobaogao', '政府工作报告', 'zhengf'.length);
    // (guowuyuanz… may be 国务院组织法 as well.)
    await becoming('guowuyuanzongli', '国务院总理', 'guowuyuanzo'.length);
    for (const q of ['xinzhis', 'xinzhish', 'xinzhishen', 'xinzhishengc']) expect(markedText((await seeds.search(q))[0]!)[0], q).toMatch(/^新质生/u);
    // (Not a particle standing alone and the start of the next word: yuj is 预计 before 于加 of 有助于加快.)
    expect(markedText((await seeds.search('yuj'))[0]!)).toEqual(['预计']);
  });

  it('words written together leave out a particle between them (习近平等到会祝贺, 新质生产力和绿色发展, 习近平在江苏), not a longer word that ends in one', async () => {
    const pasted = await seeds.search('全国政协十四届二次会议在京开幕，习近平等到会祝贺');
    expect(pasted.length).toBeGreaterThan(0);
    expect(pasted.flatMap(markedText)).toEqual(expect.arrayContaining(['全国政协十四届二次会议在京开幕', '习近平', '到会祝贺']));
    expect(markedText((await seeds.search('新质生产力和绿色发展'))[0]!).sort()).toEqual(['新质生产力', '绿色发展']);
    const jiangsu = (await seeds.search('习近平在江苏')).flatMap(markedText);
    expect(jiangsu).toEqual(expect.arrayContaining(['习近平', '江苏']));
    expect(jiangsu).not.toContain('习近平在');
  });

  it('reads a regional word as the mainland\'s in words written together too (发展人工智慧: 发展 and 人工智能, not 智慧)', async () => {
    const marks = (await seeds.search('发展人工智慧')).flatMap(markedText);
    expect(marks).toEqual(expect.arrayContaining(['发展', '人工智能']));
    expect(marks).not.toContain('智慧');
  });

  it('a question that finds nothing as typed finds its other words (什么是新质生产力, 中国经济怎么样, what is …); a title that is a question is found as typed', async () => {
    const marked = async (q: string): Promise<string[]> => (await seeds.search(q)).flatMap(markedText);
    expect(await seeds.search('什么是新质生产力')).toEqual(await seeds.search('新质生产力'));
    expect(await marked('中国经济怎么样')).toContain('中国经济');
    expect(await marked('新质生产力怎么发展')).toEqual(expect.arrayContaining(['新质生产力', '发展']));
    expect(await marked('雪龙2号去哪里了')).toContain('雪龙2号');
    const english = await seeds.search('what is new quality productive forces?');
    expect(english.length).toBeGreaterThan(0);
    expect(markedText(english[0]!).map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['new', 'quality', 'productive', 'forces']));
    const title = await seeds.search('为什么要全面实施');
    expect(markedText(title[0]!)).toEqual(['为什么要全面实施']);
  });

  it('a Simplified character OpenCC reads alone as Traditional for another (么 for 幺, 著 for 着) is as typed, and 什麼 finds 什么', async () => {
    expect((await seeds.search('为什么要全面实施'))[0]!.match).toBe('title');
    expect((await seeds.search('显著'))[0]!.match).toBe('exact');
    expect((await seeds.search('顯著'))[0]!.match).toBe('traditional');
    const hits = await seeds.search('什麼');
    expect(hits.length).toBeGreaterThan(0);
    expect(markedText(hits[0]!)).toEqual(['什么']);
    // A Traditional word that character by character would be another (復甦: 复苏, 甦 alone stays).
    const recovery = await seeds.search('經濟復甦');
    expect(markedText(recovery[0]!)).toEqual(['经济复苏']);
    expect(recovery[0]!.match).toBe('traditional');
    // Folding twice changes nothing: 麼 goes where 么 does.
    const fold = foldFromPairs('麼么', '么幺');
    expect(fold('什麼')).toBe(fold('什么'));
    expect(fold(fold('什麼'))).toBe(fold('什麼'));
  });

  it('reads initials with a syllable that starts with a vowel (aq: 安全, aqsc: 安全生产, oz: 欧洲), and English words as English (the, and)', async () => {
    const first = async (q: string): Promise<string> => [...new Set(markedText((await seeds.search(q))[0]!))].join();
    expect(await first('aq')).toBe('安全');
    expect(await first('aqsc')).toBe('安全生产');
    expect(await first('oz')).toBe('欧洲');
    for (const q of ['the', 'and']) expect((await seeds.search(q))[0]!.snippet.text, q).toMatch(new RegExp(`\\b${q}\\b`, 'iu'));
  });

  it('initials rank a word before two characters of which one is a particle standing alone (lq: 李强 before 了全 of 实现了全年; dg: 大国 before 的国)', async () => {
    const first = async (q: string): Promise<string> => [...new Set(markedText((await seeds.search(q))[0]!))].join();
    expect(await first('lq')).toBe('李强');
    expect(await first('lx')).toBe('履行');
    expect((await first('dg')).split(',').every((w) => ['大国', '多国'].includes(w))).toBe(true);
    // Still found, below.
    expect((await seeds.search('lq')).flatMap(markedText)).toContain('了全');
  });

  it('a homophone picked by mistake finds a word before characters that only sound like it (台峰: 台风 before 泰峰 of 石泰峰)', async () => {
    const hits = await seeds.search('台峰');
    expect(markedText(hits[0]!)).toEqual(['台风']);
    expect(hits.flatMap(markedText)).toContain('泰峰');
  });

  it('pinyin typed in full ranks two characters across two words below a word (fuxing: 复兴 before 覆性 of 颠覆性; shiji: 实际 first)', async () => {
    const first = async (q: string): Promise<string> => markedText((await seeds.search(q))[0]!).join();
    expect(await first('fuxing')).toBe('复兴');
    expect(await first('shiji')).toBe('实际');
    expect(await first('jige')).toBe('几个');
  });

  it('a near miss is a passage apart from its neighbours, and marked without a last character that goes with the next word', async () => {
    // 建设行 of 建设行动 for 建设银行, 国家网 of 国家网络 for 国家电网: the last character is the next word's.
    expect(await seeds.search('建设银行')).toEqual([]);
    expect((await seeds.search('国家电网')).flatMap(markedText)).not.toContain('国家网');
    // 雪龙2号船: the title's 雪龙2号离开 is marked 雪龙2号, not 雪龙2号离.
    const ship = await seeds.search('雪龙2号船');
    expect(ship[0]!.field).toBe('title');
    expect(markedText(ship[0]!)).toEqual(['雪龙2号']);
    // 新质生产刀 still marks 新质生产力.
    expect(markedText((await seeds.search('新质生产刀'))[0]!)).toEqual(['新质生产力']);
    // One more character among three: 电动车 is 电动汽车 (研究和生 of 研究和生产 is not 研究生).
    expect((await seeds.search('电动车')).flatMap(markedText)).toContain('电动汽车');
    // A figure at the end is not weighed as a pair of characters: 雪垄2号 finds every 雪龙2号 that 雪龙2号 finds.
    expect((await seeds.search('雪垄2号', 50)).length).toBe((await seeds.search('雪龙2号', 50)).length);
  });

  it('of two titles, shows the one with more of the query: Xi Jinping science is the English title on the Chinese pages too', async () => {
    const hits = await seeds.search('Xi Jinping science');
    expect(hits[0]!.field).toBe('titleEn');
    expect(markedText(hits[0]!)).toEqual(['Xi Jinping', 'science']);
  });

  it('a snippet shows two words far apart in one paragraph, in two passages (习近平 … 量子)', async () => {
    const hits = await seeds.search('习近平 量子');
    const both = hits.find((h) => h.terms === 2 && h.field === 'paragraph')!;
    expect(new Set(both.snippet.marks.map(([s, e]) => both.snippet.text.slice(s, e)))).toEqual(new Set(['习近平', '量子']));
  });

  it('人工智能加行动 is “人工智能+”行动: 加 after a word is the + it reads aloud', async () => {
    const hits = await seeds.search('人工智能加行动');
    expect(hits[0]!.field).toBe('title');
    expect(markedText(hits[0]!)).toEqual(['人工智能+”行动']);
    expect(hits.slice(0, 3).every((h) => markedText(h).some((m) => m.startsWith('人工智能+')))).toBe(true);
  });

  it('a run of words the text has apart shows first where it has the rarer word (中国联通: 联通 before 中国)', async () => {
    const hits = await seeds.search('中国联通');
    expect(hits.length).toBeGreaterThan(3);
    expect(hits.slice(0, 3).every((h) => markedText(h).includes('联通'))).toBe(true);
  });

  it("a short list (the header's) has the best articles a long one starts with, not the first ones found", async () => {
    for (const query of ['人工智能', '高质量发展', '习近平', '创新', 'xijinping']) {
      const short = slugs(await seeds.search(query, 9));
      const long = slugs(await seeds.search(query, 60));
      expect(short.length, query).toBeGreaterThanOrEqual(4);
      expect(short.slice(0, 4), query).toEqual(long.slice(0, 4));
    }
  });

  it('pinyin finds words, not two characters of neighbouring words: huojian is 火箭 (not 和建, 和践), xl not 兴领 of 新兴领域; hangye is 行业', async () => {
    const huojian = await seeds.search('huojian');
    expect(huojian.length).toBeGreaterThan(0);
    expect(new Set(huojian.flatMap(markedText))).toEqual(new Set(['火箭']));
    const xl = (await seeds.search('xl', 60)).flatMap(markedText);
    expect(xl).toContain('系列');
    expect(xl).not.toContain('兴领');
    // Pinyin typed in full finds the words it spells, though their characters go more with others.
    for (const [typed, word] of [['hangye', '行业'], ['fasheng', '发生'], ['wujing', '武警'], ['chengdu', '成都']]) {
      expect(new Set(markedText((await seeds.search(typed))[0]!)), typed).toEqual(new Set([word]));
    }
    // Half-typed, or with a slip, a word read another way than its first is found too.
    expect(markedText((await seeds.search('hangy'))[0]!)).toEqual(['行业']);
    expect(markedText((await seeds.search('zengzhng'))[0]!)).toEqual(['增长']);
  });

  it('a character read by its sound finds a word beside a preposition or in a set phrase (新吸兰, 绿水倾山), the same sound before a mixed-up one (厂江: 长江 before 沧江)', async () => {
    expect((await seeds.search('新吸兰')).flatMap(markedText)).toContain('新西兰');
    expect(markedText((await seeds.search('绿水倾山'))[0]!)).toEqual(['绿水青山']);
    expect(markedText((await seeds.search('厂江'))[0]!)).toEqual(['长江']);
  });

  it('a character read by its sound finds the likelier word first: 为机 is 危机 before 为基 (of 为基层)', async () => {
    const hits = await seeds.search('为机');
    expect(markedText(hits[0]!)).toEqual(['危机']);
    expect(hits.flatMap(markedText)).toContain('为基');
  });

  it('gwy is 国务院, xuelo leads to the Xuelong 2 article, zhongg finds 中国 (pinyin typed in part)', async () => {
    const gwy = await seeds.search('gwy');
    expect(gwy.slice(0, 5).every((h) => markedText(h).includes('国务院'))).toBe(true);
    const xuelo = await seeds.search('xuelo');
    expect(xuelo[0]!.article.slug).toBe(xuelong());
    expect(xuelo[1]!.article.slug).toBe(xuelong());
    expect(markedText(xuelo[1]!)).toContain('雪龙');
    expect((await seeds.search('zhongg')).flatMap(markedText)).toContain('中国');
    // Initials with sh read as one and apart: 上海合作组织 (shang hai he zuo zu zhi).
    const sco = await seeds.search('shhzzz');
    expect(sco[0]!.field).toBe('title');
    expect(markedText(sco[0]!)).toEqual(['上海合作组织']);
  });

  it('雪尤2号 (a typo) still finds it, as a near miss', async () => {
    const hits = await seeds.search('雪尤2号');
    expect(hits[0]!.article.slug).toBe(xuelong());
    expect(hits[0]!.match).toBe('fuzzy');
  });

  it('新质生产力 and 發展 find every article that has them, titles first', async () => {
    const hits = await seeds.search('新质生产力', 200, { perArticle: 1 });
    expect(slugs(hits).sort()).toEqual(containing('新质生产力').sort());
    const titles = hits.filter((h) => h.match === 'title').length;
    expect(hits.slice(0, titles).every((h) => h.match === 'title')).toBe(true);
    const trad = await seeds.search('發展', 200, { perArticle: 1 });
    expect(slugs(trad).sort()).toEqual(containing('发展').sort());
  });

  it('29.9%, 72TB and 两会 出口 find the paragraphs that have them', async () => {
    for (const query of ['29.9%', '72TB']) {
      const hits = await seeds.search(query);
      expect(slugs(hits), query).toEqual(containing(query));
      expect(markedText(hits[0]!), query).toEqual([query]);
    }
    const both = await seeds.search('两会 出口', 50, { perArticle: 10 });
    expect(slugs(both)).toEqual(containing('两会').filter((s) => containing('出口').includes(s)));
  });
});
