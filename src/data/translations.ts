/**
 * Translations of articles (`src/content/translations/<lang>/<slug>.json`), matched against the
 * paragraphs the page shows. The checks are pure functions (tested with `astro:content` mocked);
 * the loader at the bottom reads the collection once per build.
 *
 * Fails the build (throws) when a file names an article that does not exist, when its name,
 * folder and content disagree, or when it refers to a paragraph id the article does not have.
 * A translation made from an older wording of the Chinese (its `sourceHash` differs) is kept,
 * marked `outdated`, and reported with one console warning per paragraph.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '../i18n/index.ts';
import { sourceHash } from '../lib/paragraph-id.ts';
import { getArticles } from './articles.ts';

/** Languages a translation can be in: every site locale but the source language. */
export type TranslationLang = Exclude<Locale, 'zh-Hans'>;

/** Whether a translated paragraph was made from the Chinese as it reads now. */
export type TranslationStatus = 'current' | 'outdated';

export interface TranslatedParagraph {
  text: string;
  status: TranslationStatus;
}

/** One article's translation, as the page uses it. */
export interface Translation {
  /** The translation file, relative to the project root, for messages. */
  file: string;
  lang: TranslationLang;
  title?: string | undefined;
  summary?: string | undefined;
  /** Translated paragraphs by paragraph id; an untranslated paragraph (empty `text`) is absent. */
  paragraphs: Map<string, TranslatedParagraph>;
}

/** A translation file as the collection schema parsed it (the fields this module reads). */
export interface TranslationFile {
  /** Path of the file, relative to the project root. */
  file: string;
  data: {
    article: string;
    lang: TranslationLang;
    title?: string | undefined;
    summary?: string | undefined;
    paragraphs: { id: string; sourceHash: string; text: string }[];
  };
}

/** A paragraph of the article as the page shows it. */
export interface SourceParagraph {
  id: string;
  /** Plain text, as the reader sees it (what `sourceHash` is taken of). */
  text: string;
}

/**
 * Check that every translation file belongs to an existing article and that its file name,
 * folder, `article` and `lang` agree. Throws an Error naming the file otherwise.
 */
export function checkTranslationFiles(files: readonly TranslationFile[], articleIds: ReadonlySet<string>): void {
  const seen = new Map<string, string>();
  for (const { file, data } of files) {
    if (!articleIds.has(data.article)) {
      throw new Error(`${file}: translation of unknown article "${data.article}" (no src/content/articles/${data.article}.md)`);
    }
    const parts = file.split('/');
    const name = parts.at(-1)?.replace(/\.json$/u, '');
    const folder = parts.at(-2);
    if (name !== data.article) {
      throw new Error(`${file}: "article" is "${data.article}" but the file is named ${name}.json; name it ${data.article}.json`);
    }
    if (folder !== data.lang) {
      throw new Error(`${file}: "lang" is "${data.lang}" but the file is in the folder "${folder}/"`);
    }
    const key = `${data.lang}/${data.article}`;
    const other = seen.get(key);
    if (other) throw new Error(`${file}: a second ${data.lang} translation of "${data.article}" (the first is ${other})`);
    seen.set(key, file);
  }
}

/**
 * Match a translation file against the article's paragraphs: each entry's status is `current`
 * when its `sourceHash` is the hash of the paragraph's text now, else `outdated`. Entries with
 * empty text are left out (not translated yet). Throws an Error naming the file and the id
 * when an entry refers to a paragraph the article does not have.
 */
export function resolveTranslation(source: TranslationFile, paragraphs: readonly SourceParagraph[]): Translation {
  const { file, data } = source;
  const textById = new Map(paragraphs.map((p) => [p.id, p.text]));
  const translated = new Map<string, TranslatedParagraph>();
  for (const entry of data.paragraphs) {
    const current = textById.get(entry.id);
    if (current === undefined) {
      throw new Error(
        `${file}: paragraph id "${entry.id}" is not in article "${data.article}"; ` +
          `run \`npm run translations:export -- --lang ${data.lang} --article ${data.article}\` to refresh the ids`,
      );
    }
    if (entry.text === '') continue;
    translated.set(entry.id, {
      text: entry.text,
      status: entry.sourceHash === sourceHash(current) ? 'current' : 'outdated',
    });
  }
  return { file, lang: data.lang, title: data.title, summary: data.summary, paragraphs: translated };
}

/** One warning line per outdated paragraph, naming the file and the id. */
export function outdatedWarnings(translation: Translation): string[] {
  return [...translation.paragraphs]
    .filter(([, p]) => p.status === 'outdated')
    .map(([id]) => `${translation.file}: translation of ${id} is outdated (the Chinese paragraph has changed since)`);
}

// --- Loading (Astro) ------------------------------------------------------------------------

type Entry = CollectionEntry<'translations'>;

let cache: Promise<Map<string, TranslationFile>> | undefined;

async function load(): Promise<Map<string, TranslationFile>> {
  const entries: Entry[] = await getCollection('translations');
  const files: TranslationFile[] = entries.map((entry) => ({
    file: entry.filePath ?? `src/content/translations/${entry.id}.json`,
    data: entry.data,
  }));
  checkTranslationFiles(files, new Set((await getArticles()).map((a) => a.id)));
  return new Map(files.map((f) => [`${f.data.lang}/${f.data.article}`, f]));
}

function loaded(): Promise<Map<string, TranslationFile>> {
  // In `astro dev` files change between requests, so only a build keeps the result.
  if (import.meta.env.DEV) return load();
  cache ??= load();
  return cache;
}

/** The raw translation file of an article, if there is one (e.g. for a neighbour's title). */
export async function getTranslationFile(articleId: string, lang: TranslationLang): Promise<TranslationFile | undefined> {
  return (await loaded()).get(`${lang}/${articleId}`);
}

/**
 * The translation of an article into `lang`, matched against its paragraphs, or undefined when
 * there is no file. Warns once per outdated paragraph; call it once per article (the page data
 * in `article-page.ts` does).
 */
export async function getTranslation(
  articleId: string,
  lang: TranslationLang,
  paragraphs: readonly SourceParagraph[],
): Promise<Translation | undefined> {
  const file = await getTranslationFile(articleId, lang);
  if (!file) return undefined;
  const translation = resolveTranslation(file, paragraphs);
  for (const line of outdatedWarnings(translation)) console.warn(line);
  return translation;
}
