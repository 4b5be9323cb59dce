/**
 * The service worker (`<site root>/sw.js`, written by src/integrations/service-worker.ts with the
 * precache manifest as its first line): after one visit over http the whole site reads and
 * searches offline.
 *
 *   install   fetch every manifest URL past the HTTP cache into `baoku-<version> <scope>`; one
 *             failure fails the install, so a half-filled cache is never used
 *   activate  delete this scope's caches of other builds, take control of open pages
 *   fetch     same-origin GETs inside the scope only: pages network first (the cached copy when
 *             offline or slow, whatever the query), everything else cache first
 *
 * A new build is a new worker: it installs beside the old one and takes over once no page uses
 * the old one (no `skipWaiting`), so an open page never loses the scripts and index parts of its
 * own build halfway through.
 *
 * With no manifest (`null`, the dev server's `sw.js`) it only deletes its scope's caches and
 * answers nothing, so a build previewed on the same port does not serve stale files to dev.
 */
import { cacheName, eachLimit, isCacheable, isOutdatedCache, NAVIGATION_TIMEOUT_MS, networkFirst, pageKey, routeOf } from '../lib/offline/caching.ts';
import type { Precache } from '../lib/offline/manifest.ts';

declare const BAOKU_PRECACHE: Precache | null;

// The parts of the service worker global scope used here (the DOM typings do not describe it).
interface WaitEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface RequestEvent extends WaitEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  readonly registration: ServiceWorkerRegistration;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: WaitEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: RequestEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const scope = worker.registration.scope;
const manifest = BAOKU_PRECACHE;
const current = manifest && cacheName(manifest.version, scope);

/** Downloads at a time while installing. */
const PARALLEL = 6;

async function deleteOutdatedCaches(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => isOutdatedCache(name, scope, manifest?.version ?? null)).map((name) => caches.delete(name)));
}

/** A redirected response cannot answer a navigation: the same body and headers, without the redirect. */
async function unredirected(response: Response): Promise<Response> {
  if (!response.redirected) return response;
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
}

async function precache(list: Precache, name: string): Promise<void> {
  // A cache of the same version may be in use by the active worker (only the worker's code
  // changed): refill it, but never delete it.
  const existed = await caches.has(name);
  const cache = await caches.open(name);
  try {
    await eachLimit(list.urls, PARALLEL, async (url) => {
      const response = await fetch(new Request(url, { cache: 'reload' }));
      if (!response.ok) throw new Error(`sw.js: ${url} answered ${response.status}`);
      await cache.put(url, await unredirected(response));
    });
  } catch (error) {
    if (!existed) await caches.delete(name);
    throw error;
  }
}

/** Pages: network first; a fresh copy replaces the cached one. */
function page(event: RequestEvent, name: string): Promise<Response> {
  const key = pageKey(event.request.url);
  const network = fetch(event.request);
  // Registered now, while the event may still be extended; runs before the page reads the body.
  event.waitUntil(
    network
      .then((response) => {
        if (!isCacheable(response)) return undefined;
        const copy = response.clone();
        return caches.open(name).then((cache) => cache.put(key, copy));
      })
      .catch(() => undefined),
  );
  return networkFirst(network, () => caches.open(name).then((cache) => cache.match(key)), NAVIGATION_TIMEOUT_MS);
}

/** Everything else: the cached copy, or the network (kept for next time). */
async function asset(event: RequestEvent, name: string): Promise<Response> {
  const cache = await caches.open(name);
  const hit = await cache.match(event.request);
  if (hit) return hit;
  const response = await fetch(event.request);
  if (isCacheable(response)) event.waitUntil(cache.put(event.request, response.clone()));
  return response;
}

worker.addEventListener('install', (event) => {
  if (manifest && current) event.waitUntil(precache(manifest, current));
  else event.waitUntil(worker.skipWaiting());
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(deleteOutdatedCaches().then(() => (manifest ? worker.clients.claim() : undefined)));
});

if (current) {
  worker.addEventListener('fetch', (event) => {
    const route = routeOf(event.request, scope);
    if (route === 'navigate') event.respondWith(page(event, current));
    else if (route === 'asset') event.respondWith(asset(event, current));
  });
}
