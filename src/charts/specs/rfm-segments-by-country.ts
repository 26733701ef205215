/**
 * Segments × country, the brief's comparison: for all customers and for each
 * of the largest countries, the share of its customers in each segment (100 %
 * bars), the remaining countries pooled as one "other" bar. Countries that
 * look alike here gain nothing from being marketed to separately; the
 * subtitle gives the variance shares from core/rfm/countries.ts.
 */
import { formatShare } from '../../words.ts';
import type { ChartSpec, RfmChartInput } from '../types.ts';
import { frame, int, segmentColorEncoding, segmentLabel } from './common.ts';

/** Countries with a bar of their own; the rest share one. */
export const TOP_COUNTRIES = 8;

export function countryRows(input: RfmChartInput, top = TOP_COUNTRIES) {
  const { segmentsByCountry } = input.analysis.countryComparison;
  const k = input.analysis.k;
  const sum = (rows: typeof segmentsByCountry) =>
    rows.reduce((acc, r) => acc.map((v, j) => v + r.counts[j]!), new Array<number>(k).fill(0));
  const head = segmentsByCountry.slice(0, top);
  const rest = segmentsByCountry.slice(top);
  const total = (counts: number[]) => counts.reduce((x, y) => x + y, 0);
  const rows = [
    { label: 'All customers', counts: sum(segmentsByCountry) },
    ...head.map((r) => ({ label: r.country, counts: r.counts })),
    ...(rest.length
      ? [{ label: `${rest.length} other countr${rest.length === 1 ? 'y' : 'ies'}`, counts: sum(rest) }]
      : []),
  ];
  return rows.map((r) => ({
    ...r,
    label: `${r.label} (${int(total(r.counts))})`,
    customers: total(r.counts),
  }));
}

export function rfmSegmentsByCountry(input: RfmChartInput): ChartSpec<'rfm-segments-by-country'> {
  const a = input.analysis;
  const cc = a.countryComparison;
  const rows = countryRows(input);
  const values = rows.flatMap((r) =>
    r.counts.map((n, j) => ({ row: r.label, s: j + 1, share: r.customers ? n / r.customers : 0, n })),
  );
  const title = 'Segments by country';
  const sub = [
    `Each bar: a country's customers by segment. ${cc.countries} countries, ${cc.longTail.countries} with under ${cc.longTail.below} customers.`,
    `Segments account for ${formatShare(cc.segmentsShare)} of the differences in recency, order count and spend; countries for ${formatShare(cc.countriesShare)}.`,
  ];
  const alt =
    `Segment mix of all customers and of the ${Math.min(TOP_COUNTRIES, cc.countries)} largest countries` +
    `${cc.countries > TOP_COUNTRIES ? ' and the other countries together' : ''}; segments explain ${formatShare(cc.segmentsShare)} of the variance in recency, order count and spend, countries ${formatShare(cc.countriesShare)}.`;
  const labels = Object.fromEntries(a.segments.map((s) => [s.id, segmentLabel(s)]));
  const spec = {
    ...frame(title, sub),
    width: 380,
    height: { step: 24 },
    data: { values },
    mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5, aria: false },
    encoding: {
      y: {
        field: 'row',
        type: 'nominal',
        sort: rows.map((r) => r.label),
        title: null,
        axis: { domain: false, ticks: false, labelPadding: 6 },
      },
      x: {
        field: 'share',
        type: 'quantitative',
        stack: 'zero',
        title: 'Share of the country’s customers',
        scale: { domain: [0, 1] },
        axis: { format: '.0%', tickCount: 5 },
      },
      color: segmentColorEncoding(a, 's', {
        orient: 'bottom',
        direction: 'vertical',
        columns: a.segments.length > 3 ? 2 : 1,
        labelExpr: `${JSON.stringify(labels)}[datum.value] || ''`,
      }),
      order: { field: 's', type: 'quantitative' },
    },
  };
  return { kind: 'rfm-segments-by-country', title, alt, spec: spec as ChartSpec['spec'] };
}
