/**
 * Cluster quality figures, computed as scikit-learn defines them so users can
 * compare with a notebook: mean silhouette (Euclidean), Calinski–Harabasz and
 * Davies–Bouldin. simple-statistics' silhouetteMetric returns the *maximum*
 * per-point silhouette, not the mean, so it is not used here.
 */
import type { Points } from './points.ts';

export { silhouetteValues } from './silhouette.ts';

export function meanOf(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return values.length ? s / values.length : 0;
}

function overallMean(points: Points): Float64Array {
  const m = new Float64Array(points.d);
  for (let i = 0; i < points.n; i++)
    for (let j = 0; j < points.d; j++) m[j]! += points.data[i * points.d + j]!;
  return m.map((v) => v / points.n);
}

/** Between-cluster dispersion / within-cluster dispersion, each per degree of freedom. Higher is better. */
export function calinskiHarabasz(
  points: Points,
  labels: ArrayLike<number>,
  centroids: Float64Array,
  k: number,
): number {
  const { n, d, data } = points;
  if (k < 2 || n <= k) return 0;
  const centre = overallMean(points);
  const sizes = new Float64Array(k);
  let within = 0;
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    sizes[c]! += 1;
    for (let j = 0; j < d; j++) within += (data[i * d + j]! - centroids[c * d + j]!) ** 2;
  }
  let between = 0;
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < d; j++) between += sizes[c]! * (centroids[c * d + j]! - centre[j]!) ** 2;
  }
  return within === 0 ? 1 : (between * (n - k)) / (within * (k - 1));
}

/** Mean over clusters of the worst (spread_i + spread_j) / centre distance. Lower is better. */
export function daviesBouldin(
  points: Points,
  labels: ArrayLike<number>,
  centroids: Float64Array,
  k: number,
): number {
  const { n, d, data } = points;
  const spread = new Float64Array(k);
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    let s = 0;
    for (let j = 0; j < d; j++) s += (data[i * d + j]! - centroids[c * d + j]!) ** 2;
    spread[c]! += Math.sqrt(s);
    sizes[c]! += 1;
  }
  for (let c = 0; c < k; c++) spread[c] = sizes[c]! ? spread[c]! / sizes[c]! : 0;
  let total = 0;
  for (let a = 0; a < k; a++) {
    let worst = 0;
    for (let b = 0; b < k; b++) {
      if (a === b) continue;
      let s = 0;
      for (let j = 0; j < d; j++) s += (centroids[a * d + j]! - centroids[b * d + j]!) ** 2;
      const dist = Math.sqrt(s);
      if (dist > 0) worst = Math.max(worst, (spread[a]! + spread[b]!) / dist);
    }
    total += worst;
  }
  return total / k;
}
