/**
 * K-means with restarts: greedy k-means++ starts (seeding.ts) and Lloyd
 * iterations (lloyd.ts) on typed arrays, on a seeded sample of at most
 * `fitSampleSize` rows; the lowest inertia wins and is refined on every row.
 * Labels are always consistent with the returned centroids. This used to
 * start from ml-kmeans; its Matrix rows and own full Lloyd loop cost ~6 s of
 * a 1M-row sweep and 0.5 s of start-up, so ml-kmeans is now only the
 * reference test/core/kmeans.test.ts compares these fits against.
 */
import { lloyd } from './lloyd.ts';
import { type Points, selectRows } from './points.ts';
import { createRng, deriveSeed, sampleIndices } from './random.ts';
import { kmeansPlusPlus } from './seeding.ts';

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

function restart(fitSet: Points, options: KMeansOptions, r: number) {
  const start = kmeansPlusPlus(fitSet, options.k, createRng(deriveSeed(options.seed, 'start', r)));
  return lloyd(fitSet, start, options.k, options);
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
  let best = restart(fitSet, options, 0);
  for (let r = 1; r < options.restarts; r++) {
    const candidate = restart(fitSet, options, r);
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
