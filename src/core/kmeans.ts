/**
 * The only importer of ml-kmeans. It supplies k-means++ starts and the first
 * Lloyd passes on a (sampled) fit set; restarts, the lowest-inertia choice,
 * empty-cluster handling and the final pass over every row are ours (see
 * lloyd.ts for why). Labels are always consistent with the returned centroids.
 */
import { kmeans as mlKmeans } from 'ml-kmeans';
import { lloyd } from './lloyd.ts';
import { type Points, rowViews, selectRows } from './points.ts';
import { deriveSeed, sampleIndices } from './random.ts';

export interface KMeansOptions {
  k: number;
  /** Independent k-means++ starts; the lowest inertia wins. */
  restarts: number;
  maxIterations: number;
  /** Stop when no centre moves more than this (in scaled units). */
  tolerance: number;
  seed: number;
  /** Restarts run on a seeded sample of at most this many rows; the winner is refined on all rows. */
  fitSampleSize: number;
}

export interface KMeansFit {
  k: number;
  /** k×d, row-major, in the space the points were given in. */
  centroids: Float64Array;
  labels: Int32Array;
  inertia: number;
  iterations: number;
  converged: boolean;
  restarts: number;
}

function startFromMlKmeans(fitSet: Points, rows: Float64Array[], options: KMeansOptions, r: number) {
  const result = mlKmeans(rows as unknown as number[][], options.k, {
    initialization: 'kmeans++',
    seed: deriveSeed(options.seed, 'restart', r),
    maxIterations: options.maxIterations,
    tolerance: options.tolerance,
  });
  const centroids = new Float64Array(options.k * fitSet.d);
  result.centroids.forEach((c, i) => {
    centroids.set(c, i * fitSet.d);
  });
  return lloyd(fitSet, centroids, options.k, options);
}

export function fitKMeans(points: Points, options: KMeansOptions): KMeansFit {
  if (options.k < 1 || options.k > points.n) throw new RangeError(`k=${options.k} needs at least k rows`);
  const sampled = points.n > options.fitSampleSize;
  const fitSet = sampled
    ? selectRows(
        points,
        sampleIndices(points.n, options.fitSampleSize, deriveSeed(options.seed, 'fit-sample')),
      )
    : points;
  const rows = rowViews(fitSet);
  let best = startFromMlKmeans(fitSet, rows, options, 0);
  for (let r = 1; r < options.restarts; r++) {
    const candidate = startFromMlKmeans(fitSet, rows, options, r);
    if (candidate.inertia < best.inertia) best = candidate;
  }
  const final = sampled ? lloyd(points, best.centroids, options.k, options) : best;
  return {
    k: options.k,
    centroids: final.centroids,
    labels: final.labels,
    inertia: final.inertia,
    iterations: final.iterations,
    converged: final.converged,
    restarts: options.restarts,
  };
}
