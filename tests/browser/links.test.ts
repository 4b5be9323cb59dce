/**
 * Every internal link in the built site resolves: each `href`/`src` on the site's own origin
 * names a file in `dist/` (a folder meaning its index.html), and each `#fragment` names an
 * element id on the target page. Runs on the build the browser tests made; no browser needed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

/** Every HTML file under a folder, as site paths relative to it. */
function htmlFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...htmlFiles(path, `${prefix}${name}/`));
    else if (name.endsWith('.html')) out.push(`${prefix}${name}`);
  }
  return out;
}

/** The ids defined on a page. */
function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/gu)].map((m) => m[1] ?? ''));
}

describe('internal links', () => {
  it('resolve to files and fragments that exist', () => {
    const dist = inject('distDir');
    const base = inject('basePath');
    const pages = htmlFiles(dist);
    expect(pages.length).toBeGreaterThan(20);
    const idCache = new Map<string, Set<string>>();
    const ids = (file: string): Set<string> => {
      let set = idCache.get(file);
      if (!set) idCache.set(file, (set = idsOf(readFileSync(join(dist, file), 'utf8'))));
      return set;
    };
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const html = readFileSync(join(dist, page), 'utf8');
      const pageDir = page.includes('/') ? page.slice(0, page.lastIndexOf('/') + 1) : '';
      for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/gu)) {
        const raw = (m[1] ?? '').replace(/&amp;/gu, '&');
        if (/^(?:[a-z]+:|\/\/)/iu.test(raw)) continue; // another scheme or origin: not ours to check here
        const [pathAndQuery, fragment] = raw.split('#') as [string, string | undefined];
        const path = pathAndQuery.split('?')[0] ?? '';
        let file: string;
        if (path === '') file = page;
        else if (path.startsWith('/')) {
          if (!path.startsWith(base)) {
            broken.push(`${page}: ${raw} is outside the base ${base}`);
            continue;
          }
          file = path.slice(base.length);
        } else file = new URL(path, `http://x/${pageDir}`).pathname.slice(1);
        if (file === '' || file.endsWith('/')) file += 'index.html';
        checked++;
        if (!existsSync(join(dist, file))) {
          broken.push(`${page}: ${raw} → ${file} does not exist`);
          continue;
        }
        if (fragment && file.endsWith('.html') && !ids(file).has(decodeURIComponent(fragment))) broken.push(`${page}: ${raw} → no #${fragment} on ${file}`);
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(broken).toEqual([]);
  });
});
