/**
 * `npm run bench` — how fast the normalizer is and how much memory it takes, next to the
 * targets (seeds < 300 ms; a 20× corpus < 6 s and roughly linear; peak memory < 500 MB).
 * Prints numbers and ✓/✗ marks; never fails (always exits 0).
 *
 * Every scenario runs in its own child process (`node scripts/bench.ts --scenario NAME`), so
 * its peak memory (`maxRSS`) is its own: the child builds its input, runs `normalizeCorpus`
 * once (the warm-up, and the run whose peak memory is reported), then times the measured runs
 * and prints one JSON line.
 *
 * Scenarios:
 *   seeds  — `seeds/` with `seeds/corrections.json`; 1 warm-up + 5 timed runs.
 *   x20    — 20 copies of the seeds with DISTINCT text (see `copyText`), corrections mapped the
 *            same way; 1 warm-up + 3 timed runs.
 *   file4  — the 20× text concatenated into a single file of 4 MB.
 *   line1  — one line of 1 MB (paragraphs of the copies joined without line breaks).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync as readPackage } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { normalizeCorpus, type NormalizeResult } from './normalize/index.ts';
import { readCorrections, readInputFolder } from './normalize/io.ts';
import type { Correction } from './normalize/passes/apply-corrections.ts';
import type { SourceText } from './normalize/types.ts';

/** V8 flags of the `normalize` npm script (a small young generation keeps peak memory down). */
const NORMALIZE_NODE_FLAGS: string[] = (() => {
  const scripts = (JSON.parse(readPackage(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;
  return (/^node((?: --[\w-]+(?:=\S+)?)*) /u.exec(scripts.normalize ?? '')?.[1] ?? '').trim().split(' ').filter(Boolean);
})();

const SEEDS = 'seeds';
const MB = 1024 * 1024;
/** Time budget for the timed runs of one scenario: after it, no more runs are started. */
const RUN_BUDGET_MS = 30_000;
/** A child taking longer than this is stopped and reported as a timeout. */
const CHILD_TIMEOUT_MS = 300_000;

// ---------------------------------------------------------------------------------------------
// Synthetic corpora.

/**
 * Substrings the normalizer reads as structure (agencies, bylines, datelines, continuation and
 * source-line markers, kickers, credits, kinds): copied verbatim, never remapped.
 */
const PROTECTED = [
  '新华社', '人民日报', '光明日报', '经济日报', '中国日报', '中新社', '本报', '央视', '特约', '记者', '通讯员', '评论员',
  '总理', '主席', '秘书长', '部长', '书记', '院长', '社长', '总编辑', '主任', '委员', '代表',
  '时强调', '时指出', '强调', '指出', '表示', '致信', '致辞', '寄语',
  '责任编辑', '编审', '编辑', '责编', '检校', '校对', '版式', '美编', '制图', '监制', '排版', '本版',
  '上接', '下接', '下转', '接第', '目录', '怎样理解', '为什么要', '什么是', '问答', '专访', '采访', '访谈',
  '记者提问', '答记者问', '记者会', '报告', '讲话', '各位代表', '评论', '观察', '社论', '论坛', '时评',
].sort((a, b) => b.length - a.length);

/** Single characters that carry structure (dates, pages, numerals, credits): never remapped. */
const FIXED = new Set(Array.from('年月日电期第版页摄目录号届次一二三四五六七八九十百千万亿零〇两'));

/** The Han characters of the seeds, minus the fixed ones: the domain of every permutation. */
let domain: string[] = [];

export function initDomain(sources: SourceText[]): void {
  const chars = new Set<string>();
  for (const s of sources) for (const m of s.text.matchAll(/\p{Script=Han}/gu)) chars.add(m[0]);
  domain = [...chars].filter((c) => !FIXED.has(c)).sort();
}

/** mulberry32: a small deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const permutations = new Map<number, Map<string, string>>();

/** The character permutation of copy `k` (copy 0 is the identity: the seeds themselves). */
function permutationOf(k: number): Map<string, string> {
  let map = permutations.get(k);
  if (map) return map;
  const shuffled = [...domain];
  if (k > 0) {
    const rand = prng(0x9e3779b9 ^ (k * 7919));
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
  }
  map = new Map(domain.map((c, i) => [c, shuffled[i]!]));
  permutations.set(k, map);
  return map;
}

const TOKEN = new RegExp(`(${PROTECTED.join('|')})|(\\p{Script=Han})`, 'gu');

/**
 * The text of copy `k`: every Han character mapped through the copy's permutation, except the
 * protected substrings and fixed characters. Line structure, punctuation, digits, Latin text
 * and markers are unchanged, so wraps, blank lines, headlines, datelines, furniture and the
 * duplicates across files of one copy stay what they were; copies share no sentences.
 */
export function copyText(text: string, k: number): string {
  if (k === 0) return text;
  const map = permutationOf(k);
  return text.replace(TOKEN, (m: string, token?: string) => (token ? m : (map.get(m) ?? m)));
}

function copyCorrection(c: Correction, k: number): Correction {
  const out: Record<string, unknown> = { ...c };
  for (const field of ['move', 'through', 'to', 'article', 'prefer', 'over']) {
    if (typeof out[field] === 'string') out[field] = copyText(out[field] as string, k);
  }
  if ('set' in c) out.set = { ...c.set, ...(c.set.title ? { title: copyText(c.set.title, k) } : {}) };
  return out as Correction;
}

const pad2 = (k: number): string => String(k).padStart(2, '0');

/** `copies` copies of the seeds, files named `k03_000_….txt`. */
export function syntheticCorpus(seeds: SourceText[], corrections: Correction[], copies: number): { sources: SourceText[]; corrections: Correction[] } {
  const sources: SourceText[] = [];
  const all: Correction[] = [];
  for (let k = 0; k < copies; k++) {
    for (const s of seeds) sources.push({ file: `k${pad2(k)}_${s.file}`, text: copyText(s.text, k), encoding: s.encoding });
    for (const c of corrections) all.push(copyCorrection(c, k));
  }
  return { sources, corrections: all };
}

/** The copies' text, concatenated, cut at a line end once it reaches `bytes`. */
export function bigText(seeds: SourceText[], bytes: number, oneLine: boolean): string {
  const parts: string[] = [];
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    for (const s of seeds) {
      let t = copyText(s.text, k);
      if (oneLine) t = t.split('\n').map((l) => l.trim()).filter((l) => l !== '').join('');
      else if (!t.endsWith('\n')) t += '\n';
      parts.push(t);
      size += Buffer.byteLength(t);
      if (size >= bytes) break;
    }
  }
  const text = parts.join('');
  const buf = Buffer.from(text);
  let cut = Math.min(bytes, buf.length);
  if (oneLine) {
    while (cut < buf.length && (buf[cut]! & 0xc0) === 0x80) cut++; // whole UTF-8 characters
    return buf.subarray(0, cut).toString('utf8');
  }
  const end = buf.indexOf(0x0a, cut);
  return buf.subarray(0, end === -1 ? buf.length : end + 1).toString('utf8');
}

// ---------------------------------------------------------------------------------------------
// Child: one scenario.

interface ChildResult {
  scenario: string;
  inputMB: number;
  files: number;
  times: number[];
  warmupMs: number;
  maxRssMB: number;
  articles: number;
  summary: NormalizeResult['report']['summary'];
  warnings: number;
  correctionsApplied: number;
  corrections: number;
}

function runScenario(scenario: string): ChildResult {
  const seeds = readInputFolder(SEEDS);
  const seedCorrections = readCorrections(SEEDS);
  initDomain(seeds);
  let sources: SourceText[];
  let corrections: Correction[] = [];
  let timed: number;
  switch (scenario) {
    case 'seeds':
      sources = seeds;
      corrections = seedCorrections;
      timed = 5;
      break;
    case 'x20': {
      const c = syntheticCorpus(seeds, seedCorrections, 20);
      sources = c.sources;
      corrections = c.corrections;
      timed = 3;
      break;
    }
    case 'file4':
      sources = [{ file: 'big_4mb.txt', text: bigText(seeds, 4 * MB, false), encoding: 'utf-8' }];
      timed = 3;
      break;
    case 'line1':
      sources = [{ file: 'one_line_1mb.txt', text: bigText(seeds, MB, true), encoding: 'utf-8' }];
      timed = 3;
      break;
    default:
      throw new Error(`unknown scenario ${scenario}`);
  }
  const run = (): { ms: number; result: NormalizeResult } => {
    const t0 = performance.now();
    const result = normalizeCorpus(sources, { corrections });
    return { ms: performance.now() - t0, result };
  };
  const warm = run();
  const maxRssMB = process.resourceUsage().maxRSS / 1024; // peak of one cold run (with its input)
  const times: number[] = [];
  let spent = 0;
  for (let i = 0; i < timed && (i === 0 || spent < RUN_BUDGET_MS); i++) {
    const { ms } = run();
    times.push(ms);
    spent += ms;
  }
  const { report } = warm.result;
  return {
    scenario,
    inputMB: sources.reduce((n, s) => n + Buffer.byteLength(s.text), 0) / MB,
    files: sources.length,
    times,
    warmupMs: warm.ms,
    maxRssMB,
    articles: warm.result.articles.length,
    summary: report.summary,
    warnings: report.warnings.length,
    correctionsApplied: report.corrections.filter((c) => c.applied).length,
    corrections: corrections.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Parent: run the scenarios, print the table.

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmtMs = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const mark = (ok: boolean): string => (ok ? '✓' : '✗');

function spawnScenario(scenario: string): ChildResult | { scenario: string; error: string } {
  // The same V8 flags as `npm run normalize`, so the memory measured is the memory a user sees.
  const r = spawnSync(process.execPath, [...NORMALIZE_NODE_FLAGS, import.meta.filename, '--scenario', scenario], {
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
    maxBuffer: 64 * MB,
  });
  if (r.error || r.status !== 0) {
    const why = r.error?.message.includes('ETIMEDOUT') ? `timed out after ${CHILD_TIMEOUT_MS / 1000} s` : (r.error?.message ?? `exit ${r.status}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    return { scenario, error: why };
  }
  const line = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as ChildResult;
}

function main(): void {
  const header = ['scenario', 'input', 'median', 'min', 'runs', 'target', '', 'peak RSS', '< 500 MB'];
  const rows: string[][] = [header];
  const results = new Map<string, ChildResult>();
  const labels: Record<string, string> = { seeds: 'seeds (1×)', x20: 'distinct 20×', file4: 'one 4 MB file', line1: 'one 1 MB line' };
  const targets: Record<string, [string, number]> = { seeds: ['< 300 ms', 300], x20: ['< 6 s', 6000], file4: ['< 6 s*', 6000], line1: ['< 1.5 s*', 1500] };
  for (const scenario of ['seeds', 'x20', 'file4', 'line1']) {
    process.stderr.write(`bench: running ${scenario}…\n`);
    const r = spawnScenario(scenario);
    if ('error' in r) {
      rows.push([labels[scenario]!, '', `failed: ${r.error}`, '', '', '', '✗', '', '']);
      continue;
    }
    results.set(scenario, r);
    const med = median(r.times);
    const [target, limit] = targets[scenario]!;
    rows.push([
      labels[scenario]!,
      `${r.inputMB.toFixed(2)} MB, ${r.files} file${r.files === 1 ? '' : 's'}`,
      fmtMs(med),
      fmtMs(Math.min(...r.times)),
      `${r.times.length} (+1 warm-up ${fmtMs(r.warmupMs)})`,
      target,
      mark(med < limit),
      `${Math.round(r.maxRssMB)} MB`,
      mark(r.maxRssMB < 500),
    ]);
    const seeds = results.get('seeds');
    if (scenario === 'x20' && seeds) {
      const ratio = med / median(seeds.times);
      const sizeRatio = r.inputMB / seeds.inputMB;
      rows.push(['  20× / 1×', `${sizeRatio.toFixed(1)}× the text`, `${ratio.toFixed(1)}×`, '', '', `≤ ${(1.5 * sizeRatio).toFixed(0)}× (linear)`, mark(ratio <= 1.5 * sizeRatio), '', '']);
    }
  }

  const widths = header.map((_, c) => Math.max(...rows.map((row) => [...(row[c] ?? '')].length)));
  const fmt = (row: string[]): string => row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
  console.log(fmt(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(fmt(row));

  const counts = (r: ChildResult): string => {
    const m = r.summary;
    return `${r.articles} article${r.articles === 1 ? '' : 's'}; ${m.linesJoined} lines joined, ${m.duplicatesDropped} duplicates dropped, ${m.variantsMerged} variants merged, ${m.furnitureLines} furniture lines`;
  };
  console.log('');
  const s = results.get('seeds');
  if (s) console.log(`seeds:         ${counts(s)}; corrections applied ${s.correctionsApplied}/${s.corrections}; ${s.warnings} warning(s)`);
  const x = results.get('x20');
  if (x) console.log(`distinct 20×:  ${counts(x)}; corrections applied ${x.correctionsApplied}/${x.corrections}${s ? ` (20 × seeds = ${20 * s.articles} articles)` : ''}`);
  for (const key of ['file4', 'line1']) {
    const r = results.get(key);
    if (r) console.log(`${`${labels[key]}:`.padEnd(15)}${counts(r)}`);
  }
  console.log('\n* no target of its own in the issue: the 20× budget for the same amount of text (4 MB), ¼ of it for 1 MB.');
  console.log('  Times: normalizeCorpus only (no file I/O). Peak RSS: maxRSS of the scenario\'s own process after one cold run.');
}

const at = process.argv.indexOf('--scenario');
if (!import.meta.main) {
  // imported (e.g. to reuse the corpus builders): run nothing
} else if (at !== -1) {
  console.log(JSON.stringify(runScenario(process.argv[at + 1] ?? '')));
} else {
  try {
    main();
  } catch (e) {
    console.error(`bench failed: ${(e as Error).stack ?? e}`);
  }
  process.exitCode = 0;
}
