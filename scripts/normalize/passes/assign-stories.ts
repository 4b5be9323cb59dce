import type { Fragment, Para, Story } from '../model.ts';
import { paraWeight } from '../model.ts';
import type { Match, SentenceRef } from './match-variants.ts';
import { cosine, EMPTY, TopicModel, type Vector } from '../topic.ts';
import { sentenceKey } from '../text.ts';

export const summary = 'groups fragments printed in several files into one article, splits off passages of other articles interleaved inside them, and moves stray paragraphs to the article they are about';

/** Matches keyed `para:sentence`, as `matchVariants` returns them. */
export type Matches = Map<string, Match>;

const matchOf = (matches: Matches, p: number, s: number): Match | undefined => matches.get(`${p}:${s}`);

/** Whether a paragraph has a sentence printed in another file (of the same story, if given). */
function isMatched(matches: Matches, p: number, para: Para, within?: Story): boolean {
  return para.sentences.some((_, s) => {
    const m = matchOf(matches, p, s);
    if (!m) return false;
    if (!within) return true;
    return [m, ...(m.others ?? [])].some((x) => within.paras.includes(x.ref.para));
  });
}

/**
 * Split a paragraph whose first sentences are printed elsewhere and whose last ones are not
 * (or the reverse): two articles printed on one line, `…转化。“今年两会，我最关注的是…`.
 * @example // `兰石集团…生产力转化。“今年两会，我最关注的是新质生产力。”全国政协委员…表示…。` → two paragraphs
 */
export function splitMixedParagraphs(paras: Para[], matches: Matches, fragments: Fragment[]): { paras: Para[]; matches: Matches; count: number } {
  const out: Para[] = [];
  let count = 0;
  /** Where each old paragraph's sentences went: the new index of its first piece and where pieces start. */
  const placed: { first: number; starts: number[] }[] = [];
  paras.forEach((para, p) => {
    // Only a match into a printing of the same article (same headline, or none) counts.
    const flags = para.sentences.map((_, s) => {
      const m = matchOf(matches, p, s);
      return !!m && sameHeadline(fragments[para.fragment], fragments[paras[m.ref.para]?.fragment ?? -1]);
    });
    const first = flags.indexOf(true);
    const last = flags.lastIndexOf(true);
    const weightOf = (from: number, to: number): number => para.sentences.slice(from, to).reduce((n, s) => n + s.key.length, 0);
    const cuts: number[] = [];
    if (first >= 0 && para.kind === 'paragraph') {
      if (first >= 2 && weightOf(0, first) >= 40) cuts.push(first);
      if (para.sentences.length - 1 - last >= 2 && weightOf(last + 1, para.sentences.length) >= 40) cuts.push(last + 1);
    }
    placed[p] = { first: out.length, starts: [0, ...cuts] };
    if (cuts.length === 0) {
      out.push(para);
      return;
    }
    let from = 0;
    [...cuts, para.sentences.length].forEach((to, k) => {
      if (to <= from) return;
      out.push({ ...para, id: k === 0 ? para.id : `${para.id}.${k}`, sentences: para.sentences.slice(from, to), order: para.order + k * 0.01 });
      from = to;
    });
    count += cuts.length;
  });
  if (count === 0) return { paras, matches, count };
  // Carry the matches over to the new paragraph and sentence indexes.
  const locate = (ref: SentenceRef): SentenceRef => {
    const at = placed[ref.para];
    if (!at) return ref;
    let k = 0;
    while (k + 1 < at.starts.length && (at.starts[k + 1] ?? Infinity) <= ref.sentence) k++;
    return { para: at.first + k, sentence: ref.sentence - (at.starts[k] ?? 0) };
  };
  const moved: Matches = new Map();
  for (const [key, m] of matches) {
    const [p, s] = key.split(':').map(Number) as [number, number];
    const here = locate({ para: p, sentence: s });
    const next: Match = { ref: locate(m.ref), score: m.score };
    if (m.others) next.others = m.others.map((o) => ({ ref: locate(o.ref), score: o.score }));
    moved.set(`${here.para}:${here.sentence}`, next);
  }
  return { paras: out, matches: moved, count };
}

/**
 * Whether two fragments may be printings of one article: fragments under different printed
 * headlines are different articles, however much one quotes the other (a session report that
 * summarises the government work report).
 */
