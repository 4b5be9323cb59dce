/**
 * Build time (Node): the search index, written as JSON parts the browser loads as it needs them.
 *
 *   manifest  article list (slug, date, publication, English title, number of text chunks), the
 *             titles as a Fuse index, which keys live in which gram part, the pinyin map and the
 *             Traditional → Simplified map (both for the corpus's characters only), and how often
 *             each character occurs (to tell a word from two characters side by side by chance);
 *             loaded first.
 *             For a small corpus (up to 250 KB of text, like the seeds) it also holds every text
 *             chunk, and there are no other parts: the engine reads bigrams off the text in
 *             memory, and no query fetches anything.
 *   g<s>      bigram → text chunks, for the bigrams whose first character's key was packed into
 *             part s. The key is the character's reading (toneless pinyin; a polyphone's bigrams
 *             are under each of its readings), `0` for ASCII, else the character: a Chinese
 *             term needs the parts of a few of its characters' readings, a pinyin term one part
 *             per syllable looked up. Keys are packed in alphabetical order, so the syllables of
 *             an initial (`x`: xi … xun) are in a few neighbouring parts.
 *   t<p>      text part p: consecutive text chunks in index order (~20 000 characters: several
 *             articles, or part of a long one); a chunk is consecutive paragraphs and
 *             subheads of one article (~1500 characters), `Fuse.createIndex` over their text,
 *             serialized (`toJSON`), with the paragraph ids. The only copy of the text; a query
 *             loads the parts that hold the chunks that may have its terms.
 *
 * Index order (`sortForIndex`): newest first, then a day's articles as printed (source file and
 * line), so one request often brings several articles a query finds together.
 *
 * `buildSearchIndex` is pure (articles in, parts out); `readArticles` reads the collection the
 * normalizer wrote; the site writes the parts through `src/pages/search-index/[part].json.ts`;
 * run this file to write them to a folder and print their sizes:
 *
 *   npx node src/lib/search/build-index.ts [--articles DIR] [--translations DIR] [--out DIR]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Fuse from 'fuse.js/basic';
import OpenCC from 'opencc-js/t2cn';
import { from as regionalDicts, to as simplifiedDicts } from 'opencc-js/preset/t2cn';
import { pinyin } from 'pinyin-pro';
import { compareArticles } from '../../data/order.ts';
import { markdownParagraphText, paragraphIds } from '../paragraph-id.ts';
import {
  INDEX_FORMAT,
  MANIFEST_PART,
  HEARD_PART,
  type HeardPart,
  textPartName,
  createFold,
  countChars,
  encodeCounts,
  foldEdits,
  encodePostings,
  gramKey,
  gramPartName,
  pieceKey,
  isHan,
  textBigrams,
  type ChunkPart,
  type TextPart,
  type FuseIndexJson,
  type GramPart,
  type ManifestPart,
} from './engine.ts';

/** An article as the index needs it: plain text (what a reader sees), blocks in order. */
export interface IndexArticle {
  slug: string;
  title: string;
  titleEn?: string | undefined;
  publication?: string | undefined;
  /** ISO `YYYY-MM-DD`. */
  date?: string | undefined;
  /** Where the article was printed (its primary source: file and first line), to order a day's articles. */
  source?: { file: string; line: number } | undefined;
  /** The article's head as one line (kicker, subtitle, byline, publication, date): see `headerText`. */
  header?: string | undefined;
  blocks: { kind: 'paragraph' | 'heading'; text: string }[];
  /**
   * English text a translation gives besides the title: the summary (id `HEADER_ID`) and the
   * translated paragraphs (their paragraph ids), searched for English words.
   */
  english?: { id: string; text: string }[] | undefined;
}

/** The id of an article's head in the index: a hit there links to the article itself. */
export const HEADER_ID = '';

/**
 * The article's head as the index keeps it, searchable like a paragraph: kicker, subtitle, byline,
 * publication, and the date both as printed in Chinese and as ISO (`2024年3月5日 2024-03-05`), so a
 * reader finds an article by its author, its series or its day. Undefined when there is none.
 */
