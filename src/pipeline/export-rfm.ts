/**
 * The order-data export: one row per customer with their RFM figures,
 * country, segment and 1–5 scores. The same writer for `/segment export`,
 * `segment export --data orders.csv` and `segment analyze orders.csv --export`.
 */
import type { CustomerRfm } from '../core/rfm/aggregate.ts';
import type { RfmAnalysis } from '../core/rfm/analyze.ts';
import { csvCell } from './export-csv.ts';

export const RFM_EXPORT_COLUMNS = [
  'CustomerID',
  'Recency',
  'Frequency',
  'Monetary',
  'Country',
  'Segment',
  'Segment name',
  'R score',
  'F score',
  'M score',
] as const;

export function rfmCustomersCsv(c: CustomerRfm, a: RfmAnalysis): string {
  const rows = [RFM_EXPORT_COLUMNS.join(',')];
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