function sameHeadline(a: Fragment | undefined, b: Fragment | undefined): boolean {
  const ta = sentenceKey(a?.header.title ?? a?.header.runningHead ?? '');
  const tb = sentenceKey(b?.header.title ?? b?.header.runningHead ?? '');
  return ta === '' || tb === '' || ta === tb;
}

/**
 * Join continued pieces to the article they continue: a piece named by a running head joins the
 * fragment printed under that headline; an unnamed piece after `（上接…）` joins the fragment that
 * broke off with `（下转…）`, in print order, within its file first.
 */
function linkContinuations(fragments: Fragment[], groups: Groups): void {
  const byTitle = new Map<string, number>();
  for (const f of fragments) {
    const key = sentenceKey(f.header.title ?? '');
    if (key !== '' && !byTitle.has(key)) byTitle.set(key, f.index);
  }
  for (const f of fragments) {
    if (f.header.title || !f.header.runningHead) continue;
    const target = byTitle.get(sentenceKey(f.header.runningHead));
    if (target !== undefined) groups.union(f.index, target);
  }
  const jumped = fragments.filter((f) => f.jumps);
  const paired = new Set<number>();
  for (const f of fragments) {
    if (!f.continued || f.header.title || f.header.runningHead) continue;
    const candidates = jumped.filter((j) => !paired.has(j.index) && j.index < f.index);
    const pick = candidates.find((j) => j.file === f.file) ?? candidates[0];
    if (pick) {
      paired.add(pick.index);
      groups.union(f.index, pick.index);
    }
  }
}

/** How many earlier articles of a file a stray paragraph is compared with. */
const NEARBY_STORIES = 12;

