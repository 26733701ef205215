/**
 * An order-line analysis in words: what was read as what, what the cleaning
 * took out, the RFM segments, the skewness check and segments against
 * countries. One wording for the Slack replies (commands/rfm/*) and the CLI's
 * file report (report/rfm.ts).
 */
import type { RfmAnalysis, SkewnessFigure } from '../../core/rfm/analyze.ts';
import { dayToIso } from '../../core/rfm/clean.ts';
import { rfmSegmentDescription, rfmSegmentHint } from '../../phrases/rfm-segments.ts';
import { formatCount, formatMean, formatPercent, plural, readingNote } from '../format.ts';
import type { OrderReading } from '../orders.ts';
import type { ReplyTable } from '../reply.ts';

const pct = (share: number) => formatPercent(share * 100);
const DATE_FORM_WORDS = {
  iso: 'year first (ISO)',
  us: 'month first (US)',
  'day-first': 'day first',
} as const;

/**
 * "orders.csv was read as order lines (Online Retail II): 12,000 lines, value = …, dates year first (ISO)."
 * and, for a workbook or a file not in UTF-8, the sheet or the encoding read.
 */
export function readAsWords(r: OrderReading): string {
  const dates = r.dateForms.map((f) => DATE_FORM_WORDS[f]).join(' and ');
  const assumed = r.usDatesAssumed
    ? ' (as the Online Retail layout writes them; no date in the file showed it)'
    : '';
  const note = readingNote(r);
  return `${r.fileName} was read as order lines (${r.layout}): ${plural(r.totalLines, 'line')}, value = ${r.value}, dates ${dates}${assumed}.${note === null ? '' : ` ${note}`}`;
}

/** Which header played which role, and which were ignored. */
export function roleItems(r: OrderReading): string[] {
  const roles = r.roles.map(({ role, header }) => `${header} → ${role}`);
  return [`Columns: ${roles.join(', ')}`, ...(r.ignored.length ? [`Ignored: ${r.ignored.join(', ')}`] : [])];
}

export const cancellationRuleWords = (r: OrderReading) =>
  r.cancellations === 'net' ? 'netted against the customers’ spend' : 'excluded';

/** Each cleaning rule with its count. */
export function cleaningItems(r: OrderReading): string[] {
  const c = r.counts;
  return [
    `${plural(c.noCustomerId, 'line')} without a customer id excluded (${pct(c.noCustomerId / Math.max(1, c.lines))})`,
    `${plural(c.cancellations, 'cancellation line')} (C invoices or negative quantities) ${cancellationRuleWords(r)}`,
    `${plural(c.badPrices, 'line')} with a zero or negative price excluded`,
    r.duplicatesChecked
      ? `${plural(c.duplicates, 'exact duplicate line')} excluded`
      : 'duplicates not checked: the file has no product column',
    ...(r.unreadableLines ? [`${plural(r.unreadableLines, 'line')} with unreadable cells skipped`] : []),
    ...(c.afterAsOf ? [`${plural(c.afterAsOf, 'line')} after the analysis date left out`] : []),
    ...(r.customersWithoutNetSpend
      ? [`${plural(r.customersWithoutNetSpend, 'customer')} whose returns cancel their purchases left out`]
      : []),
  ];
}

/** The analysis date as a sentence part: "2011-12-10 (the day after the last invoice)". */
export const asOfWords = (r: OrderReading) =>
  `${dayToIso(r.asOfDay)}${r.asOfDefault ? ' (the day after the last invoice)' : ''}`;

export function periodWords(r: OrderReading, customers: number): string {
  return `${formatCount(customers)} customers, analysed as of ${asOfWords(r)}. Orders from ${dayToIso(r.firstDay)} to ${dayToIso(r.lastDay)}.`;
}

export const RFM_METHOD = 'K-means on log(1 + x), standardised recency, frequency and spend.';

/** The segments with their centres in days, orders and money, and their mean 1–5 scores. */
export function rfmSegmentTable(a: RfmAnalysis): ReplyTable {
  return {
    columns: ['#', 'Segment', 'Customers', 'Recency (days)', 'Orders', 'Spend', 'R F M score'],
    align: ['right', 'left', 'right', 'right', 'right', 'right', 'left'],
    rows: a.segments.map((s) => [
      String(s.id),
      s.name,
      `${formatCount(s.size)} (${pct(s.share)})`,
      formatCount(s.centre.recency),
      formatMean(s.centre.frequency),
      formatCount(s.centre.monetary),
      `${formatMean(s.scores.r)} ${formatMean(s.scores.f)} ${formatMean(s.scores.m)}`,
    ]),
  };
}

export const segmentAdvice = (a: RfmAnalysis) =>
  a.segments.map((s) => `${s.name}: ${rfmSegmentDescription(s.code)}. ${rfmSegmentHint(s.code)}`);

/** Why the log is used: a measure skewed past 1 that the log brings under 1 says so. */
export function skewnessWords(s: SkewnessFigure): string {
  const why = Math.abs(s.raw) > 1 && Math.abs(s.log) < 1 ? ' — why K-means runs on the log scale' : '';
  return `${s.measure}: skewness ${s.raw.toFixed(2)} before the log, ${s.log.toFixed(2)} after${why}`;
}

/** The brief's question in plain words: how many countries, the long tail, and who separates buying behaviour better. */
export function countryWords(a: RfmAnalysis): string {
  const cmp = a.countryComparison;
  const top = cmp.customersPerCountry[0];
  const verdict =
    cmp.segmentsShare > cmp.countriesShare * 2
      ? 'far better'
      : cmp.segmentsShare > cmp.countriesShare
        ? 'better'
        : 'no better';
  return (
    `The customers live in ${plural(cmp.countries, 'country', 'countries')}; ${top?.country ?? '—'} has ${pct((top?.customers ?? 0) / a.customers)} of them, and ${plural(cmp.longTail.countries, 'country', 'countries')} have fewer than ${cmp.longTail.below} customers each (${formatCount(cmp.longTail.customers)} customers together). ` +
    `The segments account for ${pct(cmp.segmentsShare)} of the differences in buying behaviour (recency, frequency, spend); grouping by country accounts for ${pct(cmp.countriesShare)}. Segments serve marketing ${verdict} than countries.`
  );
}

/** Segment sizes in the largest countries. */
export function countryTable(a: RfmAnalysis, rows = 10): ReplyTable {
  return {
    columns: ['Country', 'Customers', ...a.segments.map((s) => `#${s.id}`)],
    align: ['left', 'right', ...a.segments.map(() => 'right' as const)],
    rows: a.countryComparison.segmentsByCountry
      .slice(0, rows)
      .map((row) => [
        row.country,
        formatCount(row.counts.reduce((x, y) => x + y, 0)),
        ...row.counts.map(formatCount),
      ]),
  };
}
