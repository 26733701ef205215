/** Segment ids and profiles on six customers in two obvious groups, checked by hand. */

import { describe, expect, it } from 'vitest';
import { computeEda } from '../../src/core/eda.ts';
import { idColumnOf } from '../../src/core/ids.ts';
import { pointsFromTable } from '../../src/core/points.ts';
import { profileSegments, stableOrder } from '../../src/core/segments.ts';
import { type CustomerTable, GENDER_CODE } from '../../src/core/types.ts';

const F = GENDER_CODE.Female;
const M = GENDER_CODE.Male;
// Group A: income 20, 30, 25 and spending 80, 90, 85; group B: income 80, 90, 85 and spending 10, 20, 15.
const table: CustomerTable = {
  length: 6,
  ids: idColumnOf(['1', '2', '3', '4', '5', '6']),
  gender: Uint8Array.from([F, F, M, M, M, F]),
  age: Float64Array.from([20, 30, 40, 50, 60, 70]),
  income: Float64Array.from([20, 30, 25, 80, 90, 85]),
  spending: Float64Array.from([80, 90, 85, 10, 20, 15]),
  lines: Uint32Array.from([2, 3, 4, 5, 6, 7]),
};
const source = {
  fileName: 'six.csv',
  columnsFound: [],
  extraColumns: [],
  missing: {},
  totalRows: 6,
  skippedRows: 0,
};

describe('stableOrder', () => {
  it('numbers segments by size, largest first', () => {
    // Sizes 1, 2, 3 → cluster 2 becomes position 0, cluster 0 position 2.
    expect([...stableOrder(Int32Array.from([0, 1, 1, 2, 2, 2]), Float64Array.from([5, 1, 9]), 3, 1)]).toEqual(
      [2, 1, 0],
    );
  });

  it('breaks a tie in size by the centre, lowest first, whatever order k-means found them in', () => {
    expect([...stableOrder(Int32Array.from([0, 0, 1, 1]), Float64Array.from([9, 1]), 2, 1)]).toEqual([1, 0]);
    expect([...stableOrder(Int32Array.from([0, 0, 1, 1]), Float64Array.from([1, 9]), 2, 1)]).toEqual([0, 1]);
  });
});

describe('profileSegments', () => {
  const segments = profileSegments({
    table,
    labels: Int32Array.from([1, 1, 1, 2, 2, 2]),
    k: 2,
    scaled: pointsFromTable(table, ['income', 'spending']),
    centroids: Float64Array.from([25, 85, 85, 15]),
    features: ['income', 'spending'],
    eda: computeEda(table, source),
    silhouetteBySegment: [0.9, 0.8],
  });

  it('gives each segment its size, share, means and gender mix', () => {
    const [a, b] = segments;
    expect(a).toMatchObject({ id: 1, size: 3, share: 0.5, meanIncome: 25, meanSpending: 85, meanAge: 30 });
    expect(b).toMatchObject({ id: 2, size: 3, share: 0.5, meanIncome: 85, meanSpending: 15, meanAge: 60 });
    expect(a!.centroid).toEqual({ income: 25, spending: 85 });
    expect(a!.genderShares).toEqual({ Female: 2 / 3, Male: 1 / 3, unknown: 0 });
    expect(b!.silhouette).toBe(0.8);
  });

  it('gives the mean squared distance to the centre as spread: (25 + 25 + 25 + 25 + 0) / 3', () => {
    expect(segments[0]!.spread).toBeCloseTo(100 / 3, 12);
    expect(segments[1]!.spread).toBeCloseTo(100 / 3, 12);
  });

  it('names each segment from where its centre sits against everyone (more than half an sd away)', () => {
    expect(segments.map((s) => s.name)).toEqual(['Low income · High spending', 'High income · Low spending']);
    expect(segments[0]!.levels).toEqual({ income: 'Low', spending: 'High' });
  });
});
