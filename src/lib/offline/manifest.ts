/**
 * The precache manifest (build time, Node): which files of the built site the service worker
 * stores for reading offline, the URL each is stored under, and a version that changes whenever
 * any of them does. It is embedded in `sw.js`, so the worker's own bytes change with it and a
 * browser installs the new worker (and drops the old cache) after every build that changed a page.
 *
 *   pages           `index.html` → `./`, `articles/x/index.html` → `articles/x/` (the URLs links use)
 *   assets          CSS, JS, SVG and other images and fonts, wherever they are (`_astro/…`)
 *   search index    `search-index/*.json` (the `.js` twins are only for pages opened from disk)
 *   left out        feeds and sitemaps (read by programs, not through the site), `404.html`
 *                   (no link leads to it), source maps, `sw.js` itself
 *
 * URLs are relative to the site root, where `sw.js` lives, so the same manifest works under any
 * base path.
 */
import { createHash } from 'node:crypto';

/** A file of the built site: its path under the output folder (with `/`), and its bytes. */
export interface SiteFile {
  path: string;
  bytes: Uint8Array;
}

/** What `sw.js` carries: everything it stores on install, and the version naming its cache. */
export interface Precache {
  /** 16 hex digits of a SHA-256 over every listed URL and its file's bytes. */
  version: string;
  /** URLs relative to the site root, sorted. */
  urls: string[];
  /** The listed files' total size. */
  bytes: number;
}

const ASSET = /\.(?:css|js|json|svg|png|jpe?g|gif|webp|avif|ico|woff2?|webmanifest)$/u;

/**
 * The URL a built file is stored under, relative to the site root, or `undefined` when it is
 * not precached.
 *
 * @example
 * precacheUrl('index.html')                  // './'
 * precacheUrl('en/articles/x/index.html')    // 'en/articles/x/'
 * precacheUrl('search-index/manifest.json')  // 'search-index/manifest.json'
 * precacheUrl('search-index/manifest.js')    // undefined (for file: pages only)
 * precacheUrl('rss.xml')                     // undefined
 */
export function precacheUrl(path: string): string | undefined {
  if (path === 'sw.js' || path === '404.html') return undefined;
  if (path.startsWith('search-index/')) return path.endsWith('.json') ? encodePath(path) : undefined;
  if (path === 'index.html') return './';
  if (path.endsWith('/index.html')) return encodePath(path.slice(0, -'index.html'.length));
  if (path.endsWith('.html') || ASSET.test(path)) return encodePath(path);
  return undefined;
}

/** Each segment percent-encoded, so a URL compares equal to the one a browser requests. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The manifest of a built site, from all of its files (those not precached are skipped). */
export function precacheManifest(files: Iterable<SiteFile>): Precache {
  const listed = [...files]
    .flatMap((file) => {
      const url = precacheUrl(file.path);
      return url === undefined ? [] : [{ url, file }];
    })
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const hash = createHash('sha256');
  let bytes = 0;
  for (const { url, file } of listed) {
    hash.update(`${url}\0${createHash('sha256').update(file.bytes).digest('hex')}\n`);
    bytes += file.bytes.byteLength;
  }
  return { version: hash.digest('hex').slice(0, 16), urls: listed.map((l) => l.url), bytes };
}

/** The global `sw.js` reads its manifest from (`null`: a worker that only clears its caches). */
export const PRECACHE_GLOBAL = 'BAOKU_PRECACHE';

/** `sw.js`: the manifest as its first line, then the worker's bundled code. */
export function serviceWorkerScript(manifest: Precache | null, code: string): string {
  return `const ${PRECACHE_GLOBAL} = ${JSON.stringify(manifest)};\n${code}`;
}

/** The manifest embedded in a `sw.js` (the inverse of `serviceWorkerScript`). */
export function readServiceWorkerScript(script: string): Precache | null {
  const prefix = `const ${PRECACHE_GLOBAL} = `;
  const line = script.slice(0, script.indexOf('\n'));
  if (!line.startsWith(prefix) || !line.endsWith(';')) throw new Error('sw.js does not start with its manifest');
  return JSON.parse(line.slice(prefix.length, -1)) as Precache | null;
}
