/**
 * Descriptive statistics of the per-customer figures (aggregate.ts) for the
 * order-data `eda`: where recency, frequency, spend, tenure and basket sit,
 * and how skewed each is on its own scale. Pure.
 */
import { boxSummary } from '../eda.ts';
import { moments } from '../stats.ts';
import type { BoxSummary } from '../types.ts';
import type { CustomerRfm } from './aggregate.ts';

export const RFM_DESCRIBED = ['recency', 'frequency', 'monetary', 'tenure', 'basket'] as const;
export type RfmDescribed = (typeof RFM_DESCRIBED)[number];

export interface RfmMeasureSummary extends BoxSummary {
  measure: RfmDescribed;
  count: number;
  std: number;
  skewness: number;
}

export function describeRfm(c: CustomerRfm): RfmMeasureSummary[] {
  return RFM_DESCRIBED.map((measure) => {
    const values = c[measure];
    const m = moments(values);
    return { measure, count: values.length, ...boxSummary(values), std: m.std, skewness: m.skewness };
  });
}
