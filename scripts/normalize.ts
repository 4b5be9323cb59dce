/**
 * `npm run normalize -- --in DIR --out DIR [--report FILE] [--explain] [--no-<pass>]`
 * Writing the site's collection (the default `--out`) also writes the report to
 * `src/generated/build-report.json`, where the About page draws its chart from.
 * Turns a folder of messy extracted news texts into a Markdown article collection.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { normalizeCorpus, OPTIONAL_PASSES, PASSES, type PassName } from './normalize/index.ts';
import { readCorrections, readInputFolder, writeCollection, writeJson } from './normalize/io.ts';
import { InputError } from './normalize/decode.ts';

/** Where the site reads its articles from, and the report its About page draws. */
const DEFAULT_OUT = 'src/content/articles';
const SITE_REPORT = 'src/generated/build-report.json';

const passOptions = Object.fromEntries([...OPTIONAL_PASSES].map((p) => [`no-${p}`, { type: 'boolean' as const }]));

function main(): number {
  const { values } = parseArgs({
    options: {
      in: { type: 'string', default: 'seeds' },
      out: { type: 'string', default: DEFAULT_OUT },
      report: { type: 'string' },
      explain: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      ...passOptions,
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(`Usage: npm run normalize -- [--in DIR] [--out DIR] [--report FILE] [--explain]\n\nPasses, in order (the optional ones can be switched off with --no-<name>):\n${PASSES.map((p) => `  ${p}${OPTIONAL_PASSES.has(p) ? '' : ' (required)'}`).join('\n')}`);
    return 0;
  }
  const started = performance.now();
  const disabled = new Set(PASSES.filter((p) => (values as Record<string, unknown>)[`no-${p}`] === true)) as Set<PassName>;
  const inDir = values.in ?? 'seeds';
  const outDir = values.out ?? DEFAULT_OUT;
  const sources = readInputFolder(inDir);
  const corrections = readCorrections(inDir);
  const { articles, report } = normalizeCorpus(sources, { corrections, disabled });
  writeCollection(articles, outDir);
  // Writing the site's own collection also writes the report its About page reads.
  const reportPath = values.report ?? (outDir === DEFAULT_OUT ? SITE_REPORT : undefined);
  if (reportPath) writeJson(reportPath, report);
  for (const w of report.warnings) console.warn(`warning: ${w}`);
  if (values.explain) {
    for (const a of report.articles) {
      const changes = Object.entries(a.explain).map(([pass, n]) => `${pass} ${n}`).join(', ');
      console.log(`${a.slug}  ${a.title}\n  ${changes || 'no changes'}${a.conflicts.length ? `\n  ${a.conflicts.length} wording conflict(s) between printings` : ''}`);
    }
  }
  if (!values.quiet) {
    const ms = Math.round(performance.now() - started);
    console.log(`normalized ${sources.length} file(s) into ${articles.length} article(s) in ${outDir} (${ms} ms)`);
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  if (e instanceof InputError) {
    console.error(`error: ${e.message}`);
    process.exitCode = 2;
  } else throw e;
}
