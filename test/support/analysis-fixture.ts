/**
 * A plausible, deterministic Analysis built without running k-means, so the
 * chart tests and benches do not depend on the clustering code and a
 * million-customer analysis takes seconds, not minutes. Customers come from
 * the synthetic Mall-like generator; they are assigned to five fixed centres
 * (the classic Mall solution) and every figure the charts read is computed
 * from that assignment with the core's own primitives (EDA, scaling,
 * silhouette, naming).
 */
import { computeEda } from '../../src/core/eda.ts';
import { silhouetteValues } from '../../src/core/metrics.ts';
import { levelOf, segmentName } from '../../src/core/naming.ts';
import { pointsFromTable, selectRows } from '../../src/core/points.ts';
import { sampleIndices } from '../../src/core/random.ts';
import { applyScaler, fitScaler } from '../../src/core/scale.ts';
import { generateCustomers } from '../../src/core/synthetic.ts';
import type {
  Analysis,
  CatalogueFeature,
  CustomerTable,
  Eda,
  Feature,
  Segment,
  SelectionRow,
} from '../../src/core/types.ts';

export interface Fixture {
  analysis: Analysis;
  table: CustomerTable;
}

const ALL: CatalogueFeature[] = ['age', 'income', 'spending'];
/** Centres in original units, in ALL order. */
const CENTRES = [
  [42, 55, 50],
  [33, 86, 82],
  [41, 88, 17],
  [45, 26, 21],
  [25, 26, 79],
];
/** Inertia (for 200 customers) and silhouette by k, shaped like the Mall file's sweep. */
const SWEEP: Array<[k: number, inertia: number, silhouette: number]> = [
  [2, 181363, 0.297],
  [3, 106348, 0.468],
  [4, 73679, 0.493],
  [5, 44448, 0.554],
  [6, 37233, 0.54],
  [7, 30241, 0.528],
  [8, 25036, 0.455],
  [9, 21916, 0.457],
  [10, 19657, 0.445],
];

/** Nearest fixed centre in the scaled space, then ids renumbered by size (largest = 1) as the core does. */
function assign(scaled: Float64Array, d: number, centres: number[][]): Int32Array {
  const n = scaled.length / d;
  const raw = new Int32Array(n);
  const sizes = centres.map(() => 0);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestD = Number.POSITIVE_INFINITY;
    centres.forEach((c, k) => {
      const dist = c.reduce((s, v, j) => s + (scaled[i * d + j]! - v) ** 2, 0);
      if (dist < bestD) [best, bestD] = [k, dist];
    });
    raw[i] = best;
    sizes[best]! += 1;
  }
  const order = sizes.map((s, c) => ({ s, c })).sort((a, b) => b.s - a.s || a.c - b.c);
  const idOf = new Array<number>(centres.length);
  order.forEach(({ c }, rank) => {
    idOf[c] = rank + 1;
  });
  return raw.map((c) => idOf[c]!);
}

function profile(
  table: CustomerTable,
  features: Feature[],
  labels: Int32Array,
  eda: Eda,
  sil: Map<number, number[]>,
) {
  const k = CENTRES.length;
  const sums = Array.from({ length: k + 1 }, () => ({ n: 0, age: 0, income: 0, spending: 0, female: 0 }));
  for (let i = 0; i < table.length; i++) {
    const s = sums[labels[i]!]!;
    s.n++;
    for (const f of ALL) s[f] += table[f][i]!;
    if (table.gender[i] === 1) s.female++;
  }
  const overall = (f: Feature) => eda.describe.find((d) => d.feature === f)!;
  return sums.slice(1).map((s, i): Segment => {
    const mean = { age: s.age / s.n, income: s.income / s.n, spending: s.spending / s.n };
    const levels = Object.fromEntries(ALL.map((f) => [f, levelOf(mean[f], overall(f).mean, overall(f).std)]));
    const mine = sil.get(i + 1) ?? [];
    return {
      id: i + 1,
      name: segmentName(levels, features),
      advice: { code: 'levels', income: levels.income!, spending: levels.spending! },
      size: s.n,
      share: s.n / table.length,
      centroid: Object.fromEntries(features.map((f) => [f, mean[f as CatalogueFeature]])),
      levels: Object.fromEntries(features.map((f) => [f, levels[f]!])),
      meanAge: mean.age,
      meanIncome: mean.income,
      meanSpending: mean.spending,
      genderShares: { Female: s.female / s.n, Male: 1 - s.female / s.n, unknown: 0 },
      silhouette: mine.length ? mine.reduce((a, v) => a + v, 0) / mine.length : 0,
      spread: 1,
    };
  });
}

