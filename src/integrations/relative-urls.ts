/**
 * After the build, every page's links, scripts, styles and `data-…-url`s under the site's base
 * are made relative to the page (src/lib/relative-urls.ts), so `dist/` works under any sub-path
 * and opened from disk. `404.html` keeps root-relative URLs: a host serves it at whatever path
 * was missing, where relative ones would point elsewhere.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pageDirectory, relativizeHtml } from '../lib/relative-urls.ts';
import { outputFiles } from './output-files.ts';

export function relativeUrls(): AstroIntegration {
  let base = '/';
  return {
    name: 'baoku:relative-urls',
    hooks: {
      'astro:config:setup': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir }) => {
        const out = fileURLToPath(dir);
        const pages = (await outputFiles(out)).filter((file) => file.endsWith('.html') && file !== '404.html');
        for (const file of pages) {
          const path = join(out, file);
          const html = await readFile(path, 'utf8');
          const next = relativizeHtml(html, pageDirectory(base, file), base);
          if (next !== html) await writeFile(path, next);
        }
      },
    },
  };
}
