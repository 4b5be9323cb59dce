/**
 * Offline reading: when the build is done, list what the site needs offline (the precache
 * manifest, src/lib/offline/manifest.ts) and write the service worker
 * (src/scripts/service-worker.ts, bundled like the other classic scripts) with it as `sw.js` at
 * the root of the output folder, so its scope covers the whole site.
 *
 *   // astro.config.ts: last, so the pages it hashes are final (relative URLs, scripts written)
 *   integrations: [..., clientScripts(...), relativeUrls(), serviceWorker()]
 *
 * The dev server answers `sw.js` with a worker that has no manifest: it only clears the caches
 * of a build previewed on the same origin.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { bundle } from './client-scripts.ts';
import { outputFiles } from './output-files.ts';
import { precacheManifest, precacheUrl, serviceWorkerScript, type Precache, type SiteFile } from '../lib/offline/manifest.ts';

/** The worker's source, under the project root. */
export const SERVICE_WORKER_ENTRY = 'src/scripts/service-worker.ts';

/** The files of a built site that the service worker precaches, read from its output folder. */
export async function readPrecachedFiles(dir: string): Promise<SiteFile[]> {
  const paths = (await outputFiles(dir)).filter((path) => precacheUrl(path) !== undefined);
  return Promise.all(paths.map(async (path) => ({ path, bytes: await readFile(join(dir, path)) })));
}

/** Write `<outDir>/sw.js`: the worker bundled from `entry`, with the manifest of `outDir`. */
export async function writeServiceWorker(outDir: string, entry: string): Promise<Precache> {
  const manifest = precacheManifest(await readPrecachedFiles(outDir));
  await writeFile(join(outDir, 'sw.js'), serviceWorkerScript(manifest, await bundle(entry)));
  return manifest;
}

export function serviceWorker(): AstroIntegration {
  let root = '';
  let base = '/';
  return {
    name: 'baoku:service-worker',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(async (req, res, next) => {
          const path = (req.url ?? '').replace(/\?.*$/u, '');
          if (path !== `${base}sw.js` && path !== '/sw.js') return next();
          try {
            res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
            res.setHeader('Cache-Control', 'no-cache');
            res.end(serviceWorkerScript(null, await bundle(join(root, SERVICE_WORKER_ENTRY), false)));
          } catch (error) {
            next(error);
          }
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const manifest = await writeServiceWorker(fileURLToPath(dir), join(root, SERVICE_WORKER_ENTRY));
        const kb = (manifest.bytes / 1024).toFixed(0);
        logger.info(`sw.js: ${manifest.urls.length} files (${kb} KB) precached for offline reading, version ${manifest.version}`);
      },
    },
  };
}
