/**
 * The normalizer CLI (`scripts/normalize.ts`) run for real, as a child process, on temporary
 * folders: what it writes, what it prints, how it fails, and that a failed run leaves the
 * previous collection alone.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { PASSES, type Report } from '../../scripts/normalize/index.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const SEEDS = join(repoRoot, 'seeds');
/** A seed file that makes several articles on its own: input for the small runs. */
const SMALL = '004_5417d37bc9da2a03.txt';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'baoku-cli-'));
  temps.push(dir);
  return dir;
}

function normalize(...args: string[]): SpawnSyncReturns<string> {
  const r = spawnSync(process.execPath, ['scripts/normalize.ts', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 50_000 });
  if (r.error) throw r.error;
  return r;
}

/** An input folder holding the given files (name → text or bytes). */
function inputFolder(files: Record<string, string | Uint8Array>): string {
  const dir = join(tempDir(), 'in');
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Every file under a folder, by relative path, with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

function expectSameFiles(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [name, bytes] of expected) expect(actual.get(name)?.equals(bytes), `${name} differs`).toBe(true);
}

const seedText = (name: string): string => readFileSync(join(SEEDS, name), 'utf8');

/** The lines of a text as the normalizer numbers them (a final line end does not start a line). */
const lineCount = (text: string): number => {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.length;
};

describe('normalize CLI on the seeds', () => {
  let work: string;
  let out: string;
  let reportPath: string;
  let run: SpawnSyncReturns<string>;
  let report: Report;

  beforeAll(() => {
    work = tempDir();
    out = join(work, 'articles');
    reportPath = join(work, 'report.json');
    run = normalize('--in', SEEDS, '--out', out, '--report', reportPath, '--explain');
    report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
  }, 60_000);

  it('exits 0 and writes one Markdown file per article', () => {
    expect(run.status, run.stderr).toBe(0);
    const written = readdirSync(out).sort();
    expect(report.articles.length).toBeGreaterThan(10);
    expect(written).toEqual(report.articles.map((a) => `${a.slug}.md`).sort());
    expect(run.stdout).toContain(`into ${report.articles.length} article(s)`);
    for (const a of report.articles) {
      const md = readFileSync(join(out, `${a.slug}.md`), 'utf8');
      expect(md.startsWith(`---\ntitle: ${JSON.stringify(a.title)}\n`), a.slug).toBe(true);
      expect(md.split('\n---\n')[1]?.trim().length ?? 0, `${a.slug} has a body`).toBeGreaterThan(0);
    }
  });

  it('writes a report that accounts for every input line', () => {
    const inputs = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
    expect(Object.keys(report.lines).sort()).toEqual(inputs);
    const slugs = new Set(report.articles.map((a) => a.slug));
    for (const file of inputs) {
      const statuses = report.lines[file] ?? [];
      const n = lineCount(seedText(file));
      expect(statuses.map((l) => l.line), file).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      expect(statuses.filter((l) => l.status === 'unaccounted'), file).toEqual([]);
      for (const l of statuses) {
        if (l.status === 'text') {
          expect(l.articles?.length, `${file}:${l.line}`).toBeGreaterThan(0);
          for (const slug of l.articles ?? []) expect(slugs.has(slug), `${file}:${l.line} → ${slug}`).toBe(true);
        }
      }
    }
  });

  it('--explain prints each article with the passes that changed it and their counts', () => {
    const lines = run.stdout.split('\n');
    let changed = 0;
    for (const a of report.articles) {
      const at = lines.indexOf(`${a.slug}  ${a.title}`);
      expect(at, `no explain entry for ${a.slug}`).toBeGreaterThanOrEqual(0);
      const detail = lines[at + 1] ?? '';
      if (Object.keys(a.explain).length === 0) {
        expect(detail).toBe('  no changes');
        continue;
      }
      expect(detail).toMatch(/^ {2}\w+ \d+(?:, \w+ \d+)*$/u);
      const printed = Object.fromEntries(detail.trim().split(', ').map((part) => {
        const [pass, n] = part.split(' ');
        return [pass, Number(n)];
      }));
      for (const pass of Object.keys(printed)) expect(PASSES as readonly string[], `${a.slug}: ${pass}`).toContain(pass);
      expect(printed, a.slug).toEqual(a.explain);
      changed++;
    }
    expect(changed).toBeGreaterThan(0);
  });

  it('gives byte-identical output when run twice on the same input', () => {
    const again = tempDir();
    const second = normalize('--in', SEEDS, '--out', join(again, 'articles'), '--report', join(again, 'report.json'), '--explain');
    expect(second.status, second.stderr).toBe(0);
    expect(snapshot(out).size).toBe(report.articles.length);
    expectSameFiles(snapshot(join(again, 'articles')), snapshot(out));
    expect(readFileSync(join(again, 'report.json')).equals(readFileSync(reportPath))).toBe(true);
  });
});

