/**
 * Hopkins statistic of clustering tendency, in the form Wright (R Journal
 * 2022, RJ-2022-055) shows is correct in more than one dimension:
 *   H = Σ uᵢ^d / (Σ uᵢ^d + Σ wᵢ^d)
 * uᵢ: distance from a uniform random point in the data's bounding box to its
 * nearest data point; wᵢ: distance from a sampled data point (without
 * replacement) to its nearest other data point; d: the dimension.
 * H ≈ 0.5 for structureless data and approaches 1 for clustered data. Some
 * tools drop the exponent or report 1 − H; we do neither.
 */
import { type Points, selectRows } from './points.ts';
import { createRng, deriveSeed, sampleIndices } from './random.ts';

function nearestDistance(points: Points, probe: Float64Array, skip: number): number {
  const { n, d, data } = points;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    if (i === skip) continue;
    let s = 0;
    for (let j = 0; j < d; j++) {
      const t = data[i * d + j]! - probe[j]!;
      s += t * t;
    }
    if (s < best) best = s;
  }
  return Math.sqrt(best);
}

function boundingBox(points: Points): { lo: Float64Array; hi: Float64Array } {
  const lo = new Float64Array(points.d).fill(Number.POSITIVE_INFINITY);
  const hi = new Float64Array(points.d).fill(Number.NEGATIVE_INFINITY);
  for (let i = 0; i < points.n; i++) {
    for (let j = 0; j < points.d; j++) {
      const v = points.data[i * points.d + j]!;
      if (v < lo[j]!) lo[j] = v;
      if (v > hi[j]!) hi[j] = v;
    }
  }
  return { lo, hi };
}

function onceHopkins(points: Points, m: number, seed: number): number {
  const { d } = points;
  const rng = createRng(seed);
  const { lo, hi } = boundingBox(points);
  const probe = new Float64Array(d);
  let sumU = 0;
  for (let r = 0; r < m; r++) {
    for (let j = 0; j < d; j++) probe[j] = lo[j]! + rng() * (hi[j]! - lo[j]!);
    sumU += nearestDistance(points, probe, -1) ** d;
  }
  let sumW = 0;
  for (const i of sampleIndices(points.n, m, deriveSeed(seed, 'w'))) {
    sumW += nearestDistance(points, points.data.subarray(i * d, i * d + d), i) ** d;
  }
  return sumU + sumW === 0 ? 0.5 : sumU / (sumU + sumW);
}

export interface HopkinsOptions {
  seed: number;
  /** Probes per repetition: 10 % of the rows, between 10 and 100. */
  probes?: number;
  repetitions?: number;
  /** Larger data is first sampled to this many rows (nearest-neighbour search is O(n) per probe). */
  maxRows?: number;
}

/** Mean H over several seeded repetitions (one draw is noisy at m ≈ 20). */
export function hopkins(points: Points, options: HopkinsOptions): number {
  const maxRows = options.maxRows ?? 5000;
  const data =
    points.n > maxRows
      ? selectRows(points, sampleIndices(points.n, maxRows, deriveSeed(options.seed, 'rows')))
      : points;
  const m = options.probes ?? Math.min(100, Math.max(10, Math.round(data.n * 0.1)));
  const reps = options.repetitions ?? 20;
  let total = 0;
  for (let r = 0; r < reps; r++)
    total += onceHopkins(data, Math.min(m, data.n - 1), deriveSeed(options.seed, 'rep', r));
  return total / reps;
}
