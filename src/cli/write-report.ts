/** `--out DIR`: every chart as PNG, report.md (readable on its own, charts in place) and report.json. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ChartKind, type RenderedChart, renderCharts } from '../charts/index.ts';
import { InputError } from '../commands/errors.ts';
import type { IngestResult } from '../ingest/csv.ts';
import type { CustomerFileAnalysis } from '../pipeline/customers.ts';
import { type Block, toMarkdown } from '../report/document.ts';
import { analysisReport, toJson } from '../report/json.ts';
import { fullSummary, type SummarySection } from '../report/summary.ts';

/** Where each chart sits in report.md. */
const SECTION_OF: Record<Exclude<ChartKind, 'prediction'>, SummarySection> = {
  'segment-map': 'segments',
  'segment-profiles': 'segments',
  'choose-k': 'k',
  silhouette: 'checks',
  distributions: 'eda',
  'gender-split': 'eda',
  'spending-by-gender': 'eda',
  correlation: 'eda',
  'pair-plot': 'eda',
  breakdowns: 'segments',
};

type Drawn<K extends string> = Pick<RenderedChart, 'filename' | 'title' | 'alt' | 'width' | 'height'> & {
  kind: K;
};

/** Each chart as an image block in its report.md section (`sectionOf` undefined: not placed). */
export function figuresBySection<K extends string, S extends string>(
  charts: readonly Drawn<K>[],
  sectionOf: (kind: K) => S | undefined,
): Partial<Record<S, Block[]>> {
  const bySection: Partial<Record<S, Block[]>> = {};
  for (const c of charts) {
    const section = sectionOf(c.kind);
    if (section === undefined) continue;
    bySection[section] = [
      ...(bySection[section] ?? []),
      { kind: 'image', file: c.filename, alt: c.alt, title: c.title },
    ];
  }
  return bySection;
}

/** report.json's list of the charts written beside it. */
export const chartList = <K extends string>(charts: readonly Drawn<K>[]) =>
  charts.map(({ kind, filename, title, alt, width, height }) => ({
    kind,
    filename,
    title,
    alt,
    width,
    height,
  }));

/** A path that cannot be a report folder is the user's input, not a bug. */
export async function makeFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new InputError(
      'invalid_option',
      `--out ${dir} cannot be used as the report folder (${code}); give a new or existing folder you can write to`,
    );
  }
}

export async function writeReport(
  dir: string,
  analysis: CustomerFileAnalysis['analysis'],
  ingest: IngestResult,
): Promise<void> {
  await makeFolder(dir);
  const charts = await renderCharts({ analysis, table: ingest.table });
  await Promise.all(charts.map((c) => writeFile(join(dir, c.filename), c.png)));
  const title = `Customer segments — ${analysis.source.fileName}`;
  const figures = figuresBySection(charts, (kind) => (kind === 'prediction' ? undefined : SECTION_OF[kind]));
  const blocks = fullSummary(analysis, ingest.problems, ingest.problemCount, figures);
  await writeFile(join(dir, 'report.md'), toMarkdown(title, blocks));
  await writeFile(
    join(dir, 'report.json'),
    toJson({ ...analysisReport(analysis, ingest), charts: chartList(charts) }),
  );
}
