/** `--out DIR`: every chart as PNG, report.md (readable on its own) and report.json. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderCharts } from '../charts/index.ts';
import type { Analysis } from '../core/types.ts';
import type { IngestResult } from '../ingest/csv.ts';
import { type Block, toMarkdown } from '../report/document.ts';
import { analysisReport, toJson } from '../report/json.ts';
import { fullSummary } from '../report/summary.ts';

export async function writeReport(dir: string, analysis: Analysis, ingest: IngestResult): Promise<void> {
  await mkdir(dir, { recursive: true });
  const charts = await renderCharts({ analysis, table: ingest.table });
  await Promise.all(charts.map((c) => writeFile(join(dir, c.filename), c.png)));
  const images: Block[] = [
    { kind: 'heading', text: 'Charts' },
    ...charts.map((c): Block => ({ kind: 'image', file: c.filename, alt: c.alt, title: c.title })),
  ];
  const title = `Customer segments — ${analysis.source.fileName}`;
  await writeFile(
    join(dir, 'report.md'),
    toMarkdown(title, [...fullSummary(analysis, ingest.problems, ingest.problemCount), ...images]),
  );
  await writeFile(
    join(dir, 'report.json'),
    toJson({ ...analysisReport(analysis, ingest), charts: charts.map(({ png: _png, ...c }) => c) }),
  );
}
