/**
 * A model of the 20× search benchmark in Node, without a browser: the synthetic corpus's index
 * (`benchSearchIndex` from bench-search-data.ts), the same query list as scripts/bench-search.ts,
 * run against `SearchIndex` over a source that parses each part from its JSON text, counts the
 * requests and their gzipped bytes, and answers each after a delay. Three models of the delay:
 *
 *   fixed      `--delay` ms a request (7), six at a time (what Chromium allows one host over
 *              HTTP/1.1, as the benchmark server speaks);
 *   sized      `--latency` ms a request (4), six at a time, plus `--ms-per-mb` (25) per MB of
 *              JSON on one queue for all: the benchmark's server gzips a file on its first
 *              request, on one thread (and the worker parses it), so big parts cost more and
 *              wait for each other. 25 is what gzip takes in Node on a quiet machine; on a busy
 *              one, 100 ranked part sizes the way Chromium did;
 *   serial     `--delay` ms a request, one at a time.
 *
 * In Chromium a part costs about 5–10 ms: the requests a query waits for, one after another,
 * and their bytes, are most of its time. Chromium has the last word (`npm run bench`).
 *
 *   npx node scripts/bench-search-engine.ts [--copies 20] [--delay 7] [--latency 4] [--ms-per-mb 25] [--verbose]
 *                                           [--gram-bytes N] [--text-chars N]   (build options)
 *                                           [--queries q1,q2,…]   (instead of the benchmark's)
 *
 * Prints requests and bytes per query and the p50/p95 of the modelled time (delays included),
 * the engine's own time (no delay), what the first query loads, and the 1× index size. Each
 * query's time is its best of three runs (each on a fresh engine), against a busy machine.
 */
import { gzipSync } from 'node:zlib';
import { benchSearchIndex, queriesFor } from './bench-search-data.ts';
import type { BuildOptions } from '../src/lib/search/build-index.ts';
import { SearchIndex, type PartSource } from '../src/lib/search/engine.ts';

const WARM_UP = ['中', '中国', '新华社'];
/** Requests in flight at once to one host (Chromium, HTTP/1.1). */
const CONNECTIONS = 6;
const RUNS = 3;
/** The search page asks for a page of 20 and one more (to know there are more). */
const LIMIT = 21;
/**
 * Each part loaded when a query needs it: the model counts what each query waits for, as the
 * engine does before it has fetched the index ahead (or where it does not, `prefetch: 0`).
 */
const LAZY = { prefetch: 0 };

interface Counted {
  source: PartSource;
  /**
   * Requests and gzipped bytes since the last `take()`, and waves: requests issued in one turn
   * of the event loop are one wave (roughly, the waits a query makes one after another).
   */
  take(): { requests: number; bytes: number; waves: number; names: string[] };
}

/** How a request is delayed: `delay` ms, at most `concurrency` at a time, then `msPerMB` of its JSON on one queue for all. */
interface Delay {
  delay: number;
  concurrency: number;
  msPerMB: number;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Parts served from their JSON text after a `Delay`, counted. */
function countedSource(json: ReadonlyMap<string, string>, gz: ReadonlyMap<string, number>, model: Delay): Counted {
  let names: string[] = [];
  let waves = 0;
  let open = false;
  let active = 0;
  const queue: (() => void)[] = [];
  let busy = Promise.resolve();
  const bytes = new Map([...json].map(([name, text]) => [name, Buffer.byteLength(text)]));
  const wait = async (part: string): Promise<void> => {
    if (active >= model.concurrency) await new Promise<void>((go) => queue.push(go));
    active++;
    await sleep(model.delay);
    if (model.msPerMB > 0) await (busy = busy.then(() => sleep((model.msPerMB * bytes.get(part)!) / 2 ** 20)));
    active--;
    queue.shift()?.();
  };
  return {
    source: {
      async get(part) {
        const text = json.get(part);
        if (text === undefined) throw new Error(`no part ${part}`);
        names.push(part);
        if (!open) {
          open = true;
          waves++;
          setTimeout(() => (open = false), 0);
        }
        if (model.delay > 0 || model.msPerMB > 0) await wait(part);
        return JSON.parse(text);
      },
    },
    take() {
      const out = { requests: names.length, bytes: names.reduce((n, p) => n + gz.get(p)!, 0), waves, names };
      names = [];
      waves = 0;
      return out;
    },
  };
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
};
const ms = (x: number): string => `${x.toFixed(1)} ms`;
const kb = (x: number): string => `${(x / 1024).toFixed(1)} KB`;

interface Run {
  query: string;
  ms: number;
  requests: number;
  bytes: number;
  waves: number;
  hits: number;
  names: string[];
}

async function runQueries(json: Map<string, string>, gz: Map<string, number>, queries: string[], model: Delay): Promise<Run[]> {
  const counted = countedSource(json, gz, model);
  const engine = await SearchIndex.open(counted.source, LAZY);
  for (const q of WARM_UP) await engine.search(q, LIMIT);
  counted.take();
  const runs: Run[] = [];
  for (const query of queries) {
    const t0 = performance.now();
    const hits = await engine.search(query, LIMIT);
    const elapsed = performance.now() - t0;
    runs.push({ query, ms: elapsed, hits: hits.length, ...counted.take() });
  }
  return runs;
}

async function main(): Promise<void> {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(`--${name}`);
    return i === -1 ? undefined : process.argv[i + 1];
  };
  const copies = Number(arg('copies') ?? 20);
  const delay = Number(arg('delay') ?? 7);
  const latency = Number(arg('latency') ?? 4);
  const msPerMB = Number(arg('ms-per-mb') ?? 25);
  const verbose = process.argv.includes('--verbose');

