/**
 * Labelled fixtures for the whole normalizer: every folder under `tests/fixtures/` is one case.
 *
 *   <case>/case.json    `{ "description": "…", "fails": false }`
 *   <case>/*.txt        the input files (decoded with `decodeBytes`, so encoding cases work)
 *   <case>/expected.md  `writeMarkdown(article)` for every article, in slug order, separated by
 *                       a line `<!-- next article -->`
 *
 * `UPDATE=1 npx vitest run tests/normalize/fixtures.test.ts` writes expected.md from the current
 * output instead of comparing: read the diff before accepting it. A case with `"fails": true` is a
 * known failure: its expected.md holds the CORRECT output, written by hand, it runs as `it.fails`
 * and UPDATE never overwrites it. When the normalizer is fixed the case "unexpectedly passes":
 * then set `"fails": false`.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../scripts/normalize/decode.ts';
import { normalizeCorpus } from '../../scripts/normalize/index.ts';
import type { SourceText } from '../../scripts/normalize/types.ts';
import { writeMarkdown } from '../../scripts/normalize/write-markdown.ts';

const ROOT = fileURLToPath(new URL('../fixtures/', import.meta.url));
const SEPARATOR = '\n<!-- next article -->\n\n';
const UPDATE = process.env.UPDATE === '1';

interface CaseInfo {
  description: string;
  fails: boolean;
}

/** The input files of a case: every `.txt` file in its folder, by name. */
function readInputs(dir: string): SourceText[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((file) => {
      const decoded = decodeBytes(new Uint8Array(readFileSync(join(dir, file))), file);
      return { file, text: decoded.text, encoding: decoded.encoding };
    });
}

/** The articles the normalizer makes of a case, as one reviewable Markdown text. */
function render(sources: SourceText[]): string {
  const { articles } = normalizeCorpus(sources);
  return [...articles]
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    .map(writeMarkdown)
    .join(SEPARATOR);
}

const cases = readdirSync(ROOT)
  .filter((name) => statSync(join(ROOT, name)).isDirectory())
  .sort();

describe('normalizer fixtures', () => {
  it('has cases, each with a description and at least one input file', () => {
    expect(cases.length).toBeGreaterThan(0);
    for (const name of cases) {
      const info = JSON.parse(readFileSync(join(ROOT, name, 'case.json'), 'utf8')) as CaseInfo;
      expect(info.description, name).toMatch(/\S/u);
      expect(typeof info.fails, name).toBe('boolean');
      expect(readInputs(join(ROOT, name)).length, name).toBeGreaterThan(0);
      // A known failure must carry its hand-written correct output (UPDATE never writes it).
      if (info.fails) expect(existsSync(join(ROOT, name, 'expected.md')), `${name}/expected.md`).toBe(true);
    }
  });

  for (const name of cases) {
    const dir = join(ROOT, name);
    const info = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as CaseInfo;
    const expectedPath = join(dir, 'expected.md');
    const title = `${name}: ${info.description}`;
    if (info.fails) {
      // A known failure: expected.md is the correct output, written by hand.
      it.fails(title, () => {
        expect(render(readInputs(dir))).toBe(readFileSync(expectedPath, 'utf8'));
      });
      continue;
    }
    it(title, () => {
      const actual = render(readInputs(dir));
      if (UPDATE) {
        writeFileSync(expectedPath, actual);
        return;
      }
      expect(existsSync(expectedPath), `${name}/expected.md is missing: run with UPDATE=1 and review it`).toBe(true);
      expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
});
