/**
 * Words for an order-line analysis: what was read as what, what the cleaning
 * took out, the RFM segments with advice, and segments against countries.
 * One block list for the terminal and report.md; a JSON object for --json;
 * the per-customer export.
 */
import type { Aggregation } from '../core/rfm/aggregate.ts';
import type { RfmAnalysis } from '../core/rfm/analyze.ts';
import { type Cleaning, dayToIso } from '../core/rfm/clean.ts';
import type { OrderIngestResult } from '../ingest/transactions/read.ts';
import { selectionReason } from '../phrases/selection.ts';
import type { Block } from './document.ts';

/** What pipeline/orders.ts produces (report/ may not import pipeline/). */
export interface OrderAnalysis {
  ingest: OrderIngestResult;
  cleaning: Cleaning;
  aggregation: Aggregation;
  analysis: RfmAnalysis;
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const pct = (x: number) => `${Math.round(x * 100)}%`;
const one = (x: number) => x.toFixed(1);
const money = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
const plural = (count: number, word: string, many = `${word}s`) => `${n(count)} ${count === 1 ? word : many}`;
const DATE_FORM_WORDS = {
  iso: 'year first (ISO)',
  us: 'month first (US)',
  'day-first': 'day first',
} as const;

export function rfmSummary(o: OrderAnalysis): Block[] {
  const { ingest, cleaning, aggregation, analysis: a } = o;
  const roles = Object.entries(ingest.columns.roles).map(([role, c]) => `${c.header} → ${role}`);
  const c = cleaning.counts;
  const cmp = a.countryComparison;
  const blocks: Block[] = [
    { kind: 'heading', text: 'Read as transactions' },
    {
      kind: 'para',
      text: `${ingest.fileName} was read as order lines (${ingest.columns.layout}): ${plural(ingest.totalLines, 'line')}, value = ${ingest.columns.value}, dates ${ingest.dateForms.map((f) => DATE_FORM_WORDS[f]).join(' and ')}${ingest.usDatesAssumed ? ' (as the Online Retail layout writes them; no date in the file showed it)' : ''}.`,
    },
    {
      kind: 'list',
      items: [
        `Columns: ${roles.join(', ')}`,
        ...(ingest.columns.ignored.length ? [`Ignored: ${ingest.columns.ignored.join(', ')}`] : []),
      ],
    },
    { kind: 'heading', text: 'Cleaning' },
    {
      kind: 'list',
      items: [
        `${plural(c.noCustomerId, 'line')} without a customer id excluded (${pct(c.noCustomerId / Math.max(1, c.lines))})`,
        `${plural(c.cancellations, 'cancellation line')} (C invoices or negative quantities) ${cleaning.cancellations === 'net' ? 'netted against the customers’ spend' : 'excluded'}`,
        `${plural(c.badPrices, 'line')} with a zero or negative price excluded`,
        cleaning.duplicatesChecked
          ? `${plural(c.duplicates, 'exact duplicate line')} excluded`
          : 'duplicates not checked: the file has no product column',
        ...(ingest.unreadableLines
          ? [`${plural(ingest.unreadableLines, 'line')} with unreadable cells skipped`]
          : []),
        ...(c.afterAsOf ? [`${plural(c.afterAsOf, 'line')} after the analysis date left out`] : []),
        ...(aggregation.noNetSpend + aggregation.onlyCancellations
          ? [
              `${plural(aggregation.noNetSpend + aggregation.onlyCancellations, 'customer')} whose returns cancel their purchases left out`,
            ]
          : []),
      ],
    },
    {
      kind: 'para',
      text: `${n(a.customers)} customers, analysed as of ${dayToIso(cleaning.asOfDay)}${cleaning.asOfDefault ? ' (the day after the last invoice)' : ''}. Orders from ${dayToIso(cleaning.firstDay)} to ${dayToIso(cleaning.lastDay)}.`,
    },
    { kind: 'heading', text: `${a.k} RFM segments` },
    {
      kind: 'para',
      text: `K-means on log(1 + x), standardised recency, frequency and spend. ${selectionReason(a.selection)} Silhouette ${a.silhouette.toFixed(2)}.`,
    },
    {
      kind: 'table',
      columns: ['#', 'Segment', 'Customers', 'Recency (days)', 'Orders', 'Spend', 'R F M score'],
      align: ['right', 'left', 'right', 'right', 'right', 'right', 'left'],
      rows: a.segments.map((s) => [
        String(s.id),
        s.name,
        `${n(s.size)} (${pct(s.share)})`,
        n(s.centre.recency),
        one(s.centre.frequency),
        money(s.centre.monetary),
        `${one(s.scores.r)} ${one(s.scores.f)} ${one(s.scores.m)}`,
      ]),
    },
    { kind: 'list', items: a.segments.map((s) => `${s.name}: ${s.description}. ${s.hint}`) },
    { kind: 'heading', text: 'Checks' },
    {
      kind: 'list',
      items: a.skewness.map(
        (s) =>
          `${s.measure}: skewness ${s.raw.toFixed(2)} before the log, ${s.log.toFixed(2)} after${Math.abs(s.raw) > 1 && Math.abs(s.log) < 1 ? ' — why K-means runs on the log scale' : ''}`,
      ),
    },
    { kind: 'heading', text: 'Segments or countries?' },
    {
      kind: 'para',
      text:
        `The customers live in ${plural(cmp.countries, 'country', 'countries')}; ${cmp.customersPerCountry[0]?.country ?? '—'} has ${pct((cmp.customersPerCountry[0]?.customers ?? 0) / a.customers)} of them, and ${plural(cmp.longTail.countries, 'country', 'countries')} have fewer than ${cmp.longTail.below} customers each (${n(cmp.longTail.customers)} customers together). ` +
        `The segments account for ${pct(cmp.segmentsShare)} of the differences in buying behaviour (recency, frequency, spend); grouping by country accounts for ${pct(cmp.countriesShare)}. Segments serve marketing ${cmp.segmentsShare > cmp.countriesShare * 2 ? 'far better' : cmp.segmentsShare > cmp.countriesShare ? 'better' : 'no better'} than countries.`,
    },
    {
      kind: 'table',
      columns: ['Country', 'Customers', ...a.segments.map((s) => `#${s.id}`)],
      align: ['left', 'right', ...a.segments.map(() => 'right' as const)],
      rows: cmp.segmentsByCountry
        .slice(0, 10)
        .map((row) => [row.country, n(row.counts.reduce((x, y) => x + y, 0)), ...row.counts.map(n)]),
    },
  ];
  if (a.notes.length) blocks.push({ kind: 'list', items: a.notes });
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
    segments: a.segments,
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
    model: a.model,
    notes: a.notes,
  };
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** One row per customer: CustomerID, Recency, Frequency, Monetary, Country, Segment, Segment name (+ scores). */
export function rfmExportCsv(o: OrderAnalysis): string {
  const c = o.aggregation.customers;
  const a = o.analysis;
  const rows = ['CustomerID,Recency,Frequency,Monetary,Country,Segment,Segment name,R score,F score,M score'];
  for (let i = 0; i < c.length; i++) {
    const s = a.segments[a.labels[i]! - 1]!;
    const country = c.country[i]! >= 0 ? c.countries[c.country[i]!]! : '';
    rows.push(
      [
        csvCell(c.ids[i]!),
        c.recency[i],
        c.frequency[i],
        c.monetary[i]!.toFixed(2),
        csvCell(country),
        s.id,
        csvCell(s.name),
        a.scores.r[i],
        a.scores.f[i],
        a.scores.m[i],
      ].join(','),
    );
  }
  return `${rows.join('\n')}\n`;
}
