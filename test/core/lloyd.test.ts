/** Lloyd's algorithm on inputs small enough to follow by hand. */
import { describe, expect, it } from 'vitest';
import { assign, lloyd } from '../../src/core/lloyd.ts';
import type { Points } from '../../src/core/points.ts';

const points = (d: number, ...values: number[]): Points => ({
  n: values.length / d,
  d,
  data: Float64Array.from(values),
});
const settle = { maxIterations: 100, tolerance: 0 };

describe('assign', () => {
  it('labels each row with its nearest centre and returns the sum of squared distances', () => {
    // (4,0) is 16 from (0,0) and 9 from (4,3); (0,3) is 9 from (0,0) and 16 from (4,3).
    const labels = new Int32Array(3);
    const inertia = assign(points(2, 0, 0, 4, 0, 0, 3), Float64Array.from([0, 0, 4, 3]), 2, labels);
    expect([...labels]).toEqual([0, 1, 0]);
    expect(inertia).toBe(0 + 9 + 9);
  });
});

describe('lloyd', () => {
  it('moves two centres to the means of their groups: 0, 1 | 10, 11 → 0.5 and 10.5, inertia 4 × 0.25', () => {
    const fit = lloyd(points(1, 0, 1, 10, 11), Float64Array.from([0, 10]), 2, settle);
    expect([...fit.centroids]).toEqual([0.5, 10.5]);
    expect([...fit.labels]).toEqual([0, 0, 1, 1]);
    expect(fit.inertia).toBe(1);
    expect(fit.converged).toBe(true);
  });

  it('recovers from a bad start in two moves: centres 0 and 1 → 0 and 22/3 → 0.5 and 10.5', () => {
    // Step 1: 0 → c0; 1, 10, 11 → c1, whose mean is 22/3. Step 2: 1 is now nearer c0 (1 < 6.33).
    const fit = lloyd(points(1, 0, 1, 10, 11), Float64Array.from([0, 1]), 2, settle);
    expect([...fit.centroids]).toEqual([0.5, 10.5]);
    expect(fit.inertia).toBe(1);
    expect(fit.iterations).toBeGreaterThanOrEqual(2);
  });

  it('stops at the iteration cap and says it did not settle', () => {
    const fit = lloyd(points(1, 0, 1, 10, 11), Float64Array.from([0, 1]), 2, {
      maxIterations: 1,
      tolerance: 0,
    });
    expect(fit.converged).toBe(false);
    expect(fit.iterations).toBe(1);
  });
});