export function headerText(data: { kicker?: string | undefined; subtitle?: string | undefined; byline?: string | undefined; publication?: string | undefined; date?: string | undefined }): string | undefined {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(data.date ?? '');
  const parts = [data.kicker, data.subtitle, data.byline, data.publication, date ? `${date[1]}年${Number(date[2])}月${Number(date[3])}日 ${data.date}` : undefined];
  const text = parts
    .map((part) => part?.replace(/\s+/gu, ' ').trim())
    .filter(Boolean)
    .join(' · ');
  return text || undefined;
}

export interface BuildOptions {
  /**
   * Target size of a gram part, in bytes of JSON (default 20 000: about 12 KB gzipped). A query
   * needs a part per character (or syllable) it looks up, often one already loaded. Measured in
   * Chromium at 20× (`npm run bench`), parts of 40 000 and 120 000 bytes made the queries that
   * load one slower: a part costs its bytes too (compressed on its first request, parsed).
   */
  gramPartBytes?: number;
  /** Target length of a text chunk, in characters (default 1500; a longer paragraph is a chunk of its own). */
  chunkChars?: number;
  /**
   * Target length of a text part (consecutive chunks), in characters (default 20 000: about 27 KB
   * gzipped): a common word's neighbouring articles come in few requests (6000 made those
   * queries the slowest at 20×); a rare word's article needs one part either way.
   */
  textPartChars?: number;
  /**
   * Put the text in the manifest instead of gram and chunk parts (`true`), or not (`false`);
   * by default when the text is at most 250 000 bytes (UTF-8): then the first query loads
   * everything at once (about 85 KB gzipped for the seeds) and no query fetches again.
   */
  inline?: boolean;
}

export interface SearchIndexBuild {
  /** Part name → JSON-serializable data; write each as `<name>.json`. */
  parts: Record<string, unknown>;
}

const DEFAULT_GRAM_PART_BYTES = 20_000;
/** A key is split when bigger than this many parts. */
const SPLIT_ABOVE = 3;
const DEFAULT_CHUNK_CHARS = 1500;
const DEFAULT_TEXT_PART_CHARS = 20_000;
const INLINE_TEXT_BYTES = 250_000;

/** The blocks of an article body as the normalizer writes it: one per line, `## ` for a subhead. */
export function blocksFromBody(body: string): IndexArticle['blocks'] {
  return body
    .split(/\r?\n/u)
    .filter((line) => line.trim() !== '')
    .map((line) =>
      line.startsWith('## ')
        ? { kind: 'heading' as const, text: markdownParagraphText(line.slice(3).trim()) }
        : { kind: 'paragraph' as const, text: markdownParagraphText(line.trim()) },
    );
}

/** The article as written by the normalizer: frontmatter (JSON-quoted YAML scalars) and one block per line. */
export function articleFromMarkdown(slug: string, markdown: string, titleEn?: string): IndexArticle {
  const lines = markdown.split(/\r?\n/u);
  const meta: Record<string, string> = {};
  let body = lines;
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end === -1) throw new Error(`${slug}: frontmatter is not closed with ---`);
    for (const line of lines.slice(1, end)) {
      // The first source: `  - file: "…"`, then `    lines: [[a,b]]`.
      const file = /^\s+- file:\s*(.*)$/u.exec(line);
      if (file && meta.sourceFile === undefined) meta.sourceFile = JSON.parse(file[1]!.trim()) as string;
      const at = /^\s+lines:\s*\[\[(\d+)/u.exec(line);
      if (at && meta.sourceLine === undefined) meta.sourceLine = at[1]!;
      const m = /^(\w+):\s*(.*)$/u.exec(line);
      if (!m) continue;
      const value = m[2]!.trim();
      meta[m[1]!] = value.startsWith('"') ? (JSON.parse(value) as string) : value.replace(/^'(.*)'$/u, '$1');
    }
    body = lines.slice(end + 1);
  }
  return {
    slug,
    title: (meta.title ?? '').replace(/\s+/gu, ' ').trim(),
    titleEn: titleEn?.trim() || undefined,
    publication: meta.publication?.trim() || undefined,
    date: /^\d{4}-\d{2}-\d{2}$/u.test(meta.date ?? '') ? meta.date : undefined,
    source: meta.sourceFile !== undefined ? { file: meta.sourceFile, line: Number(meta.sourceLine ?? 0) } : undefined,
    header: headerText(meta),
    blocks: blocksFromBody(body.join('\n')),
  };
}