/** Union-find over fragment indexes. */
class Groups {
  private readonly parent = new Map<number, number>();
  find(x: number): number {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
}

export interface AssignResult {
  stories: Story[];
  /** Paragraphs moved between stories, with the reason. */
  moves: { para: number; from: number; to: number; why: string }[];
  /** Runs split off as interleaved passages of another article. */
  splits: { paras: number[]; from: number }[];
}

/**
 * Assign every paragraph to a story. Fragments that share at least two sentences, making up a
 * quarter of the smaller one, are the same article printed twice. Inside such a story, a run of
 * paragraphs that a secondary printing has between two shared neighbours, and the primary
 * printing lacks, is another article interleaved by the layout; it is split off. A
 * headless piece then joins the article in the same file it is most about, and in a story from a
 * single file a paragraph far closer to another article of that file moves there.
 */
export function assignStories(fragments: Fragment[], paras: Para[], matches: Matches): AssignResult {
  const groups = new Groups();
  const weightByFragment = new Map<number, number>();
  paras.forEach((p) => weightByFragment.set(p.fragment, (weightByFragment.get(p.fragment) ?? 0) + paraWeight(p)));
  // Shared weight between fragment pairs.
  const shared = new Map<string, { weight: number; count: number }>();
  paras.forEach((para, p) => {
    para.sentences.forEach((s, si) => {
      const m = matchOf(matches, p, si);
      const other = m ? paras[m.ref.para] : undefined;
      if (!m || !other) return;
      const key = `${para.fragment}>${other.fragment}`;
      const entry = shared.get(key) ?? { weight: 0, count: 0 };
      entry.weight += s.key.length;
      entry.count++;
      shared.set(key, entry);
    });
  });
  for (const [key, { weight, count }] of shared) {
    const [a, b] = key.split('>').map(Number) as [number, number];
    const smaller = Math.min(weightByFragment.get(a) ?? 0, weightByFragment.get(b) ?? 0);
    if (!sameHeadline(fragments[a], fragments[b])) continue;
    if (count >= 2 && weight >= 0.25 * smaller) groups.union(a, b);
  }

  linkContinuations(fragments, groups);

  // Build stories from fragment groups.
  const byRoot = new Map<number, Story>();
  const stories: Story[] = [];
  const storyOf = new Map<number, Story>();
  for (const f of fragments) {
    const root = groups.find(f.index);
    let story = byRoot.get(root);
    if (!story) {
      story = { id: stories.length, paras: [], fragments: [] };
      byRoot.set(root, story);
      stories.push(story);
    }
    story.fragments.push(f.index);
  }
  paras.forEach((para, p) => {
    const story = byRoot.get(groups.find(para.fragment));
    if (story) {
      story.paras.push(p);
      storyOf.set(p, story);
    }
  });

  const topic = new TopicModel(paras);
  const splits = splitInterleaved(stories, paras, matches, storyOf, topic, fragments);
  const moves = [...joinHeadless(stories, fragments, paras, topic, storyOf), ...moveByTopic(stories, fragments, paras, matches, topic, storyOf)];
  const result = stories.filter((s) => s.paras.length > 0);
  for (const story of result) {
    const files = [...new Set(story.paras.map((p) => paras[p]?.range.file ?? ''))].sort();
    // Decided before interleaved passages were split off, when they still told which printing interleaves.
    if (!story.primary || !files.includes(story.primary)) story.primary = files.length > 1 ? primaryPrinting(story, files, paras, matches, topic) : files[0];
  }
  return { stories: result, moves, splits };
}

/** Paragraph indexes of a story printed in one file, in print order. */
function inFile(story: Story, paras: Para[], file: string): number[] {
  return story.paras.filter((p) => paras[p]?.range.file === file).sort((a, b) => (paras[a]?.order ?? 0) - (paras[b]?.order ?? 0));
}

/** Split off runs printed inside a shared passage in one file but absent from another. */
function splitInterleaved(stories: Story[], paras: Para[], matches: Matches, storyOf: Map<number, Story>, topic: TopicModel, fragments: Fragment[]): AssignResult['splits'] {
  const splits: AssignResult['splits'] = [];
  for (const story of [...stories]) {
    const files = [...new Set(story.paras.map((p) => paras[p]?.range.file ?? ''))].sort();
    if (files.length < 2) continue;
    const primary = primaryPrinting(story, files, paras, matches, topic);
    story.primary = primary;
    // Where the primary printing has its headline, nothing stands before it; where it has its
    // end dateline, nothing comes after.
    const primarySeq = inFile(story, paras, primary);
    const primaryHasStart = primarySeq.some((p) => !!fragments[paras[p]?.fragment ?? -1]?.header.title && !fragments[paras[p]?.fragment ?? -1]?.continued);
    const primaryHasEnd = primarySeq.some((p) => paras[p]?.endsArticle);
    for (const file of files) {
      const seq = inFile(story, paras, file);
      let i = 0;
      while (i < seq.length) {
        const p = seq[i] ?? -1;
        const para = paras[p];
        if (!para || isMatched(matches, p, para, story)) {
          i++;
          continue;
        }
        let j = i;
        while (j < seq.length && !isMatched(matches, seq[j] ?? -1, paras[seq[j] ?? -1] as Para, story)) j++;
        const run = seq.slice(i, j);
        const before = seq[i - 1];
        const after = seq[j];
        const weight = run.reduce((n, r) => n + paraWeight(paras[r] as Para), 0);
        // Inside the extent of a secondary printing, text the primary lacks is another article's;
        // so is text before or after it when the primary printing is complete at that end.
        const enclosed = (before !== undefined || primaryHasStart) && (after !== undefined || primaryHasEnd) && (before !== undefined || after !== undefined);
        if (file !== primary && enclosed && (run.length >= 2 || weight >= 30)) {
          const split: Story = { id: stories.length, paras: run, fragments: [], splitFrom: story.id };
          story.paras = story.paras.filter((x) => !run.includes(x));
          for (const r of run) storyOf.set(r, split);
          stories.push(split);
          splits.push({ paras: run, from: story.id });
        }
        i = j;
      }
    }
  }
  return splits;
}

/** Runs of unmatched paragraphs between two matched ones, per file. */
function innerRuns(seq: number[], paras: Para[], matches: Matches, story: Story): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  let seenMatched = false;
  for (const p of seq) {
    const para = paras[p];
    if (para && isMatched(matches, p, para, story)) {
      if (seenMatched && run.length > 0) runs.push(run);
      run = [];
      seenMatched = true;
    } else if (seenMatched) run.push(p);
  }
  return runs;
}

/**
 * The printing that sets an article's extent: among the printings that cover nearly all the
 * shared text, the one whose unshared passages fit the shared text best. An interleaving printing
 * carries passages about something else; a complete one carries passages about the same thing.
 */
