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

function figures(charts: RenderedChart[]): Partial<Record<SummarySection, Block[]>> {
  const bySection: Partial<Record<SummarySection, Block[]>> = {};
  for (const c of charts) {
    if (c.kind === 'prediction') continue;
    const section = SECTION_OF[c.kind];
    bySection[section] = [
      ...(bySection[section] ?? []),
      { kind: 'image', file: c.filename, alt: c.alt, title: c.title },
    ];
  }
  return bySection;
}

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
  const blocks = fullSummary(analysis, ingest.problems, ingest.problemCount, figures(charts));
  await writeFile(join(dir, 'report.md'), toMarkdown(title, blocks));
  const chartList = charts.map(({ kind, filename, title, alt, width, height }) => ({
    kind,
    filename,
    title,
    alt,
    width,
    height,
  }));
  await writeFile(
    join(dir, 'report.json'),
    toJson({ ...analysisReport(analysis, ingest), charts: chartList }),
  );
}
