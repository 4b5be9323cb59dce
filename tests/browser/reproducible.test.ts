/**
 * Two builds of the same input give the same site, file for file and byte for byte: the test
 * builds the collection again into a second folder and compares it with the one the browser
 * tests use. Skipped when the tests were pointed at an existing build (BROWSER_TEST_DIST).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every file under a folder, relative, sorted. */
function files(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`]));
}

describe.skipIf(!!process.env.BROWSER_TEST_DIST)('reproducible builds', () => {
  it('build the same input into identical files', () => {
    const first = inject('distDir');
    const second = mkdtempSync(join(tmpdir(), 'baoku-rebuild-'));
    try {
      const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: inject('basePath') };
      const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', second], { cwd: repoRoot, env, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
      expect(r.status, r.stderr).toBe(0);
      const a = files(first);
      expect(files(second)).toEqual(a);
      const differ = a.filter((f) => !readFileSync(join(first, f)).equals(readFileSync(join(second, f))));
      expect(differ).toEqual([]);
    } finally {
      rmSync(second, { recursive: true, force: true });
    }
  }, 300_000);
});