function primaryPrinting(story: Story, files: string[], paras: Para[], matches: Matches, topic: TopicModel): string {
  const matchedParas = story.paras.filter((p) => isMatched(matches, p, paras[p] as Para, story)).map((p) => paras[p] as Para);
  const core = topic.vector(matchedParas);
  const score = new Map<string, { penalty: number; shared: number }>();
  for (const file of files) {
    const seq = inFile(story, paras, file);
    let penalty = 0;
    for (const run of innerRuns(seq, paras, matches, story)) {
      const runParas = run.map((r) => paras[r] as Para);
      const weight = runParas.reduce((n, p) => n + paraWeight(p), 0);
      penalty += weight * (1 - cosine(topic.vector(runParas), core));
    }
    // Shared text, each sentence counted once however often the printing repeats it.
    const keys = new Set<string>();
    for (const p of seq) paras[p]?.sentences.forEach((s, si) => matchOf(matches, p, si) && keys.add(s.key));
    const shared = [...keys].reduce((n, k) => n + k.length, 0);
    score.set(file, { penalty, shared });
  }
  // Only a printing covering nearly as much shared text as the fullest one can set the extent.
  const most = Math.max(...[...score.values()].map((x) => x.shared));
  const candidates = files.filter((f) => (score.get(f)?.shared ?? 0) >= 0.85 * most);
  return [...candidates].sort((a, b) => {
    const sa = score.get(a) ?? { penalty: 0, shared: 0 };
    const sb = score.get(b) ?? { penalty: 0, shared: 0 };
    return sa.penalty - sb.penalty || sb.shared - sa.shared || a.localeCompare(b);
  })[0] ?? files[0] ?? '';
}

/** Whether a story has a printed or running headline among its fragments. */
function isTitled(story: Story, fragments: Fragment[]): boolean {
  return story.fragments.some((f) => !!fragments[f]?.header.title || !!fragments[f]?.header.runningHead);
}

/** Move all paragraphs (and fragments) of one story into another. */
function absorb(into: Story, from: Story, storyOf: Map<number, Story>, moves: AssignResult['moves'], why: string): void {
  for (const p of from.paras) {
    moves.push({ para: p, from: from.id, to: into.id, why });
    storyOf.set(p, into);
  }
  into.paras.push(...from.paras);
  into.fragments.push(...from.fragments);
  from.paras = [];
  from.fragments = [];
}

/**
 * Headless pieces find their article. Passages split off from the same printing of one article
 * are one interleaved article; then a headless piece joins the story of the same file it is most
 * about, when that is clear: another headless piece, or a headed story twice as close as the next.
 */
function joinHeadless(stories: Story[], fragments: Fragment[], paras: Para[], topic: TopicModel, storyOf: Map<number, Story>): AssignResult['moves'] {
  const moves: AssignResult['moves'] = [];
  const fileOf = (s: Story): string => paras[s.paras[0] ?? -1]?.range.file ?? '';
  const siblings = new Map<string, Story>();
  for (const story of stories) {
    if (story.splitFrom === undefined || story.paras.length === 0) continue;
    const key = `${story.splitFrom}|${fileOf(story)}`;
    const first = siblings.get(key);
    if (first) absorb(first, story, storyOf, moves, 'passage interleaved in the same article as the one above');
    else siblings.set(key, story);
  }
  const isCaption = (s: Story): boolean => s.paras.every((p) => paras[p]?.kind === 'caption');
  // Vectors and file membership are computed once and updated when a story absorbs another.
  const vectors = new Map<number, Vector>();
  const vectorOf = (s: Story): Vector => {
    let v = vectors.get(s.id);
    if (!v) vectors.set(s.id, (v = topic.vector(s.paras.map((p) => paras[p] as Para))));
    return v;
  };
  const byFile = new Map<string, Set<Story>>();
  const index = (s: Story): void => {
    for (const p of s.paras) {
      const f = paras[p]?.range.file ?? '';
      let set = byFile.get(f);
      if (!set) byFile.set(f, (set = new Set()));
      set.add(s);
    }
  };
  for (const s of stories) index(s);
  for (const story of stories) {
    if (story.paras.length === 0 || isTitled(story, fragments) || isCaption(story)) continue;
    const files = new Set(story.paras.map((p) => paras[p]?.range.file));
    const v = vectorOf(story);
    const candidates = new Set<Story>();
    for (const f of files) for (const s of byFile.get(f ?? '') ?? []) candidates.add(s);
    const scored: { story: Story; score: number }[] = [];
    for (const other of candidates) {
      if (other === story || other.paras.length === 0 || other.id === story.splitFrom || isCaption(other)) continue;
      // An article printed complete in this file (headline to end dateline) takes nothing more here.
      if (other.fragments.some((f) => fragments[f]?.closed && files.has(fragments[f]?.file) && !fragments[f]?.continued && fragments[f]?.header.title)) continue;
      scored.push({ story: other, score: cosine(v, vectorOf(other)) });
    }
    scored.sort((a, b) => b.score - a.score || a.story.id - b.story.id);
    const [best, second] = scored;
    if (!best) continue;
    const headless = !isTitled(best.story, fragments);
    if ((headless && best.score >= 0.03) || (best.score >= 0.15 && best.score >= 2 * (second?.score ?? 0))) {
      absorb(best.story, story, storyOf, moves, `headless passage, most like this article (similarity ${best.score.toFixed(2)})`);
      vectors.delete(best.story.id);
      index(best.story);
    }
  }
  return moves;
}

