/**
 * Global setup of the browser tests: build the site once per test run (normalize the seeds, then
 * `astro build` into a temporary folder, so a `dist/` someone is working with is left alone),
 * serve it on 127.0.0.1 and a free port, and hand the tests its URL and folder through
 * `inject('siteUrl')` / `inject('distDir')`.
 *
 * `BASE_PATH` (as for `npm run build`) builds and serves the site under a base, e.g.
 * `BASE_PATH=/baoku/ npx vitest run tests/browser`; the tests follow it.
 * `BROWSER_TEST_DIST=path` serves an existing build instead of building one.
 *
 * Then a second site, "the hosted build" (tests/browser/hosted.test.ts): the seeds plus one
 * hostile source (tests/fixtures/hostile-source/), normalized into a temporary collection and
 * built under `/archive/` (`BAOKU_ARTICLES_DIR` and `BAOKU_REPORT` point the build at it;
 * src/content/articles is not touched), served on a port of its own under `/archive/`:
 * `inject('hostedUrl')`, `inject('hostedDistDir')`, `inject('hostileSlug')`. With
 * `BROWSER_TEST_DIST` it is not built, the three are `''` and the hosted tests are skipped.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { serveStatic, type StaticServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute URL of the served site's root, with the base and a trailing slash. */
    siteUrl: string;
    /** The folder the site was built into. */
    distDir: string;
    /** The configured base, e.g. `/` or `/baoku/`. */
    basePath: string;
    /** Absolute URL of the hosted build's root (`http://127.0.0.1:<port>/archive/`), or `''`. */
    hostedUrl: string;
    /** The folder the hosted build was built into, or `''`. */
    hostedDistDir: string;
    /** The slug of the article made from the hostile source in the hosted build, or `''`. */
    hostileSlug: string;
  }
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function run(label: string, args: string[], env: NodeJS.ProcessEnv): void {
  const started = Date.now();
  const r = spawnSync(process.execPath, args, {
    cwd: repoRoot,
    env,
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    throw new Error(
      `browser tests: ${label} failed (${r.error?.message ?? `exit ${r.status}`})\n${r.stdout}\n${r.stderr}`,
    );
  }
  console.log(`browser tests: ${label} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The base the hosted build is built and served under. */
const HOSTED_BASE = '/archive/';

/** The folder of the hostile source; its one `.txt` file joins the seeds in the hosted build. */
const HOSTILE_SOURCE = join(repoRoot, 'tests/fixtures/hostile-source');

/**
 * The hosted build in `work`: `input/` (the seeds, their corrections and the hostile source),
 * `articles/` and `report.json` (normalized), `dist/` (built under HOSTED_BASE). Returns the
 * hostile article's slug.
 */
function buildHosted(work: string): string {
  const input = join(work, 'input');
  const articles = join(work, 'articles');
  const report = join(work, 'report.json');
  mkdirSync(input);
  const seeds = join(repoRoot, 'seeds');
  for (const e of readdirSync(seeds, { withFileTypes: true })) if (e.isFile()) copyFileSync(join(seeds, e.name), join(input, e.name));
  const hostile = readdirSync(HOSTILE_SOURCE).filter((file) => file.endsWith('.txt'));
  for (const file of hostile) copyFileSync(join(HOSTILE_SOURCE, file), join(input, file));
  // The index split into gram and text parts, as a large corpus's is, so search runs in a worker
  // over http and loads part scripts from disk (the main build's small index runs on the page).
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: HOSTED_BASE, BAOKU_ARTICLES_DIR: articles, BAOKU_REPORT: report, BAOKU_SEARCH_SPLIT: '1' };
  run('hosted: normalize', ['--max-semi-space-size=8', 'scripts/normalize.ts', '--in', input, '--out', articles, '--report', report, '--quiet'], env);
  run('hosted: astro build', ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', join(work, 'dist')], env);
  const made = readdirSync(articles).filter((file) => hostile.some((h) => readFileSync(join(articles, file), 'utf8').includes(`file: ${JSON.stringify(h)}`)));
  if (made.length !== 1) throw new Error(`browser tests: the hostile source made ${made.length} articles (${made.join(', ')}), not one`);
  return made[0]!.replace(/\.md$/u, '');
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const basePath = (() => {
    const b = process.env.BASE_PATH?.trim() || '/';
    return `${b.startsWith('/') ? '' : '/'}${b}${b.endsWith('/') ? '' : '/'}`;
  })();

  let distDir = process.env.BROWSER_TEST_DIST ? resolve(process.env.BROWSER_TEST_DIST) : '';
  let ownDist = false;
  if (!distDir) {
    distDir = mkdtempSync(join(tmpdir(), 'baoku-browser-dist-'));
    ownDist = true;
    const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: basePath };
    try {
      run('npm run normalize', ['--max-semi-space-size=8', 'scripts/normalize.ts'], env);
      run('astro build', ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', distDir], env);
    } catch (error) {
      rmSync(distDir, { recursive: true, force: true });
      throw error;
    }
  }
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`browser tests: no index.html in ${distDir}`);
  }

  const site = await serveStatic(distDir, basePath);
  project.provide('siteUrl', `${site.origin}${basePath}`);
  project.provide('distDir', distDir);
  project.provide('basePath', basePath);

  // The hosted build: only with a build of our own (BROWSER_TEST_DIST means "test this dist").
  const hostedWork = ownDist ? mkdtempSync(join(tmpdir(), 'baoku-browser-hosted-')) : '';
  let hosted: StaticServer | undefined;
  let hostileSlug = '';
  if (hostedWork) {
    try {
      hostileSlug = buildHosted(hostedWork);
      hosted = await serveStatic(join(hostedWork, 'dist'), HOSTED_BASE);
    } catch (error) {
      await site.close();
      rmSync(distDir, { recursive: true, force: true });
      rmSync(hostedWork, { recursive: true, force: true });
      throw error;
    }
  }
  project.provide('hostedUrl', hosted ? `${hosted.origin}${HOSTED_BASE}` : '');
  project.provide('hostedDistDir', hosted ? join(hostedWork, 'dist') : '');
  project.provide('hostileSlug', hostileSlug);

  return async () => {
    await site.close();
    await hosted?.close();
    if (ownDist) rmSync(distDir, { recursive: true, force: true });
    if (hostedWork) rmSync(hostedWork, { recursive: true, force: true });
  };
}
