import { type Check, describeFeatures, FEATURE_WORDS, result, verdictAtMost } from './context.ts';

/** K-means uses plain distances, so a feature with twice the spread counts four times as much. */
export const scaleCheck: Check = (ctx) => {
  const described = describeFeatures(ctx);
  const sds = described.map((d) => d.std);
  const ratio = Math.min(...sds) > 0 ? Math.max(...sds) / Math.min(...sds) : Number.POSITIVE_INFINITY;
  const widest = described[sds.indexOf(Math.max(...sds))]!;
  const narrowest = described[sds.indexOf(Math.min(...sds))]!;
  const details = Object.fromEntries(described.map((d) => [d.feature, d.std]));
  if (ctx.options.scaling !== 'none') {
    return result('scale', 'Features on comparable scales', {
      status: 'pass',
      value: ratio,
      threshold: 2,
      message: `The features were rescaled (${ctx.options.scaling}), so each one counts equally; before rescaling their spreads differed ${ratio.toFixed(1)}-fold.`,
      details,
    });
  }
  const status = verdictAtMost(ratio, 2, 4);
  return result('scale', 'Features on comparable scales', {
    status,
    value: ratio,
    threshold: 2,
    message:
      status === 'pass'
        ? `The features have similar spreads (largest/smallest standard deviation ${ratio.toFixed(2)}), so none dominates the distances.`
        : `${FEATURE_WORDS[widest.feature]} varies ${ratio.toFixed(1)} times as much as ${FEATURE_WORDS[narrowest.feature]}, so it dominates how customers are grouped.`,
    ...(status === 'pass'
      ? {}
      : { remedy: 'Standardise the features', action: { action: 'scale', to: 'zscore' } }),
    details,
  });
};