describe('normalize CLI input problems', () => {
  it('warns about an empty input file by name, exits 0 and still builds the other files', () => {
    const input = inputFolder({ [SMALL]: seedText(SMALL), 'empty.txt': '' });
    const out = join(tempDir(), 'articles');
    const r = normalize('--in', input, '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: .*empty\.txt/u);
    const written = readdirSync(out);
    expect(written.length).toBeGreaterThan(1);
    const all = written.map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
    expect(all).toContain('全球最大综合孔径射电望远镜');
  });

  it('stops on a binary file with exit 2, naming the file and the NUL byte offset, and leaves the previous output untouched', () => {
    const work = tempDir();
    const out = join(work, 'articles');
    const reportPath = join(work, 'report.json');
    const good = normalize('--in', inputFolder({ [SMALL]: seedText(SMALL) }), '--out', out, '--report', reportPath);
    expect(good.status, good.stderr).toBe(0);
    const before = snapshot(work);
    expect([...before.keys()].filter((f) => f.endsWith('.md')).length).toBeGreaterThan(1);

    const prefix = new TextEncoder().encode('新华社北京\nabc'); // 16 + 3 bytes
    const binary = new Uint8Array([...prefix, 0, 1, 2, 0xff, 0, 7]);
    const bad = normalize('--in', inputFolder({ [SMALL]: seedText(SMALL), 'scan.txt': binary }), '--out', out, '--report', reportPath);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^error: .*scan\.txt/u);
    expect(bad.stderr).toMatch(new RegExp(`offset ${prefix.length}\\b`, 'u'));
    expect(bad.stderr).not.toMatch(/\n\s+at /u); // a message, not a stack trace
    expectSameFiles(snapshot(work), before);
  });

  it('stops on a file that is neither UTF-8, GB18030 nor Big5, naming the file and the offset', () => {
    const fails = (encoding: string, bytes: Uint8Array): boolean => {
      try {
        new TextDecoder(encoding, { fatal: true }).decode(bytes);
        return false;
      } catch {
        return true;
      }
    };
    const prefix = new TextEncoder().encode('新华社北京3月6日电\n记者\n');
    // Deterministic "random" high bytes, tried until no decoder accepts the file. The first one
    // can never start a UTF-8 sequence, so the first invalid byte is exactly at prefix.length.
    let seed = 12345;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    let bytes: Uint8Array | undefined;
    for (let attempt = 0; attempt < 10_000 && !bytes; attempt++) {
      const junk = Array.from({ length: 12 }, () => 0x80 + (next() % 0x80));
      if (!(junk[0]! < 0xc2 || junk[0]! > 0xf4)) continue;
      const candidate = new Uint8Array([...prefix, ...junk, ...new TextEncoder().encode('\n正文\n')]);
      if (['utf-8', 'gb18030', 'big5'].every((e) => fails(e, candidate))) bytes = candidate;
    }
    expect(bytes, 'found undecodable bytes').toBeDefined();
    const out = join(tempDir(), 'articles');
    const r = normalize('--in', inputFolder({ [SMALL]: seedText(SMALL), 'garbled.txt': bytes! }), '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: .*garbled\.txt/u);
    expect(r.stderr).toMatch(new RegExp(`offset ${prefix.length}\\b`, 'u'));
    expect(r.stderr).toMatch(/line 3\b/u);
    expect(existsSync(out)).toBe(false);
  });

  it('fails on a corrections entry without "why", naming the corrections file and the entry index', () => {
    const corrections = {
      corrections: [
        { why: 'headline printed split over two lines', article: '攀高逐', set: { title: '攀高逐“新”“质”胜未来' } },
        { article: '攀高逐', set: { title: '无理由' } },
      ],
    };
    const input = inputFolder({ [SMALL]: seedText(SMALL), 'corrections.json': JSON.stringify(corrections) });
    const out = join(tempDir(), 'articles');
    const r = normalize('--in', input, '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(join(input, 'corrections.json'));
    expect(r.stderr).toMatch(/corrections\[1\].*why/u);
    expect(r.stderr).not.toContain('corrections[0]');
    expect(existsSync(out)).toBe(false);
  });
});

describe('normalize CLI input encodings', () => {
  it('builds the same articles from GB18030 and from UTF-8 with BOM and CRLF as from plain UTF-8', () => {
    const names = ['000_0bf04e9a29c61db5.txt', '001_8464c429a3efe973.txt'];
    const variants = {
      utf8: (t: string): Uint8Array => new TextEncoder().encode(t),
      gb18030: (t: string): Uint8Array => new Uint8Array(iconv.encode(t, 'gb18030')),
      bomCrlf: (t: string): Uint8Array => new TextEncoder().encode(`\uFEFF${t.replace(/\n/gu, '\r\n')}`),
    };
    const results: Record<string, { files: Map<string, Buffer>; report: Report }> = {};
    for (const [variant, encode] of Object.entries(variants)) {
      const input = inputFolder(Object.fromEntries(names.map((n) => [n, encode(seedText(n))])));
      const work = tempDir();
      const r = normalize('--in', input, '--out', join(work, 'articles'), '--report', join(work, 'report.json'));
      expect(r.status, `${variant}: ${r.stderr}`).toBe(0);
      results[variant] = { files: snapshot(join(work, 'articles')), report: JSON.parse(readFileSync(join(work, 'report.json'), 'utf8')) as Report };
    }
    const { utf8, gb18030, bomCrlf } = results;
    expect(utf8!.report.inputs.map((i) => i.encoding)).toEqual(['utf-8', 'utf-8']);
    expect(gb18030!.report.inputs.map((i) => i.encoding)).toEqual(['gb18030', 'gb18030']);
    expect(utf8!.files.size).toBeGreaterThan(2);
    expectSameFiles(gb18030!.files, utf8!.files);
    expectSameFiles(bomCrlf!.files, utf8!.files);
  });
});
