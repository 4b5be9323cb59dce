/**
 * The page's line to the search engine (src/scripts/search-worker.ts): on the page itself when
 * the index is small (`data-search-mode="page"` on <html>: a query takes a few milliseconds, and
 * no worker has to start before the first one) or where workers cannot start (a page opened from
 * disk, a policy that refuses them); else a worker. Started once per page, on first use, and shared through a global, so the
 * search page's early start (search-boot.ts, written into its <head>) and the page script
 * (search-ui.ts, loaded `defer`) use the same engine.
 *
 *   warm()                        start the engine and the index loading
 *   search(channel, query, limit) the hits, or null when a newer query of the channel came first
 *   onWarm(listener)              call it once the engine has warmed up (at once if it has)
 *
 * Over http the page fetches the index manifest itself and hands its bytes to the engine
 * (transferred to a worker, not copied): the download then runs while the engine's script
 * loads and starts, not after it. The search page with a small index carries both: the engine
 * and the manifest's script come first in its <head>, and the engine reads the manifest there.
 */
import { GLOBAL_PARTS, IN_PAGE_ENGINE, MANIFEST_PART, WARMED_MARK, type InPageEngine, type WorkerReply, type WorkerRequest } from '../lib/search/protocol.ts';
import type { SearchHit } from '../lib/search/types.ts';

/** Results, with the engine's own time and how long the query waited for it (ms). */
export interface Found {
  hits: SearchHit[];
  ms: number;
  waited: number;
}

interface Connection {
  post(message: WorkerRequest): void;
  /** A search asked for before the page script ran (see `searchEarly`), until it is taken. */
  early?: { channel: string; query: string; limit: number; found: Promise<Found | null> } | undefined;
  waiting: Map<number, { resolve: (found: Found | null) => void; reject: (error: Error) => void }>;
  nextId: number;
}

/**
 * Whether the engine has said it warmed up, and who waits for it (see `onWarm`): shared by the
 * page's scripts, as the connection is, and kept apart from it, which asking does not open.
 */
interface Warmth {
  warmed: boolean;
  listeners: (() => void)[];
}

const WARMTH = '__BAOKU_SEARCH_WARMTH__';

function warmth(): Warmth {
  const scope = globalThis as Record<string, unknown>;
  return ((scope[WARMTH] as Warmth | undefined) ??= { warmed: false, listeners: [] });
}

const GLOBAL = '__BAOKU_SEARCH_CONNECTION__';

/** The engine's script (`data-search-engine-url` on <html>). */
function engineScriptUrl(): string {
  return new URL(document.documentElement.dataset.searchEngineUrl ?? '', location.href).href;
}

/** The index folder: `search-index/` under the site's root (`data-site-root-url` on <html>). */
function indexUrl(): string {
  return new URL('search-index/', new URL(document.documentElement.dataset.siteRootUrl ?? '/', location.href)).href;
}

type Send = (message: WorkerRequest, transfer?: Transferable[]) => void;

/** The engine on this page: its script loaded once as a classic script, then connected. */
function inPageEngine(receive: (reply: WorkerReply) => void, fail: (error: Error) => void): Send {
  // Already here: the search page loads it first, in its <head>.
  const ready = (globalThis as Record<string, unknown>)[IN_PAGE_ENGINE] as InPageEngine | undefined;
  if (ready) return ready.connect(receive);
  const queue: WorkerRequest[] = [];
  let handle: ((message: WorkerRequest) => void) | undefined;
  const script = document.createElement('script');
  script.src = engineScriptUrl();
  script.onload = () => {
    const found = (globalThis as Record<string, unknown>)[IN_PAGE_ENGINE] as InPageEngine | undefined;
    if (!found) return fail(new Error('search engine script did not register'));
    handle = found.connect(receive);
    for (const message of queue.splice(0)) handle(message);
  };
  script.onerror = () => fail(new Error('search engine script could not be loaded'));
  document.head.append(script);
  return (message) => (handle ? handle(message) : void queue.push(message));
}

function workerEngine(receive: (reply: WorkerReply) => void, fail: (error: Error) => void): Send {
  const worker = new Worker(engineScriptUrl(), { name: 'search' });
  worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => receive(event.data));
  worker.addEventListener('error', (event) => fail(new Error(event.message || 'search worker failed')));
  return (message, transfer = []) => worker.postMessage(message, transfer);
}

