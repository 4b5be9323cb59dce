/**
 * The page's line to the search engine (src/scripts/search-worker.ts): a worker over http; the
 * engine on the page itself where workers cannot start (a page opened from disk, a policy that
 * refuses them). Started once per page, on first use, and shared through a global, so the
 * search page's early start (search-boot.ts, loaded `async` in its <head>) and the page script
 * (search-ui.ts, loaded `defer`) use the same engine.
 *
 *   warm()                        start the engine and the index loading
 *   search(channel, query, limit) the hits, or null when a newer query of the channel came first
 *
 * Over http the page fetches the index manifest itself and hands its bytes to the worker
 * (transferred, not copied): the download then runs while the worker starts, not after it.
 */
import { IN_PAGE_ENGINE, type InPageEngine, type WorkerReply, type WorkerRequest } from '../lib/search/protocol.ts';
import type { SearchHit } from '../lib/search/types.ts';

/** Results, with the engine's own time and how long the query waited for it (ms). */
export interface Found {
  hits: SearchHit[];
  ms: number;
  waited: number;
}

interface Connection {
  post(message: WorkerRequest): void;
  waiting: Map<number, { resolve: (found: Found | null) => void; reject: (error: Error) => void }>;
  nextId: number;
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
    const entry = waiting.get(reply.id);
    if (!entry) return;
    waiting.delete(reply.id);
    if (reply.type === 'results') entry.resolve({ hits: reply.hits, ms: reply.ms, waited: reply.waited });
    else if (reply.type === 'stale') entry.resolve(null);
    else entry.reject(new Error(reply.message));
  };

  let send: Send;
  let loaded: Promise<void>;
  const index = indexUrl();
  if (location.protocol === 'file:') {
    send = inPageEngine(receive, fail);
    send({ type: 'load', indexUrl: index });
    loaded = Promise.resolve();
  } else {
    try {
      send = workerEngine(receive, fail);
    } catch {
      // Workers refused: the engine runs on the page.
      send = inPageEngine(receive, fail);
    }
    // The worker starts while the page downloads the manifest; the load message (and every
    // query after it, in order) goes once the bytes are here.
    loaded = fetchManifest(index).then((manifest) => {
      if (manifest) send({ type: 'load', indexUrl: index, manifest }, [manifest]);
      else send({ type: 'load', indexUrl: index });
    });
  }
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

/** Results for `query`, or `null` when a newer request of the same channel made this one stale. */
export function search(channel: string, query: string, limit: number): Promise<Found | null> {
  const c = connection();
  const id = ++c.nextId;
  return new Promise((resolve, reject) => {
    c.waiting.set(id, { resolve, reject });
    c.post({ type: 'search', id, channel, query, limit, sent: performance.timeOrigin + performance.now() });
  });
}
