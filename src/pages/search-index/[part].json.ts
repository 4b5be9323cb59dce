/**
 * The search index, built with the site: `search-index/<part>.json` under the base path
 * (`manifest`, the gram parts `g…`, the text chunks `t…` and `heard`, the readings of common
 * characters the text lacks; format in src/lib/search/engine.ts).
 * The search worker (src/scripts/search-worker.ts) fetches them as a query needs them; pages
 * opened from disk load the same parts as scripts ([part].js.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { searchIndexParts } from '../../data/search-index.ts';

export const getStaticPaths = (async () => Object.keys(await searchIndexParts()).map((part) => ({ params: { part } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const data = (await searchIndexParts())[params.part ?? ''];
  if (data === undefined) return new Response('no such part', { status: 404 });
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
