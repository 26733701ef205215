/**
 * `--out DIR` on an order-line file, as on a customer file: every RFM chart as
 * PNG, report.md (the file report's text with each chart in its section) and
 * report.json (the --json report plus the chart list).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type RfmChartKind, renderRfmCharts } from '../charts/index.ts';
import type { OrderAnalysis } from '../pipeline/orders.ts';
import { toMarkdown } from '../report/document.ts';
import { toJson } from '../report/json.ts';
import { type RfmSection, rfmJson, rfmSummary } from '../report/rfm.ts';
import { chartList, figuresBySection, makeFolder } from './write-report.ts';

/** Where each chart sits in report.md. */
const SECTION_OF: Record<RfmChartKind, RfmSection> = {
  'rfm-revenue-by-month': 'data',
  'rfm-orders-per-customer': 'data',
  'rfm-distributions': 'data',
  'rfm-segment-map': 'segments',
  'rfm-segment-profiles': 'segments',
  'rfm-choose-k': 'segments',
  'rfm-skewness': 'checks',
  'rfm-segments-by-country': 'countries',
};

export async function writeOrderReport(dir: string, result: OrderAnalysis): Promise<string[]> {
  await makeFolder(dir);
  const charts = await renderRfmCharts({
    analysis: result.analysis,
    customers: result.aggregation.customers,
    months: result.aggregation.months,
  });
  await Promise.all(charts.map((c) => writeFile(join(dir, c.filename), c.png)));
  const figures = figuresBySection(charts, (kind) => SECTION_OF[kind]);
  const title = `RFM segments — ${result.ingest.fileName}`;
  await writeFile(join(dir, 'report.md'), toMarkdown(title, rfmSummary(result, figures)));
  await writeFile(join(dir, 'report.json'), toJson({ ...rfmJson(result), charts: chartList(charts) }));
  return charts.map((c) => c.filename);
}
