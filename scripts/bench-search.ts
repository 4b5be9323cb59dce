/**
 * `npm run bench` (second part) — client-side search in real Chromium (`/usr/bin/chromium`
 * through playwright-core), next to the targets:
 *
 *   1× (the real site, built into a temporary folder):
 *     cold start < 100 ms, warm query p95 < 10 ms, first query < 150 KB gzipped
 *   20× (a synthetic corpus 20 times the size, from `scripts/bench-search-data.ts`: its index is
 *   served in place of the site's, under the search page of the site built as a site with an
 *   index that large is (`BAOKU_SEARCH_MODE=worker`), so the page, UI script, worker and engine
 *   are exactly the site's and only the index differs):
 *     warm query p95 < 35 ms, first query < 600 KB gzipped
 *
 * What is measured:
 *   cold start   navigation to `search/?q=…` in a fresh browser context (empty cache) until the
 *                results are in the page (the UI's `search-results` event, which it sends once
 *                they are), from the page's time origin; the median of COLD_RUNS runs. Also when
 *                the frame that draws them ends (the first task after that frame's animation
 *                callback): the page's first layout may come after the results, and costs tens
 *                of milliseconds. At 1× also the same page with an engine that answers at once
 *                and does no work (`NO_WORK_ENGINE`): what the page costs by itself, below which
 *                no engine brings the cold start.
 *   warm query   ~50 varied queries (words, phrases, Traditional, pinyin, several terms, typos,
 *                misses, and words sampled from the corpus) typed into the loaded search page,
 *                one after another, each once the page has painted the one before: from the
 *                `input` event to the results in the page (the round trip through the worker,
 *                index parts the query needs included, and building the result list); p95 and
 *                median, with the engine's own time and a second run of the same queries. The
 *                engine warms up once it has answered a first query (`SearchIndex.warm`): at 1×
 *                (on the page) it reads the text's bigrams and runs a few throwaway queries while
 *                the page is idle; at 20× (in the worker) it fetches the index's other parts
 *                ahead. The measured queries are typed after three warm-up words, once it has
 *                (the mark the page puts on its timeline when the engine says so), as a reader
 *                types into a page where he searched a moment before; the note also gives the
 *                p95 of the same queries typed at once after loading, while it warms up.
 *   first query  bytes the server sent (gzipped bodies) for everything the cold start requested
 *                before its results were in the page: the page, its CSS and scripts, the worker
 *                and the index parts the query needed (not the parts fetched ahead after it).
 *
 * Service workers are blocked in the measured contexts: the offline precache a first visit
 * starts once the browser is idle (sw.js) is a one-time download, not part of searching.
 *
 * The files are served by a small static server on 127.0.0.1 that gzips text responses
 * (node:zlib, default level), so sizes are what a static host with compression would send. It
 * compresses every file once when it starts, as a host or CDN that keeps compressed copies does:
 * compressing on request, on this same machine, would take processor time from the browser being
 * measured (`BENCH_GZIP_ON_REQUEST=1` does that instead, for comparison).
 * Prints numbers and ✓/✗ marks; never fails (always exits 0). Peers, for context: Pagefind p95
 * 14 ms (1×) / 36 ms (20×), 388 KB first query, 163 ms cold.
 *
 * `BENCH_SEARCH_DIST=dist npm run bench` measures an existing build instead of building one;
 * `BENCH_SEARCH_SCALES=1` (or `20`) measures one scale only; `BENCH_COLD_RUNS=N` sets the cold
 * starts (15); `BENCH_SEARCH_VERBOSE=1` prints each warm query's time.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { queriesFor } from './bench-search-data.ts';
import { WARMED_MARK } from '../src/lib/search/protocol.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 15);
const KB = 1024;

// ---------------------------------------------------------------------------------------------
// A static server that gzips, and counts what it sent.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|wasm)|image\/svg)/u;

interface Sent {
  path: string;
  bytes: number;
  /** When the request came (ms since the epoch, sub-millisecond). */
  at: number;
}