/** The manifest's bytes, fetched by the page (null when that fails; the engine then loads it). */
async function fetchManifest(url: string): Promise<ArrayBuffer | null> {
  try {
    const response = await fetch(new URL('manifest.json', url));
    return response.ok ? await response.arrayBuffer() : null;
  } catch {
    return null;
  }
}

function open(): Connection {
  const waiting: Connection['waiting'] = new Map();
  const fail = (error: Error): void => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  const receive = (reply: WorkerReply): void => {
    if (reply.type === 'warm') {
      performance.mark(WARMED_MARK);
      const w = warmth();
      w.warmed = true;
      for (const listener of w.listeners.splice(0)) listener();
      return;
    }
    const entry = waiting.get(reply.id);
    if (!entry) return;
    waiting.delete(reply.id);
    if (reply.type === 'results') entry.resolve({ hits: reply.hits, ms: reply.ms, waited: reply.waited });
    else if (reply.type === 'stale') entry.resolve(null);
    else entry.reject(new Error(reply.message));
  };

  let send: Send;
  const index = indexUrl();
  const fromDisk = location.protocol === 'file:';
  // On the page: from disk (no workers there), or when the build says the index is small.
  if (fromDisk || document.documentElement.dataset.searchMode === 'page') {
    send = inPageEngine(receive, fail);
  } else {
    try {
      send = workerEngine(receive, fail);
    } catch {
      // Workers refused: the engine runs on the page.
      send = inPageEngine(receive, fail);
    }
  }
  // The engine's script loads while the page downloads the manifest (over http; from disk the
  // engine reads it as a script); the load message, and every query after it, in order, go
  // once the bytes are here.
  // The engine on the page reads a manifest the page carries (the search page's <head>) itself.
  const carried = ((globalThis as Record<string, unknown>)[GLOBAL_PARTS] as Record<string, unknown> | undefined)?.[MANIFEST_PART] !== undefined;
  const loaded = (fromDisk || carried ? Promise.resolve(null) : fetchManifest(index)).then((manifest) => {
    if (manifest) send({ type: 'load', indexUrl: index, manifest }, [manifest]);
    else send({ type: 'load', indexUrl: index });
  });
  return { waiting, nextId: 0, post: (message) => void loaded.then(() => send(message)) };
}

/** This page's connection, started on first use. */
function connection(): Connection {
  const scope = globalThis as Record<string, unknown>;
  return ((scope[GLOBAL] as Connection | undefined) ??= open());
}

/** Start the engine and the index loading (idempotent). */
export function warm(): void {
  connection();
}

/**
 * Call `listener` once the engine has warmed up (`SearchIndex.warm`: on a page, its word breaker
 * made, so that words count from then on), or at once if it has. Starts nothing.
 */
export function onWarm(listener: () => void): void {
  const w = warmth();
  if (w.warmed) listener();
  else w.listeners.push(listener);
}

/** Results for `query`, or `null` when a newer request of the same channel made this one stale. */
export function search(channel: string, query: string, limit: number): Promise<Found | null> {
  const c = connection();
  const early = c.early;
  c.early = undefined;
  // The same search, asked for early: its answer may be here already.
  if (early && early.channel === channel && early.query === query && early.limit === limit) return early.found;
  const id = ++c.nextId;
  return new Promise((resolve, reject) => {
    c.waiting.set(id, { resolve, reject });
    // The English pages rank English text (summaries, translations) with the Chinese.
    const lang = document.documentElement.lang.startsWith('en') ? 'en' : undefined;
    c.post({ type: 'search', id, channel, query, limit, sent: performance.timeOrigin + performance.now(), lang });
  });
}

/**
 * Start a search before the page script runs (the search page's `?q=`, from its <head>): the
 * page script's first `search` with the same arguments gets this answer instead of asking again.
 */
export function searchEarly(channel: string, query: string, limit: number): void {
  // Too late: the page script searched already (should the early start ever run after it);
  // a second request would make the page's own one stale.
  if (connection().nextId > 0) return;
  const found = search(channel, query, limit);
  // Not handled here: the page script takes the answer (or the error) when it asks.
  found.catch(() => undefined);
  connection().early = { channel, query, limit, found };
}