/** A translation file's fields the index reads (src/content.config.ts has the schema). */
interface TranslationJson {
  title?: string | undefined;
  summary?: string | undefined;
  paragraphs?: { id: string; text: string }[] | undefined;
}

/** A translation's English text besides the title: the summary (the head's id), then the translated paragraphs. */
export function englishBlocks(translation: TranslationJson): { id: string; text: string }[] {
  const blocks = translation.summary?.trim() ? [{ id: HEADER_ID, text: translation.summary }] : [];
  for (const p of translation.paragraphs ?? []) if (p.text.trim()) blocks.push({ id: p.id, text: p.text });
  return blocks;
}

/** The collection as the normalizer wrote it, with English titles, in list order (newest first). */
export function readArticles(articlesDir = 'src/content/articles', translationsDir = 'src/content/translations/en'): IndexArticle[] {
  const articles = readdirSync(articlesDir)
    .filter((f) => f.endsWith('.md'))
    .map((file) => {
      const slug = file.slice(0, -3);
      const tr = join(translationsDir, `${slug}.json`);
      const translation = existsSync(tr) ? (JSON.parse(readFileSync(tr, 'utf8')) as TranslationJson) : undefined;
      const article = articleFromMarkdown(slug, readFileSync(join(articlesDir, file), 'utf8'), translation?.title);
      article.english = translation && englishBlocks(translation);
      return article;
    });
  return sortForIndex(articles);
}

/**
 * The index's order, which is also its tie-break between equally good results: newest first (as
 * the site lists them), then a day's articles in the order they were printed (source file, then
 * line), then as the site lists them (by title). Text parts hold neighbours in this order, so
 * the articles of one edition, which a query often finds together, come in few requests.
 */
export function sortForIndex(articles: IndexArticle[]): IndexArticle[] {
  const keyed = articles.map((a) => ({ a, id: a.slug, data: { title: a.title, date: a.date } }));
  return keyed
    .sort((x, y) => {
      if (x.a.date !== y.a.date) return compareArticles(x, y);
      const sx = x.a.source;
      const sy = y.a.source;
      if (sx && sy && (sx.file !== sy.file || sx.line !== sy.line)) return sx.file < sy.file ? -1 : sx.file > sy.file ? 1 : sx.line - sy.line;
      if (!sx !== !sy) return sx ? -1 : 1;
      return compareArticles(x, y);
    })
    .map((k) => k.a);
}

/** The primary source of an article's `sources` (the one marked primary, else the first). */
export function primarySource(sources: readonly { file: string; lines: readonly (readonly number[])[]; role?: string }[] | undefined): IndexArticle['source'] {
  const s = sources?.find((x) => x.role === 'primary') ?? sources?.[0];
  return s ? { file: s.file, line: s.lines[0]?.[0] ?? 0 } : undefined;
}

/** The ids the article page gives its blocks: `p-…` for paragraphs, `h-…` for subheads. */
export function blockIds(blocks: IndexArticle['blocks']): string[] {
  const paragraphs = blocks.filter((b) => b.kind === 'paragraph');
  const headings = blocks.filter((b) => b.kind === 'heading');
  const pIds = paragraphIds(paragraphs.map((b) => b.text));
  const hIds = paragraphIds(headings.map((b) => b.text)).map((id) => id.replace(/^p-/u, 'h-'));
  let p = 0;
  let h = 0;
  return blocks.map((b) => (b.kind === 'paragraph' ? pIds[p++]! : hIds[h++]!));
}

// ---------------------------------------------------------------------------------------------
// Character maps, for the corpus's characters only.

