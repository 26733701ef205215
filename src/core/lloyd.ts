import type { Points } from './points.ts';

/**
 * Lloyd iterations on typed arrays, for every fit: from k-means++ starts on
 * the (sampled) fit set, and to refine the winner on every row. ml-kmeans
 * walks number[][] rows (~140 ms an iteration at 1M×3, against ~15 ms here)
 * and, when it stops at its iteration cap, returns labels one step behind its
 * centroids, so it is only the reference the tests compare with.
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
  return assignAndSum(points, centroids, k, labels, null, null);
}

/**
 * The hot loop: nearest centre per row and, in the same pass, the per-cluster
 * sums and counts the next centres are the means of (row order, as a separate
 * pass would add them, so the result is the same to the bit). Two and three
 * features, the usual cases, get kernels with the centres in locals' reach.
 */
function assignAndSum(
  points: Points,
  centroids: Float64Array,
  k: number,
  labels: Int32Array,
  sums: Float64Array | null,
  counts: Float64Array | null,
): number {
  if (points.d === 2) return assign2(points, centroids, k, labels, sums, counts);
  if (points.d === 3) return assign3(points, centroids, k, labels, sums, counts);
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
    if (sums !== null && counts !== null) {
      counts[best]! += 1;
      for (let j = 0; j < d; j++) sums[best * d + j]! += data[i * d + j]!;
    }
  }
  return inertia;
}

function assign2(
  points: Points,
  centroids: Float64Array,
  k: number,
  labels: Int32Array,
  sums: Float64Array | null,
  counts: Float64Array | null,
): number {
  const { n, data } = points;
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const x = data[2 * i]!;
    const y = data[2 * i + 1]!;
    let best = 0;
    let bestDist = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      const a = x - centroids[2 * c]!;
      const b = y - centroids[2 * c + 1]!;
      const s = a * a + b * b;
      if (s < bestDist) {
        bestDist = s;
        best = c;
      }
    }
    labels[i] = best;
    inertia += bestDist;
    if (sums !== null && counts !== null) {
      counts[best]! += 1;
      sums[2 * best]! += x;
      sums[2 * best + 1]! += y;
    }
  }
  return inertia;
}

function assign3(
  points: Points,
  centroids: Float64Array,
  k: number,
  labels: Int32Array,
  sums: Float64Array | null,
  counts: Float64Array | null,
): number {
  const { n, data } = points;
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const x = data[3 * i]!;
    const y = data[3 * i + 1]!;
    const z = data[3 * i + 2]!;
    let best = 0;
    let bestDist = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      const a = x - centroids[3 * c]!;
      const b = y - centroids[3 * c + 1]!;
      const e = z - centroids[3 * c + 2]!;
      const s = a * a + b * b + e * e;
      if (s < bestDist) {
        bestDist = s;
        best = c;
      }
    }
    labels[i] = best;
    inertia += bestDist;
    if (sums !== null && counts !== null) {
      counts[best]! += 1;
      sums[3 * best]! += x;
      sums[3 * best + 1]! += y;
      sums[3 * best + 2]! += z;
    }
  }
  return inertia;
}

/**
 * Means of each cluster from the sums of the last assignment. An empty
 * cluster is moved to the row farthest from its own centre (as scikit-learn
 * does) instead of silently keeping a stale centre, which is what ml-kmeans
 * would do. Several empty clusters take different rows, or they would stay
 * stacked and one would stay empty.
 */
function centresFrom(
  points: Points,
  labels: Int32Array,
  k: number,
  previous: Float64Array,
  sums: Float64Array,
  counts: Float64Array,
): Float64Array {
  const { d, data } = points;
  const centres = new Float64Array(sums);
  const taken = new Set<number>();
  for (let c = 0; c < k; c++) {
    if (counts[c]! > 0) {
      for (let j = 0; j < d; j++) centres[c * d + j]! /= counts[c]!;
    } else {
      const far = farthestRow(points, labels, previous, taken);
      taken.add(far);
      centres.set(data.subarray(far * d, far * d + d), c * d);
    }
  }
  return centres;
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
  let labels = new Int32Array(points.n);
  let next = new Int32Array(points.n);
  const sums = new Float64Array(k * points.d);
  const counts = new Float64Array(k);
  let centroids = start;
  let inertia = assignAndSum(points, centroids, k, labels, sums, counts);
  for (let it = 1; it <= options.maxIterations; it++) {
    const moved = centresFrom(points, labels, k, centroids, sums, counts);
    const shift = maxShift(moved, centroids);
    centroids = moved;
    sums.fill(0);
    counts.fill(0);
    inertia = assignAndSum(points, centroids, k, next, sums, counts);
    const changed = countChanges(labels, next);
    [labels, next] = [next, labels];
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
