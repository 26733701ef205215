/**
 * Bounded point sets for big files. Drawing cost grows with the number of
 * marks (sharp needs ~3 s for a 10,000-point SVG), so point charts show at
 * most `cap` customers: a seeded sample, stratified so every group keeps its
 * share and even a tiny group stays visible. Linear time, one random draw per
 * row, indices returned in file order.
 */
import { createRng, deriveSeed } from '../../core/random.ts';

/** A group with fewer members than this is shown whole, or with this many. */
export const MIN_PER_STRATUM = 25;

/** Per-stratum quotas: proportional (largest remainder), with a small floor so no group vanishes. */
export function quotas(counts: readonly number[], cap: number): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= cap) return [...counts];
  const floor = counts.map((c) => Math.min(c, MIN_PER_STRATUM));
  const budget = Math.max(0, cap - floor.reduce((a, b) => a + b, 0));
  const rest = counts.map((c, s) => c - floor[s]!);
  const restTotal = rest.reduce((a, b) => a + b, 0);
  const exact = rest.map((r) => (restTotal > 0 ? (r * budget) / restTotal : 0));
  const q = exact.map((e, s) => floor[s]! + Math.floor(e));
  let left = cap - q.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, s) => ({ s, frac: e - Math.floor(e) }))
    .sort((a, b) => b.frac - a.frac || a.s - b.s);
  for (const { s } of order) {
    if (left <= 0) break;
    if (q[s]! < counts[s]!) {
      q[s]! += 1;
      left--;
    }
  }
  return q;
}

/**
 * Row indices of a stratified sample of at most `cap` rows (all rows when n ≤ cap).
 * `strata[i]` is a small non-negative integer (segment id, gender code).
 * Selection sampling (Knuth's Algorithm S) per stratum: exact quota, uniform, in order.
 */
export function stratifiedSample(strata: ArrayLike<number>, cap: number, seed: number): Int32Array {
  const n = strata.length;
  if (n <= cap) return Int32Array.from({ length: n }, (_, i) => i);
  let size = 0;
  for (let i = 0; i < n; i++) size = Math.max(size, strata[i]! + 1);
  const counts = new Array<number>(size).fill(0);
  for (let i = 0; i < n; i++) counts[strata[i]!]! += 1;
  const need = quotas(counts, cap);
  const seen = new Array<number>(size).fill(0);
  const rng = createRng(deriveSeed(seed, 'chart-sample'));
  const out = new Int32Array(need.reduce((a, b) => a + b, 0));
  let k = 0;
  for (let i = 0; i < n; i++) {
    const s = strata[i]!;
    const remaining = counts[s]! - seen[s]!;
    seen[s]! += 1;
    if (need[s]! > 0 && rng() * remaining < need[s]!) {
      out[k++] = i;
      need[s]! -= 1;
    }
  }
  return out;
}
