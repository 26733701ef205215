/**
 * Choosing k. For every k in the range: the best of `restarts` k-means++ fits,
 * then inertia, mean silhouette, Calinski–Harabasz and Davies–Bouldin.
 *
 * Rule (documented for users in the reason text): find the elbow of the
 * inertia curve with Kneedle, then take the k with the highest silhouette
 * within two steps of the elbow. The silhouette alone can favour a far-off k
 * on weakly clustered data, and on these gently bending curves the elbow is
 * only precise to a step or two; together they agree with what analysts pick
 * on the Mall data (k = 5 on income × spending, 6 with age added).
 */

import { InputError } from './errors.ts';
import { fitKMeans, type KMeansFit } from './kmeans.ts';
import { kneedleElbow } from './kneedle.ts';
import { calinskiHarabasz, daviesBouldin, meanOf, silhouetteValues } from './metrics.ts';
import { type Points, selectRows } from './points.ts';
import { deriveSeed, sampleIndices } from './random.ts';
import { MAX_CACHED_PAIRS_ROWS, type PairDistances, pairDistances } from './silhouette.ts';
import type { AnalysisOptions, Selection, SelectionRow } from './types.ts';

export function tooFewDistinct(distinct: number, k: number): InputError {
  return new InputError(
    'too_few_customers',
    `the customers fall into only ${distinct} different profile${distinct === 1 ? '' : 's'} on the chosen features, so they cannot be split into ${k} segments; choose other features or fewer segments.`,
  );
}

export interface SweepResult {
  selection: Selection;
  /** Fits by k, on the sweep set (the whole data when it was not sampled). */
  fits: Map<number, KMeansFit>;
  sweepSet: Points;
  /** Indices (into the sweep set) of the silhouette sample. */
  silhouetteRows: Int32Array;
}

export function kmeansOptionsFor(k: number, options: AnalysisOptions) {
  return {
    k,
    restarts: options.restarts,
    maxIterations: options.maxIterations,
    tolerance: options.tolerance,
    seed: deriveSeed(options.seed, 'k', k),
    fitSampleSize: options.sweepSampleSize,
  };
}

export function scoreFit(
  sweepSet: Points,
  fit: KMeansFit,
  silhouetteSet: Points,
  silhouetteRows: Int32Array,
  distances?: PairDistances,
) {
  const labels = Int32Array.from(silhouetteRows, (i) => fit.labels[i]!);
  const values = silhouetteValues(silhouetteSet, labels, fit.k, distances);
  return {
    silhouetteValues: values,
    row: {
      k: fit.k,
      inertia: fit.inertia,
      silhouette: meanOf(values),
      calinskiHarabasz: calinskiHarabasz(sweepSet, fit.labels, fit.centroids, fit.k),
      daviesBouldin: daviesBouldin(sweepSet, fit.labels, fit.centroids, fit.k),
    } satisfies SelectionRow,
  };
}

export function sweepK(points: Points, options: AnalysisOptions): SweepResult {
  const sampled = points.n > options.sweepSampleSize;
  const sweepSet = sampled
    ? selectRows(points, sampleIndices(points.n, options.sweepSampleSize, deriveSeed(options.seed, 'sweep')))
    : points;
  const silhouetteRows = sampleIndices(
    sweepSet.n,
    Math.min(sweepSet.n, options.silhouetteSampleSize),
    deriveSeed(options.seed, 'silhouette'),
  );
  const silhouetteSet = selectRows(sweepSet, silhouetteRows);
  const distinct = distinctRows(sweepSet);
  const maxK = Math.min(options.kRange.max, sweepSet.n - 1, distinct);
  const fits = new Map<number, KMeansFit>();
  const rows: SelectionRow[] = [];
  if (maxK < options.kRange.min) throw tooFewDistinct(distinct, options.kRange.min);
  // The silhouette sample is the same for every k: measure its pairs once.
  const distances = silhouetteSet.n <= MAX_CACHED_PAIRS_ROWS ? pairDistances(silhouetteSet) : undefined;
  for (let k = options.kRange.min; k <= maxK; k++) {
    const fit = fitKMeans(sweepSet, kmeansOptionsFor(k, options));
    fits.set(k, fit);
    rows.push(scoreFit(sweepSet, fit, silhouetteSet, silhouetteRows, distances).row);
  }
  const sample = sampled ? { size: sweepSet.n, of: points.n } : null;
  return { selection: recommendK(rows, sample), fits, sweepSet, silhouetteRows };
}

/**
 * How many different feature combinations there are (k-means cannot make more
 * groups than that), counting no further than `cap` so a million-row table
 * with plenty of variety answers after a few rows.
 */
export function distinctRows(points: Points, cap = Number.POSITIVE_INFINITY): number {
  const seen = new Set<string>();
  for (let i = 0; i < points.n && seen.size < cap; i++) {
    seen.add(points.data.subarray(i * points.d, (i + 1) * points.d).join(','));
  }
  return seen.size;
}

export function recommendK(rows: SelectionRow[], sample: Selection['sample']): Selection {
  const bySilhouette = rows.reduce((a, b) => (b.silhouette > a.silhouette ? b : a), rows[0]!);
  const elbowK = kneedleElbow(
    rows.map((r) => r.k),
    rows.map((r) => r.inertia),
  );
  const window = elbowK === null ? rows : rows.filter((r) => Math.abs(r.k - elbowK) <= 2);
  const chosen = window.reduce((a, b) => (b.silhouette > a.silhouette ? b : a), window[0]!);
  return {
    rows,
    recommendedK: chosen.k,
    elbowK,
    silhouetteK: bySilhouette.k,
    reason: explain(chosen, elbowK, bySilhouette),
    sample,
  };
}

function explain(chosen: SelectionRow, elbowK: number | null, best: SelectionRow): string {
  const sil = chosen.silhouette.toFixed(2);
  if (elbowK === null)
    return `k = ${chosen.k} has the highest silhouette (${sil}); the inertia curve has no clear elbow.`;
  const elbow =
    elbowK === chosen.k
      ? `the elbow of the inertia curve is at k = ${elbowK}`
      : `the elbow of the inertia curve is at k = ${elbowK}, and k = ${chosen.k} near it separates the groups better`;
  const agree =
    best.k === chosen.k
      ? `it also has the highest silhouette of all k tried (${sil})`
      : `its silhouette is ${sil}; k = ${best.k} scores higher (${best.silhouette.toFixed(2)}) but adds little beyond the elbow`;
  return `k = ${chosen.k}: ${elbow}, and ${agree}.`;
}
