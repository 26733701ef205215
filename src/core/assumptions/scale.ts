import { type Check, describeFeatures, result, verdictAtMost } from './context.ts';

/** K-means uses plain distances, so a feature with twice the spread counts four times as much. */
export const scaleCheck: Check = (ctx) => {
  const described = describeFeatures(ctx);
  const sds = described.map((d) => d.std);
  const ratio = Math.min(...sds) > 0 ? Math.max(...sds) / Math.min(...sds) : Number.POSITIVE_INFINITY;
  const widest = described[sds.indexOf(Math.max(...sds))]!;
  const narrowest = described[sds.indexOf(Math.min(...sds))]!;
  const details = Object.fromEntries(described.map((d) => [d.feature, d.std]));
  if (ctx.options.scaling !== 'none') {
    return result('scale', {
      status: 'pass',
      value: ratio,
      threshold: 2,
      finding: { code: 'scale.rescaled', scaling: ctx.options.scaling, ratio },
      details,
    });
  }
  const status = verdictAtMost(ratio, 2, 4);
  return result('scale', {
    status,
    value: ratio,
    threshold: 2,
    finding:
      status === 'pass'
        ? { code: 'scale.similar', ratio }
        : { code: 'scale.dominant', widest: widest.feature, narrowest: narrowest.feature, ratio },
    ...(status === 'pass'
      ? {}
      : { advice: { code: 'standardise' }, action: { action: 'scale', to: 'zscore' } }),
    details,
  });
};