/** Code point ranges of CJK ideographs (BMP) a Traditional character may come from. */
const CJK_RANGES: [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

let allCjk: string[] | undefined;
let converted: string[][] | undefined;

/** Every BMP ideograph converted alone by OpenCC (Traditional, Taiwan and Hong Kong forms → mainland). */
function convertedCjk(): { chars: string[]; results: string[][] } {
  if (!allCjk || !converted) {
    allCjk = [];
    for (const [from, to] of CJK_RANGES) for (let c = from; c <= to; c++) allCjk.push(String.fromCharCode(c));
    const joined = allCjk.join('\n');
    converted = (['t', 'tw', 'hk'] as const).map((from) => {
      const out = OpenCC.Converter({ from, to: 'cn' })(joined).split('\n');
      if (out.length !== allCjk!.length) throw new Error('opencc-js changed the number of lines');
      return out;
    });
  }
  return { chars: allCjk, results: converted };
}

/**
 * Traditional → Simplified for single characters, limited to the corpus: a character maps when it
 * or its Simplified form occurs in the corpus (so a Traditional query finds the text, and a
 * Traditional character in the text is found by a Simplified query).
 */
export function traditionalMap(corpusChars: ReadonlySet<string>): Map<string, string> {
  const { chars, results } = convertedCjk();
  const map = new Map<string, string>();
  chars.forEach((ch, i) => {
    for (const r of results) {
      const to = r[i]!;
      if (to !== ch && to.length === 1 && (corpusChars.has(to) || corpusChars.has(ch))) {
        map.set(ch, to);
        break;
      }
    }
  });
  return map;
}

/**
 * Words of Taiwan and Hong Kong and the mainland's for them (OpenCC's phrase tables: 人工智慧 is
 * 人工智能, 軟體 软件, 網路 网络, 計程車 出租车), those whose mainland word is in `text` (folded
 * by `fold`): regional word → mainland word, both folded (a query is read folded: 軟體 and 软体
 * are both 软体 then). A word that is the same either way, or that the text has as it is, is
 * left out.
 */
export function regionalPhrases(text: string, fold: (text: string) => string): Map<string, string> {
  // (The first group of each: the phrase table, then variant tables, which are characters.)
  return phrasesIn([regionalDicts.twp?.[0]?.[0], regionalDicts.hkp?.[0]?.[0]], text, fold);
}

/**
 * Traditional words whose characters one by one do not make the Simplified word (OpenCC's
 * Traditional phrase table: 復甦 is 复苏, where 甦 alone stays), as `regionalPhrases` lists its.
 */
export function traditionalPhrases(text: string, fold: (text: string) => string): Map<string, string> {
  return phrasesIn([simplifiedDicts.cn?.[0]?.[0]], text, fold);
}

function phrasesIn(tables: readonly unknown[], text: string, fold: (text: string) => string): Map<string, string> {
  const simplify = OpenCC.Converter({ from: 't', to: 'cn' });
  const out = new Map<string, string>();
  for (const table of tables) {
    if (typeof table !== 'string') continue;
    for (const entry of table.split('|')) {
      const [word, mainland] = entry.split(' ');
      if (!word || !mainland || Array.from(word).length < 2) continue;
      const target = fold(simplify(mainland));
      if (!text.includes(target)) continue;
      // (Typed in Traditional characters, or in Simplified ones: 軟體, 软体.)
      for (const typed of [fold(word), fold(simplify(word))]) {
        if (typed === target || text.includes(typed) || out.has(typed)) continue;
        out.set(typed, target);
      }
    }
  }
  return out;
}

/**
 * The readings each Han character has in `texts`, read as words (pinyin-pro reads words: 行业
 * hang ye, 进行 jin xing): each line in context, and each two characters side by side as a word
 * of their own (a line's context can mislead it: 银行要加大 reads yin xing). Toneless, `v` for ü.
 */
export function readingsInContext(texts: Iterable<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const note = (text: string): void => {
    const chars = Array.from(text);
    const read = pinyin(text, { toneType: 'none', type: 'array', v: true }) as string[];
    // (One reading per character; a text read otherwise is skipped.)
    if (read.length !== chars.length) return;
    chars.forEach((ch, i) => {
      const syl = read[i]!.toLowerCase();
      if (!isHan(ch) || !/^[a-z]+$/u.test(syl)) return;
      const set = out.get(ch);
      if (set) set.add(syl);
      else out.set(ch, new Set([syl]));
    });
  };
  const pairs = new Set<string>();
  for (const text of texts) {
    for (const line of text.split('\n')) if (/\p{Script=Han}/u.test(line)) note(line);
    for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
      const chars = Array.from(run);
      for (let i = 0; i + 1 < chars.length; i++) pairs.add(chars[i]! + chars[i + 1]!);
    }
  }
  // All pairs in one call, apart (a comma ends a word): far quicker than one call each.
  note([...pairs].join('，'));
  return out;
}

