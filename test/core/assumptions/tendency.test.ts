import { describe, expect, it } from 'vitest';
import { tendencyCheck } from '../../../src/core/assumptions/tendency.ts';
import type { StructureFigures } from '../../../src/core/types.ts';

const points = { n: 4, d: 2, data: Float64Array.of(0, 0, 0, 1, 5, 5, 5, 6) };
const check = (structure: StructureFigures) =>
  tendencyCheck({ structure, segments: [{}, {}], standardised: points, options: { seed: 1 } });

const figures = (silhouette: number, structure: StructureFigures['structure']): StructureFigures => ({
  structure,
  k: 2,
  sampleSize: 200,
  silhouette,
  draws: 20,
  // One Gaussian draw lies above mean + 2·sd (0.34): the highest draw is not the verdict's cut.
  gaussianMax: 0.4,
  uniformMax: 0.33,
  beatGaussian: 19,
  beatUniform: 20,
  gaussian: { mean: 0.3, sd: 0.02 },
  uniform: { mean: 0.29, sd: 0.02 },
});

describe('tendency check figures', () => {
  it('shows as threshold the silhouette the verdict needs (mean + 2 sd), so a pass is at or above it', () => {
    const clear = check(figures(0.37, 'clear'));
    expect(clear.status).toBe('pass');
    expect(clear.threshold).toBeCloseTo(0.34, 10);
    expect(clear.value).toBeGreaterThanOrEqual(clear.threshold);
    // The words still quote the highest draw as what it is.
    expect(clear.finding).toMatchObject({ reference: 0.4 });
  });
});
