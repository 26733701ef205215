/**
 * What run() sees of an order-line dataset: how the file was read and
 * cleaned (plain figures; the lines themselves stay in the engine) and the
 * RFM analysis. The engine fills it (pipeline/order-source.ts), the handlers
 * and the CLI's file report word it (phrases/rfm.ts).
 */
import type { MonthRevenue } from '../core/rfm/aggregate.ts';
import type { RfmAnalysis } from '../core/rfm/analyze.ts';
import type { CancellationRule, CleaningCounts } from '../core/rfm/clean.ts';
import type { RfmMeasureSummary } from '../core/rfm/describe.ts';
import type { RfmSegmentCode } from '../core/rfm/names.ts';
import type { TextEncoding } from '../core/types.ts';

export interface OrderReading {
  fileName: string;
  /** The text encoding the file was read as ('utf-8' for a workbook). */
  encoding: TextEncoding;
  /** The sheets read, when the file was an Excel workbook. */
  sheets?: string[];
  /** 'Online Retail I', 'Online Retail II' or 'order export'. */
  layout: string;
  /** Which header played which role, in the file's order of roles. */
  roles: Array<{ role: string; header: string }>;
  ignored: string[];
  /** How a line's value is known: 'quantity × unit price' or 'line total'. */
  value: string;
  dateForms: Array<'iso' | 'us' | 'day-first'>;
  usDatesAssumed: boolean;
  totalLines: number;
  unreadableLines: number;
  /** The first unreadable lines in words ("line 7, column InvoiceDate: …"). */
  firstProblems: string[];
  counts: CleaningCounts;
  cancellations: CancellationRule;
  duplicatesChecked: boolean;
  asOfDay: number;
  asOfDefault: boolean;
  firstDay: number;
  lastDay: number;
  /** Customers whose returns cancel their purchases (left out: a log scale cannot place them). */
  customersWithoutNetSpend: number;
  months: MonthRevenue[];
}

export interface OrderSummary {
  reading: OrderReading;
  /** Per-customer recency, frequency, spend, tenure and basket, described (for `eda`). */
  describe: RfmMeasureSummary[];
  analysis: RfmAnalysis;
}

/** The nearest RFM segment for typed figures, and every segment's distance (log, standardised space). */
export interface RfmPrediction {
  /** The name is the segment's label; its advice is worded from the code (phrases/rfm-segments.ts). */
  segment: { id: number; name: string; code: RfmSegmentCode };
  distances: Array<{ id: number; name: string; distance: number }>;
}
