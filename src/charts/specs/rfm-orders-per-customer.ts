/**
 * Orders per customer: how many customers placed 1, 2, … orders, the long
 * tail pooled into widening bands (6–10, 11–20, 21–50, 51–100, over 100), so
 * the bar count stays fixed at any file size.
 */
import { formatShare } from '../../words.ts';
import { NEUTRAL_FILL } from '../theme.ts';
import type { ChartSpec, RfmChartInput } from '../types.ts';
import { frame, int } from './common.ts';

/** Upper bound of each band (inclusive); the last catches everything above 100. */
export const ORDER_BANDS: ReadonlyArray<{ label: string; upTo: number }> = [
  { label: '1', upTo: 1 },
  { label: '2', upTo: 2 },
  { label: '3', upTo: 3 },
  { label: '4', upTo: 4 },
  { label: '5', upTo: 5 },
  { label: '6–10', upTo: 10 },
  { label: '11–20', upTo: 20 },
  { label: '21–50', upTo: 50 },
  { label: '51–100', upTo: 100 },
  { label: 'over 100', upTo: Number.POSITIVE_INFINITY },
];

export function orderBands(frequency: Float64Array) {
  const counts = new Array<number>(ORDER_BANDS.length).fill(0);
  for (const f of frequency) counts[ORDER_BANDS.findIndex((b) => f <= b.upTo)]! += 1;
  return ORDER_BANDS.map((b, i) => ({ band: b.label, customers: counts[i]! }));
}

export function rfmOrdersPerCustomer(input: RfmChartInput): ChartSpec<'rfm-orders-per-customer'> {
  const { customers: c } = input;
  const bands = orderBands(c.frequency);
  const once = c.length ? bands[0]!.customers / c.length : 0;
  const title = 'Orders per customer';
  const sub = [`${formatShare(once)} of the ${int(c.length)} customers ordered once.`];
  const alt = `Customers by number of orders: ${bands
    .filter((b) => b.customers > 0)
    .map((b) => `${b.band}: ${int(b.customers)}`)
    .join(', ')}.`;
  const x = {
    field: 'band',
    type: 'ordinal' as const,
    sort: ORDER_BANDS.map((b) => b.label),
    title: 'Orders (distinct invoices)',
    axis: { labelAngle: 0 },
  };
  const y = {
    field: 'customers',
    type: 'quantitative' as const,
    title: 'Customers',
    axis: { format: ',d', tickCount: 5 },
  };
  const spec = {
    ...frame(title, sub),
    width: 540,
    height: 220,
    data: { values: bands },
    encoding: { x, y },
    layer: [
      { mark: { type: 'bar', color: NEUTRAL_FILL, aria: false } },
      {
        mark: { type: 'text', dy: -7, fontSize: 11, aria: false },
        encoding: { text: { field: 'customers', format: ',d' } },
      },
    ],
  };
  return { kind: 'rfm-orders-per-customer', title, alt, spec: spec as ChartSpec['spec'] };
}
