/**
 * Every file under a build's output folder, as sorted `/`-separated paths relative to it
 * (`index.html`, `articles/x/index.html`, `_astro/site.1a2b3c4d.js`): what the steps that run
 * after the build (relative URLs, the service worker's manifest) walk.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export async function outputFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}
