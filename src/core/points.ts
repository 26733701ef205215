import { featureColumn } from './features.ts';
import type { CustomerTable, Feature } from './types.ts';

/**
 * A dense n×d matrix of feature values, row-major in one Float64Array: the
 * shape every numeric step shares (k-means, metrics, Hopkins), cheap to slice
 * and fast to loop over at a million rows.
 */
export interface Points {
  readonly n: number;
  readonly d: number;
  readonly data: Float64Array;
}

export function pointsFromTable(table: CustomerTable, features: readonly Feature[]): Points {
  const n = table.length;
  const d = features.length;
  const data = new Float64Array(n * d);
  features.forEach((f, j) => {
    const col = featureColumn(table, f);
    for (let i = 0; i < n; i++) data[i * d + j] = col[i]!;
  });
  return { n, d, data };
}

/** The rows at `indices`, copied into a new matrix. */
export function selectRows(points: Points, indices: ArrayLike<number>): Points {
  const { d } = points;
  const data = new Float64Array(indices.length * d);
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r]!;
    data.set(points.data.subarray(i * d, i * d + d), r * d);
  }
  return { n: indices.length, d, data };
}

/** Row views without copying, for libraries that want number[][] (ml-kmeans). */
export function rowViews(points: Points): Float64Array[] {
  const rows = new Array<Float64Array>(points.n);
  for (let i = 0; i < points.n; i++) rows[i] = points.data.subarray(i * points.d, (i + 1) * points.d);
  return rows;
}

export function column(points: Points, j: number): Float64Array {
  const out = new Float64Array(points.n);
  for (let i = 0; i < points.n; i++) out[i] = points.data[i * points.d + j]!;
  return out;
}
