/**
 * The search worker: loads the index once, on the first message, and answers searches off the
 * main thread, so typing never waits for the engine. Started by `search-ui.ts` with
 * `new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' })`.
 *
 * Protocol (structured-cloned messages):
 *   → { type: 'load' }                                   start loading the index (idempotent)
 *   → { type: 'search', id, channel, query, limit, sent } run a query (sent: epoch ms, high-res)
 *   ← { type: 'results', id, hits, ms, waited }          the hits, best first; ms: the engine's
 *                                                        time; waited: from `sent` until the
 *                                                        engine took the query (the index loading)
 *   ← { type: 'stale', id }                              a newer query of the channel came first
 *   ← { type: 'error', id, message }                     loading or searching failed
 * Queries that arrive while the index loads wait for it; once it is loaded, only the newest
 * query of each channel (the header box, the search page) is run.
 */
import { fetchSource, loadIndex, searchIndexUrl } from '../lib/search/load.ts';
import type { SearchEngine, SearchHit } from '../lib/search/types.ts';

export type WorkerRequest =
  | { type: 'load' }
  | { type: 'search'; id: number; channel: string; query: string; limit: number; sent: number };

export type WorkerReply =
  | { type: 'results'; id: number; hits: SearchHit[]; ms: number; waited: number }
  | { type: 'stale'; id: number }
  | { type: 'error'; id: number; message: string };

/** The engine over the site's index (`<base>search-index/`), which it loads part by part. */
function loadEngine(): Promise<SearchEngine> {
  return loadIndex(fetchSource(searchIndexUrl(import.meta.env.BASE_URL)));
}

let engine: Promise<SearchEngine> | undefined;
const latest = new Map<string, number>();

const reply = (message: WorkerReply): void => (self as unknown as Worker).postMessage(message);

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  engine ??= loadEngine();
  if (request.type !== 'search') return;
  latest.set(request.channel, request.id);
  engine
    .then(async (loaded) => {
      if (latest.get(request.channel) !== request.id) return reply({ type: 'stale', id: request.id });
      const started = performance.now();
      const waited = performance.timeOrigin + started - request.sent;
      const hits = await loaded.search(request.query, request.limit);
      const ms = performance.now() - started;
      // Only the contract's fields cross to the page.
      reply({ type: 'results', id: request.id, ms, waited, hits: hits.map(({ article, paragraphId, snippet, score, match }) => ({ article, paragraphId, snippet, score, match })) });
    })
    .catch((error: unknown) => {
      // A failed load is not cached, so the next query tries again.
      engine = undefined;
      reply({ type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) });
    });
});
