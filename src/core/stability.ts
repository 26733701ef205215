/**
 * How firm is the answer? Seeded bootstrap resamples of the customers, each
 * analysed again, give two figures (Hennig 2007, fpc::clusterboot):
 *   - kFrequency: how often the k rule (selection.ts, sweepK) picks each k;
 *   - per segment, the mean over resamples of its best Jaccard against the
 *     resample's clusters at the final k, counted over the resampled points
 *     (with their repeats, as clusterboot does). ≥ 0.85 'stable', < 0.6
 *     'doubtful', in between 'fair'; a resample where it falls to ≤ 0.5
 *     counts as one where it dissolved.
 *
 * Cost. Each resample reruns the whole k sweep, so the base is capped: at
 * most STABILITY.sampleSize customers drawn (seeded) from the sweep set the
 * analysis already uses, and STABILITY.restarts k-means++ starts per k
 * instead of the analysis' 10. Measured on this machine (one core, k 2..10):
 * one sweep of 1,000 rows costs ~140 ms with 10 restarts, ~80 ms with 3;
 * 2,000 rows ~380 / ~260 ms, 5,000 rows ~1,000 / ~520 ms (the silhouette
 * dominates there). 20 resamples of at most 1,000 rows with 3 restarts keep
 * the step under ~2 s whatever the file size (a 1M-row file resamples from
 * its 10,000-row sweep sample, thinned to 1,000). On the Mall file 3
 * restarts give the same k counts and Jaccards as 10 (test/core/stability).
 *
 * k = 1 (no structure): the one segment is everyone in every resample, so its
 * Jaccard is 1 by definition; kFrequency still counts the rule's nearest
 * split, which shows how arbitrary that split is.
 */
import { fitKMeans } from './kmeans.ts';
import { type Points, selectRows } from './points.ts';
import { createRng, deriveSeed, sampleIndices } from './random.ts';
import { distinctRows, kmeansOptionsFor, sweepK } from './selection.ts';
import type { AnalysisOptions, SegmentStability, Stability, StabilityVerdict } from './types.ts';

export const STABILITY = { resamples: 20, sampleSize: 1_000, restarts: 3 } as const;
/** Hennig's readings of a mean Jaccard, and the level at which a segment counts as dissolved. */
export const JACCARD = { stable: 0.85, doubtful: 0.6, dissolved: 0.5 } as const;

export const stabilityVerdict = (jaccard: number): StabilityVerdict =>
  jaccard >= JACCARD.stable ? 'stable' : jaccard < JACCARD.doubtful ? 'doubtful' : 'fair';

export interface StabilityInput {
  /** The points the k sweep ran on (the sweep sample on big files), in the clustering space. */
  sweepSet: Points;
  k: number;
  /** Final centroids (k×d, segment id c + 1 at row c). */
  centroids: Float64Array;
  options: AnalysisOptions;
  settings?: Partial<{ resamples: number; sampleSize: number; restarts: number }>;
}

/** Each point's nearest centre: the final segmentation restricted to these points (0-based ids). */
function nearest(points: Points, centroids: Float64Array, k: number): Int32Array {
  const { n, d, data } = points;
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (data[i * d + j]! - centroids[c * d + j]!) ** 2;
      if (s < best) {
        best = s;
        labels[i] = c;
      }
    }
  }
  return labels;
}

/** The customers a bootstrap resample of n draws with replacement picks at least once (~63 %), in order. */
function bootstrap(n: number, seed: number): Int32Array {
  const rng = createRng(seed);
  const drawn = new Uint8Array(n);
  for (let i = 0; i < n; i++) drawn[Math.floor(rng() * n)] = 1;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (drawn[i]) rows.push(i);
  return Int32Array.from(rows);
}

/**
 * For each original segment present in the resample, its best Jaccard against
 * the resample's clusters; NaN when the resample drew none of its customers
 * (clusterboot leaves such a resample out of that segment's mean).
 */
export function bestJaccards(original: Int32Array, k: number, resampled: Int32Array, kb: number): number[] {
  const inter = new Float64Array(k * kb);
  const sizeA = new Float64Array(k);
  const sizeB = new Float64Array(kb);
  for (let j = 0; j < original.length; j++) {
    const a = original[j]!;
    const b = resampled[j]!;
    inter[a * kb + b]!++;
    sizeA[a]!++;
    sizeB[b]!++;
  }
  return Array.from({ length: k }, (_, a) => {
    if (sizeA[a] === 0) return Number.NaN;
    let best = 0;
    for (let b = 0; b < kb; b++) {
      const i = inter[a * kb + b]!;
      best = Math.max(best, i / (sizeA[a]! + sizeB[b]! - i));
    }
    return best;
  });
}

/** Options for one resample's sweep: fewer restarts, every resampled row fitted and scored. */
function resampleOptions(options: AnalysisOptions, n: number, restarts: number, seed: number) {
  return {
    ...options,
    seed,
    restarts,
    sweepSampleSize: Math.max(n, options.sweepSampleSize),
    silhouetteSampleSize: Math.min(n, options.silhouetteSampleSize),
  };
}

export function stability(input: StabilityInput): Stability {
  const { k, options } = input;
  const resamples = input.settings?.resamples ?? STABILITY.resamples;
  const restarts = Math.min(options.restarts, input.settings?.restarts ?? STABILITY.restarts);
  const seed = deriveSeed(options.seed, 'stability');
  const size = Math.min(input.sweepSet.n, input.settings?.sampleSize ?? STABILITY.sampleSize);
  const base = selectRows(input.sweepSet, sampleIndices(input.sweepSet.n, size, deriveSeed(seed, 'base')));
  const original = nearest(base, input.centroids, k);
  const kFrequency: Record<string, number> = {};
  const scores = Array.from({ length: k }, () => [] as number[]);
  for (let r = 0; r < resamples; r++) {
    const rows = bootstrap(base.n, deriveSeed(seed, 'resample', r));
    const points = selectRows(base, rows);
    const distinct = distinctRows(points, Math.max(k, options.kRange.min));
    const opts = resampleOptions(options, points.n, restarts, deriveSeed(seed, 'fit', r));
    const sweep = distinct >= options.kRange.min ? sweepK(points, opts) : undefined;
    if (sweep) {
      const won = String(sweep.selection.recommendedK);
      kFrequency[won] = (kFrequency[won] ?? 0) + 1;
    }
    if (k === 1 || distinct < k) continue;
    // The refit at the final k gets every restart: fewer find worse optima and would read as instability.
    const fit = fitKMeans(points, kmeansOptionsFor(k, { ...opts, restarts: options.restarts }));
    const originalHere = Int32Array.from(rows, (i) => original[i]!);
    bestJaccards(originalHere, k, fit.labels, k).forEach((j, c) => {
      if (!Number.isNaN(j)) scores[c]!.push(j);
    });
  }
  return { resamples, sampleSize: base.n, restarts, kFrequency, segments: segmentFigures(k, scores) };
}

function segmentFigures(k: number, scores: number[][]): SegmentStability[] {
  return scores.map((js, c) => {
    // k = 1 has nothing to match; a segment never drawn has no evidence it holds, so 0.
    const values = k === 1 ? [1] : js.length ? js : [0];
    const jaccard = values.reduce((a, b) => a + b, 0) / values.length;
    return {
      id: c + 1,
      jaccard,
      min: Math.min(...values),
      dissolved: values.filter((j) => j <= JACCARD.dissolved).length,
      verdict: stabilityVerdict(jaccard),
    };
  });
}