/** Toneless readings of a Han character (`v` for ü), the most common first; none for a non-Han one. */
export function readings(ch: string): string[] {
  if (!isHan(ch)) return [];
  const all = pinyin(ch, { toneType: 'none', multiple: true, type: 'array', v: true }) as string[];
  return [...new Set(all.map((s) => s.toLowerCase()).filter((s) => /^[a-z]+$/u.test(s)))];
}

// ---------------------------------------------------------------------------------------------
// The index.

function fuseJson(texts: string[]): FuseIndexJson {
  return Fuse.createIndex<string>([], texts).toJSON() as unknown as FuseIndexJson;
}

/**
 * Pack keys into parts of about `target` bytes, in alphabetical order: the syllables that start
 * alike are neighbours (xi, xia, …, xun), so the syllables of an initial, or of a half-typed
 * syllable, are in a few consecutive parts (the pieces of a split key sort among them too).
 */
function pack(sizes: Map<string, number>, target: number): string[][] {
  const bins: { size: number; keys: string[] }[] = [];
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  // As many parts as the target asks for, filled evenly.
  const fill = total / Math.max(1, Math.round(total / target));
  let bin: { size: number; keys: string[] } | undefined;
  for (const key of [...sizes.keys()].sort()) {
    const size = sizes.get(key)!;
    if (!bin || (bin.size > 0 && bin.size + size / 2 > fill)) bins.push((bin = { size: 0, keys: [] }));
    bin.keys.push(key);
    bin.size += size;
  }
  return bins.map((b) => b.keys);
}

/**
 * GB 2312's 6,763 characters (its first level, the 3,755 commonest, then the second), read from
 * the encoding's table: the characters input methods offer, names' characters included.
 */
export function commonChars(): string[] {
  const decoder = new TextDecoder('gbk');
  const out: string[] = [];
  for (let hi = 0xb0; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      // (The first level ends at D7F9; D7FA to D7FE are empty.)
      if (hi === 0xd7 && lo > 0xf9) continue;
      out.push(decoder.decode(new Uint8Array([hi, lo])));
    }
  }
  return out;
}