interface BenchServer {
  origin: string;
  /** Every response body sent since the last `reset()`, as sent (gzipped where it was). */
  sent: Sent[];
  reset(): void;
  close(): Promise<void>;
}

/** Serve the folders `roots` (the first that has a file wins) at `/`, on 127.0.0.1. */
async function serve(roots: string[]): Promise<BenchServer> {
  const cache = new Map<string, { body: Buffer; gzip: boolean; type: string }>();
  const sent: Sent[] = [];
  const find = (pathname: string): string | undefined => {
    for (const root of roots) {
      let file = resolve(root, `.${pathname}`);
      if (file !== root && !file.startsWith(root + sep)) continue;
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (existsSync(file) && statSync(file).isFile()) return file;
    }
    return undefined;
  };
  // Every text file compressed now, before anything is measured (see the header).
  if (!process.env.BENCH_GZIP_ON_REQUEST) {
    const walk = (dir: string): void => {
      for (const f of readdirSync(dir)) {
        const path = join(dir, f);
        if (statSync(path).isDirectory()) walk(path);
        else {
          const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
          if (COMPRESSIBLE.test(type)) cache.set(`${path}|true`, { body: gzipSync(readFileSync(path)), gzip: true, type });
        }
      }
    };
    roots.forEach(walk);
  }
  const server: Server = createServer((req, res) => {
    const at = performance.timeOrigin + performance.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.statusCode = 400;
      return res.end();
    }
    const file = find(pathname);
    if (!file) {
      res.statusCode = 404;
      return res.end('not found');
    }
    const gzipOk = /\bgzip\b/u.test(String(req.headers['accept-encoding'] ?? ''));
    const key = `${file}|${gzipOk}`;
    let entry = cache.get(key);
    if (!entry) {
      const raw = readFileSync(file);
      const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      const gzip = gzipOk && COMPRESSIBLE.test(type);
      entry = { body: gzip ? gzipSync(raw) : raw, gzip, type };
      cache.set(key, entry);
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', entry.type);
    res.setHeader('Content-Length', entry.body.length);
    res.setHeader('Cache-Control', 'no-cache');
    if (entry.gzip) res.setHeader('Content-Encoding', 'gzip');
    res.end(entry.body);
    sent.push({ path: pathname, bytes: entry.body.length, at });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    sent,
    reset: () => void sent.splice(0),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Measuring in the browser.

/** Records, from the page's time origin, when the first results were shown. */
const FIRST_RESULTS_SCRIPT = `
  window.__firstResults = null;
  document.addEventListener('search-results', (e) => {
    if (window.__firstResults !== null) return;
    const nav = performance.getEntriesByType('navigation')[0];
    const first = { at: performance.now(), count: e.detail.count, engine: e.detail.ms, waited: e.detail.waited, dcl: nav ? nav.domContentLoadedEventStart : NaN, painted: NaN };
    window.__firstResults = first;
    // The frame that shows them: its callback, then a task, which runs once it is drawn.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { first.painted = performance.now(); };
      channel.port2.postMessage(null);
    });
  }, true);
`;

interface FirstResults {
  /** ms from the time origin to the results on screen. */
  at: number;
  count: number;
  /** The engine's time for the query, and how long the query waited for the index. */
  engine: number;
  waited: number;
  /** DOMContentLoaded, from the time origin. */
  dcl: number;
  /** ms from the time origin to the end of the frame that drew the results (a task after its animation frame). */
  painted: number;
}

interface Cold {
  runs: FirstResults[];
  count: number;
  bytes: number;
  files: Sent[];
}

/** Open `pageUrl` (a search page with `?q=`) cold, COLD_RUNS times. */
async function coldStart(browser: Browser, server: BenchServer, pageUrl: string): Promise<Cold> {
  const runs: FirstResults[] = [];
  let count = 0;
  let bytes = 0;
  let files: Sent[] = [];
  for (let run = 0; run < COLD_RUNS; run++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.addInitScript(FIRST_RESULTS_SCRIPT);
    const page = await context.newPage();
    server.reset();
    await page.goto(pageUrl, { waitUntil: 'load' });
    await page.waitForFunction(() => Number.isFinite((window as unknown as { __firstResults: FirstResults | null }).__firstResults?.painted), undefined, { timeout: 30_000 });
    const [first, origin] = await page.evaluate(() => [(window as unknown as { __firstResults: FirstResults }).__firstResults, performance.timeOrigin] as const);
    runs.push(first);
    count = first.count;
    // Everything requested up to the first results (an engine that fetches parts ahead once
    // it has answered asks for more after them).
    if (run === 0) {
      files = server.sent.filter((f) => f.at <= origin + first.at);
      bytes = files.reduce((sum, f) => sum + f.bytes, 0);
    }
    await context.close();
  }
  return { runs, count, bytes, files };
}

interface Warm {
  /** Input → results on screen, each query's first run (index parts it needs may still load). */
  ms: number[];
  /** The engine's own time in the worker, same runs, and how long each query waited for it. */
  engine: number[];
  waited: number[];
  /** Input → results on screen, the same queries again (everything they need is loaded). */
  again: number[];
  againEngine: number[];
  againWaited: number[];
  counts: number[];
}

/**
 * Type each query into the loaded search page and time input → results on screen; with `settle`,
 * once the engine has warmed up after the first few (the mark the page puts on its timeline when
 * the engine says so), and the time of that mark from the page's start.
 */
async function warmQueries(page: Page, queries: string[], settle: boolean): Promise<Warm & { warmedAt?: number }> {
  return page.evaluate(async ([qs, settle, mark]) => {
    const input = document.querySelector<HTMLInputElement>('[data-search-page] input[name="q"]')!;
    const once = (query: string): Promise<{ ms: number; engine: number; waited: number; count: number }> =>
      new Promise((done) => {
        const started = performance.now();
        const listener = (event: Event): void => {
          const detail = (event as CustomEvent<{ query: string; count: number; ms: number; waited: number }>).detail;
          if (detail.query !== query.trim()) return;
          document.removeEventListener('search-results', listener, true);
          // The event comes right after the results were put in the page.
          const result = { ms: performance.now() - started, engine: detail.ms, waited: detail.waited, count: detail.count };
          // Let the browser lay out and paint them before the next query, so that no query pays
          // for the rendering of the one before.
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(result))));
        };
        document.addEventListener('search-results', listener, true);
        input.value = query;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    // Warm-up, with words not among the queries: the JIT, and the index's first parts.
    for (const q of ['中', '中国', '新华社']) await once(q);
    let warmedAt: number | undefined;
    if (settle) {
      const started = performance.now();
      while (performance.getEntriesByName(mark).length === 0) {
        if (performance.now() - started > 30_000) throw new Error('the search engine did not warm up in 30 s');
        await new Promise((done) => setTimeout(done, 20));
      }
      warmedAt = performance.getEntriesByName(mark)[0]!.startTime;
    }
    const ms: number[] = [];
    const engine: number[] = [];
    const waited: number[] = [];
    const again: number[] = [];
    const counts: number[] = [];
    for (const q of qs) {
      const r = await once(q);
      ms.push(r.ms);
      engine.push(r.engine);
      waited.push(r.waited);
      counts.push(r.count);
    }
    const againEngine: number[] = [];
    const againWaited: number[] = [];
    for (const q of qs) {
      const r = await once(q);
      again.push(r.ms);
      againEngine.push(r.engine);
      againWaited.push(r.waited);
    }
    return { ms, engine, waited, again, againEngine, againWaited, counts, warmedAt };
  }, [queries, settle, WARMED_MARK] as const);
}

// ---------------------------------------------------------------------------------------------
// Queries.

/** The paragraphs of the site's articles (for sampling queries at 1×). */
function articleTexts(): string[] {
  const dir = join(ROOT, 'src/content/articles');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => readFileSync(join(dir, f), 'utf8').replace(/^---[\s\S]*?\n---\n/u, ''));
}

// ---------------------------------------------------------------------------------------------
// Statistics and the table.

const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);
function quantile(xs: number[], q: number): number {
  const s = sorted(xs);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
}
const median = (xs: number[]): number => quantile(xs, 0.5);
const fmtMs = (ms: number): string => (Number.isFinite(ms) ? `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms` : 'n/a');
const fmtKB = (bytes: number): string => (Number.isFinite(bytes) ? `${(bytes / KB).toFixed(1)} KB gz` : 'n/a');
const mark = (ok: boolean): string => (ok ? '✓' : '✗');

