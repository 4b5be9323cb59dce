/**
 * The normalization at a glance, for the about pages: read at build time from the normalizer's
 * report (src/data/report.ts).
 */
import type { Report } from '../../scripts/normalize/index.ts';
import { buildReport } from './report.ts';

/** The per-file counts the chart draws, in the order it draws them. */
export const METRICS = ['linesJoined', 'duplicatesDropped', 'furnitureLines', 'articles'] as const;
export type Metric = (typeof METRICS)[number];

/** One source file's row in the chart and table. */
export interface FileRow extends Record<Metric, number> {
  /** File name relative to the input folder, e.g. `000_0bf04e9a29c61db5.txt`. */
  file: string;
  /** Lines the file has. */
  lines: number;
}

export interface AboutData {
  files: FileRow[];
  /** Totals over the whole corpus. */
  totals: { files: number; lines: number; articles: number };
  /** How many changes each pass made, in pipeline order as the report lists them. */
  passes: { name: string; count: number }[];
}

/** The about pages' numbers from a normalize report. */
export function aboutFromReport(r: Pick<Report, 'inputs' | 'perFile' | 'summary'>): AboutData {
  const linesOf = new Map(r.inputs.map((input) => [input.file, input.lines]));
  const files = Object.entries(r.perFile)
    .map(([file, counts]) => ({ file, lines: linesOf.get(file) ?? 0, ...counts }))
    .sort((a, b) => a.file.localeCompare(b.file));
  return {
    files,
    totals: {
      files: r.inputs.length,
      lines: r.inputs.reduce((n, input) => n + input.lines, 0),
      articles: r.summary.articles,
    },
    passes: Object.entries(r.summary.passes).map(([name, count]) => ({ name, count })),
  };
}

const data = aboutFromReport(buildReport());

/** The numbers of the current build's report. */
export function getAboutData(): AboutData {
  return data;
}
