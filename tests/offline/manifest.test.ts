/**
 * The precache manifest: which built files are stored for offline reading and under which URLs,
 * and a version that follows the files' contents; then `sw.js` as the integration writes it, from
 * a fake output folder.
 */
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPrecachedFiles, SERVICE_WORKER_ENTRY, writeServiceWorker } from '../../src/integrations/service-worker.ts';
import { precacheManifest, precacheUrl, readServiceWorkerScript, serviceWorkerScript, type SiteFile } from '../../src/lib/offline/manifest.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const entry = join(repoRoot, SERVICE_WORKER_ENTRY);

const file = (path: string, text = path): SiteFile => ({ path, bytes: new TextEncoder().encode(text) });

/** A small built site, as `astro build` lays it out. */
const SITE: Record<string, string> = {
  'index.html': '<h1>宝库</h1>',
  '404.html': '<h1>404</h1>',
  'about/index.html': '<h1>关于</h1>',
  'articles/2024-04-01-xue-long/index.html': '<h1>“雪龙2”号</h1>',
  'en/index.html': '<h1>Baoku</h1>',
  'en/articles/2024-04-01-xue-long/index.html': '<h1>Xuelong 2</h1>',
  'search/index.html': '<form></form>',
  '_astro/BaseLayout.abc123.css': 'body{}',
  '_astro/site.0123abcd.js': 'void 0',
  '_astro/engine.4567cdef.js': 'void 0',
  '_astro/favicon.xyz.svg': '<svg/>',
  'search-index/manifest.json': '{}',
  'search-index/manifest.js': 'void 0',
  'search-index/g0.json': '[]',
  'search-index/g0.js': 'void 0',
  'rss.xml': '<rss/>',
  'en/rss.xml': '<rss/>',
  'sitemap-index.xml': '<sitemapindex/>',
  'sitemap-0.xml': '<urlset/>',
};

describe('precacheUrl', () => {
  it('stores pages under their folder URLs, as links name them', () => {
    expect(precacheUrl('index.html')).toBe('./');
    expect(precacheUrl('en/index.html')).toBe('en/');
    expect(precacheUrl('articles/2024-04-01-xue-long/index.html')).toBe('articles/2024-04-01-xue-long/');
  });

  it('stores styles, scripts, images and the search index as they are', () => {
    expect(precacheUrl('_astro/BaseLayout.abc123.css')).toBe('_astro/BaseLayout.abc123.css');
    expect(precacheUrl('_astro/engine.4567cdef.js')).toBe('_astro/engine.4567cdef.js');
    expect(precacheUrl('_astro/favicon.xyz.svg')).toBe('_astro/favicon.xyz.svg');
    expect(precacheUrl('search-index/g0.json')).toBe('search-index/g0.json');
  });

  it('leaves out the index scripts for pages opened from disk, feeds, sitemaps, 404.html and sw.js', () => {
    for (const path of ['search-index/manifest.js', 'rss.xml', 'en/rss.xml', 'sitemap-0.xml', '404.html', 'sw.js', '_astro/site.js.map']) {
      expect(precacheUrl(path), path).toBeUndefined();
    }
  });

  it('percent-encodes a path as the browser requests it', () => {
    expect(precacheUrl('articles/雪龙 2/index.html')).toBe('articles/%E9%9B%AA%E9%BE%99%202/');
  });
});

