import { type Check, describeFeatures, result, verdictAtMost } from './context.ts';

/**
 * K-means does not need normal features, but a long tail stretches distances
 * on one side. Bulmer's reading: |skew| < 0.5 roughly symmetric, 0.5–1
 * moderate, > 1 strong.
 *
 * Repeated rows: the figure is the EDA's adjusted Fisher–Pearson skewness
 * (pandas' and the EDA table's), whose small-sample factor √(n(n−1))/(n−2)
 * changes when every row appears twice, by less than 3/n of the figure. Kept,
 * so this check and the EDA table show one number; the verdict can only move
 * when the skewness is within that of 0.5 or 1 (tested in
 * test/core/assumptions/invariance.test.ts). Row order does not matter.
 */
export const skewnessCheck: Check = (ctx) => {
  const described = describeFeatures(ctx);
  const worst = described.reduce((a, b) => (Math.abs(b.skewness) > Math.abs(a.skewness) ? b : a));
  const value = Math.abs(worst.skewness);
  const status = verdictAtMost(value, 0.5, 1);
  const flatter = described.filter((d) => d.kurtosis < -0.5).map((d) => d.feature);
  const { feature, skewness } = worst;
  return result('skewness', {
    status,
    value,
    threshold: 0.5,
    finding:
      status === 'pass'
        ? { code: 'skewness.symmetric', feature, skewness, flatter }
        : { code: 'skewness.lopsided', feature, skewness },
    // The bot transforms no column itself: the way to act is a column of logs, chosen as a feature.
    ...(status === 'pass'
      ? {}
      : { advice: { code: 'log-transform', feature }, action: { action: 'features' } }),
    details: Object.fromEntries(described.map((d) => [d.feature, d.skewness])),
  });
};
