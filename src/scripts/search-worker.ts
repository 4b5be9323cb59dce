/**
 * The search engine's script: one classic file that runs either as a worker or on the page.
 *
 *   worker (pages over http)   `new Worker(url)`: answers searches off the main thread, so typing
 *                              never waits for the engine; index parts come over fetch.
 *   page (pages from file://,  loaded with `<script src>`, where browsers refuse workers and
 *   or a small index)          fetch: it registers `globalThis.__BAOKU_SEARCH__.connect(reply)`,
 *                              which returns the same message handler; index parts come as
 *                              classic scripts (`search-index/<part>.js`, see `partScript`), or
 *                              over fetch; a part already registered (the search page loads
 *                              the manifest's script before the engine starts) is read first.
 *
 * Protocol (structured-cloned messages, the same both ways):
 *   → { type: 'load', indexUrl, manifest? }              start loading the index (idempotent);
 *                                                        indexUrl: the absolute URL of the
 *                                                        `search-index/` folder; manifest: its
 *                                                        first part's bytes when the page already
 *                                                        fetched them (transferred, not copied)
 *   → { type: 'search', id, channel, query, limit, sent, lang? } run a query (sent: epoch ms,
 *                                                        high-res; lang: `en` on the English pages)
 *   ← { type: 'results', id, hits, ms, waited }          the hits, best first; ms: the engine's
 *                                                        time; waited: from `sent` until the
 *                                                        engine took the query (the index loading)
 *   ← { type: 'stale', id }                              a newer query of the channel came first
 *   ← { type: 'error', id, message }                     loading or searching failed
 *   ← { type: 'warm' }                                   the engine has warmed up (once; see
 *                                                        `SearchIndex.warm`)
 * Queries that arrive while the index loads wait for it; once it is loaded, only the newest
 * query of each channel (the header box, the search page) is run.
 */
import { fetchSource, globalSource, loadIndex, objectSource, firstOf, type PartSource } from '../lib/search/load.ts';
import { MANIFEST_PART, StaleSearch } from '../lib/search/engine.ts';
import type { SearchEngine } from '../lib/search/types.ts';
import { IN_PAGE_ENGINE, type InPageEngine, type WorkerReply, type WorkerRequest } from '../lib/search/protocol.ts';

/** Where the parts come from: `(indexUrl, manifest bytes?) → source`. */
type Sources = (indexUrl: string) => PartSource;

/** The message handler: loads the engine on the first message, answers searches. */
export function serve(reply: (message: WorkerReply) => void, sources: Sources): (request: WorkerRequest) => void {
  let engine: Promise<SearchEngine> | undefined;
  let load: Extract<WorkerRequest, { type: 'load' }> | undefined;
  const latest = new Map<string, number>();

  const open = (): Promise<SearchEngine> => {
    const opened = openEngine();
    // Tell the page once the engine has warmed up (it marks its timeline).
    opened.then((loaded) => loaded.warm?.then(() => reply({ type: 'warm' }))).catch(() => undefined);
    return opened;
  };

  const openEngine = (): Promise<SearchEngine> => {
    if (!load) return Promise.reject(new Error('search: no index URL (send a load message first)'));
    let source = sources(load.indexUrl);
    const bytes = load.manifest;
    if (bytes) {
      // The page fetched the manifest already: read it from its bytes, the rest as usual.
      const manifest = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
      source = firstOf(objectSource((part) => (part === MANIFEST_PART ? manifest : undefined)), source);
      load = { ...load, manifest: undefined };
    }
    return loadIndex(source);
  };

  return (request) => {
    if (request.type === 'load') {
      load ??= request;
      engine ??= open();
      return;
    }
    engine ??= open();
    latest.set(request.channel, request.id);
    engine
      .then(async (loaded) => {
        if (latest.get(request.channel) !== request.id) return reply({ type: 'stale', id: request.id });
        const started = performance.now();
        const waited = performance.timeOrigin + started - request.sent;
        const hits = await loaded.search(request.query, request.limit, { lang: request.lang, stale: () => latest.get(request.channel) !== request.id });
        const ms = performance.now() - started;
        // Only the contract's fields cross to the page.
        reply({ type: 'results', id: request.id, ms, waited, hits: hits.map(({ article, paragraphId, snippet, score, match, lang }) => ({ article, paragraphId, snippet, score, match, lang })) });
      })
      .catch((error: unknown) => {
        // A newer query of the channel came while the search gave the page its turn.
        if (error instanceof StaleSearch) return reply({ type: 'stale', id: request.id });
        // A failed load is not kept, so the next query tries again.
        engine = undefined;
        reply({ type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) });
      });
  };
}

/** Parts as classic scripts appended to the page, each once (for pages opened from disk). */
function scriptSource(indexUrl: string): PartSource {
  const requested = new Map<string, Promise<void>>();
  const request = (part: string): Promise<void> => {
    let pending = requested.get(part);
    if (!pending) {
      pending = new Promise<void>((resolve, reject) => {
        const script = document.createElement('script');
        script.src = new URL(`${part}.js`, indexUrl).href;
        script.onload = () => resolve();
        script.onerror = () => {
          requested.delete(part);
          reject(new Error(`search index: ${part}.js could not be loaded`));
        };
        document.head.append(script);
      });
      requested.set(part, pending);
    }
    return pending;
  };
  return globalSource({ request });
}

if (typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined') {
  const scope = self as unknown as Worker;
  const handle = serve((message) => scope.postMessage(message), (indexUrl) => fetchSource(indexUrl));
  scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) => handle(event.data));
} else if (typeof document !== 'undefined') {
  const engine: InPageEngine = {
    // Over http a page that lost its worker may still fetch; from disk only scripts load.
    // A part the page carries (the search page's manifest) is read from the page first.
    connect: (reply) => serve(reply, (indexUrl) => (location.protocol === 'file:' ? scriptSource(indexUrl) : firstOf(globalSource(), fetchSource(indexUrl), scriptSource(indexUrl)))),
  };
  (globalThis as Record<string, unknown>)[IN_PAGE_ENGINE] = engine;
}
