/**
 * The typed-array k-means (greedy k-means++ + Lloyd) against ml-kmeans, the
 * reference it replaced in the hot path: on the same data, the best of the
 * same number of restarts reaches its inertia, within 1 % (either can land
 * in a slightly worse local optimum on a given k).
 */
import { kmeans as mlKmeans } from 'ml-kmeans';
import { describe, expect, it } from 'vitest';
import { fitKMeans } from '../../src/core/kmeans.ts';
import { assign } from '../../src/core/lloyd.ts';
import { type Points, pointsFromTable, rowViews } from '../../src/core/points.ts';
import { deriveSeed } from '../../src/core/random.ts';
import { generateCustomers } from '../../src/core/synthetic.ts';

function mlBest(points: Points, k: number, restarts: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < restarts; r++) {
    const fit = mlKmeans(rowViews(points) as unknown as number[][], k, {
      initialization: 'kmeans++',
      seed: deriveSeed(7, 'ml', r),
      maxIterations: 300,
    });
    // Inertia of ml-kmeans' centres, every row at its nearest one (its own labels can lag a step).
    const centres = Float64Array.from(fit.centroids.flat());
    best = Math.min(best, assign(points, centres, k, new Int32Array(points.n)));
  }
  return best;
}

const options = (k: number) => ({
  k,
  restarts: 10,
  maxIterations: 300,
  tolerance: 1e-6,
  seed: 42,
  fitSampleSize: 10_000,
});

describe('typed-array k-means', () => {
  const customers = generateCustomers(2_000, 11);
  for (const features of [
    ['income', 'spending'],
    ['age', 'income', 'spending'],
    ['age', 'spending', 'income', 'age'],
  ] as const) {
    it(`reaches ml-kmeans' best inertia (within 1 %) on ${features.length}-D data, k = 2..8`, () => {
      const points = pointsFromTable(customers, features.slice(0, 3) as never);
      for (let k = 2; k <= 8; k++) {
        const ours = fitKMeans(points, options(k)).inertia;
        expect(ours, `k = ${k}`).toBeLessThanOrEqual(mlBest(points, k, 10) * 1.01);
      }
    });
  }

  it('gives the same fit for the same seed, and labels each row its nearest centre', () => {
    const points = pointsFromTable(customers, ['income', 'spending']);
    const a = fitKMeans(points, options(5));
    const b = fitKMeans(points, options(5));
    expect(a.centroids).toEqual(b.centroids);
    expect(a.labels).toEqual(b.labels);
    for (let i = 0; i < points.n; i += 37) {
      const dist = (c: number) =>
        (points.data[2 * i]! - a.centroids[2 * c]!) ** 2 +
        (points.data[2 * i + 1]! - a.centroids[2 * c + 1]!) ** 2;
      const nearest = [0, 1, 2, 3, 4].reduce((p, q) => (dist(q) < dist(p) ? q : p));
      expect(dist(a.labels[i]!)).toBeCloseTo(dist(nearest), 9);
    }
  });

  it('fits more than three features with the general kernel', () => {
    const base = pointsFromTable(customers, ['age', 'income', 'spending']);
    const data = new Float64Array(base.n * 4);
    for (let i = 0; i < base.n; i++) {
      data.set(base.data.subarray(3 * i, 3 * i + 3), 4 * i);
      data[4 * i + 3] = base.data[3 * i]! / 2;
    }
    const points = { n: base.n, d: 4, data };
    expect(fitKMeans(points, options(4)).inertia).toBeLessThanOrEqual(mlBest(points, 4, 10) * 1.01);
  });
});
