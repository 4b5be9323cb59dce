/**
 * A tiny static file server for a built site, like a static host: `index.html` for a directory
 * (a directory URL without its trailing slash is redirected to it), MIME types by extension,
 * `404.html` (or a plain 404) for anything else. Only `GET` and `HEAD`; only below `base`.
 */
import { createReadStream, statSync, type Stats } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

export const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xslt+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

export interface StaticServer {
  server: Server;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serve `root` at `base` (e.g. `/` or `/baoku/`) on 127.0.0.1 and a free port.
 */
export async function serveStatic(root: string, base = '/'): Promise<StaticServer> {
  const rootDir = resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;

  const server = createServer((req, res) => {
    const send404 = (): void => {
      const page = join(rootDir, '404.html');
      res.statusCode = 404;
      if (statOrNull(page)?.isFile()) {
        res.setHeader('Content-Type', MIME_TYPES['.html']!);
        createReadStream(page).pipe(res);
      } else {
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end('404 Not Found\n');
      }
    };

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.setHeader('Allow', 'GET, HEAD');
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.statusCode = 400;
      res.end();
      return;
    }
    // The base without its trailing slash is the site's root directory too.
    if (`${pathname}/` === prefix) pathname = prefix;
    if (!pathname.startsWith(prefix) || pathname.includes('\0')) return send404();

    let file = resolve(rootDir, `.${pathname.slice(prefix.length - 1)}`);
    if (file !== rootDir && !file.startsWith(rootDir + sep)) return send404();

    let stats = statOrNull(file);
    if (stats?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.statusCode = 301;
        res.setHeader('Location', `${url.pathname}/${url.search}`);
        res.end();
        return;
      }
      file = join(file, 'index.html');
      stats = statOrNull(file);
    }
    if (!stats?.isFile()) return send404();

    res.statusCode = 200;
    res.setHeader('Content-Type', MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
    res.setHeader('Content-Length', stats.size);
    res.setHeader('Cache-Control', 'no-cache');
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
