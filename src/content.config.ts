/**
 * The `articles` collection: Markdown files written by the normalizer (`npm run normalize`)
 * into `src/content/articles/`, or into the folder `BAOKU_ARTICLES_DIR` names (relative to the
 * project root, or absolute), to build the site from another collection. The schema mirrors
 * `ArticleMeta` and `SourceRef` in `scripts/normalize/types.ts`; keep the two in step.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** The articles' folder; see above. */
const ARTICLES_DIR = process.env.BAOKU_ARTICLES_DIR?.trim() || './src/content/articles';

/** Collapse runs of white space to one space and trim; YAML may carry stray spaces or newlines. */
const cleanText = (value: string): string => value.replace(/\s+/g, ' ').trim();

/** A required one-line text field. */
const text = z.string().transform(cleanText).pipe(z.string().min(1));

/** An optional one-line text field; an empty or blank value counts as absent. */
const optionalText = z
  .string()
  .transform((value) => cleanText(value) || undefined)
  .optional();

/** A 1-based inclusive line range `[start, end]`, with `start <= end`. */
const lineRange = z
  .tuple([z.number().int().positive(), z.number().int().positive()])
  .refine(([start, end]) => start <= end, { message: 'a line range must have start <= end' });

const articles = defineCollection({
  // One file per article; the file name (ASCII, e.g. `2024-03-06-gao-zhi-liang-fa-zhan-3f2a.md`)
  // becomes the entry id, which the site uses as the URL slug.
  loader: glob({ pattern: '**/*.md', base: ARTICLES_DIR }),
  schema: z.object({
    /** Headline as printed (or as derived/corrected, see `titleSource`). */
    title: text,
    /** How the title was obtained: `printed` in the source, `derived` from the text, or `corrected` by hand. */
    titleSource: z.enum(['printed', 'derived', 'corrected']),
    /** Second headline printed below the title (副题). */
    subtitle: optionalText,
    /** Line printed above the title (引题 / column name), e.g. `学习规划建议每日问答`. */
    kicker: optionalText,
    /** Author line, e.g. `新华社记者 董瑞丰 温竞华 张京`. */
    byline: optionalText,
    /** News agency the text comes from, e.g. `新华社`. */
    agency: optionalText,
    /** Newspaper or outlet that printed it, e.g. `人民日报`. */
    publication: optionalText,
    /**
     * Publication date as an ISO `YYYY-MM-DD` string. Kept a string (no time zone games);
     * an unquoted YAML date, which the YAML parser turns into a `Date`, is turned back into one.
     */
    date: z.preprocess(
      (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')
        .optional(),
    ),
    /** Dateline opening the text, e.g. `新华社北京3月6日电`. */
    dateline: optionalText,
    /** Page of the printed edition, e.g. `"01"`; a bare YAML number is accepted and made a string. */
    page: z.preprocess(
      (value) => (typeof value === 'number' ? String(value) : value),
      optionalText,
    ),
    /** What sort of text this is. */
    kind: z.enum([
      'news',
      'report',
      'commentary',
      'interview',
      'photo',
      'qa',
      'explainer',
      'speech',
      'feature',
    ]),
    /** Where the text came from in `seeds/`; at least one, the `primary` one first. */
    sources: z
      .array(
        z.object({
          /** Input file name relative to `seeds/`, e.g. `000_0bf04e9a29c61db5.txt`. */
          file: text,
          /** Line ranges used from that file, 1-based inclusive. */
          lines: z.array(lineRange).min(1),
          /** `primary` gave the article its order; `variant` was merged into it; `fragment` was stitched on. */
          role: z.enum(['primary', 'variant', 'fragment']),
        }),
      )
      .min(1),
  }),
});

/**
 * The `translations` collection: one JSON file per article and language,
 * `src/content/translations/<lang>/<article-slug>.json` (format in the README there; templates
 * come from `npm run translations:export`). A template as exported is valid as it is: empty
 * strings count as "not translated yet". Whether the ids and hashes fit the article is checked
 * against the rendered article in `src/data/translations.ts`, which fails the build on a mismatch.
 */
const translations = defineCollection({
  loader: glob({ pattern: '**/*.json', base: './src/content/translations' }),
  schema: z.object({
    /** Slug (entry id) of the article translated; must match the file name. */
    article: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/u, 'article must be an article slug'),
    /** Language of the translation; only English for now, and it must match the folder. */
    lang: z.literal('en'),
    /** The translated headline; empty means none yet. */
    title: optionalText,
    /** One or two sentences saying what the article reports; empty means none yet. */
    summary: optionalText,
    paragraphs: z
      .array(
        z.object({
          /** Paragraph id as on the page (`p-1a2b3c`, a repeat `p-1a2b3c-2`). */
          id: z.string().regex(/^p-[0-9a-f]{6}(-\d+)?$/u, 'id must look like p-1a2b3c'),
          /** `sourceHash()` of the Chinese paragraph the translation was made from (8 hex digits). */
          sourceHash: z.string().regex(/^[0-9a-f]{8}$/u, 'sourceHash must be 8 hex digits'),
          /** The translation; empty (as exported) means not translated yet. */
          text: z.string().transform(cleanText),
          // `source` (the Chinese, written by the export for the translator) is accepted and
          // dropped: zod strips keys the schema does not name.
        }),
      )
      .refine((list) => new Set(list.map((p) => p.id)).size === list.length, {
        message: 'a paragraph id appears twice',
      }),
    // `orphaned` (translations whose paragraph left the article, kept by the export so no work
    // is lost) is likewise accepted and ignored.
  }),
});

export const collections = { articles, translations };
