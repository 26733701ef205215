import type { IngestResult } from '../ingest/csv.ts';
import { isOrderLineFile } from '../ingest/transactions/file.ts';
import { analyzeCustomerFile, type CustomerFileAnalysis } from '../pipeline/customers.ts';
import { toTerminal } from '../report/document.ts';
import { analysisReport, toJson } from '../report/json.ts';
import { fullSummary } from '../report/summary.ts';
import { runAnalyzeOrders } from './analyze-orders.ts';
import type { AnalyzeArgs } from './args.ts';

export interface AnalyzeOutcome {
  stdout: string;
  analysis: CustomerFileAnalysis['analysis'];
  ingest: IngestResult;
}

export async function runAnalyze(args: AnalyzeArgs): Promise<AnalyzeOutcome | { stdout: string }> {
  if (await isOrderLineFile(args.file, args.limits)) return { stdout: await runAnalyzeOrders(args) };
  const { ingest, analysis } = await analyzeCustomerFile(
    args.file,
    {
      ...(args.features && { features: args.features }),
      ...(args.k && { k: args.k }),
      ...(args.kRange && { kRange: args.kRange }),
      ...(args.scaling && { scaling: args.scaling }),
      ...(args.seed !== undefined && { seed: args.seed }),
      ...(args.restarts && { restarts: args.restarts }),
    },
    args.limits,
  );
  if (args.out) {
    const { writeReport } = await import('./write-report.ts');
    await writeReport(args.out, analysis, ingest);
  }
  const stdout = args.json
    ? toJson(analysisReport(analysis, ingest))
    : toTerminal(fullSummary(analysis, ingest.problems, ingest.problemCount)) +
      (args.out ? `\nCharts and report written to ${args.out}\n` : '');
  return { stdout, analysis, ingest };
}
