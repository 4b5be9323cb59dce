/**
 * The service worker's rules, as pure functions (src/scripts/service-worker.ts applies them):
 * what its cache is called, which caches are its own old ones, which requests it answers and how.
 *
 * Cache names carry the worker's scope as well as the build's version, `baoku-<version> <scope
 * path>`: caches are shared by a whole origin, and two sites under different sub-paths of one
 * origin must not delete each other's.
 */

const PREFIX = 'baoku-';

/** Navigations wait this long for the network before the cached page is shown. */
export const NAVIGATION_TIMEOUT_MS = 3000;

/** The path of a scope URL, e.g. `/baoku/` for `https://example.org/baoku/`. */
function scopePath(scope: string): string {
  return new URL(scope).pathname;
}

/**
 * The cache of one build under one scope.
 *
 * @example
 * cacheName('3f2a9c1b0d4e5a6b', 'https://example.org/baoku/')  // 'baoku-3f2a9c1b0d4e5a6b /baoku/'
 */
export function cacheName(version: string, scope: string): string {
  return `${PREFIX}${version} ${scopePath(scope)}`;
}

/**
 * Whether a cache belongs to the worker of `scope` but not to its current build (`version`;
 * `null`: no current build, every own cache is old). Other scopes' caches and caches not named
 * by this worker are never old.
 */
export function isOutdatedCache(name: string, scope: string, version: string | null): boolean {
  const match = /^baoku-([0-9a-f]+) (\/.*)$/u.exec(name);
  return match !== null && match[2] === scopePath(scope) && match[1] !== version;
}

/** What the worker does with a request: `navigate` (network first), `asset` (cache first), or nothing. */
export type Route = 'navigate' | 'asset' | undefined;

/** Only GETs of the worker's own origin inside its scope; everything else goes to the network untouched. */
export function routeOf(request: { method: string; url: string; mode: string }, scope: string): Route {
  if (request.method !== 'GET') return undefined;
  const url = new URL(request.url);
  const root = new URL(scope);
  if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return undefined;
  return request.mode === 'navigate' ? 'navigate' : 'asset';
}

/**
 * The key a page is cached under: no query or fragment (the site's pages are static, so
 * `search/?q=…` is `search/`), and a folder's `index.html` as the folder.
 *
 * @example
 * pageKey('https://example.org/search/?q=%E9%9B%AA%E9%BE%99')  // 'https://example.org/search/'
 * pageKey('https://example.org/articles/x/index.html#p-1a2b3c') // 'https://example.org/articles/x/'
 */
export function pageKey(href: string): string {
  const url = new URL(href);
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(/\/index\.html$/u, '/');
  return url.href;
}

/** Worth keeping at runtime: a complete, successful same-origin answer (no opaque, error or redirect). */
export function isCacheable(response: { ok: boolean; type: string; redirected: boolean }): boolean {
  return response.ok && response.type === 'basic' && !response.redirected;
}

/**
 * Network first, the cache when the network fails or is slower than `timeoutMs`; when the cache
 * has nothing either, whatever the network does in the end.
 */
export async function networkFirst<R>(network: Promise<R>, cached: () => Promise<R | undefined>, timeoutMs: number): Promise<R> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = Symbol('late');
  const settled = network.then(
    (response) => ({ response }),
    (error: unknown) => ({ error }),
  );
  const first = await Promise.race([settled, new Promise<typeof late>((resolve) => (timer = setTimeout(() => resolve(late), timeoutMs)))]);
  clearTimeout(timer);
  if (first !== late && 'response' in first) return first.response;
  const copy = await cached();
  if (copy !== undefined) return copy;
  return network;
}

/** `run` on every item, at most `limit` at a time; rejects with the first failure. */
export async function eachLimit<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await run(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
