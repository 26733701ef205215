import type { Points } from '../points.ts';
import { sampleSkewness } from '../stats.ts';
import type { Feature } from '../types.ts';
import { type Check, describeFeatures, result, verdictAtMost } from './context.ts';
import { tooFewToRelyOn } from './size-balance.ts';

/**
 * K-means does not need normal features, but a long tail stretches distances
 * on one side. Bulmer's reading: |skew| < 0.5 roughly symmetric, 0.5–1
 * moderate, > 1 strong.
 *
 * Within segments, when they are real. Segments of different sizes, or lying
 * unevenly along a feature, make it lopsided overall with no tail at all. On
 * the known-k files of 1,000 rows (k 2, 3, 5, 8; seed 2026) a feature's own
 * skewness flagged 30 files with groups; on 28 of them, all with clear
 * structure, the skewness of each customer's distance from their segment's
 * mean is under 0.5, so advising a log there would flatten the very groups
 * found. A real long tail stays lopsided within segments: log-normal incomes
 * (σ 0.4–1, 36 analyses at the recommended k and at k = 3 and 5) all still warn
 * or fail, at 1.40–3.19 within segments wherever the structure test found
 * clear groups (scripts/measure-skewness.ts). So with clear groups (k ≥ 2) a
 * lopsided feature is judged on that within-segment skewness where it is
 * smaller; otherwise (weak or no groups, or before fitting) on its own, since
 * cuts through groupless data shrink the within figure by construction. A
 * symmetric feature stays a pass: Mall's incomes (skewness 0.32) are 1.24
 * within its five segments, from the few top earners in the high-income ones,
 * and that is no reason to log a symmetric column.
 *
 * Repeated rows: the figure is the adjusted Fisher–Pearson skewness (pandas'
 * and the EDA table's), whose small-sample factor √(n(n−1))/(n−2) changes
 * when every row appears twice, by less than 3/n of the figure; the verdict
 * can only move when the skewness is within that of 0.5 or 1 (tested in
 * test/core/assumptions/invariance.test.ts). Row order does not matter.
 */
export const skewnessCheck: Check = (ctx) => {
  const described = describeFeatures(ctx);
  const within = segmentsAreReal(ctx) ? withinSegmentSkewness(ctx.standardised, ctx.labels!) : null;
  // Columns of `standardised` follow options.features; the EDA describes features in its own order.
  const column = (f: Feature) => ctx.options.features.indexOf(f);
  const judged = described.map((d) => {
    const w = within?.[column(d.feature)];
    // Only a lopsided feature is asked whether its segments explain it; a within figure never makes a verdict worse.
    const byWithin = w !== undefined && Math.abs(d.skewness) > 0.5 && Math.abs(w) < Math.abs(d.skewness);
    return { ...d, judged: byWithin ? w : d.skewness, byWithin };
  });
  const worst = judged.reduce((a, b) => (Math.abs(b.judged) > Math.abs(a.judged) ? b : a));
  const value = Math.abs(worst.judged);
  const status = verdictAtMost(value, 0.5, 1);
  const flatter = described.filter((d) => d.kurtosis < -0.5).map((d) => d.feature);
  const { feature } = worst;
  // The most lopsided feature whose lopsidedness the segments explain: said, so the EDA's figure is not left unexplained.
  const explained = judged
    .filter((d) => d.byWithin && Math.abs(d.judged) <= 0.5)
    .reduce<(typeof judged)[number] | null>(
      (a, b) => (a && Math.abs(a.skewness) >= Math.abs(b.skewness) ? a : b),
      null,
    );
  return result('skewness', {
    status,
    value,
    threshold: 0.5,
    finding:
      status !== 'pass'
        ? {
            code: 'skewness.lopsided',
            feature,
            skewness: worst.judged,
            ...(worst.byWithin ? { withinSegments: true as const } : {}),
          }
        : explained
          ? {
              code: 'skewness.between',
              feature: explained.feature,
              skewness: explained.skewness,
              within: explained.judged,
            }
          : { code: 'skewness.symmetric', feature, skewness: worst.judged, flatter },
    // The bot transforms no column itself: the way to act is a column of logs, chosen as a feature.
    ...(status === 'pass'
      ? {}
      : { advice: { code: 'log-transform', feature }, action: { action: 'features' } }),
    details: Object.fromEntries(described.map((d) => [d.feature, d.skewness])),
  });
};

const segmentsAreReal = (ctx: Parameters<Check>[0]) =>
  ctx.labels !== undefined &&
  ctx.segments !== undefined &&
  ctx.segments.length >= 2 &&
  ctx.structure !== undefined &&
  ctx.structure.structure === 'clear' &&
  // A tiny segment of outliers would hide their tail inside a "segment" of their own.
  !ctx.segments.some(tooFewToRelyOn);

/** Per column: the skewness of each customer's value minus their segment's mean. */
export function withinSegmentSkewness(points: Points, labels: Int32Array): number[] {
  const { n, d, data } = points;
  let k = 0;
  for (let i = 0; i < n; i++) k = Math.max(k, labels[i]!);
  return Array.from({ length: d }, (_, j) => {
    const sum = new Float64Array(k + 1);
    const count = new Float64Array(k + 1);
    for (let i = 0; i < n; i++) {
      sum[labels[i]!]! += data[i * d + j]!;
      count[labels[i]!]! += 1;
    }
    const residual = new Float64Array(n);
    let spread = 0;
    let total = 0;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += data[i * d + j]! / n;
    for (let i = 0; i < n; i++) {
      residual[i] = data[i * d + j]! - sum[labels[i]!]! / count[labels[i]!]!;
      spread += residual[i]! ** 2;
      total += (data[i * d + j]! - mean) ** 2;
    }
    // Constant within every segment: the residuals are rounding noise, whose "skewness" means nothing.
    return spread <= 1e-12 * total ? 0 : sampleSkewness(residual);
  });
}
