/**
 * Write translation templates: one JSON file per article in the format of
 * `src/content/translations/README.md`, with every paragraph's id, the hash of its Chinese text,
 * the Chinese itself (`source`, for the translator; the site ignores it) and the translation
 * (`text`, empty until someone translates it).
 *
 *   npm run translations:export -- --lang en [--article SLUG] [--out DIR]
 *
 * Run it again after the articles change: translated text is never overwritten. A translated
 * paragraph keeps the `sourceHash` it was made from, so the build goes on reporting it as
 * outdated when the Chinese has changed; such entries get `currentHash`, to be copied into
 * `sourceHash` once the English is revised. A translation whose paragraph is no longer in the
 * article (its opening changed) moves to `orphaned`, to be reused or deleted by hand.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { markdownParagraphText, paragraphIds, sourceHash } from '../src/lib/paragraph-id.ts';

/** Languages the site's translation collection accepts. */
export const LANGS = ['en'] as const;
export type Lang = (typeof LANGS)[number];

/** A paragraph entry of a translation file. */
export interface TemplateParagraph {
  id: string;
  sourceHash: string;
  /** The Chinese paragraph now (for the translator; the site ignores it). */
  source?: string;
  /** Written only when a translated paragraph's Chinese has changed since: its hash now. */
  currentHash?: string;
  text: string;
}

export interface Template {
  article: string;
  lang: Lang;
  title: string;
  summary: string;
  paragraphs: TemplateParagraph[];
  /** Translations of paragraphs no longer in the article (the site ignores them). */
  orphaned?: { id: string; sourceHash: string; text: string }[];
}

/** What the export needs from an article file: its title and paragraph texts (plain text). */
export interface ArticleText {
  title: string;
  paragraphs: string[];
}

/**
 * Read an article written by the normalizer: the `title` from the frontmatter (a JSON-quoted
 * YAML scalar) and the body's paragraphs, one per non-empty line that is not a `## ` subhead.
 */
export function parseArticle(markdown: string): ArticleText {
  const lines = markdown.split(/\r?\n/u);
  let body = lines;
  let title = '';
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end === -1) throw new Error('frontmatter is not closed with ---');
    for (const line of lines.slice(1, end)) {
      const match = /^title:\s*(.*)$/u.exec(line);
      if (!match) continue;
      const value = (match[1] ?? '').trim();
      title = value.startsWith('"') ? (JSON.parse(value) as string) : value.replace(/^'(.*)'$/u, '$1');
    }
    body = lines.slice(end + 1);
  }
  const paragraphs = body
    .filter((line) => line.trim() !== '' && !line.startsWith('## '))
    .map((line) => markdownParagraphText(line.trim()));
  return { title, paragraphs };
}

/**
 * The template for one article, merged with the existing file if there is one: translated text
 * (and the hash it was made from) is kept; new paragraphs get empty text.
 */
export function buildTemplate(slug: string, lang: Lang, article: ArticleText, existing?: Partial<Template>): Template {
  const ids = paragraphIds(article.paragraphs);
  const old = new Map((existing?.paragraphs ?? []).map((p) => [p.id, p]));
  const paragraphs = article.paragraphs.map((source, i): TemplateParagraph => {
    const id = ids[i]!;
    const hash = sourceHash(source);
    const before = old.get(id);
    if (before && typeof before.text === 'string' && before.text.trim() !== '') {
      return {
        id,
        sourceHash: before.sourceHash,
        source,
        ...(before.sourceHash !== hash ? { currentHash: hash } : {}),
        text: before.text,
      };
    }
    return { id, sourceHash: hash, source, text: '' };
  });
  const current = new Set(ids);
  const orphaned = [
    ...(existing?.orphaned ?? []),
    ...(existing?.paragraphs ?? [])
      .filter((p) => !current.has(p.id) && typeof p.text === 'string' && p.text.trim() !== '')
      .map(({ id, sourceHash: hash, text }) => ({ id, sourceHash: hash, text })),
  ];
  return {
    article: slug,
    lang,
    title: existing?.title ?? '',
    summary: existing?.summary ?? '',
    paragraphs,
    ...(orphaned.length > 0 ? { orphaned } : {}),
  };
}

export interface ExportOptions {
  lang: Lang;
  /** Folder of the article Markdown files (default `src/content/articles`). */
  articlesDir: string;
  /** Folder to write to (default `src/content/translations/<lang>`). */
  outDir: string;
  /** Only this article (its slug). */
  article?: string | undefined;
}

export interface ExportResult {
  file: string;
  paragraphs: number;
  translated: number;
  changed: boolean;
  orphaned: number;
}

/** Write (or refresh) the templates; returns one line of facts per article. */
export function exportTranslations(options: ExportOptions): ExportResult[] {
  const slugs = readdirSync(options.articlesDir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -'.md'.length))
    .sort();
  const chosen = options.article === undefined ? slugs : slugs.filter((s) => s === options.article);
  if (options.article !== undefined && chosen.length === 0) {
    throw new Error(`no article "${options.article}" in ${options.articlesDir}`);
  }
  mkdirSync(options.outDir, { recursive: true });
  return chosen.map((slug) => {
    const article = parseArticle(readFileSync(join(options.articlesDir, `${slug}.md`), 'utf8'));
    const file = join(options.outDir, `${slug}.json`);
    const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    let existing: Partial<Template> | undefined;
    if (before !== undefined) {
      try {
        existing = JSON.parse(before) as Partial<Template>;
      } catch (error) {
        throw new Error(`${file} is not valid JSON (${(error as Error).message}); fix it first, nothing was written`, { cause: error });
      }
    }
    const template = buildTemplate(slug, options.lang, article, existing);
    const json = `${JSON.stringify(template, null, 2)}\n`;
    const changed = json !== before;
    if (changed) writeFileSync(file, json);
    return {
      file,
      paragraphs: template.paragraphs.length,
      translated: template.paragraphs.filter((p) => p.text.trim() !== '').length,
      changed,
      orphaned: template.orphaned?.length ?? 0,
    };
  });
}

function main(): void {
  const { values } = parseArgs({
    options: {
      lang: { type: 'string' },
      article: { type: 'string' },
      out: { type: 'string' },
      articles: { type: 'string' },
    },
  });
  const lang = values.lang;
  if (!lang || !(LANGS as readonly string[]).includes(lang)) {
    console.error(`usage: npm run translations:export -- --lang ${LANGS.join('|')} [--article SLUG] [--out DIR]`);
    process.exit(2);
  }
  const results = exportTranslations({
    lang: lang as Lang,
    articlesDir: resolve(values.articles ?? 'src/content/articles'),
    outDir: resolve(values.out ?? join('src/content/translations', lang)),
    article: values.article,
  });
  for (const r of results) {
    const state = r.changed ? 'wrote' : 'unchanged';
    const orphans = r.orphaned > 0 ? `, ${r.orphaned} orphaned (see "orphaned")` : '';
    console.log(`${state} ${r.file}: ${r.translated}/${r.paragraphs} paragraphs translated${orphans}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