/** Build the index parts for a list of articles (in list order: an article's number is its position). */
export function buildSearchIndex(articles: readonly IndexArticle[], options: BuildOptions = {}): SearchIndexBuild {
  const corpusChars = new Set<string>();
  for (const a of articles) {
    for (const ch of a.title) corpusChars.add(ch);
    for (const ch of a.header ?? '') corpusChars.add(ch);
    for (const b of a.blocks) for (const ch of b.text) corpusChars.add(ch);
  }
  const t2s = traditionalMap(corpusChars);
  const fold = createFold(t2s);

  // Pinyin for the characters of the folded text: a character's first reading, and the others it
  // has in this text (read in context: 行 is hang in 行业, 都 du in 成都; 和 is never huo).
  const foldedChars = new Set<string>();
  for (const ch of corpusChars) for (const f of fold(ch)) foldedChars.add(f);
  const heardHere = readingsInContext(articles.flatMap((a) => [a.title, a.header ?? '', ...a.blocks.map((b) => b.text)]).map(fold));
  const primary = new Map<string, string>();
  const allReadings = new Map<string, string[]>();
  const firsts = new Map<string, string[]>();
  const alsos = new Map<string, string[]>();
  for (const ch of [...foldedChars].sort()) {
    const dictionary = readings(ch);
    const rs = dictionary.filter((r, i) => i === 0 || heardHere.get(ch)?.has(r));
    if (rs.length === 0) continue;
    primary.set(ch, rs[0]!);
    allReadings.set(ch, rs);
    rs.forEach((syl, i) => {
      const target = i === 0 ? firsts : alsos;
      const list = target.get(syl) ?? [];
      list.push(ch);
      target.set(syl, list);
    });
  }
  const pinyinMap: Record<string, string> = {};
  for (const syl of [...new Set([...firsts.keys(), ...alsos.keys()])].sort()) {
    const also = alsos.get(syl)?.join('') ?? '';
    pinyinMap[syl] = (firsts.get(syl)?.join('') ?? '') + (also ? `|${also}` : '');
  }

  // Text chunks: consecutive blocks of one article, about `chunkChars` characters each.
  const chunkChars = options.chunkChars ?? DEFAULT_CHUNK_CHARS;
  const chunks: { texts: string[]; ids: string[] }[] = [];
  const chunkCounts = articles.map((article) => {
    // The head first, as a block of its own (HEADER_ID), then the body's blocks.
    const blocks = article.header ? [{ text: article.header }, ...article.blocks] : article.blocks;
    const ids = article.header ? [HEADER_ID, ...blockIds(article.blocks)] : blockIds(article.blocks);
    const before = chunks.length;
    let current: { texts: string[]; ids: string[] } | undefined;
    let size = 0;
    blocks.forEach((block, i) => {
      if (!current || (size > 0 && size + block.text.length > chunkChars)) {
        current = { texts: [], ids: [] };
        chunks.push(current);
        size = 0;
      }
      current.texts.push(block.text);
      current.ids.push(ids[i]!);
      size += block.text.length;
    });
    return chunks.length - before;
  });

  // Bigram → chunks (each chunk once, in order). Titles are matched from the manifest.
  const postings = new Map<string, Map<string, number[]>>();
  chunks.forEach((chunk, n) => {
    for (const text of chunk.texts) {
      for (const gram of textBigrams(fold(text))) {
        const c1 = String.fromCodePoint(gram.codePointAt(0)!);
        const c2 = gram.slice(c1.length);
        let byFirst = postings.get(c1);
        if (!byFirst) postings.set(c1, (byFirst = new Map()));
        const list = byFirst.get(c2);
        if (!list) byFirst.set(c2, [n]);
        else if (list[list.length - 1] !== n) list.push(n);
      }
    }
  });

  // Serialize each first character's entry, then pack keys into parts. A character with several
  // readings has its entry under each (so a pinyin syllable needs one part); a key far bigger
  // than a part is split by code point (never the ASCII key, which a term like 29.9% needs whole).
  const target = options.gramPartBytes ?? DEFAULT_GRAM_PART_BYTES;
  const entries = new Map<string, [string, string]>();
  const entrySize = new Map<string, number>();
  const keysOf = (c1: string): string[] => allReadings.get(c1) ?? [gramKey(c1, primary)];
  const keySizes = new Map<string, number>();
  for (const c1 of [...postings.keys()].sort()) {
    const byFirst = postings.get(c1)!;
    const seconds = [...byFirst.keys()].sort();
    const entry: [string, string] = [seconds.join(''), seconds.map((c2) => encodePostings(byFirst.get(c2)!)).join(' ')];
    entries.set(c1, entry);
    const size = JSON.stringify(entry).length + c1.length * 3 + 4;
    entrySize.set(c1, size);
    for (const key of keysOf(c1)) keySizes.set(key, (keySizes.get(key) ?? 0) + size);
  }
  const splits = new Map<string, number>();
  for (const [key, size] of keySizes) if (key !== '0' && size > target * SPLIT_ABOVE) splits.set(key, Math.ceil(size / (target * SPLIT_ABOVE)));
  const pieceSizes = new Map<string, number>();
  const piecesOf = new Map<string, string[]>();
  for (const [c1, size] of entrySize) {
    const pieces = keysOf(c1).map((key) => pieceKey(c1, key, splits));
    piecesOf.set(c1, pieces);
    for (const piece of pieces) pieceSizes.set(piece, (pieceSizes.get(piece) ?? 0) + size);
  }
  const bins = pack(pieceSizes, target);
  const shardOfPiece = new Map<string, number>();
  bins.forEach((keys, s) => keys.forEach((k) => shardOfPiece.set(k, s)));
  const gramParts: GramPart[] = bins.map(() => ({}));
  for (const [c1, entry] of entries) for (const piece of piecesOf.get(c1)!) gramParts[shardOfPiece.get(piece)!]![c1] = entry;

  const pubs = [...new Set(articles.map((a) => a.publication).filter((p): p is string => !!p))].sort();
  const t2sPairs = [...t2s].sort((x, y) => (x[0] < y[0] ? -1 : 1));
  const manifest: ManifestPart = {
    format: INDEX_FORMAT,
    articles: {
      slug: articles.map((a) => a.slug),
      date: articles.map((a) => a.date ?? ''),
      pub: articles.map((a) => (a.publication ? pubs.indexOf(a.publication) : -1)),
      pubs,
      en: articles.map((a) => a.titleEn ?? ''),
      chunks: chunkCounts,
    },
    titles: fuseJson(articles.map((a) => a.title)),
    grams: bins.map((keys) => keys.join(' ')),
    pinyin: pinyinMap,
    t2s: [t2sPairs.map((p) => p[0]).join(''), t2sPairs.map((p) => p[1]).join('')],
  };

  const english = articles.map((a) => (a.english ?? []).filter((b) => b.text.trim() !== '').flatMap((b) => [b.id, b.text.replace(/\s+/gu, ' ').trim()]));
  if (english.some((flat) => flat.length > 0)) manifest.articles.english = english;

  const chunkParts = chunks.map((chunk): ChunkPart => {
    const part: ChunkPart = { ids: chunk.ids, index: fuseJson(chunk.texts) };
    const changed = chunk.texts.flatMap((t, i) => {
      const folded = fold(t);
      return folded === t ? [] : [[i, ...foldEdits(t, folded)]];
    });
    if (changed.length > 0) part.fold = changed;
    return part;
  });
  const textBytes = chunks.reduce((n, c) => n + c.texts.reduce((m, t) => m + Buffer.byteLength(t), 0), 0);
  // The common characters the text lacks, by their first reading (`HEARD_PART`).
  const heard: HeardPart = {};
  for (const ch of commonChars()) {
    if (foldedChars.has(ch)) continue;
    const syl = readings(ch)[0];
    if (syl) heard[syl] = (heard[syl] ?? '') + ch;
  }
  manifest.counts = encodeCounts(countChars(chunks.flatMap((chunk) => chunk.texts.map(fold))).of);
  const allText = articles.flatMap((a) => [a.title, a.header ?? '', ...a.blocks.map((b) => b.text)]).map(fold).join('\n');
  const listed = (phrases: Map<string, string>): string | undefined => (phrases.size > 0 ? [...phrases].map(([from, to]) => `${from} ${to}`).join('|') : undefined);
  const phrases = listed(regionalPhrases(allText, fold));
  if (phrases) manifest.phrases = phrases;
  const traditional = listed(traditionalPhrases(allText, fold));
  if (traditional) manifest.traditionalPhrases = traditional;
  const parts: Record<string, unknown> = { [MANIFEST_PART]: manifest, [HEARD_PART]: heard };
  if (options.inline ?? textBytes <= INLINE_TEXT_BYTES) {
    manifest.grams = [];
    manifest.chunks = chunkParts;
  } else {
    gramParts.forEach((part, s) => (parts[gramPartName(s)] = part));
    // Text parts: consecutive chunks (list order) up to about `textPartChars` characters.
    const limit = options.textPartChars ?? DEFAULT_TEXT_PART_CHARS;
    const texts: number[] = [];
    let current: TextPart | undefined;
    let size = 0;
    chunks.forEach((chunk, n) => {
      const length = chunk.texts.reduce((m, t) => m + t.length, 0);
      if (!current || (size > 0 && size + length > limit)) {
        current = { chunks: [] };
        parts[textPartName(texts.length)] = current;
        texts.push(0);
        size = 0;
      }
      current.chunks.push(chunkParts[n]!);
      texts[texts.length - 1]!++;
      size += length;
    });
    manifest.texts = texts;
  }
  return { parts };
}

