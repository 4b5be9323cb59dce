/**
 * Browser side: where the index parts come from, and `loadIndex`, which returns a ready engine.
 * The manifest is loaded at once (for a small corpus it is the whole index); gram and text parts
 * when a query needs them, each once.
 *
 *   // in a worker or on the page (src/scripts/search-worker.ts), given the index folder's URL:
 *   const engine = await loadIndex(fetchSource(new URL('search-index/', siteRoot)));
 *   const hits = await engine.search('雪龙', 20);
 *
 * A source is anything with `get(part) → Promise<parsed JSON>`:
 *   fetchSource(url)        `<url><part>.json` over fetch (the site's `search-index/` folder);
 *   objectSource(parts)     parts already in memory (tests, a benchmark, an inlined index);
 *   globalSource(options)   parts registered on `globalThis.__BAOKU_SEARCH_INDEX__` by classic
 *                           scripts (`partScript` in build-index.ts writes them), with a hook to
 *                           request a missing part (e.g. add a <script> tag, or importScripts in
 *                           a classic worker) — for pages opened from file://, where fetch fails;
 *   firstOf(a, b, …)        the first source that delivers each part (fetch, then scripts).
 */
import { SearchIndex, type OpenOptions, type PartSource } from './engine.ts';
import { GLOBAL_PARTS } from './protocol.ts';

export type { PartSource } from './engine.ts';
export { SearchIndex, type EngineHit, type OpenOptions, type SearchOptions } from './engine.ts';

/** Parts fetched as `<baseUrl><part>.json`; `baseUrl` may be relative to the page (or worker). */
export function fetchSource(baseUrl: string | URL, init?: RequestInit): PartSource {
  const here = (globalThis as { location?: { href: string } }).location?.href;
  const base = new URL(String(baseUrl).replace(/\/?$/u, '/'), here);
  return {
    async get(part) {
      const url = new URL(`${part}.json`, base);
      const response = await fetch(url, init);
      if (!response.ok) throw new Error(`search index: ${url.pathname} answered ${response.status}`);
      return response.json();
    },
  };
}

/** Parts already in memory: an object or Map of part name → parsed JSON, or a function returning one. */
export function objectSource(parts: Record<string, unknown> | ReadonlyMap<string, unknown> | ((part: string) => unknown)): PartSource {
  const lookup = (part: string): unknown =>
    typeof parts === 'function' ? parts(part) : parts instanceof Map ? parts.get(part) : (parts as Record<string, unknown>)[part];
  return {
    async get(part) {
      const data = await lookup(part);
      if (data === undefined) throw new Error(`search index: no part ${part}`);
      return data;
    },
  };
}

export { GLOBAL_PARTS } from './protocol.ts';

export interface GlobalSourceOptions {
  /** The global's name (default `__BAOKU_SEARCH_INDEX__`). */
  name?: string;
  /** Ask for a missing part (e.g. append `<script src="…/a12.js">` and resolve on its load). */
  request?: (part: string) => Promise<void> | void;
}

/** Parts registered by classic scripts on a global; a missing one is requested once, then read again. */
export function globalSource(options: GlobalSourceOptions = {}): PartSource {
  const name = options.name ?? GLOBAL_PARTS;
  const read = (part: string): unknown => ((globalThis as Record<string, unknown>)[name] as Record<string, unknown> | undefined)?.[part];
  return {
    async get(part) {
      let data = read(part);
      if (data === undefined && options.request) {
        await options.request(part);
        data = read(part);
      }
      if (data === undefined) throw new Error(`search index: part ${part} was not loaded`);
      return data;
    },
  };
}

/** Each part from the first source that delivers it; once one fails, later parts try it last. */
export function firstOf(...sources: PartSource[]): PartSource {
  const order = [...sources];
  return {
    async get(part) {
      let last: unknown;
      for (const source of [...order]) {
        try {
          return await source.get(part);
        } catch (error) {
          last = error;
          // A source that failed (fetch under file://) goes to the back.
          order.splice(order.indexOf(source), 1);
          order.push(source);
        }
      }
      throw last instanceof Error ? last : new Error(`search index: part ${part} could not be loaded`);
    },
  };
}

/**
 * Load an index and return its engine: `source` is a `PartSource`, or the URL of the index folder
 * (then fetched). Rejects when the manifest cannot be loaded.
 */
export function loadIndex(source: PartSource | string | URL, options?: OpenOptions): Promise<SearchIndex> {
  const parts = typeof source === 'string' || source instanceof URL ? fetchSource(source) : source;
  return SearchIndex.open(parts, options);
}
