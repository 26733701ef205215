/** `segment analyze` on an order-line file: the RFM path (pipeline/orders.ts) with its own report. */
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { rfmCustomersCsv } from '../pipeline/export-rfm.ts';
import { analyzeOrders } from '../pipeline/orders.ts';
import { toTerminal } from '../report/document.ts';
import { toJson } from '../report/json.ts';
import { rfmJson, rfmSummary } from '../report/rfm.ts';
import type { AnalyzeArgs } from './args.ts';

export async function runAnalyzeOrders(args: AnalyzeArgs): Promise<string> {
  const result = await analyzeOrders(createReadStream(args.file), {
    fileName: basename(args.file),
    limits: args.limits,
    ...(args.asOf && { asOf: args.asOf }),
    ...(args.cancellations && { cancellations: args.cancellations }),
    ...(args.k && { k: args.k }),
    ...(args.kRange && { kRange: args.kRange }),
    ...(args.seed !== undefined && { seed: args.seed }),
    ...(args.restarts && { restarts: args.restarts }),
  });
  if (args.export)
    await writeFile(args.export, rfmCustomersCsv(result.aggregation.customers, result.analysis));
  if (args.out) {
    const { writeOrderReport } = await import('./write-order-report.ts');
    await writeOrderReport(args.out, result);
  }
  if (args.json) return toJson(rfmJson(result));
  return (
    toTerminal(rfmSummary(result)) +
    (args.export ? `\nCustomers and segments written to ${args.export}\n` : '') +
    (args.out ? `\nCharts and report written to ${args.out}\n` : '')
  );
}
