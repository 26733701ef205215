/**
 * Choosing k. For every k in the range: the best of `restarts` k-means++ fits,
 * then inertia, mean silhouette, Calinski–Harabasz (CH) and Davies–Bouldin.
 *
 * Rule, chosen by measurement on the known-k benchmark (test/bench/known-k.ts;
 * Gaussian groups in the Mall ranges, k 2..10, four shapes, 8/5/3 sd apart):
 *   1. take the k with the highest mean silhouette over the whole range;
 *   2. move to a larger k when its CH is at least 10 % higher than CH at that k
 *      and its silhouette is no more than 0.10 below the best (the largest CH
 *      among such k wins).
 * Why: the silhouette maximum is right on well-separated data but merges close
 * groups (of 92 misses on the 200-row grid, 80 were too few segments); CH finds
 * those groups but keeps rising on the Mall file (k = 8). Requiring a clear CH
 * gain and a comparable silhouette keeps the Mall answer (k = 5; 6 with age).
 * Measured on 216 files of 200 rows: this rule 76 %, silhouette max 57 %, CH
 * max 75 %, the old "Kneedle elbow ± 2" rule 34 %; 100 % on well-separated
 * balanced files for the first three. Larger files: see `npm run bench`.
 * Every k in the range can be returned, ends included.
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

/** How far the silhouette may fall, and how much CH must rise, to prefer a larger k (see the top comment). */
export const K_RULE = { silhouetteSlack: 0.1, chGain: 0.1 } as const;

export function recommendK(rows: SelectionRow[], sample: Selection['sample']): Selection {
  const bySilhouette = rows.reduce((a, b) => (b.silhouette > a.silhouette ? b : a), rows[0]!);
  let chosen = bySilhouette;
  for (const r of rows) {
    if (
      r.k > bySilhouette.k &&
      r.silhouette >= bySilhouette.silhouette - K_RULE.silhouetteSlack &&
      r.calinskiHarabasz >= (1 + K_RULE.chGain) * bySilhouette.calinskiHarabasz &&
      r.calinskiHarabasz > chosen.calinskiHarabasz
    )
      chosen = r;
  }
  const elbowK = kneedleElbow(
    rows.map((r) => r.k),
    rows.map((r) => r.inertia),
  );
  return {
    rows,
    recommendedK: chosen.k,
    elbowK,
    silhouetteK: bySilhouette.k,
    basis: chosen === bySilhouette ? 'silhouette' : 'calinskiHarabasz',
    reason: explain(chosen, bySilhouette),
    sample,
  };
}

/** Every clause is a fact about the figures it quotes. */
function explain(chosen: SelectionRow, best: SelectionRow): string {
  const sil = (r: SelectionRow) => r.silhouette.toFixed(2);
  if (chosen === best)
    return `k = ${chosen.k} has the highest silhouette of all k tried (${sil(chosen)}), and no larger k separates clearly more groups.`;
  const gain = Math.round((chosen.calinskiHarabasz / best.calinskiHarabasz - 1) * 100);
  return `k = ${chosen.k}: its Calinski–Harabasz score is ${gain} % higher than at k = ${best.k}, which has the highest silhouette (${sil(best)}), while its own silhouette (${sil(chosen)}) is nearly as high, so the extra segments are real groups.`;
}
