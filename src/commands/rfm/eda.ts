/** The order-data `eda`: per-customer recency, frequency, spend, tenure and basket described, and revenue by month. */
import type { RfmDescribed } from '../../core/rfm/describe.ts';
import { formatCount, formatFigure, formatMean } from '../format.ts';
import { reply } from '../handlers/shared.ts';
import type { OrderSummary } from '../orders.ts';
import type { Reply, ReplyImage } from '../reply.ts';
import { readAsWords } from './words.ts';

export const RFM_MEASURE_LABELS: Record<RfmDescribed, string> = {
  recency: 'Recency (days)',
  frequency: 'Frequency (orders)',
  monetary: 'Monetary (spend)',
  tenure: 'Tenure (days)',
  basket: 'Basket (spend per order)',
};

function monthLines({ reading }: OrderSummary, shown = 12): string {
  const months = reading.months.slice(-shown);
  return months
    .map((m) => `• ${m.month}: ${formatCount(m.revenue)} from ${formatCount(m.invoices)} invoices`)
    .join('\n');
}

export function rfmEdaReply(orders: OrderSummary, datasetLine: string, images: ReplyImage[]): Reply {
  const { describe, reading, analysis: a } = orders;
  const skewed = describe.filter((d) => Math.abs(d.skewness) > 1).map((d) => RFM_MEASURE_LABELS[d.measure]);
  return reply({
    title: 'The order data at a glance',
    text: `${formatCount(a.customers)} customers from ${formatCount(reading.counts.purchases)} purchase lines.`,
    sections: [
      { heading: 'Based on', body: `${datasetLine}.\n${readAsWords(reading)}` },
      {
        heading: 'Shape',
        body: skewed.length
          ? `Right-skewed (skewness above 1): ${skewed.join(', ')}. A few customers order or spend far more than the rest, which is why the segments are found on log(1 + x).`
          : 'No measure is strongly skewed.',
      },
      { heading: 'Revenue by month', body: monthLines(orders) },
    ],
    table: {
      columns: ['Measure', 'Customers', 'Mean', 'Std', 'Min', 'Q1', 'Median', 'Q3', 'Max', 'Skew'],
      rows: describe.map((d) => [
        RFM_MEASURE_LABELS[d.measure],
        formatCount(d.count),
        formatMean(d.mean),
        formatMean(d.std),
        formatMean(d.min),
        formatMean(d.q1),
        formatMean(d.median),
        formatMean(d.q3),
        formatMean(d.max),
        formatFigure(d.skewness),
      ]),
      align: ['left', ...Array<'right'>(9).fill('right')],
    },
    images,
  });
}
