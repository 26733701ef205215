import { type Check, describeFeatures, FEATURE_WORDS, result, verdictAtMost } from './context.ts';

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
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const skewnessCheck: Check = (ctx) => {
  const described = describeFeatures(ctx);
  const worst = described.reduce((a, b) => (Math.abs(b.skewness) > Math.abs(a.skewness) ? b : a));
  const value = Math.abs(worst.skewness);
  const status = verdictAtMost(value, 0.5, 1);
  const flat = described.filter((d) => d.kurtosis < -0.5).map((d) => FEATURE_WORDS[d.feature]);
  const shape = flat.length
    ? ` ${capitalise(flat.join(' and '))} ${flat.length === 1 ? 'is' : 'are'} flatter than a bell curve, which does no harm.`
    : '';
  return result('skewness', 'Roughly symmetric distributions', {
    status,
    value,
    threshold: 0.5,
    message:
      status === 'pass'
        ? `Every feature is roughly symmetric (largest skewness ${worst.skewness.toFixed(2)}, ${FEATURE_WORDS[worst.feature]}): not normal, but symmetric enough for k-means.${shape}`
        : `${FEATURE_WORDS[worst.feature]} is lopsided (skewness ${worst.skewness.toFixed(2)}): a long tail of ${worst.skewness > 0 ? 'high' : 'low'} values stretches the distances.`,
    ...(status === 'pass'
      ? {}
      : { remedy: `Consider a log transform of ${FEATURE_WORDS[worst.feature]} before segmenting.` }),
    details: Object.fromEntries(described.map((d) => [d.feature, d.skewness])),
  });
};
