/**
 * describe() rows and box summaries from an ordered view of a column's values
 * (core/order.ts), however it was made: a sort, counts of one column, or
 * counts kept per gender (core/eda-counts.ts). One definition of quartiles,
 * fences and whiskers, so every path gives the same figures.
 */
import type { Ordered } from './order.ts';
import { type Moments, type Quartiles, tukeyFences } from './stats.ts';
import type { BoxSummary, Feature, FeatureSummary } from './types.ts';

/** Type-7 quartiles (numpy's and pandas' default, as quantileSorted) from an Ordered view. */
export function quartilesOf(o: Ordered): Quartiles {
  const n = o.length;
  const quantile = (p: number) => {
    if (n === 0) return Number.NaN;
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const a = o.at(lo);
    return a + (h - lo) * (o.at(Math.min(n - 1, lo + 1)) - a);
  };
  return {
    min: n ? o.at(0) : Number.NaN,
    q1: quantile(0.25),
    median: quantile(0.5),
    q3: quantile(0.75),
    max: n ? o.at(n - 1) : Number.NaN,
  };
}

export function featureSummaryOf(feature: Feature, o: Ordered, missing: number, m: Moments): FeatureSummary {
  const q = quartilesOf(o);
  const fences = tukeyFences(q);
  const outliers = o.countOutside(fences.lower, fences.upper);
  return {
    feature,
    count: o.length,
    missing,
    mean: m.mean,
    std: m.std,
    ...q,
    skewness: m.skewness,
    kurtosis: m.kurtosis,
    outliers,
  };
}

export function boxSummaryOf(o: Ordered, mean: number): BoxSummary {
  const q = quartilesOf(o);
  const fences = tukeyFences(q);
  // The most extreme values inside the fences (the quartiles themselves are always inside).
  const lowerWhisker = Math.min(q.max, o.firstAtLeast(fences.lower) ?? q.max);
  const upperWhisker = Math.max(q.min, o.lastAtMost(fences.upper) ?? q.min);
  return { ...q, mean, lowerWhisker, upperWhisker };
}