// ---------------------------------------------------------------------------------------------
// Sizes and files.

export interface PartSizes {
  files: number;
  raw: number;
  gzip: number;
}

/** Raw and gzipped sizes of the parts, by kind (`manifest`, `g…`, `t…`) and in total. */
export function indexSizes(parts: Record<string, unknown>): Record<'manifest' | 'grams' | 'texts' | 'total', PartSizes> & { largest: Record<string, PartSizes> } {
  const sizes = { manifest: { files: 0, raw: 0, gzip: 0 }, grams: { files: 0, raw: 0, gzip: 0 }, texts: { files: 0, raw: 0, gzip: 0 }, total: { files: 0, raw: 0, gzip: 0 } };
  const largest: Record<string, PartSizes> = {};
  for (const [name, data] of Object.entries(parts)) {
    const buf = Buffer.from(JSON.stringify(data));
    const gz = gzipSync(buf).length;
    const kind = name === MANIFEST_PART ? 'manifest' : name.startsWith('g') ? 'grams' : 'texts';
    for (const s of [sizes[kind], sizes.total]) {
      s.files++;
      s.raw += buf.length;
      s.gzip += gz;
    }
    if (!largest[kind] || largest[kind].gzip < gz) largest[kind] = { files: 1, raw: buf.length, gzip: gz };
  }
  return { ...sizes, largest };
}

