/**
 * The final clustering at the chosen k, on every row, with its quality
 * figures. Reuses the sweep's fit when the sweep already saw every row, and
 * otherwise refines the sweep's centres on all rows (one Lloyd pass set on
 * typed arrays) instead of starting again.
 */
import { fitKMeans, type KMeansFit } from './kmeans.ts';
import { lloyd } from './lloyd.ts';
import { calinskiHarabasz, daviesBouldin, meanOf, silhouetteValues } from './metrics.ts';
import { type Points, selectRows } from './points.ts';
import { deriveSeed, sampleIndices } from './random.ts';
import { stableOrder } from './segments.ts';
import { kmeansOptionsFor, type SweepResult } from './selection.ts';
import type { AnalysisOptions } from './types.ts';

export interface FinalFit {
  k: number;
  /** 1-based stable segment ids per row. */
  labels: Int32Array;
  /** Scaled-space centroids in stable order. */
  centroids: Float64Array;
  inertia: number;
  converged: boolean;
  silhouette: number;
  silhouetteBySegment: number[];
  silhouetteSample: { rows: Int32Array; values: Float64Array };
  calinskiHarabasz: number;
  daviesBouldin: number;
}

function rawFit(points: Points, k: number, sweep: SweepResult, options: AnalysisOptions): KMeansFit {
  const fromSweep = sweep.fits.get(k);
  if (fromSweep && !sweep.selection.sample) return fromSweep;
  if (fromSweep) {
    const refined = lloyd(points, fromSweep.centroids, k, options);
    return { ...refined, k, restarts: options.restarts };
  }
  return fitKMeans(points, kmeansOptionsFor(k, options));
}

/** Cluster c becomes segment rank[c] + 1, centroids reordered to match. */
function relabel(fit: KMeansFit, d: number) {
  const rank = stableOrder(fit.labels, fit.centroids, fit.k, d);
  const labels = new Int32Array(fit.labels.length);
  for (let i = 0; i < labels.length; i++) labels[i] = rank[fit.labels[i]!]! + 1;
  const centroids = new Float64Array(fit.centroids.length);
  for (let c = 0; c < fit.k; c++) centroids.set(fit.centroids.subarray(c * d, c * d + d), rank[c]! * d);
  return { labels, centroids };
}

export function finalFit(points: Points, k: number, sweep: SweepResult, options: AnalysisOptions): FinalFit {
  const fit = rawFit(points, k, sweep, options);
  const { labels, centroids } = relabel(fit, points.d);
  const zeroBased = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) zeroBased[i] = labels[i]! - 1;
  const rows = sampleIndices(
    points.n,
    Math.min(points.n, options.silhouetteSampleSize),
    deriveSeed(options.seed, 'final-silhouette'),
  );
  const values = silhouetteValues(
    selectRows(points, rows),
    Int32Array.from(rows, (i) => zeroBased[i]!),
    k,
  );
  const bySegment = Array.from({ length: k }, (_, c) =>
    meanOf(values.filter((_, r) => zeroBased[rows[r]!] === c)),
  );
  return {
    k,
    labels,
    centroids,
    inertia: fit.inertia,
    converged: fit.converged,
    silhouette: meanOf(values),
    silhouetteBySegment: bySegment,
    silhouetteSample: { rows, values },
    calinskiHarabasz: calinskiHarabasz(points, zeroBased, centroids, k),
    daviesBouldin: daviesBouldin(points, zeroBased, centroids, k),
  };
}