describe('precacheManifest', () => {
  const files = Object.entries(SITE).map(([path, text]) => file(path, text));

  it('lists every page and asset once, sorted, with their total size', () => {
    const manifest = precacheManifest(files);
    expect(manifest.urls).toEqual([
      './',
      '_astro/BaseLayout.abc123.css',
      '_astro/engine.4567cdef.js',
      '_astro/favicon.xyz.svg',
      '_astro/site.0123abcd.js',
      'about/',
      'articles/2024-04-01-xue-long/',
      'en/',
      'en/articles/2024-04-01-xue-long/',
      'search-index/g0.json',
      'search-index/manifest.json',
      'search/',
    ]);
    const listed = files.filter((f) => precacheUrl(f.path) !== undefined);
    expect(manifest.bytes).toBe(listed.reduce((sum, f) => sum + f.bytes.byteLength, 0));
    expect(manifest.version).toMatch(/^[0-9a-f]{16}$/u);
  });

  it('keeps the version when nothing listed changes, whatever the order or the unlisted files', () => {
    const { version } = precacheManifest(files);
    expect(precacheManifest([...files].reverse()).version).toBe(version);
    const unlisted = files.map((f) => (f.path === 'rss.xml' || f.path === 'search-index/g0.js' ? file(f.path, 'changed') : f));
    expect(precacheManifest(unlisted).version).toBe(version);
  });

  it('changes the version when one byte of one listed file changes', () => {
    const { version } = precacheManifest(files);
    const edited = files.map((f) => (f.path === 'articles/2024-04-01-xue-long/index.html' ? file(f.path, '<h1>“雪龙2”號</h1>') : f));
    expect(precacheManifest(edited).version).not.toBe(version);
  });

  it('changes the version when a file is renamed, added or removed', () => {
    const { version } = precacheManifest(files);
    const renamed = files.map((f) => (f.path === '_astro/site.0123abcd.js' ? file('_astro/site.89abcdef.js', 'void 0') : f));
    expect(precacheManifest(renamed).version).not.toBe(version);
    expect(precacheManifest([...files, file('articles/new/index.html')]).version).not.toBe(version);
    expect(precacheManifest(files.filter((f) => f.path !== 'about/index.html')).version).not.toBe(version);
  });

  it('is relative to the site root, so it resolves under any base path', () => {
    const { urls } = precacheManifest(files);
    for (const base of ['https://example.org/', 'https://example.org/baoku/', 'http://127.0.0.1:4321/a/b/']) {
      const resolved = urls.map((u) => new URL(u, new URL('sw.js', base)).href);
      expect(resolved.every((href) => href.startsWith(base)), base).toBe(true);
      expect(resolved).toContain(`${base}articles/2024-04-01-xue-long/`);
      expect(resolved).toContain(base);
    }
  });
});

describe('sw.js', () => {
  it('carries its manifest on its first line, read back as written', () => {
    const manifest = precacheManifest([file('index.html'), file('a "quoted"\n/index.html')]);
    const script = serviceWorkerScript(manifest, '"use strict";(()=>{})();\n');
    expect(readServiceWorkerScript(script)).toEqual(manifest);
    expect(readServiceWorkerScript(serviceWorkerScript(null, 'x'))).toBeNull();
  });

  describe('written into a built site', () => {
    let dir: string;

    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'baoku-sw-'));
      for (const [path, text] of Object.entries(SITE)) {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), text);
      }
    });

    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('reads only the files it precaches', async () => {
      const files = await readPrecachedFiles(dir);
      expect(files.map((f) => f.path)).toEqual(Object.keys(SITE).filter((p) => precacheUrl(p) !== undefined).sort());
      expect(new TextDecoder().decode(files.find((f) => f.path === 'index.html')!.bytes)).toBe(SITE['index.html']);
    });

    it('writes sw.js at the root, whose bytes change with any precached file and only then', async () => {
      const first = await writeServiceWorker(dir, entry);
      const script = await readFile(join(dir, 'sw.js'), 'utf8');
      expect(readServiceWorkerScript(script)).toEqual(first);
      expect(first.urls).not.toContain('sw.js');

      // Built again over the same files (sw.js now among them): the same bytes.
      await writeServiceWorker(dir, entry);
      expect(await readFile(join(dir, 'sw.js'), 'utf8')).toBe(script);

      // A feed changes: not precached, nothing changes.
      await writeFile(join(dir, 'rss.xml'), '<rss>new</rss>');
      await writeServiceWorker(dir, entry);
      expect(await readFile(join(dir, 'sw.js'), 'utf8')).toBe(script);

      // One article changes: a new version, so new bytes.
      await writeFile(join(dir, 'articles/2024-04-01-xue-long/index.html'), '<h1>“雪龙2”号返航</h1>');
      const second = await writeServiceWorker(dir, entry);
      expect(second.version).not.toBe(first.version);
      expect(second.urls).toEqual(first.urls);
      expect(await readFile(join(dir, 'sw.js'), 'utf8')).not.toBe(script);
    });
  });
});