/** Write every part as `<dir>/<name>.json`. */
export function writeSearchIndex(parts: Record<string, unknown>, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, data] of Object.entries(parts)) writeFileSync(join(dir, `${name}.json`), JSON.stringify(data));
}

/**
 * A part as a classic script, for pages opened from `file://` where fetch fails, and for the
 * search page, which carries its manifest: it registers the part in
 * `globalThis.__BAOKU_SEARCH_INDEX__`, which `globalSource` in load.ts reads. Every `<` is
 * written `\u003c` (it can only be inside a string), so the script can be written into a page
 * whatever the text says (`</script>`, `<!--`).
 */
export function partScript(name: string, data: unknown): string {
  return `(globalThis.__BAOKU_SEARCH_INDEX__??={})[${JSON.stringify(name)}]=${JSON.stringify(data).replaceAll('<', '\\u003c')};\n`;
}

export function formatSizes(sizes: ReturnType<typeof indexSizes>): string {
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  const row = (label: string, s: PartSizes): string => `${label.padEnd(9)} ${String(s.files).padStart(5)} file(s)  ${kb(s.raw).padStart(10)} raw  ${kb(s.gzip).padStart(10)} gzip`;
  const lines = [row('manifest', sizes.manifest), row('grams', sizes.grams), row('texts', sizes.texts), row('total', sizes.total)];
  for (const [kind, s] of Object.entries(sizes.largest)) lines.push(`largest ${kind} part: ${kb(s.raw)} raw, ${kb(s.gzip)} gzip`);
  return lines.join('\n');
}

if (import.meta.main) {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(`--${name}`);
    return i === -1 ? undefined : process.argv[i + 1];
  };
  const articles = readArticles(arg('articles'), arg('translations'));
  const t0 = performance.now();
  const { parts } = buildSearchIndex(articles);
  const ms = performance.now() - t0;
  const out = arg('out');
  if (out) writeSearchIndex(parts, out);
  console.log(`${articles.length} articles, index built in ${Math.round(ms)} ms${out ? `, written to ${out}` : ''}`);
  console.log(formatSizes(indexSizes(parts)));
}
