import { describe, expect, it } from 'vitest';
import { hopkins } from '../../src/core/hopkins.ts';
import { fitKMeans } from '../../src/core/kmeans.ts';
import { kneedleElbow } from '../../src/core/kneedle.ts';
import { lloyd } from '../../src/core/lloyd.ts';
import { calinskiHarabasz, daviesBouldin, meanOf, silhouetteValues } from '../../src/core/metrics.ts';
import type { Points } from '../../src/core/points.ts';
import { createRng, sampleIndices } from '../../src/core/random.ts';
import { quantileSorted } from '../../src/core/stats.ts';

const pts = (rows: number[][]): Points => ({
  n: rows.length,
  d: rows[0]!.length,
  data: Float64Array.from(rows.flat()),
});

// Two clusters on a line: {0, 1} and {4, 5}; every figure below is worked by hand.
const line = pts([[0], [1], [4], [5]]);
const labels = [0, 0, 1, 1];
const centres = Float64Array.from([0.5, 4.5]);

describe('cluster quality figures (scikit-learn definitions)', () => {
  it('computes per-point silhouettes', () => {
    // point 0: a = 1, b = (4 + 5) / 2 = 4.5 → 1 − 1/4.5; point 1: a = 1, b = 3.5 → 1 − 1/3.5
    const s = silhouetteValues(line, labels, 2);
    expect(s[0]).toBeCloseTo(1 - 1 / 4.5, 12);
    expect(s[1]).toBeCloseTo(1 - 1 / 3.5, 12);
    expect(meanOf(s)).toBeCloseTo((2 * (1 - 1 / 4.5) + 2 * (1 - 1 / 3.5)) / 4, 12);
  });

  it('gives a lone point a silhouette of 0', () => {
    expect(silhouetteValues(pts([[0], [1], [9]]), [0, 0, 1], 2)[2]).toBe(0);
  });

  it('computes Calinski–Harabasz', () => {
    // between = 2·2² + 2·2² = 16 over k−1 = 1; within = 4·0.25 = 1 over n−k = 2 → 32
    expect(calinskiHarabasz(line, labels, centres, 2)).toBeCloseTo(32, 12);
  });

  it('computes Davies–Bouldin', () => {
    // spreads 0.5 and 0.5, centre distance 4 → (0.5 + 0.5) / 4
    expect(daviesBouldin(line, labels, centres, 2)).toBeCloseTo(0.25, 12);
  });
});

describe('choosing k', () => {
  it('finds the elbow of a convex decreasing curve (Kneedle)', () => {
    expect(kneedleElbow([2, 3, 4, 5, 6], [100, 40, 20, 15, 12])).toBe(3);
    expect(kneedleElbow([2, 3], [10, 5])).toBeNull();
    expect(kneedleElbow([2, 3, 4], [5, 5, 5])).toBeNull();
  });
});

describe('statistics helpers', () => {
  it('interpolates quantiles like numpy and pandas', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
  });

  it('samples distinct sorted indices deterministically', () => {
    const a = sampleIndices(1000, 100, 5);
    expect(new Set(a).size).toBe(100);
    expect([...a]).toEqual([...a].sort((x, y) => x - y));
    expect([...sampleIndices(1000, 100, 5)]).toEqual([...a]);
  });
});

function blobs(n: number, seed: number): Points {
  const rng = createRng(seed);
  const rows = Array.from({ length: n }, (_, i) => {
    const c = i % 3;
    return [c * 10 + rng(), c * 10 + rng()];
  });
  return pts(rows);
}

describe('Hopkins statistic (Wright’s d-power form)', () => {
  it('is about 0.5 for uniform noise', () => {
    const rng = createRng(9);
    const noise = pts(Array.from({ length: 600 }, () => [rng(), rng()]));
    expect(hopkins(noise, { seed: 1 })).toBeGreaterThan(0.4);
    expect(hopkins(noise, { seed: 1 })).toBeLessThan(0.6);
  });

  it('is near 1 for well-separated blobs', () => {
    expect(hopkins(blobs(600, 2), { seed: 1 })).toBeGreaterThan(0.9);
  });
});

describe('k-means seam', () => {
  it('recovers three blobs and keeps labels consistent with centres', () => {
    const data = blobs(300, 4);
    const fit = fitKMeans(data, {
      k: 3,
      restarts: 5,
      maxIterations: 100,
      tolerance: 1e-9,
      seed: 1,
      fitSampleSize: 10_000,
    });
    const sizes = [0, 0, 0];
    for (const l of fit.labels) sizes[l]! += 1;
    expect(sizes).toEqual([100, 100, 100]);
    expect(fit.converged).toBe(true);
    for (let i = 0; i < data.n; i++) {
      const d = (c: number) =>
        (data.data[i * 2]! - fit.centroids[c * 2]!) ** 2 +
        (data.data[i * 2 + 1]! - fit.centroids[c * 2 + 1]!) ** 2;
      const nearest = [0, 1, 2].reduce((a, b) => (d(b) < d(a) ? b : a));
      expect(fit.labels[i]).toBe(nearest);
    }
  });

  it('refines a sampled fit on every row', () => {
    const data = blobs(3000, 6);
    const fit = fitKMeans(data, {
      k: 3,
      restarts: 3,
      maxIterations: 100,
      tolerance: 1e-9,
      seed: 2,
      fitSampleSize: 300,
    });
    expect(fit.labels).toHaveLength(3000);
    expect(new Set(fit.labels).size).toBe(3);
  });
});

describe('empty clusters', () => {
  it('are each moved to a different far row, so none stays empty', () => {
    // Four far-apart pairs, but all centres start on the first pair: three clusters start empty.
    const data = pts([
      [0, 0],
      [0, 1],
      [10, 0],
      [10, 1],
      [20, 0],
      [20, 1],
      [30, 0],
      [30, 1],
    ]);
    const start = Float64Array.from([0, 0.5, 0, 0.5, 0, 0.5, 0, 0.5]);
    const fit = lloyd(data, start, 4, { maxIterations: 1, tolerance: 0 });
    expect(new Set(fit.labels).size).toBe(4);
  });
});
