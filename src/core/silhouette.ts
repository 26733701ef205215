import type { Points } from './points.ts';

/**
 * Per-point silhouette s = (b − a) / max(a, b): a = mean distance to the other
 * members of its cluster, b = the lowest mean distance to another cluster.
 * A point alone in its cluster scores 0 (scikit-learn's convention). O(n²·d):
 * callers pass a sample for large files. Each pair is measured once and
 * counted for both of its points; the k sweep measures its sample once
 * (`pairDistances`) and reuses the distances for every k.
 */
export function silhouetteValues(
  points: Points,
  labels: ArrayLike<number>,
  k: number,
  distances?: PairDistances,
): Float64Array {
  const { n } = points;
  const own = Int32Array.from(labels);
  const sums = new Float64Array(n * k);
  if (distances !== undefined && distances.n === n) sumsFromDistances(distances.values, n, own, k, sums);
  else sumsFromPoints(points, own, k, sums);
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) sizes[own[i]!]! += 1;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = own[i]!;
    if (sizes[c]! <= 1) continue;
    const a = sums[i * k + c]! / (sizes[c]! - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let o = 0; o < k; o++) if (o !== c && sizes[o]! > 0) b = Math.min(b, sums[i * k + o]! / sizes[o]!);
    out[i] = Number.isFinite(b) ? (b - a) / Math.max(a, b) : 0;
  }
  return out;
}

/** Euclidean distances of every pair i < m, row by row (the condensed matrix). */
export interface PairDistances {
  n: number;
  values: Float64Array;
}

/** Worth it up to a few thousand rows (3,000 rows: 36 MB); larger samples are measured per call. */
export const MAX_CACHED_PAIRS_ROWS = 4_000;

export function pairDistances(points: Points): PairDistances {
  const { n, d, data } = points;
  const values = new Float64Array((n * (n - 1)) / 2);
  let at = 0;
  for (let i = 0; i < n; i++) {
    for (let m = i + 1; m < n; m++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const t = data[i * d + j]! - data[m * d + j]!;
        s += t * t;
      }
      values[at++] = Math.sqrt(s);
    }
  }
  return { n, values };
}

function sumsFromDistances(values: Float64Array, n: number, own: Int32Array, k: number, sums: Float64Array) {
  let at = 0;
  for (let i = 0; i < n; i++) {
    const li = own[i]!;
    for (let m = i + 1; m < n; m++) {
      const dist = values[at++]!;
      sums[i * k + own[m]!]! += dist;
      sums[m * k + li]! += dist;
    }
  }
}

function sumsFromPoints(points: Points, own: Int32Array, k: number, sums: Float64Array) {
  const { n, d, data } = points;
  for (let i = 0; i < n; i++) {
    const li = own[i]!;
    for (let m = i + 1; m < n; m++) {
      let s = 0;
      if (d === 2) {
        const a = data[2 * i]! - data[2 * m]!;
        const b = data[2 * i + 1]! - data[2 * m + 1]!;
        s = a * a + b * b;
      } else {
        for (let j = 0; j < d; j++) {
          const t = data[i * d + j]! - data[m * d + j]!;
          s += t * t;
        }
      }
      const dist = Math.sqrt(s);
      sums[i * k + own[m]!]! += dist;
      sums[m * k + li]! += dist;
    }
  }
}
