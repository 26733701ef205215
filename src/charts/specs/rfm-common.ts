/**
 * What the order-data (RFM) charts share: the measures' titles, log axes
 * (symlog with constant 1 is exactly log(1 + x), the clustering transform,
 * so the charts show the space the segments were found in) and their ticks.
 */
import type { RfmMeasure } from '../../core/rfm/measures.ts';

export const RFM_TITLE: Record<RfmMeasure, string> = {
  recency: 'Days since last order',
  frequency: 'Orders',
  monetary: 'Net spend',
};

export const RFM_SHORT: Record<RfmMeasure, string> = {
  recency: 'recency',
  frequency: 'order count',
  monetary: 'spend',
};

/** The log(1 + x) scale the segmentation uses. */
export const LOG_SCALE = { type: 'symlog' as const, constant: 1 };

/** 1, 2, 5, 10, 20, 50, … within [lo, hi] (a readable log-axis grid). */
export function logTicks(lo: number, hi: number): number[] {
  // No 0 tick: on a log(1 + x) axis it sits crowded against the 1.
  const ticks: number[] = [];
  for (let p = 1; p <= 1e12; p *= 10)
    for (const m of [1, 2, 5]) {
      const t = m * p;
      if (t >= lo && t <= hi) ticks.push(t);
    }
  return ticks;
}

/** A log axis over [lo, hi]: every 1-2-5 tick when few, only the powers of ten when many. */
export function logAxis(lo: number, hi: number, labelExpr: string) {
  const all = logTicks(lo, hi);
  const values = all.length > 9 ? all.filter((t) => /^10*$/.test(String(t))) : all;
  return { values, labelExpr, labelOverlap: true, grid: true };
}

/**
 * Tick labels as expressions: an axis format of '~s' shares one SI prefix
 * across ticks (vega's tickFormat), which wrote 100 as "0k" beside 1k.
 */
const WHOLE = "format(datum.value, ',d')";
export const MONEY_LABEL =
  "datum.value >= 1e6 ? format(datum.value / 1e6, '~g') + 'M' : datum.value >= 1e3 ? format(datum.value / 1e3, '~g') + 'k' : format(datum.value, '~g')";
export const RFM_LABEL: Record<RfmMeasure, string> = {
  recency: WHOLE,
  frequency: WHOLE,
  monetary: MONEY_LABEL,
};
