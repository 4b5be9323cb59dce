/**
 * The site's browser scripts, bundled as classic scripts (one self-contained IIFE file per
 * entry) instead of Astro's module scripts, so the built site also works opened from disk:
 * Chromium and Firefox refuse module scripts, module workers and fetch() on `file://` pages,
 * but run classic `<script src>` files from the same folder. A strict Content-Security-Policy
 * (`script-src 'self'`) allows them too, as nothing is inline.
 *
 *   // astro.config.ts
 *   integrations: [clientScripts({ site: 'src/scripts/site.ts', engine: 'src/scripts/search-worker.ts' })]
 *
 *   // a layout
 *   import scripts from 'virtual:client-scripts';
 *   <script is:inline defer src={scripts.site}></script>
 *
 * `virtual:client-scripts` maps each entry's name to its URL under the site's base:
 *   build  `<base>_astro/<name>.<content hash>.js`, bundled once by esbuild (minified, no
 *          source map, deterministic) and written into the output folder when the build is done;
 *   dev    `<base>_client/<name>.js`, bundled afresh on every request by a dev-server middleware.
 *
 * An entry named in `options.inline` is written into the pages instead of loaded: the module's
 * named export `inline` holds its code (for `<script is:inline set:html={inline.name}>`, allowed
 * by its hash in the Content-Security-Policy), and no file is written for it. For a small script
 * the parser should run at once, with no request before it.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build, type BuildOptions } from 'esbuild';

const VIRTUAL_ID = 'virtual:client-scripts';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** esbuild options shared by build and dev: one classic script per entry, nothing left to load. */
export function bundleOptions(entry: string, minify: boolean): BuildOptions {
  return {
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  };
}

/** Bundle one entry to a single classic script's source. */
export async function bundle(entry: string, minify = true): Promise<string> {
  const result = await build(bundleOptions(entry, minify));
  const out = result.outputFiles?.[0];
  if (!out) throw new Error(`client-scripts: esbuild wrote nothing for ${entry}`);
  return out.text;
}

/** `<name>.<first 8 hex digits of the SHA-256 of the code>.js` */
export function hashedName(name: string, code: string): string {
  return `${name}.${createHash('sha256').update(code).digest('hex').slice(0, 8)}.js`;
}

/** Code written into a page must not end its `<script>` element or open a comment in it. */
export function assertInlineSafe(name: string, code: string): string {
  if (/<\/script|<!--/iu.test(code)) throw new Error(`client-scripts: ${name} cannot be written inline (it contains "</script" or "<!--")`);
  return code;
}

export interface ClientScriptsOptions {
  /** Entries whose code is written into the pages (`inline` export) rather than loaded from a file. */
  inline?: readonly string[];
}

export function clientScripts(entries: Record<string, string>, options: ClientScriptsOptions = {}): AstroIntegration {
  const inlined = new Set(options.inline ?? []);
  for (const name of inlined) if (!(name in entries)) throw new Error(`client-scripts: inline entry ${name} is not among the entries`);
  let root = '';
  let base = '/';
  // Build: name → { file, code }, bundled in `astro:build:start`, written in `astro:build:done`.
  const built = new Map<string, { file: string; code: string }>();
  let mode: 'dev' | 'build' = 'build';

  const urls = (): Record<string, string> =>
    Object.fromEntries(
      Object.keys(entries)
        .filter((name) => !inlined.has(name))
        .map((name) => [name, mode === 'dev' ? `${base}_client/${name}.js` : `${base}_astro/${built.get(name)?.file ?? `${name}.js`}`]),
    );
  // Build: the code bundled at the start; dev: bundled afresh (unminified) when the module loads.
  const inlineCode = async (): Promise<Record<string, string>> => {
    const code: Record<string, string> = {};
    for (const name of inlined) code[name] = assertInlineSafe(name, (mode === 'dev' ? await bundle(join(root, entries[name]!), false) : built.get(name)?.code ?? '').trim());
    return code;
  };
  const moduleSource = async (): Promise<string> => `export default ${JSON.stringify(urls())};\nexport const inline = ${JSON.stringify(await inlineCode())};`;

  return {
    name: 'baoku:client-scripts',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        root = fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        mode = command === 'dev' ? 'dev' : 'build';
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'baoku:client-scripts',
                resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                load: (id: string) => (id === RESOLVED_ID ? moduleSource() : undefined),
                configureServer(server) {
                  server.middlewares.use(async (req, res, next) => {
                    const match = /^(.*)\/_client\/([\w-]+)\.js(?:\?.*)?$/u.exec(req.url ?? '');
                    const entry = match && !inlined.has(match[2]!) && entries[match[2]!];
                    if (!entry) return next();
                    try {
                      const code = await bundle(join(root, entry), false);
                      res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
                      res.end(code);
                    } catch (error) {
                      next(error);
                    }
                  });
                },
              },
            ],
          },
        });
      },
      'astro:build:start': async () => {
        for (const [name, entry] of Object.entries(entries)) {
          const code = await bundle(join(root, entry));
          built.set(name, { file: hashedName(name, code), code });
        }
      },
      'astro:build:done': async ({ dir }) => {
        const out = join(fileURLToPath(dir), '_astro');
        await mkdir(out, { recursive: true });
        for (const [name, { file, code }] of built) if (!inlined.has(name)) await writeFile(join(out, file), code);
      },
    },
  };
}
