/**
 * An order-line analysis for the CLI's file report: one block list for the
 * terminal and report.md (the sentences are commands/rfm/words.ts's, the same
 * as in Slack) and a JSON object for --json. The per-customer export is
 * pipeline/export-rfm.ts's.
 */
import type { OrderReading } from '../commands/orders.ts';
import {
  cleaningItems,
  countryTable,
  countryWords,
  periodWords,
  RFM_METHOD,
  readAsWords,
  rfmSegmentTable,
  roleItems,
  segmentAdvice,
  skewnessWords,
} from '../commands/rfm/words.ts';
import type { Aggregation } from '../core/rfm/aggregate.ts';
import type { RfmAnalysis } from '../core/rfm/analyze.ts';
import { type Cleaning, dayToIso } from '../core/rfm/clean.ts';
import type { OrderIngestResult } from '../ingest/transactions/read.ts';
import { noteWords } from '../phrases/notes.ts';
import { rfmModelInWords, rfmSegmentsInWords } from '../phrases/rfm-segments.ts';
import { selectionReason } from '../phrases/selection.ts';
import type { Block } from './document.ts';

/** What pipeline/orders.ts produces (report/ may not import pipeline/). */
export interface OrderAnalysis {
  ingest: OrderIngestResult;
  cleaning: Cleaning;
  aggregation: Aggregation;
  reading: OrderReading;
  analysis: RfmAnalysis;
}

/** The report's sections a chart can be placed in (report.md puts each at the end of its section). */
export type RfmSection = 'data' | 'segments' | 'checks' | 'countries';

export function rfmSummary(o: OrderAnalysis, figures: Partial<Record<RfmSection, Block[]>> = {}): Block[] {
  const { reading, analysis: a } = o;
  const blocks: Block[] = [
    { kind: 'heading', text: 'Read as transactions' },
    { kind: 'para', text: readAsWords(reading) },
    { kind: 'list', items: roleItems(reading) },
    { kind: 'heading', text: 'Cleaning' },
    { kind: 'list', items: cleaningItems(reading) },
    { kind: 'para', text: periodWords(reading, a.customers) },
    ...(figures.data ?? []),
    { kind: 'heading', text: `${a.k} RFM segments` },
    {
      kind: 'para',
      text: `${RFM_METHOD} ${selectionReason(a.selection)} Silhouette ${a.silhouette.toFixed(2)}.`,
    },
    { kind: 'table', ...rfmSegmentTable(a) },
    { kind: 'list', items: segmentAdvice(a) },
    ...(figures.segments ?? []),
    { kind: 'heading', text: 'Checks' },
    { kind: 'list', items: a.skewness.map(skewnessWords) },
    ...(figures.checks ?? []),
    { kind: 'heading', text: 'Segments or countries?' },
    { kind: 'para', text: countryWords(a) },
    { kind: 'table', ...countryTable(a) },
    ...(figures.countries ?? []),
  ];
  if (a.notes.length) blocks.push({ kind: 'list', items: a.notes.map(noteWords) });
  return blocks;
}

export function rfmJson(o: OrderAnalysis) {
  const { ingest, cleaning, aggregation, analysis: a } = o;
  return {
    file: ingest.fileName,
    readAs: 'transactions',
    layout: ingest.columns.layout,
    columns: Object.fromEntries(Object.entries(ingest.columns.roles).map(([role, c]) => [role, c.header])),
    ignoredColumns: ingest.columns.ignored,
    value: ingest.columns.value,
    dateForms: ingest.dateForms,
    usDatesAssumed: ingest.usDatesAssumed,
    lines: ingest.totalLines,
    unreadableLines: ingest.unreadableLines,
    problems: ingest.problems
      .slice(0, 100)
      .map(({ line, column, value, reason }) => ({ line, column, value, reason })),
    cleaning: {
      ...cleaning.counts,
      cancellationRule: cleaning.cancellations,
      duplicatesChecked: cleaning.duplicatesChecked,
      customersWithoutNetSpend: aggregation.noNetSpend + aggregation.onlyCancellations,
    },
    asOf: dayToIso(cleaning.asOfDay),
    firstOrder: dayToIso(cleaning.firstDay),
    lastOrder: dayToIso(cleaning.lastDay),
    customers: a.customers,
    features: ['recency', 'frequency', 'monetary'],
    transform: 'log1p + zscore',
    seed: a.seed,
    restarts: a.restarts,
    k: a.k,
    kChosenBy: a.kChosenBy,
    recommendation: {
      k: a.selection.recommendedK,
      reason: selectionReason(a.selection),
      sample: a.selection.sample,
    },
    selection: a.selection.rows,
    inertia: a.inertia,
    silhouette: a.silhouette,
    calinskiHarabasz: a.calinskiHarabasz,
    daviesBouldin: a.daviesBouldin,
    segments: rfmSegmentsInWords(a),
    skewness: a.skewness,
    countryComparison: {
      countries: a.countryComparison.countries,
      customersPerCountry: a.countryComparison.customersPerCountry,
      longTail: a.countryComparison.longTail,
      segmentsShare: a.countryComparison.segmentsShare,
      countriesShare: a.countryComparison.countriesShare,
      segmentsByCountry: a.countryComparison.segmentsByCountry,
    },
    revenueByMonth: aggregation.months,
    model: rfmModelInWords(a.model),
    notes: a.notes.map(noteWords),
    encoding: ingest.encoding,
    ...(ingest.sheets !== undefined && { sheets: ingest.sheets }),
  };
}
