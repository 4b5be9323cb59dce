/**
 * The same search index parts as classic scripts, `search-index/<part>.js`, each registering its
 * data on a global (`partScript` in src/lib/search/build-index.ts). For a site opened from disk,
 * where browsers refuse fetch() and workers: the engine then runs on the page and adds one
 * `<script src>` per part it needs. Over http the JSON parts are used, and these are never loaded.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { searchIndexParts } from '../../data/search-index.ts';
import { partScript } from '../../lib/search/build-index.ts';

export const getStaticPaths = (async () => Object.keys(await searchIndexParts()).map((part) => ({ params: { part } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const name = params.part ?? '';
  const data = (await searchIndexParts())[name];
  if (data === undefined) return new Response('no such part', { status: 404 });
  return new Response(partScript(name, data), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
