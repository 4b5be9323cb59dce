/**
 * The service worker's rules: cache names per build and scope, which old caches it deletes,
 * which requests it answers, the cache keys of pages, and network first with a timeout.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cacheName, eachLimit, isCacheable, isOutdatedCache, networkFirst, pageKey, routeOf } from '../../src/lib/offline/caching.ts';

const ROOT = 'https://example.org/';
const BAOKU = 'https://example.org/baoku/';

describe('cache names', () => {
  it('name the build and the scope', () => {
    expect(cacheName('0123456789abcdef', ROOT)).toBe('baoku-0123456789abcdef /');
    expect(cacheName('0123456789abcdef', BAOKU)).toBe('baoku-0123456789abcdef /baoku/');
  });

  it('an older build of the same scope is outdated; the current build is not', () => {
    expect(isOutdatedCache(cacheName('1111111111111111', BAOKU), BAOKU, '2222222222222222')).toBe(true);
    expect(isOutdatedCache(cacheName('2222222222222222', BAOKU), BAOKU, '2222222222222222')).toBe(false);
  });

  it('never touches the caches of a site under another sub-path of the same origin', () => {
    const version = '2222222222222222';
    for (const other of [ROOT, 'https://example.org/baoku/en/', 'https://example.org/baoku-2/', 'https://example.org/baoku/-x/']) {
      expect(isOutdatedCache(cacheName('1111111111111111', other), BAOKU, version), other).toBe(false);
      expect(isOutdatedCache(cacheName('1111111111111111', BAOKU), other, version), other).toBe(false);
    }
  });

  it('never touches caches it did not name', () => {
    for (const name of ['baoku', 'baoku-', 'workbox-precache-v2', 'baoku-xyz /baoku/', 'other baoku-1111 /baoku/']) {
      expect(isOutdatedCache(name, BAOKU, '2222222222222222'), name).toBe(false);
    }
  });

  it('without a current build, every own cache is outdated', () => {
    expect(isOutdatedCache(cacheName('1111111111111111', BAOKU), BAOKU, null)).toBe(true);
    expect(isOutdatedCache(cacheName('1111111111111111', ROOT), BAOKU, null)).toBe(false);
  });
});

describe('routeOf', () => {
  const get = (url: string, mode = 'cors') => ({ method: 'GET', url, mode });

  it('answers page navigations network first, and everything else in its scope cache first', () => {
    expect(routeOf(get(`${BAOKU}articles/x/`, 'navigate'), BAOKU)).toBe('navigate');
    expect(routeOf(get(`${BAOKU}search/?q=%E9%9B%AA%E9%BE%99`, 'navigate'), BAOKU)).toBe('navigate');
    expect(routeOf(get(`${BAOKU}_astro/site.0123abcd.js`, 'no-cors'), BAOKU)).toBe('asset');
    expect(routeOf(get(`${BAOKU}search-index/manifest.json`), BAOKU)).toBe('asset');
    expect(routeOf(get(BAOKU, 'navigate'), BAOKU)).toBe('navigate');
  });

  it('leaves other origins, paths outside the scope and other methods to the network', () => {
    expect(routeOf(get('https://cdn.example.com/baoku/x.js'), BAOKU)).toBeUndefined();
    expect(routeOf(get('http://example.org/baoku/x.js'), BAOKU)).toBeUndefined();
    expect(routeOf(get('https://example.org/other/', 'navigate'), BAOKU)).toBeUndefined();
    expect(routeOf(get('https://example.org/baoku', 'navigate'), BAOKU)).toBeUndefined();
    expect(routeOf({ method: 'POST', url: `${BAOKU}search/`, mode: 'navigate' }, BAOKU)).toBeUndefined();
    expect(routeOf({ method: 'HEAD', url: `${BAOKU}x.css`, mode: 'cors' }, BAOKU)).toBeUndefined();
  });
});

describe('pageKey', () => {
  it('drops the query and the fragment, so search/?q=… is the search page', () => {
    expect(pageKey(`${BAOKU}search/?q=%E9%9B%AA%E9%BE%99`)).toBe(`${BAOKU}search/`);
    expect(pageKey(`${BAOKU}articles/x/#p-1a2b3c`)).toBe(`${BAOKU}articles/x/`);
  });

  it("reads a folder's index.html as the folder", () => {
    expect(pageKey(`${BAOKU}articles/x/index.html`)).toBe(`${BAOKU}articles/x/`);
    expect(pageKey(`${BAOKU}index.html?x=1`)).toBe(BAOKU);
    expect(pageKey(`${BAOKU}about.html`)).toBe(`${BAOKU}about.html`);
  });
});

describe('isCacheable', () => {
  it('keeps complete same-origin answers only', () => {
    expect(isCacheable({ ok: true, type: 'basic', redirected: false })).toBe(true);
    expect(isCacheable({ ok: false, type: 'basic', redirected: false }), 'an error').toBe(false);
    expect(isCacheable({ ok: false, type: 'opaque', redirected: false }), 'opaque').toBe(false);
    expect(isCacheable({ ok: true, type: 'cors', redirected: false }), 'another origin').toBe(false);
    expect(isCacheable({ ok: false, type: 'opaqueredirect', redirected: false }), 'a redirect').toBe(false);
    expect(isCacheable({ ok: true, type: 'basic', redirected: true }), 'redirected').toBe(false);
  });
});

describe('networkFirst', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A promise settled by hand. */
  function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
    let resolve!: (value: T) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  }

  it('answers from the network when it is in time, without reading the cache', async () => {
    const cached = vi.fn(async () => 'cached');
    await expect(networkFirst(Promise.resolve('fresh'), cached, 3000)).resolves.toBe('fresh');
    expect(cached).not.toHaveBeenCalled();
  });

  it('answers from the cache when the network fails (offline)', async () => {
    await expect(networkFirst(Promise.reject(new TypeError('Failed to fetch')), async () => 'cached', 3000)).resolves.toBe('cached');
  });

  it('answers from the cache when the network is slower than the timeout', async () => {
    const network = deferred<string>();
    const answer = networkFirst(network.promise, async () => 'cached', 3000);
    await vi.advanceTimersByTimeAsync(3000);
    await expect(answer).resolves.toBe('cached');
    network.resolve('late');
  });

  it('waits for the slow network when the cache has nothing', async () => {
    const network = deferred<string>();
    const answer = networkFirst(network.promise, async () => undefined, 3000);
    await vi.advanceTimersByTimeAsync(5000);
    network.resolve('late');
    await expect(answer).resolves.toBe('late');
  });

  it('fails as the network did when the cache has nothing', async () => {
    await expect(networkFirst(Promise.reject(new TypeError('Failed to fetch')), async () => undefined, 3000)).rejects.toThrow('Failed to fetch');
  });
});

describe('eachLimit', () => {
  it('runs every item, never more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await eachLimit([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      done.push(n);
      running--;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('rejects with the first failure and starts nothing after it', async () => {
    const started: number[] = [];
    const run = eachLimit([1, 2, 3, 4], 1, async (n) => {
      started.push(n);
      if (n === 2) throw new Error('2 failed');
    });
    await expect(run).rejects.toThrow('2 failed');
    expect(started).toEqual([1, 2]);
  });

  it('does nothing for no items', async () => {
    await expect(eachLimit([], 4, async () => undefined)).resolves.toBeUndefined();
  });
});
