import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../../src/core/assumptions/context.ts';
import { EXTREMES_NAMED, outliersCheck } from '../../../src/core/assumptions/outliers.ts';
import { mahalanobisOutliers } from '../../../src/core/mahalanobis.ts';
import type { Points } from '../../../src/core/points.ts';
import { createRng, normal } from '../../../src/core/random.ts';
import type { Feature } from '../../../src/core/types.ts';

function normalPoints(n: number, d: number, seed: number): Points {
  const rng = createRng(seed);
  return { n, d, data: Float64Array.from({ length: n * d }, () => normal(rng)) };
}

const ctx = (points: Points, features: Feature[]) =>
  ({ standardised: points, options: { features } }) as unknown as CheckContext;

const ALL: Feature[] = ['age', 'income', 'spending'];

describe('outliers check', () => {
  it('passes clean normal data for every number of features', () => {
    for (const d of [2, 3])
      for (const n of [200, 2_000]) {
        const check = outliersCheck(ctx(normalPoints(n, d, 40 + d + n), ALL.slice(3 - d)));
        expect(check.status, `d = ${d}, n = ${n}`).toBe('pass');
        expect(check.value).toBeLessThanOrEqual(0.01);
      }
    for (const d of [2, 3, 5]) {
      const found = mahalanobisOutliers(normalPoints(5_000, d, 7 + d));
      expect(found.count / 5_000, `d = ${d}`).toBeLessThan(0.004);
    }
  });

  it('finds 5 % planted customers, counts customers and names the feature they stand out on', () => {
    const points = normalPoints(1_000, 3, 3);
    // 50 customers with one income typed far out: 50 customers, not 50 values on some features.
    for (let i = 0; i < 50; i++) points.data[i * 3 + 1] = 8 + (i % 3);
    const found = mahalanobisOutliers(points);
    expect([...found.flagged.subarray(0, 50)].every((f) => f === 1)).toBe(true);
    const check = outliersCheck(ctx(points, ALL));
    expect(['warn', 'fail']).toContain(check.status);
    expect(check.value).toBeCloseTo(found.count / 1_000, 12);
    expect(check.details!.customers).toBe(found.count);
    expect(check.details!.income).toBeGreaterThanOrEqual(50);
    expect(check.finding).toMatchObject({
      code: 'outliers.found',
      customers: found.count,
      share: check.value,
    });
    const standOut = check.finding.code === 'outliers.found' ? check.finding.standOut : [];
    expect(standOut.map((x) => x.feature)).toContain('income');
  });

  it('finds a customer far out in a random direction on several features', () => {
    const points = normalPoints(300, 3, 9);
    points.data.set([5, -5, 5], 0);
    const found = mahalanobisOutliers(points);
    expect(found.flagged[0]).toBe(1);
    expect(outliersCheck(ctx(points, ALL)).finding).toMatchObject({ code: 'outliers.found', customers: 1 });
  });

  it('flags the same customers whatever the row order and when every row is repeated', () => {
    const points = normalPoints(400, 3, 21);
    for (let i = 0; i < 12; i++) points.data[i * 3] = 7;
    const base = mahalanobisOutliers(points);
    const n = points.n;
    const order = Array.from({ length: n }, (_, i) => (i * 151) % n);
    const shuffled: Points = {
      n,
      d: 3,
      data: Float64Array.from(
        { length: n * 3 },
        (_, k) => points.data[order[Math.floor(k / 3)]! * 3 + (k % 3)]!,
      ),
    };
    const s = mahalanobisOutliers(shuffled);
    expect(order.map((from) => base.flagged[from])).toEqual([...s.flagged]);
    const twice: Points = { n: 2 * n, d: 3, data: Float64Array.from([...points.data, ...points.data]) };
    const t = mahalanobisOutliers(twice);
    expect(t.count).toBe(2 * base.count);
    expect([...t.flagged.subarray(0, n)]).toEqual([...base.flagged]);
    expect(outliersCheck(ctx(twice, ALL)).status).toBe(outliersCheck(ctx(points, ALL)).status);
  });

  it('names the farthest customers by id, farthest first and each once, for the advice to check', () => {
    const points = normalPoints(200, 2, 31);
    // Rows 3, 7 and 9 far out, 9 the farthest; a copy of row 9 appended under the same id.
    points.data.set([9, 0], 3 * 2);
    points.data.set([0, 12], 7 * 2);
    points.data.set([-15, 15], 9 * 2);
    const withCopy: Points = { n: 201, d: 2, data: Float64Array.from([...points.data, -15, 15]) };
    const rowId = (row: number) => (row === 200 ? 'C9' : `C${row}`);
    const check = outliersCheck({
      standardised: withCopy,
      options: { features: ['income', 'spending'] },
      rowId,
    });
    expect(check.status).not.toBe('pass');
    // The copy of row 9 is the same customer (C9): one fewer customer than flagged rows.
    expect(check.advice).toMatchObject({ code: 'check-extremes', customers: check.details!.customers! - 1 });
    const farthest = check.advice?.code === 'check-extremes' ? check.advice.farthest : [];
    expect(farthest.slice(0, 3)).toEqual(['C9', 'C7', 'C3']);
    expect(new Set(farthest).size).toBe(farthest.length);
    expect(farthest.length).toBeLessThanOrEqual(EXTREMES_NAMED);
    // Without ids there is no one to name, and no made-up name.
    const anonymous = outliersCheck(ctx(withCopy, ['income', 'spending']));
    expect(anonymous.advice).toMatchObject({ code: 'check-extremes', farthest: [] });
  });

  it('counts customers by id and names the same ones whatever the row order', () => {
    const points = normalPoints(200, 2, 31);
    // Three far rows of one customer (id X), and two customers at exactly the same far spot.
    for (const row of [0, 1, 2]) points.data.set([12, 12], row * 2);
    for (const row of [3, 4]) points.data.set([-12, 12], row * 2);
    const ids = (row: number) => (row <= 2 ? 'X' : row === 3 ? 'B' : row === 4 ? 'A' : `C${row}`);
    const features: Feature[] = ['income', 'spending'];
    const advice = (p: Points, rowId: (row: number) => string) =>
      outliersCheck({ standardised: p, options: { features }, rowId }).advice;
    const base = advice(points, ids);
    expect(base).toMatchObject({ code: 'check-extremes' });
    const found = base?.code === 'check-extremes' ? base : null;
    expect(found!.farthest.filter((id) => id === 'X')).toHaveLength(1);
    expect(found!.customers).toBe(mahalanobisOutliers(points).count - 2);
    // Reversed rows: the same names in the same order (A before B at equal distance).
    const n = points.n;
    const reversed: Points = {
      n,
      d: 2,
      data: Float64Array.from(
        { length: n * 2 },
        (_, k) => points.data[(n - 1 - Math.floor(k / 2)) * 2 + (k % 2)]!,
      ),
    };
    expect(advice(reversed, (row) => ids(n - 1 - row))).toEqual(base);
    expect(found!.farthest.indexOf('A')).toBeLessThan(found!.farthest.indexOf('B'));
  });

  it('copes with a constant feature', () => {
    const points = normalPoints(100, 2, 5);
    for (let i = 0; i < 100; i++) points.data[i * 2] = 0;
    expect(outliersCheck(ctx(points, ['income', 'spending'])).status).toBe('pass');
  });
});
