/**
 * Global setup of the browser tests: build the site once per test run (normalize the seeds, then
 * `astro build` into a temporary folder, so a `dist/` someone is working with is left alone),
 * serve it on 127.0.0.1 and a free port, and hand the tests its URL and folder through
 * `inject('siteUrl')` / `inject('distDir')`.
 *
 * `BASE_PATH` (as for `npm run build`) builds and serves the site under a base, e.g.
 * `BASE_PATH=/baoku/ npx vitest run tests/browser`; the tests follow it.
 * `BROWSER_TEST_DIST=path` serves an existing build instead of building one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute URL of the served site's root, with the base and a trailing slash. */
    siteUrl: string;
    /** The folder the site was built into. */
    distDir: string;
    /** The configured base, e.g. `/` or `/baoku/`. */
    basePath: string;
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

  return async () => {
    await site.close();
    if (ownDist) rmSync(distDir, { recursive: true, force: true });
  };
}
