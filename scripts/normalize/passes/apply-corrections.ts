import type { ArticleMeta } from '../types.ts';
import type { Para, Story } from '../model.ts';
import { sentenceKey } from '../text.ts';
import { InputError } from '../decode.ts';

export const summary = 'applies the reviewed corrections file last: decisions no rule can make, each with its reason';

/**
 * One reviewed decision. Entries find their target by text, never by line number, so they keep
 * working when a file is re-extracted. `why` is required: it is printed in the build report.
 */
export type Correction =
  | { why: string; move: string; through?: string; to: string }
  | { why: string; article: string; set: Partial<Pick<ArticleMeta, 'title' | 'subtitle' | 'kicker' | 'byline' | 'date' | 'dateline' | 'kind' | 'publication'>> }
  | { why: string; prefer: string; over: string };

/** What happened to each correction, for the build report. */
export interface CorrectionResult {
  index: number;
  why: string;
  applied: boolean;
  detail: string;
}

const FIELDS = new Set(['title', 'subtitle', 'kicker', 'byline', 'date', 'dateline', 'kind', 'publication']);

/**
 * Parse and check a corrections file. Errors name the file and the entry.
 * @example parseCorrections('{"corrections":[{"why":"headline not printed","article":"从历史谈到现实","set":{"title":"…"}}]}', 'seeds/corrections.json')
 */
export function parseCorrections(json: string, file: string): Correction[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new InputError(`${file}: not valid JSON (${(e as Error).message})`, file);
  }
  const list = (data as { corrections?: unknown }).corrections;
  if (!Array.isArray(list)) throw new InputError(`${file}: expected an object with a "corrections" array`, file);
  return list.map((entry: unknown, i: number) => {
    const e = entry as Record<string, unknown>;
    const at = `${file}: corrections[${i}]`;
    if (typeof e.why !== 'string' || e.why.trim() === '') throw new InputError(`${at}: every correction needs a "why"`, file);
    if (typeof e.move === 'string') {
      if (typeof e.to !== 'string') throw new InputError(`${at}: "move" needs "to" (text of the target article)`, file);
      return e as Correction;
    }
    if (typeof e.article === 'string') {
      const set = e.set as Record<string, unknown> | undefined;
      if (!set || typeof set !== 'object') throw new InputError(`${at}: "article" needs "set"`, file);
      for (const [k, v] of Object.entries(set)) {
        if (!FIELDS.has(k) || typeof v !== 'string') throw new InputError(`${at}: cannot set "${k}"`, file);
      }
      return e as Correction;
    }
    if (typeof e.prefer === 'string' && typeof e.over === 'string') return e as Correction;
    throw new InputError(`${at}: expected "move"+"to", "article"+"set", or "prefer"+"over"`, file);
  });
}

/** The first paragraph (in corpus order) whose text contains `needle`, ignoring punctuation. */
function findPara(paras: Para[], needle: string): number {
  const key = sentenceKey(needle);
  return paras.findIndex((p) => p.sentences.map((s) => s.key).join('').includes(key));
}

/**
 * Apply `move` corrections: the paragraph containing `move` (through the one containing
 * `through`, in the same file) goes to the story that contains the text `to`.
 */
export function applyMoves(corrections: Correction[], stories: Story[], paras: Para[]): CorrectionResult[] {
  const results: CorrectionResult[] = [];
  corrections.forEach((c, index) => {
    if (!('move' in c)) return;
    const from = findPara(paras, c.move);
    const last = c.through ? findPara(paras, c.through) : from;
    const target = findPara(paras, c.to);
    const fromPara = paras[from];
    const targetStory = stories.find((s) => s.paras.includes(target));
    if (from < 0 || last < 0 || !fromPara || !targetStory) {
      results.push({ index, why: c.why, applied: false, detail: `text not found: ${from < 0 ? c.move : last < 0 ? c.through : c.to}` });
      return;
    }
    const lastPara = paras[last];
    const moved = paras
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.range.file === fromPara.range.file && p.order >= fromPara.order && p.order <= (lastPara?.order ?? fromPara.order))
      .map(({ i }) => i);
    for (const s of stories) s.paras = s.paras.filter((p) => !moved.includes(p));
    targetStory.paras.push(...moved);
    results.push({ index, why: c.why, applied: true, detail: `moved ${moved.length} paragraph(s) from ${fromPara.range.file}:${fromPara.range.start}` });
  });
  return results;
}

/**
 * Whether an article is the one a correction names: by its title, or, for a text of sentence
 * length (15 characters or more, too long to be a common phrase), by a passage of its body
 * (`bodyKey`: the comparison key of the whole body).
 */
export function namesArticle(c: { article: string }, meta: ArticleMeta, bodyKey: string): boolean {
  const key = sentenceKey(c.article);
  if (sentenceKey(meta.title).includes(key)) return true;
  return key.length >= 15 && bodyKey.includes(key);
}
