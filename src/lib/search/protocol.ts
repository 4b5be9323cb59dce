/**
 * The messages between the search UI (`src/scripts/search-ui.ts`) and the engine's script
 * (`src/scripts/search-worker.ts`), whether that runs as a worker or on the page; see the
 * engine's script for what each means. Types and a few names only, so the UI's bundle stays free
 * of the engine.
 */
import type { SearchHit } from './types.ts';

export type WorkerRequest =
  | { type: 'load'; indexUrl: string; manifest?: ArrayBuffer | undefined }
  | { type: 'search'; id: number; channel: string; query: string; limit: number; sent: number; lang?: 'en' | undefined };

export type WorkerReply =
  | { type: 'results'; id: number; hits: SearchHit[]; ms: number; waited: number }
  | { type: 'stale'; id: number }
  | { type: 'error'; id: number; message: string }
  | { type: 'warm' };

/** What the engine's script registers on `globalThis[IN_PAGE_ENGINE]` when loaded on a page. */
export interface InPageEngine {
  connect(reply: (message: WorkerReply) => void): (request: WorkerRequest) => void;
}
export const IN_PAGE_ENGINE = '__BAOKU_SEARCH__';

/** The global that index part scripts register on: `{ [part]: data }` (see `globalSource` in load.ts). */
export const GLOBAL_PARTS = '__BAOKU_SEARCH_INDEX__';
/** The index's first part, which names the others (for a small index, the whole index). */
export const MANIFEST_PART = 'manifest';
/** The mark the page puts on its timeline (`performance.mark`) once the engine says it has warmed up. */
export const WARMED_MARK = 'baoku:search-warm';
