/**
 * Order-line files end to end, in process: bytes → order lines → cleaning →
 * one row per customer → RFM segments. The CLI's file report, the bench and
 * the engine (order-engine.ts) share this one path.
 */
import { asOfExpected } from '../commands/messages.ts';
import type { OrderReading } from '../commands/orders.ts';
import { InputError } from '../core/errors.ts';
import { type Aggregation, aggregateCustomers } from '../core/rfm/aggregate.ts';
import { analyzeRfm, type RfmAnalysis, type RfmOptions } from '../core/rfm/analyze.ts';
import { type CancellationRule, type Cleaning, cleanOrderLines, isoToDay } from '../core/rfm/clean.ts';
import type { IngestInput } from '../ingest/chunks.ts';
import type { IngestLimits } from '../ingest/csv.ts';
import { describeProblem } from '../ingest/problems.ts';
import { type OrderIngestResult, readOrderLines } from '../ingest/transactions/read.ts';

const PROBLEMS_SHOWN = 5;

export interface OrderReadOptions {
  fileName: string;
  /** YYYY-MM-DD; default the day after the last invoice. */
  asOf?: string;
  cancellations?: CancellationRule;
  limits?: Partial<IngestLimits>;
}

export interface OrderAnalysisOptions extends RfmOptions, OrderReadOptions {}

export interface OrderCustomers {
  ingest: OrderIngestResult;
  cleaning: Cleaning;
  aggregation: Aggregation;
}

export interface OrderAnalysis extends OrderCustomers {
  reading: OrderReading;
  analysis: RfmAnalysis;
}

/** `2011-12-10` → day number; a clear error for anything else. */
export function parseAsOf(text: string): number {
  const day = isoToDay(text);
  if (day === null) throw new InputError('invalid_option', asOfExpected(text));
  return day;
}

/** Read, clean and aggregate: one row per customer, before any clustering. */
export async function readOrderCustomers(
  input: IngestInput,
  options: OrderReadOptions,
): Promise<OrderCustomers> {
  const { fileName, asOf, cancellations = 'net', limits } = options;
  const ingest = await readOrderLines(input, { fileName, ...(limits && { limits }) });
  const cleaning = cleanOrderLines(ingest.lines, {
    cancellations,
    ...(asOf !== undefined && { asOfDay: parseAsOf(asOf) }),
  });
  const aggregation = aggregateCustomers(ingest.lines, cleaning);
  return { ingest, cleaning, aggregation };
}

export async function analyzeOrders(
  input: IngestInput,
  options: OrderAnalysisOptions,
): Promise<OrderAnalysis> {
  const { fileName, asOf, cancellations, limits, ...rfm } = options;
  const customers = await readOrderCustomers(input, {
    fileName,
    ...(asOf !== undefined && { asOf }),
    ...(cancellations !== undefined && { cancellations }),
    ...(limits !== undefined && { limits }),
  });
  const analysis = analyzeRfm(customers.aggregation.customers, rfm);
  return { ...customers, reading: orderReading(customers), analysis };
}

/** How the file was read and cleaned, as plain figures (no per-line arrays): what run() is told. */
export function orderReading({ ingest, cleaning, aggregation }: OrderCustomers): OrderReading {
  return {
    fileName: ingest.fileName,
    encoding: ingest.encoding,
    ...(ingest.sheets !== undefined && { sheets: [...ingest.sheets] }),
    layout: ingest.columns.layout,
    roles: Object.entries(ingest.columns.roles).map(([role, c]) => ({ role, header: c.header })),
    ignored: [...ingest.columns.ignored],
    value: ingest.columns.value,
    dateForms: [...ingest.dateForms],
    usDatesAssumed: ingest.usDatesAssumed,
    totalLines: ingest.totalLines,
    unreadableLines: ingest.unreadableLines,
    firstProblems: ingest.problems
      .filter((p) => !p.kept)
      .slice(0, PROBLEMS_SHOWN)
      .map(describeProblem),
    counts: { ...cleaning.counts },
    cancellations: cleaning.cancellations,
    duplicatesChecked: cleaning.duplicatesChecked,
    asOfDay: cleaning.asOfDay,
    asOfDefault: cleaning.asOfDefault,
    firstDay: cleaning.firstDay,
    lastDay: cleaning.lastDay,
    customersWithoutNetSpend: aggregation.noNetSpend + aggregation.onlyCancellations,
    months: aggregation.months,
  };
}
