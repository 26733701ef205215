/**
 * How firm is the answer? Seeded bootstrap resamples of the customers, each
 * analysed again, give two figures (Hennig 2007, fpc::clusterboot):
 *   - kFrequency: how often the k rule (selection.ts, sweepK) picks each k;
 *   - per segment, the mean over resamples of its best Jaccard against the
 *     resample's clusters at the final k, over the resampled customers.
 *     ≥ 0.85 'stable', < 0.6 'doubtful', in between 'fair'; a resample where
 *     it falls to ≤ 0.5 counts as one where it dissolved.
 *
 * Repeats are dropped: a resample is the customers n draws with replacement
 * picked at least once (~63 %). Repeated points sit at distance 0 from their
 * copies, which lifts the silhouette of small clusters and pushes the k vote
 * up: on Mall age × income × spending (k = 6) k = 6 won 6 of 20 resamples
 * with repeats and 11 of 20 without.
 *
 * Cost. Each resample reruns the whole k sweep, so the base is capped: at
 * most STABILITY.sampleSize customers drawn (seeded) from the sweep set the
 * analysis already uses, and the sweep runs STABILITY.restarts k-means++
 * starts per k instead of the analysis' 10. One sweep (k 2..10, one core)
 * costs ~140 ms on 1,000 rows with 10 restarts and ~80 ms with 3, ~380 / 260
 * ms on 2,000 rows, ~1,000 / 520 ms on 5,000. The k votes on Mall barely move
 * with fewer restarts (k = 5: 8 of 20 with 10, 10 of 20 with 3), but the
 * Jaccards do (age added: 0.83 instead of 0.91 for one segment with 3), so
 * the refit at the final k keeps every restart. Measured in analyze() on
 * this 2-core machine: the step adds ~60–110 ms to the Mall file (200 rows;
 * the analysis ~50 → ~140 ms) and ~0.5–0.6 s to a generated 100k-row file
 * (2.3 s in all) when the machine is idle; with both cores shared by other
 * work, 0.6–2.5 s (median 1.4 s) at 100k and 1.5 s of 11.5 s end to end at
 * 1M rows. The cost does not grow with the file above 10k rows.
 *
 * k = 1 (no structure): the one segment is everyone in every resample, so its
 * Jaccard is 1 by definition; kFrequency still counts the rule's nearest
 * split, which shows how arbitrary that split is.
 */
import { fitKMeans } from './kmeans.ts';
import { assign } from './lloyd.ts';
import { type Points, selectRows } from './points.ts';
import { createRng, deriveSeed, sampleIndices } from './random.ts';
import { distinctRows, kmeansOptionsFor, sweepK } from './selection.ts';
import { sortedRows } from './structure.ts';
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
  const labels = new Int32Array(points.n);
  assign(points, centroids, k, labels);
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
  // Sorted, so the resamples (and so the verdicts) do not depend on the file's row order.
  const base = sortedRows(
    selectRows(input.sweepSet, sampleIndices(input.sweepSet.n, size, deriveSeed(seed, 'base'))),
  );
  const original = nearest(base, input.centroids, k);
  const kFrequency: Record<string, number> = {};
  const scores = Array.from({ length: k }, () => [] as number[]);
  for (let r = 0; r < resamples; r++) {
    const rows = bootstrap(base.n, deriveSeed(seed, 'resample', r));
    const points = selectRows(base, rows);
    const distinct = distinctRows(points, Math.max(k, options.kRange.min));
    const opts = resampleOptions(options, points.n, restarts, deriveSeed(seed, 'fit', r));
    // A small resample may hold too few different customers for the k range: it then has no vote.
    const canSweep = Math.min(distinct, points.n - 1) >= options.kRange.min;
    const sweep = canSweep ? sweepK(points, opts) : undefined;
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