interface Row {
  scale: string;
  what: string;
  value: string;
  target: string;
  ok: string;
  note: string;
}

function printTable(rows: Row[]): void {
  const header: Row = { scale: 'corpus', what: 'measure', value: 'result', target: 'target', ok: '', note: 'notes' };
  const cols = ['scale', 'what', 'value', 'target', 'ok', 'note'] as const;
  const all = [header, ...rows];
  const widths = cols.map((c) => Math.max(...all.map((r) => [...r[c]].length)));
  const fmt = (r: Row): string => cols.map((c, i) => r[c].padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(fmt(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) console.log(fmt(r));
}

// ---------------------------------------------------------------------------------------------
// The corpora.

function run(label: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const started = Date.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 600_000 });
  if (r.status !== 0) {
    // The lines that say why (the tools print a lot before them).
    const why = `${r.stdout}\n${r.stderr}`.split('\n').filter((line) => /error|fail|✗|missing|cannot/iu.test(line)).slice(0, 8);
    throw new Error(`${label} failed (${r.error?.message ?? `exit ${r.status}`})\n  ${why.join('\n  ')}`);
  }
  console.log(`  ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const sites = new Map<string, string | Error>();

/**
 * The site, built at `/` into a temporary folder (or BENCH_SEARCH_DIST), once (a failure too).
 * `worker`: built as a site with a large index is (`BAOKU_SEARCH_MODE=worker`: the engine in a
 * worker, the search page carrying neither engine nor index), for the 20× corpus.
 */
function buildSite(temp: string, mode: 'own' | 'worker' = 'own'): string {
  if (!sites.has(mode)) {
    try {
      if (mode === 'own' && process.env.BENCH_SEARCH_DIST) {
        sites.set(mode, resolve(process.env.BENCH_SEARCH_DIST));
      } else {
        const out = join(temp, `site-${mode}`);
        const env = { ...process.env, BASE_PATH: '/', ...(mode === 'worker' ? { BAOKU_SEARCH_MODE: 'worker' } : {}) };
        // The articles, once (a given build has them already).
        if (!sites.has('normalized') && !(process.env.BENCH_SEARCH_DIST && existsSync(join(ROOT, 'src/content/articles')))) {
          run('normalize the seeds', ['--max-semi-space-size=8', 'scripts/normalize.ts'], env);
        }
        sites.set('normalized', '');
        run(`astro build${mode === 'worker' ? ' (the search engine in a worker)' : ''}`, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], env);
        sites.set(mode, out);
      }
    } catch (error) {
      sites.set(mode, error as Error);
    }
  }
  const site = sites.get(mode)!;
  if (site instanceof Error) throw site;
  return site;
}

/** Index parts written as `<dir>/search-index/<name>.json`, for the server to put over the site's. */
async function writeIndexFolder(dir: string, parts: Record<string, unknown>): Promise<void> {
  const { writeSearchIndex } = await import('../src/lib/search/build-index.ts');
  writeSearchIndex(parts, join(dir, 'search-index'));
}

/**
 * An engine script that answers every search at once with no results: served in place of the
 * site's, it shows what the search page costs by itself (parse, styles, layout, scripts, the
 * index download), below which no engine can bring the cold start.
 */
const NO_WORK_ENGINE = `globalThis.__BAOKU_SEARCH__ = { connect: (reply) => (request) => {
  if (request.type === 'search') reply({ type: 'results', id: request.id, hits: [], ms: 0, waited: 0 });
} };`;

/** A script's or stylesheet's source for a Content-Security-Policy. */
const hashOf = (code: string): string => `'sha256-${createHash('sha256').update(code).digest('base64')}'`;

const gzipTotal = (dir: string): number =>
  readdirSync(dir).reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f))).length, 0);

interface Scale {
  label: string;
  /** A search page URL with `?q=` for the cold start. */
  coldUrl: string;
  /** The search page without a query, for the warm queries. */
  warmUrl: string;
  queries: string[];
  server: BenchServer;
  targets: { cold?: number; p95: number; bytes: number };
  note: string;
  /** Whether the engine warms up once it has answered (text in memory: reads it; in parts: fetches them ahead), and the warm queries wait for it. */
  settles: boolean;
  /** A server for the same page whose engine does no work (see `NO_WORK_ENGINE`), for the cold start it cannot go below. */
  floor?: () => Promise<BenchServer>;
  cleanup: () => Promise<void>;
}

async function siteScale(temp: string): Promise<Scale> {
  const dist = buildSite(temp);
  const roots = [dist];
  let note = '';
  if (!existsSync(join(dist, 'search-index/manifest.json'))) {
    // A build from before the site wrote its index: write it the way the site would.
    const { buildSearchIndex, readArticles } = await import('../src/lib/search/build-index.ts');
    const own = join(temp, 'x1');
    await writeIndexFolder(own, buildSearchIndex(readArticles()).parts);
    roots.unshift(own);
    note = ' (index written by the bench: the build had none)';
  }
  const server = await serve(roots);
  const articles = readdirSync(join(dist, 'articles')).length;
  const index = join(roots[0]!, 'search-index');
  return {
    label: '1×',
    coldUrl: `${server.origin}/search/?q=${encodeURIComponent('发展')}`,
    warmUrl: `${server.origin}/search/`,
    queries: queriesFor(articleTexts(), 1),
    server,
    targets: { cold: 100, p95: 10, bytes: 150 * KB },
    settles: true,
    note: `the site, ${articles} articles, index ${fmtKB(gzipTotal(index))} in all${note}`,
    floor: async () => {
      const engine = readdirSync(join(dist, '_astro')).find((f) => /^engine\.[0-9a-f]+\.js$/u.test(f));
      if (!engine) throw new Error(`no engine script in ${dist}/_astro`);
      const stub = join(temp, 'no-work');
      mkdirSync(join(stub, '_astro'), { recursive: true });
      writeFileSync(join(stub, '_astro', engine), NO_WORK_ENGINE);
      // The search page carries the engine itself (written into it, allowed by its hash): the
      // same page with the stub there instead, and the stub's hash in place of the engine's.
      const code = readFileSync(join(dist, '_astro', engine), 'utf8').trim();
      const html = readFileSync(join(dist, 'search/index.html'), 'utf8');
      if (html.includes(`<script>${code}</script>`)) {
        mkdirSync(join(stub, 'search'), { recursive: true });
        const stubbed = html.replace(`<script>${code}</script>`, () => `<script>${NO_WORK_ENGINE}</script>`).replace(hashOf(code), hashOf(NO_WORK_ENGINE));
        writeFileSync(join(stub, 'search/index.html'), stubbed);
      }
      return serve([stub, ...roots]);
    },
    cleanup: () => server.close(),
  };
}

/**
 * 20×: the synthetic corpus's index (`benchSearchIndex` in bench-search-data.ts, built by the
 * site's own index builder) served in place of the site's, under the search page, UI script and
 * worker of the site built as it is for an index that large (the engine in a worker).
 */
async function x20Scale(temp: string): Promise<Scale | string> {
  if (!existsSync(join(ROOT, 'scripts/bench-search-data.ts'))) return '20×: not measured (no scripts/bench-search-data.ts)';
  const dist = buildSite(temp, 'worker');
  const started = Date.now();
  const { benchSearchIndex } = await import('./bench-search-data.ts');
  const { parts, articles } = benchSearchIndex(20);
  const own = join(temp, 'x20');
  await writeIndexFolder(own, parts);
  console.log(`  20× corpus and index: ${articles.length} articles, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const server = await serve([own, dist]);
  const texts = articles.map((a) => a.blocks.map((b) => b.text).join('\n'));
  return {
    label: '20×',
    coldUrl: `${server.origin}/search/?q=${encodeURIComponent('发展')}`,
    warmUrl: `${server.origin}/search/`,
    queries: queriesFor(texts, 20),
    server,
    targets: { p95: 35, bytes: 600 * KB },
    settles: true,
    note: `synthetic, ${articles.length} articles, index ${fmtKB(gzipTotal(join(own, 'search-index')))} in all`,
    cleanup: () => server.close(),
  };
}

// ---------------------------------------------------------------------------------------------

/** How many runs had their results before DOMContentLoaded, and when it came in the others. */
function beforeDcl(runs: readonly FirstResults[]): string {
  const after = runs.filter((r) => r.dcl > 0);
  if (after.length === 0) return `all ${runs.length} before DOMContentLoaded`;
  return `${runs.length - after.length} of ${runs.length} before DOMContentLoaded (in the others at ${fmtMs(median(after.map((r) => r.dcl)))})`;
}

async function measure(browser: Browser, scale: Scale): Promise<Row[]> {
  const cold = await coldStart(browser, scale.server, scale.coldUrl);
  let floorMs: number | undefined;
  let floorPainted = NaN;
  if (scale.floor) {
    const floorServer = await scale.floor();
    try {
      const floor = await coldStart(browser, floorServer, scale.coldUrl.replace(scale.server.origin, floorServer.origin));
      floorMs = median(floor.runs.map((r) => r.at));
      floorPainted = median(floor.runs.map((r) => r.painted));
    } finally {
      await floorServer.close();
    }
  }
  // The warm queries, typed into a page opened for them: once the engine has warmed up (where it
  // does: the mark it puts on the page's timeline), and, for comparison, at once after loading.
  const typed = async (settle: boolean): Promise<{ warm: Warm; warmedAt?: number }> => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.addInitScript(FIRST_RESULTS_SCRIPT);
    const page = await context.newPage();
    await page.goto(scale.warmUrl, { waitUntil: 'load' });
    const { warmedAt, ...warm } = await warmQueries(page, scale.queries, settle);
    await context.close();
    return { warm, warmedAt };
  };
  const { warm, warmedAt } = await typed(scale.settles);
  const atOnce = scale.settles ? (await typed(false)).warm : undefined;
  if (process.env.BENCH_SEARCH_VERBOSE) {
    scale.queries.forEach((q, i) => console.log(`  ${scale.label} ${q.padEnd(20)} ${fmtMs(warm.ms[i]!)} (engine ${fmtMs(warm.engine[i]!)}, waited ${fmtMs(warm.waited[i]!)}), again ${fmtMs(warm.again[i]!)} (engine ${fmtMs(warm.againEngine[i]!)}, waited ${fmtMs(warm.againWaited[i]!)}), ${warm.counts[i]} hits`));
  }

  const coldMs = median(cold.runs.map((r) => r.at));
  const coldPart = (key: 'dcl' | 'waited' | 'engine'): string => fmtMs(median(cold.runs.map((r) => r[key])));
  const p95 = quantile(warm.ms, 0.95);
  const hitQueries = warm.counts.filter((c) => c > 0).length;
  const biggest = [...cold.files].sort((a, b) => b.bytes - a.bytes).slice(0, 3).map((f) => `${f.path.replace(/^.*\/(?=.)/u, '')} ${fmtKB(f.bytes)}`);
  const { targets } = scale;
  return [
    {
      scale: scale.label,
      what: 'cold start (load → first results)',
      value: fmtMs(coldMs),
      target: targets.cold === undefined ? '—' : `< ${targets.cold} ms`,
      ok: targets.cold === undefined ? '' : mark(coldMs < targets.cold),
      note: `median of ${cold.runs.length}, min ${fmtMs(Math.min(...cold.runs.map((r) => r.at)))}; drawn (the frame that shows them) by ${fmtMs(median(cold.runs.map((r) => r.painted)))};${floorMs === undefined ? '' : ` the same page with an engine that does no work: ${fmtMs(floorMs)}, drawn by ${fmtMs(floorPainted)};`} ${beforeDcl(cold.runs)}; from the search to the engine taking it (engine start, index manifest) ${coldPart('waited')}, query ${coldPart('engine')}; ${cold.count} results; ${scale.note}`,
    },
    {
      scale: scale.label,
      what: 'warm query p95 (input → results shown)',
      value: fmtMs(p95),
      target: `< ${targets.p95} ms`,
      ok: mark(p95 < targets.p95),
      note: `${warm.ms.length} queries (${hitQueries} with results), median ${fmtMs(median(warm.ms))}, max ${fmtMs(Math.max(...warm.ms))}; engine alone p95 ${fmtMs(quantile(warm.engine, 0.95))}; the same queries again p95 ${fmtMs(quantile(warm.again, 0.95))}${warmedAt === undefined ? '' : `; typed once the engine had warmed up (${fmtMs(warmedAt)} after the page's start)`}${atOnce ? `; typed at once after loading, while it warms up: p95 ${fmtMs(quantile(atOnce.ms, 0.95))}, max ${fmtMs(Math.max(...atOnce.ms))}` : ''}`,
    },
    {
      scale: scale.label,
      what: 'first query, transferred',
      value: fmtKB(cold.bytes),
      target: `< ${targets.bytes / KB} KB gz`,
      ok: mark(cold.bytes < targets.bytes),
      note: `${cold.files.length} files; largest: ${biggest.join(', ')}`,
    },
  ];
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`\nsearch benchmark skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
    return;
  }
  console.log(`\nSearch in Chromium (gzip over 127.0.0.1, ${process.env.BENCH_GZIP_ON_REQUEST ? 'compressed on request' : 'compressed once when the server starts'}):`);
  const temp = mkdtempSync(join(tmpdir(), 'baoku-bench-search-'));
  const rows: Row[] = [];
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
    // `BENCH_SEARCH_SCALES=1` or `=20` measures one scale only.
    const only = process.env.BENCH_SEARCH_SCALES?.split(',').map((s) => `${s.trim().replace(/x$/u, '')}×`);
    const scales = ([
      ['1×', () => siteScale(temp)],
      ['20×', () => x20Scale(temp)],
    ] satisfies [string, () => Promise<Scale | string>][]).filter(([label]) => !only || only.includes(label));
    const notes: string[] = [];
    for (const [label, make] of scales) {
      let scale: Scale | string;
      try {
        scale = await make();
      } catch (error) {
        notes.push(`${label}: failed to set up: ${(error as Error).message.split('\n').slice(0, 6).join('\n')}`);
        continue;
      }
      if (typeof scale === 'string') {
        notes.push(scale);
        continue;
      }
      try {
        rows.push(...(await measure(browser, scale)));
      } catch (error) {
        notes.push(`${scale.label}: failed: ${(error as Error).message.split('\n')[0]}`);
      } finally {
        await scale.cleanup();
      }
    }
    console.log('');
    if (rows.length > 0) printTable(rows);
    for (const note of notes) console.log(note);
    console.log('\nPeers, for context: Pagefind p95 14 ms (1×) / 36 ms (20×), 388 KB first query, 163 ms cold.');
  } finally {
    await browser?.close();
    rmSync(temp, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  try {
    await main();
  } catch (error) {
    console.error(`search bench failed: ${(error as Error).stack ?? error}`);
  }
  process.exitCode = 0;
}
