import type { Points } from './points.ts';

/**
 * Greedy k-means++ (Arthur & Vassilvitskii, with scikit-learn's local
 * trials): each new centre is the best of 2 + ⌊ln k⌋ candidates drawn in
 * proportion to the squared distance to the nearest centre so far, "best"
 * meaning the lowest total squared distance afterwards. Typed arrays only,
 * O(k · trials · n · d); `rng` is the only source of randomness.
 */
export function kmeansPlusPlus(points: Points, k: number, rng: () => number): Float64Array {
  const { n, d, data } = points;
  const centres = new Float64Array(k * d);
  const closest = new Float64Array(n);
  const candidate = new Float64Array(n);
  const best = new Float64Array(n);
  const cumulative = new Float64Array(n);
  const trials = 2 + Math.floor(Math.log(k));
  const first = Math.min(n - 1, Math.floor(rng() * n));
  centres.set(data.subarray(first * d, first * d + d), 0);
  let potential = distancesTo(data, n, d, data, first * d, closest, null);
  for (let c = 1; c < k; c++) {
    let acc = 0;
    for (let i = 0; i < n; i++) {
      acc += closest[i]!;
      cumulative[i] = acc;
    }
    let bestPotential = Number.POSITIVE_INFINITY;
    let bestRow = 0;
    for (let t = 0; t < trials; t++) {
      const row = potential > 0 ? searchSorted(cumulative, rng() * potential) : Math.floor(rng() * n);
      const p = distancesTo(data, n, d, data, row * d, candidate, closest);
      if (p < bestPotential) {
        bestPotential = p;
        bestRow = row;
        best.set(candidate);
      }
    }
    centres.set(data.subarray(bestRow * d, bestRow * d + d), c * d);
    closest.set(best);
    potential = bestPotential;
  }
  return centres;
}

/** out[i] = min(cap[i], |x_i − centre|²) (no cap: the distance itself); returns the sum. */
function distancesTo(
  data: Float64Array,
  n: number,
  d: number,
  from: Float64Array,
  at: number,
  out: Float64Array,
  cap: Float64Array | null,
): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const t = data[i * d + j]! - from[at + j]!;
      s += t * t;
    }
    const v = cap !== null && cap[i]! < s ? cap[i]! : s;
    out[i] = v;
    total += v;
  }
  return total;
}

/** The first index whose cumulative sum reaches `value` (clamped to the last row). */
function searchSorted(cumulative: Float64Array, value: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
