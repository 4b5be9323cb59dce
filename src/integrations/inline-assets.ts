/**
 * After the build (and after relative URLs, so every URL is relative to its page): the pages
 * marked `data-inline-assets` (the search page) get their stylesheets and deferred script written
 * into them, allowed by hash in their Content-Security-Policy (src/lib/inline-assets.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { inlineAssets, INLINE_ASSETS_MARK } from '../lib/inline-assets.ts';
import { outputFiles } from './output-files.ts';

/** Mark the pages of `dir` (a built site) self-contained; returns the pages changed. */
export async function inlinePageAssets(dir: string): Promise<string[]> {
  const changed: string[] = [];
  for (const file of (await outputFiles(dir)).filter((f) => f.endsWith('.html'))) {
    const path = join(dir, file);
    const html = await readFile(path, 'utf8');
    if (!html.includes(INLINE_ASSETS_MARK)) continue;
    const read = (url: string): string | undefined => {
      // Only the site's own files: a relative path that stays inside the output folder.
      if (/^[a-z][a-z\d+.-]*:|^\/\//iu.test(url)) return undefined;
      const target = resolve(dirname(path), decodeURI(url.replace(/[?#].*$/u, '')));
      const inside = relative(dir, target);
      if (inside.startsWith('..') || inside.startsWith(sep) || !existsSync(target)) return undefined;
      return readFileSync(target, 'utf8');
    };
    const next = inlineAssets(html, read, file);
    if (next !== html) {
      await writeFile(path, next);
      changed.push(file);
    }
  }
  return changed;
}

export function inlineAssetsStep(): AstroIntegration {
  return {
    name: 'baoku:inline-assets',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pages = await inlinePageAssets(fileURLToPath(dir));
        if (pages.length > 0) logger.info(`styles and scripts written into ${pages.join(', ')}`);
      },
    },
  };
}
