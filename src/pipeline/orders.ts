/**
 * Order-line files end to end, in process: bytes → order lines → cleaning →
 * one row per customer → RFM segments. The CLI, the bench (and, next, the
 * engine) share this one path.
 */
import { InputError } from '../core/errors.ts';
import { type Aggregation, aggregateCustomers } from '../core/rfm/aggregate.ts';
import { analyzeRfm, type RfmAnalysis, type RfmOptions } from '../core/rfm/analyze.ts';
import { type CancellationRule, type Cleaning, cleanOrderLines } from '../core/rfm/clean.ts';
import type { IngestInput } from '../ingest/chunks.ts';
import type { IngestLimits } from '../ingest/csv.ts';
import { type OrderIngestResult, readOrderLines } from '../ingest/transactions/read.ts';

export interface OrderAnalysisOptions extends RfmOptions {
  fileName: string;
  /** YYYY-MM-DD; default the day after the last invoice. */
  asOf?: string;
  cancellations?: CancellationRule;
  limits?: Partial<IngestLimits>;
}

export interface OrderAnalysis {
  ingest: OrderIngestResult;
  cleaning: Cleaning;
  aggregation: Aggregation;
  analysis: RfmAnalysis;
}

/** `2011-12-10` → day number; a clear error for anything else. */
export function parseAsOf(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || new Date(ms).getUTCDate() !== Number(m[3])) {
    throw new InputError(
      'invalid_option',
      `the analysis date must be a date written year first, e.g. 2011-12-10 (got "${text}")`,
    );
  }
  return ms / 86_400_000;
}

export async function analyzeOrders(
  input: IngestInput,
  options: OrderAnalysisOptions,
): Promise<OrderAnalysis> {
  const { fileName, asOf, cancellations = 'net', limits, ...rfm } = options;
  const ingest = await readOrderLines(input, { fileName, ...(limits && { limits }) });
  const cleaning = cleanOrderLines(ingest.lines, {
    cancellations,
    ...(asOf !== undefined && { asOfDay: parseAsOf(asOf) }),
  });
  const aggregation = aggregateCustomers(ingest.lines, cleaning);
  const analysis = analyzeRfm(aggregation.customers, rfm);
  return { ingest, cleaning, aggregation, analysis };
}
