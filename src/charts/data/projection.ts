/**
 * A 2-D view of clustering done on three features: principal components of
 * the scaled data, the space k-means actually worked in. Power iteration on
 * the small covariance matrix is plenty for d ≤ 3 and keeps this pure and
 * dependency-free. Signs are fixed (largest loading positive) so the picture
 * never flips between runs.
 */
import { featureColumn } from '../../core/features.ts';
import type { CustomerTable, Feature, ScalerParams } from '../../core/types.ts';

export interface Projection {
  features: Feature[];
  scaler: ScalerParams;
  mean: number[];
  /** Two unit vectors in scaled space. */
  axes: [number[], number[]];
  /** Share of the total variance along each axis (0–1). */
  explained: [number, number];
}

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, j) => s + v * b[j]!, 0);

function covariance(table: CustomerTable, features: Feature[], scaler: ScalerParams) {
  const d = features.length;
  const cols = features.map((f) => featureColumn(table, f));
  const mean = new Array<number>(d).fill(0);
  const cov = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  const n = table.length;
  const x = new Array<number>(d).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) x[j] = (cols[j]![i]! - scaler.shift[j]!) / scaler.divisor[j]!;
    for (let j = 0; j < d; j++) {
      mean[j]! += x[j]!;
      for (let l = j; l < d; l++) cov[j]![l]! += x[j]! * x[l]!;
    }
  }
  for (let j = 0; j < d; j++) mean[j]! /= Math.max(1, n);
  for (let j = 0; j < d; j++)
    for (let l = j; l < d; l++) {
      cov[j]![l] = cov[j]![l]! / Math.max(1, n) - mean[j]! * mean[l]!;
      cov[l]![j] = cov[j]![l]!;
    }
  return { mean, cov };
}

/** Dominant eigenvector of a symmetric matrix, with a deterministic start and sign. */
function topEigen(m: number[][]): { vector: number[]; value: number } {
  const d = m.length;
  let v = Array.from({ length: d }, (_, j) => 1 / Math.sqrt(d) + j * 1e-3);
  for (let it = 0; it < 500; it++) {
    const w = m.map((row) => dot(row, v));
    const norm = Math.sqrt(dot(w, w));
    if (!(norm > 1e-12)) break;
    const next = w.map((x) => x / norm);
    const change = next.reduce((s, x, j) => s + Math.abs(x - v[j]!), 0);
    v = next;
    if (change < 1e-12) break;
  }
  const big = v.reduce((b, x, j) => (Math.abs(x) > Math.abs(v[b]!) ? j : b), 0);
  if (v[big]! < 0) v = v.map((x) => -x);
  return {
    vector: v,
    value: dot(
      v,
      m.map((row) => dot(row, v)),
    ),
  };
}

export function fitProjection(table: CustomerTable, features: Feature[], scaler: ScalerParams): Projection {
  const { mean, cov } = covariance(table, features, scaler);
  const trace = cov.reduce((s, row, j) => s + row[j]!, 0);
  const first = topEigen(cov);
  const deflated = cov.map((row, j) =>
    row.map((x, l) => x - first.value * first.vector[j]! * first.vector[l]!),
  );
  let second = topEigen(deflated);
  // Degenerate data (≤ 1 direction of spread): any axis orthogonal to the first will do.
  if (!(second.value > 1e-12)) {
    const e = features.map((_, j) => (j === (first.vector[0]! > 0.9 ? 1 : 0) ? 1 : 0));
    const p = dot(e, first.vector);
    const o = e.map((x, j) => x - p * first.vector[j]!);
    const norm = Math.sqrt(dot(o, o)) || 1;
    second = { vector: o.map((x) => x / norm), value: 0 };
  }
  const share = (v: number) => (trace > 0 ? Math.max(0, v) / trace : 0);
  return {
    features,
    scaler,
    mean,
    axes: [first.vector, second.vector],
    explained: [share(first.value), share(second.value)],
  };
}

/** Coordinates of an already scaled point. */
export function projectScaled(p: Projection, scaled: readonly number[]): [number, number] {
  const c = scaled.map((v, j) => v - p.mean[j]!);
  return [dot(c, p.axes[0]), dot(c, p.axes[1])];
}

/** Coordinates of a point in original units (keyed by feature). */
export function projectRaw(p: Projection, values: Partial<Record<Feature, number>>): [number, number] {
  return projectScaled(
    p,
    p.features.map((f, j) => ((values[f] ?? 0) - p.scaler.shift[j]!) / p.scaler.divisor[j]!),
  );
}
