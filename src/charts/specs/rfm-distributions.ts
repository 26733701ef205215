/**
 * RFM distributions: recency, order count and spend per customer, one
 * histogram each, binned evenly on the log(1 + x) scale the segmentation uses
 * (axes labelled in days, orders and spend). 24 bins per measure, whatever
 * the number of customers.
 */
import { RFM_MEASURES, type RfmMeasure } from '../../core/rfm/measures.ts';
import { NEUTRAL_FILL } from '../theme.ts';
import type { ChartSpec, RfmChartInput } from '../types.ts';
import { fixed, frame, int, panelTitle } from './common.ts';
import { LOG_SCALE, logAxis, RFM_LABEL, RFM_SHORT, RFM_TITLE } from './rfm-common.ts';

export const RFM_BINS = 24;

/** Counts in RFM_BINS equal-width bins of log(1 + x); bin edges back on the original scale. */
export function logBins(values: Float64Array, bins = RFM_BINS) {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    const l = Math.log1p(Math.max(0, v));
    if (l < lo) lo = l;
    if (l > hi) hi = l;
  }
  if (!(hi > lo)) hi = lo + 1;
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values)
    counts[Math.min(bins - 1, Math.floor((Math.log1p(Math.max(0, v)) - lo) / width))]! += 1;
  return counts.map((count, b) => ({
    start: Math.expm1(lo + b * width),
    end: Math.expm1(lo + (b + 1) * width),
    count,
  }));
}

export function rfmDistributions(input: RfmChartInput): ChartSpec<'rfm-distributions'> {
  const { analysis: a, customers } = input;
  const skew = new Map(a.skewness.map((s) => [s.measure, s]));
  const panel = (m: RfmMeasure) => {
    const bins = logBins(customers[m]);
    const lo = bins[0]!.start;
    const hi = bins[bins.length - 1]!.end;
    const s = skew.get(m)!;
    const x = {
      type: 'quantitative' as const,
      title: null,
      scale: { ...LOG_SCALE, domain: [lo, hi], nice: false, zero: false },
      axis: logAxis(lo, hi, RFM_LABEL[m]),
    };
    return {
      width: 540,
      height: 105,
      title: panelTitle(
        `${RFM_TITLE[m]} (log scale): skewness ${fixed(s.raw)} before the log, ${fixed(s.log)} after`,
      ),
      data: { values: bins },
      mark: { type: 'rect', color: NEUTRAL_FILL, fillOpacity: 0.85, stroke: 'white', strokeWidth: 1 },
      encoding: {
        x: { ...x, field: 'start' },
        x2: { field: 'end' },
        y: { field: 'count', type: 'quantitative', title: 'Customers', axis: { tickCount: 4, format: ',d' } },
        y2: { datum: 0 },
      },
    };
  };
  const title = 'Recency, order count and spend per customer';
  const alt =
    `Histograms on a log scale of ${RFM_MEASURES.map((m) => RFM_SHORT[m]).join(', ')} for ${int(a.customers)} customers; ` +
    RFM_MEASURES.map(
      (m) =>
        `${RFM_SHORT[m]} skewness ${fixed(skew.get(m)!.raw)} before the log and ${fixed(skew.get(m)!.log)} after`,
    ).join(', ') +
    '.';
  const spec = {
    ...frame(title, [
      'Bars: customers per range, on the log(1 + x) scale the segments are found on: without it a few big accounts would stretch every axis.',
    ]),
    vconcat: RFM_MEASURES.map(panel),
    spacing: 26,
  };
  return { kind: 'rfm-distributions', title, alt, spec: spec as ChartSpec['spec'] };
}