  const t0 = performance.now();
  const options: BuildOptions = {};
  if (arg('gram-bytes')) options.gramPartBytes = Number(arg('gram-bytes'));
  if (arg('text-chars')) options.textPartChars = Number(arg('text-chars'));
  const { parts, articles } = benchSearchIndex(copies, options);
  const json = new Map(Object.entries(parts).map(([name, data]) => [name, JSON.stringify(data)]));
  const gz = new Map([...json].map(([name, text]) => [name, gzipSync(text).length]));
  const kinds = (prefix: string): string[] => [...json.keys()].filter((n) => n.startsWith(prefix));
  const sum = (names: string[]): number => names.reduce((n, p) => n + gz.get(p)!, 0);
  console.log(`${copies}×: ${articles.length} articles, index in ${Math.round(performance.now() - t0)} ms: manifest ${kb(gz.get('manifest')!)} gz, ${kinds('g').length} gram parts ${kb(sum(kinds('g')))} gz, ${kinds('t').length} text parts ${kb(sum(kinds('t')))} gz`);

  const texts = articles.map((a) => a.blocks.map((b) => b.text).join('\n'));
  const queries = arg('queries')?.split(',') ?? queriesFor(texts, 20);

  // What the first query loads (the index only; the page, its scripts and the worker come on top).
  const first = countedSource(json, gz, { delay: 0, concurrency: 1, msPerMB: 0 });
  const cold = await SearchIndex.open(first.source, LAZY);
  await cold.search('发展', LIMIT);
  const loaded = first.take();
  console.log(`first query (发展): ${loaded.requests} parts, ${kb(loaded.bytes)} gz (${loaded.names.join(' ')})`);

  // The engine alone, then with the delay per request; each query's best of RUNS.
  const best = async (model: Delay): Promise<Run[]> => {
    const runs: Run[][] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await runQueries(json, gz, queries, model));
    return runs[0]!.map((r, q) => ({ ...r, ms: Math.min(...runs.map((run) => run[q]!.ms)) }));
  };
  const none: Delay = { delay: 0, concurrency: 1, msPerMB: 0 };
  await runQueries(json, gz, queries, none);
  const cpu = await best(none);
  const fixed = await best({ delay, concurrency: CONNECTIONS, msPerMB: 0 });
  const sized = await best({ delay: latency, concurrency: CONNECTIONS, msPerMB });
  const serial = await best({ delay, concurrency: 1, msPerMB: 0 });
  if (verbose) {
    fixed.forEach((r, i) =>
      console.log(`  ${r.query.padEnd(20)} ${ms(r.ms).padStart(9)} (sized ${ms(sized[i]!.ms)}, serial ${ms(serial[i]!.ms)}, engine ${ms(cpu[i]!.ms)})  ${String(r.requests).padStart(2)} req in ${r.waves} ${kb(r.bytes).padStart(9)}  ${String(r.hits).padStart(2)} hits  ${r.names.join(' ')}`),
    );
  }
  const requests = fixed.map((r) => r.requests);
  console.log(`warm queries: ${fixed.length} (${fixed.filter((r) => r.hits > 0).length} with results)`);
  console.log(`  requests per query: mean ${(requests.reduce((a, b) => a + b, 0) / requests.length).toFixed(2)}, p50 ${quantile(requests, 0.5)}, p95 ${quantile(requests, 0.95)}, max ${Math.max(...requests)}; ${requests.reduce((a, b) => a + b, 0)} in all`);
  console.log(`  bytes per query: mean ${kb(fixed.reduce((a, r) => a + r.bytes, 0) / fixed.length)} gz, max ${kb(Math.max(...fixed.map((r) => r.bytes)))}`);
  const times = (label: string, runs: Run[]): void =>
    console.log(`  ${label.padEnd(44)} p50 ${ms(quantile(runs.map((r) => r.ms), 0.5))}, p95 ${ms(quantile(runs.map((r) => r.ms), 0.95))}, max ${ms(Math.max(...runs.map((r) => r.ms)))}`);
  times(`fixed: ${delay} ms a request, ${CONNECTIONS} at a time`, fixed);
  times(`sized: ${latency} ms + ${msPerMB} ms/MB on one queue`, sized);
  times(`serial: ${delay} ms a request, one at a time`, serial);
  times('engine alone', cpu);
  console.log(`  waves per query: mean ${(fixed.reduce((a, r) => a + r.waves, 0) / fixed.length).toFixed(2)}, p95 ${quantile(fixed.map((r) => r.waves), 0.95)}, max ${Math.max(...fixed.map((r) => r.waves))}`);

  const one = benchSearchIndex(1, options).parts;
  const oneGz = Object.values(one).reduce<number>((n, data) => n + gzipSync(JSON.stringify(data)).length, 0);
  console.log(`1× index: ${Object.keys(one).length} part(s), ${kb(oneGz)} gz`);
}

if (import.meta.main) await main();
