/**
 * The edge of the normalizer: reading an input folder and writing the collection. Output goes
 * to a temporary folder first and is swapped in whole, so a failed run leaves the previous
 * collection untouched.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { Article, SourceText } from './types.ts';
import { decodeBytes, InputError } from './decode.ts';
import { writeMarkdown } from './write-markdown.ts';
import { parseCorrections, type Correction } from './passes/apply-corrections.ts';

/** The name of the corrections file looked for in the input folder. */
export const CORRECTIONS_FILE = 'corrections.json';

/** Read every `.txt` and `.md` file under a folder (sorted, recursively), decoded. */
export function readInputFolder(dir: string): SourceText[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(`${dir}: input folder not found`, dir);
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(txt|md)$/iu.test(name)) files.push(path);
    }
  };
  walk(dir);
  return files.map((path) => {
    const file = relative(dir, path).split('\\').join('/');
    const decoded = decodeBytes(new Uint8Array(readFileSync(path)), file);
    return { file, text: decoded.text, encoding: decoded.encoding };
  });
}

/** Read the corrections file of an input folder, if there is one. */
export function readCorrections(dir: string): Correction[] {
  const path = join(dir, CORRECTIONS_FILE);
  if (!existsSync(path)) return [];
  return parseCorrections(readFileSync(path, 'utf8'), path);
}

/** Write the articles as Markdown into `outDir`, replacing its previous content atomically. */
export function writeCollection(articles: Article[], outDir: string): void {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(outDir)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    for (const a of articles) writeFileSync(join(tmp, `${a.slug}.md`), writeMarkdown(a));
    const old = join(parent, `.${basename(outDir)}.old-${process.pid}`);
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(tmp, outDir);
    rmSync(old, { recursive: true, force: true });
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** Write a JSON file (the build report), creating its folder. */
export function writeJson(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
}