export function buildFixture(opts: { n?: number; seed?: number; features?: Feature[] } = {}): Fixture {
  const n = opts.n ?? 200;
  const features = opts.features ?? ['income', 'spending'];
  const table = generateCustomers(n, opts.seed ?? 20261129);
  const source = {
    fileName: 'fixture.csv',
    columnsFound: ['CustomerID', 'Gender', 'Age', 'Annual Income (k$)', 'Spending Score (1-100)'],
    extraColumns: [],
    missing: {},
    totalRows: n,
    skippedRows: 0,
  };
  const eda = computeEda(table, source);
  const raw = pointsFromTable(table, features);
  const scaler = fitScaler(raw, features.length > 2 ? 'zscore' : 'none');
  const scaled = applyScaler(raw, scaler);
  const centres = CENTRES.map((c) =>
    features.map((f, j) => (c[ALL.indexOf(f as CatalogueFeature)]! - scaler.shift[j]!) / scaler.divisor[j]!),
  );
  const labels = assign(scaled.data, features.length, centres);
  const silRows = sampleIndices(n, Math.min(n, 400), 99);
  const silValues = silhouetteValues(
    selectRows(scaled, silRows),
    Array.from(silRows, (r) => labels[r]! - 1),
    CENTRES.length,
  );
  const bySegment = new Map<number, number[]>();
  silRows.forEach((r, j) => {
    bySegment.set(labels[r]!, [...(bySegment.get(labels[r]!) ?? []), silValues[j]!]);
  });
  const segments = profile(table, features, labels, eda, bySegment);
  const silhouette = silValues.reduce((a, v) => a + v, 0) / silValues.length;
  const rows: SelectionRow[] = SWEEP.map(([k, inertia, s]) => ({
    k,
    inertia: (inertia * n) / 200,
    silhouette: k === 5 ? silhouette : s,
    calinskiHarabasz: 0,
    daviesBouldin: 0,
  }));
  const training = { rows: n, k: 5, seed: 42, inertia: rows[3]!.inertia, silhouette, restarts: 10 };
  const analysis: Analysis = {
    version: 1,
    source,
    rows: n,
    seed: 42,
    features,
    scaling: scaler.kind,
    k: segments.length,
    scalingChosenBy: 'default',
    kChosenBy: 'recommendation',
    structure: 'clear',
    structureTest: {
      structure: 'clear',
      k: 5,
      sampleSize: Math.min(n, 500),
      silhouette,
      draws: 20,
      gaussianMax: 0.38,
      uniformMax: 0.43,
      beatGaussian: 20,
      beatUniform: 20,
      gaussian: { mean: 0.34, sd: 0.014 },
      uniform: { mean: 0.41, sd: 0.013 },
    },
    stability: {
      resamples: 20,
      sampleSize: Math.min(n, 1_000),
      restarts: 3,
      kFrequency: { 5: 15, 6: 5 },
      segments: segments.map((s) => ({ id: s.id, jaccard: 0.98, min: 0.9, dissolved: 0, verdict: 'stable' })),
    },
    restarts: 10,
    selection: {
      rows,
      recommendedK: 5,
      elbowK: 5,
      basis: 'silhouette',
      silhouetteK: 5,
      startK: 5,
      sample: n > 10_000 ? { size: 10_000, of: n } : null,
    },
    inertia: training.inertia,
    silhouette,
    calinskiHarabasz: 0,
    daviesBouldin: 0,
    segments,
    assumptions: [],
    eda,
    model: {
      version: 1,
      features,
      scaler,
      centroids: segments.map((s) =>
        features.map((f, j) => (s.centroid[f]! - scaler.shift[j]!) / scaler.divisor[j]!),
      ),
      segments: segments.map((s) => ({ id: s.id, name: s.name, advice: s.advice })),
      training,
    },
    labels,
    silhouetteSample: { rows: silRows, values: silValues },
    notes: [],
    breakdowns: [],
  };
  return { analysis, table };
}
