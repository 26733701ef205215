import { type Check, describeFeatures, FEATURE_WORDS, result, verdictAtMost } from './context.ts';

/** Centroids are means, so a few extreme customers can pull a whole segment towards them. */
export const outliersCheck: Check = (ctx) => {
  const described = describeFeatures(ctx);
  const total = described.reduce((s, d) => s + d.outliers, 0);
  const share = ctx.eda.rows ? total / ctx.eda.rows : 0;
  const status = verdictAtMost(share, 0.02, 0.05);
  const listed = described
    .filter((d) => d.outliers > 0)
    .map((d) => `${d.outliers} in ${FEATURE_WORDS[d.feature]}`)
    .join(', ');
  return result('outliers', 'Few extreme values', {
    status,
    value: share,
    threshold: 0.02,
    message:
      total === 0
        ? 'No customer lies outside the usual range (Tukey 1.5 × IQR fences) on any feature.'
        : `${total} unusual value${total === 1 ? '' : 's'} (${listed}; ${(share * 100).toFixed(1)} % of customers) beyond the 1.5 × IQR fences; they were kept${status === 'pass' ? ' and are too few to move the segments' : ' and can pull segment centres towards them'}.`,
    ...(status === 'pass'
      ? {}
      : { remedy: 'Check those rows for typing errors; consider leaving extreme customers out.' }),
    details: Object.fromEntries(described.map((d) => [d.feature, d.outliers])),
  });
};
