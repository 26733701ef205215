import type { Points } from './points.ts';

/**
 * Lloyd iterations on typed arrays. ml-kmeans finds the starting centres; this
 * loop finishes the fit on every row, because ml-kmeans walks number[][] rows
 * (~140 ms an iteration at 1M×3, against ~15 ms here) and, when it stops at
 * its iteration cap, returns labels one step behind its centroids.
 */
export interface LloydResult {
  centroids: Float64Array;
  labels: Int32Array;
  inertia: number;
  iterations: number;
  converged: boolean;
}

/** Nearest centre for every row; returns the inertia (sum of squared distances). */
export function assign(points: Points, centroids: Float64Array, k: number, labels: Int32Array): number {
  const { n, d, data } = points;
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestDist = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const t = data[i * d + j]! - centroids[c * d + j]!;
        s += t * t;
      }
      if (s < bestDist) {
        bestDist = s;
        best = c;
      }
    }
    labels[i] = best;
    inertia += bestDist;
  }
  return inertia;
}

/**
 * Means of each cluster. An empty cluster is moved to the row farthest from
 * its own centre (as scikit-learn does) instead of silently keeping a stale
 * centre, which is what ml-kmeans would do. Several empty clusters take
 * different rows, or they would stay stacked and one would stay empty.
 */
function updateCentroids(
  points: Points,
  labels: Int32Array,
  k: number,
  previous: Float64Array,
): Float64Array {
  const { n, d, data } = points;
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    counts[c]! += 1;
    for (let j = 0; j < d; j++) sums[c * d + j]! += data[i * d + j]!;
  }
  const taken = new Set<number>();
  for (let c = 0; c < k; c++) {
    if (counts[c]! > 0) {
      for (let j = 0; j < d; j++) sums[c * d + j]! /= counts[c]!;
    } else {
      const far = farthestRow(points, labels, previous, taken);
      taken.add(far);
      sums.set(data.subarray(far * d, far * d + d), c * d);
    }
  }
  return sums;
}

function farthestRow(
  points: Points,
  labels: Int32Array,
  centroids: Float64Array,
  taken: Set<number>,
): number {
  const { n, d, data } = points;
  let far = 0;
  let farDist = -1;
  for (let i = 0; i < n; i++) {
    if (taken.has(i)) continue;
    const c = labels[i]!;
    let s = 0;
    for (let j = 0; j < d; j++) {
      const t = data[i * d + j]! - centroids[c * d + j]!;
      s += t * t;
    }
    if (s > farDist) {
      farDist = s;
      far = i;
    }
  }
  return far;
}

/** Runs until no label changes (or the centres move less than `tolerance`), at most maxIterations. */
export function lloyd(
  points: Points,
  start: Float64Array,
  k: number,
  options: { maxIterations: number; tolerance: number },
): LloydResult {
  const labels = new Int32Array(points.n).fill(-1);
  const next = new Int32Array(points.n);
  let centroids = start;
  let inertia = assign(points, centroids, k, labels);
  for (let it = 1; it <= options.maxIterations; it++) {
    const moved = updateCentroids(points, labels, k, centroids);
    const shift = maxShift(moved, centroids);
    centroids = moved;
    inertia = assign(points, centroids, k, next);
    const changed = countChanges(labels, next);
    labels.set(next);
    if (changed === 0 || shift <= options.tolerance) {
      return { centroids, labels, inertia, iterations: it, converged: true };
    }
  }
  return { centroids, labels, inertia, iterations: options.maxIterations, converged: false };
}

function maxShift(a: Float64Array, b: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

function countChanges(a: Int32Array, b: Int32Array): number {
  let c = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) c++;
  return c;
}