/** In a story from one file, a paragraph far closer to another story of that file moves there. */
function moveByTopic(stories: Story[], fragments: Fragment[], paras: Para[], matches: Matches, topic: TopicModel, storyOf: Map<number, Story>): AssignResult['moves'] {
  const moves: AssignResult['moves'] = [];
  const core = (story: Story): Para[] => {
    const own = [...story.paras].sort((a, b) => (paras[a]?.order ?? 0) - (paras[b]?.order ?? 0));
    return own.filter((p, k) => k < 2 || isMatched(matches, p, paras[p] as Para)).map((p) => paras[p] as Para);
  };
  const titleOf = (story: Story): string => story.fragments.map((f) => `${fragments[f]?.header.title ?? ''}${fragments[f]?.header.subtitle ?? ''}`).join('');
  const vectors = new Map<number, Vector>();
  for (const s of stories) if (s.paras.length > 0) vectors.set(s.id, topic.vector(core(s), titleOf(s)));
  // Only an article the layout interrupted (not closed by an end dateline or source line) can
  // continue further down a file: those are the candidates, per file.
  const open = new Map<string, Story[]>();
  for (const s of stories) {
    if (s.paras.length === 0 || (s.fragments.length > 0 && s.fragments.every((f) => fragments[f]?.closed))) continue;
    for (const f of new Set(s.paras.map((p) => paras[p]?.range.file ?? ''))) {
      const list = open.get(f) ?? [];
      list.push(s);
      open.set(f, list);
    }
  }
  const starts = new Map<number, number>();
  for (const s of stories) starts.set(s.id, s.paras.reduce((m, p) => Math.min(m, paras[p]?.order ?? Infinity), Infinity));
  const startOf = (s: Story): number => starts.get(s.id) ?? Infinity;
  for (const list of open.values()) list.sort((a, b) => startOf(a) - startOf(b));
  /** The open stories that began before `order` in the file, nearest first: a layout continues an article a few columns on, not hundreds. */
  const nearby = (file: string, order: number): Story[] => {
    const list = open.get(file) ?? [];
    let hi = list.length;
    let lo = 0;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (startOf(list[mid] as Story) < order) lo = mid + 1;
      else hi = mid;
    }
    return list.slice(Math.max(0, lo - NEARBY_STORIES), lo);
  };
  for (const story of stories) {
    const files = new Set(story.paras.map((p) => paras[p]?.range.file));
    if (files.size !== 1 || story.paras.length < 4) continue;
    const file = [...files][0] ?? '';
    const ordered = [...story.paras].sort((a, b) => (paras[a]?.order ?? 0) - (paras[b]?.order ?? 0));
    let previousMove: Story | undefined;
    ordered.forEach((p, k) => {
      const para = paras[p];
      if (!para || k < 2 || isMatched(matches, p, para)) {
        previousMove = undefined;
        return;
      }
      const v = topic.vector([para]);
      const own = cosine(v, vectors.get(story.id) ?? EMPTY);
      let best: { story: Story; score: number } | undefined;
      for (const other of nearby(file, para.order)) {
        if (other === story || other.paras.length === 0) continue;
        const score = cosine(v, vectors.get(other.id) ?? EMPTY);
        if (!best || score > best.score) best = { story: other, score };
      }
      const short = paraWeight(para) < 20;
      let target: Story | undefined;
      if (short) target = previousMove;
      else if (best && best.score >= 0.1 && best.score >= 3 * own + 0.02) target = best.story;
      if (target) {
        story.paras = story.paras.filter((x) => x !== p);
        target.paras.push(p);
        storyOf.set(p, target);
        moves.push({ para: p, from: story.id, to: target.id, why: short ? 'short paragraph following a moved one' : `about another article printed in the same file (similarity ${(best?.score ?? 0).toFixed(2)} against ${own.toFixed(2)})` });
      }
      previousMove = target;
    });
  }
  return moves;
}
