import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.ts';
import { withinSegmentSkewness } from '../../../src/core/assumptions/skewness.ts';
import { knownKTable } from '../../../src/core/known-k.ts';
import { createRng, normal } from '../../../src/core/random.ts';
import { generateCustomers } from '../../../src/core/synthetic.ts';
import type { Analysis, AnalysisOptions, CustomerTable } from '../../../src/core/types.ts';

const skewness = (a: Analysis) => a.assumptions.find((c) => c.check === 'skewness')!;

/** Two groups of 70 % and 30 %: income is lopsided overall with no tail in either group. */
const imbalanced = () =>
  knownKTable({ k: 2, n: 1_000, separation: 8, shape: 'imbalanced', dims: 2, seed: 5 }).table;

/** Log-normal incomes: a real long tail. */
function logNormalIncomes(sigma: number, seed: number): CustomerTable {
  const t = generateCustomers(1_000, seed);
  const rng = createRng(seed + 10);
  for (let i = 0; i < t.length; i++) {
    t.income[i] = Math.min(9_000, Math.round(30 * Math.exp(sigma * normal(rng))));
    t.spending[i] = Math.max(1, Math.min(100, Math.round(50 + 15 * normal(rng))));
  }
  return t;
}

describe('skewness check', () => {
  it('passes a feature lopsided only because the segments differ in size, and says so', () => {
    const a = analyze(imbalanced());
    expect(a.structure).toBe('clear');
    const check = skewness(a);
    const own = Math.max(...Object.values(check.details!).map(Math.abs));
    expect(own).toBeGreaterThan(0.5);
    expect(check.status).toBe('pass');
    expect(check.value).toBeLessThanOrEqual(0.5);
    expect(check.finding).toMatchObject({ code: 'skewness.between' });
    expect(check.advice).toBeUndefined();
  });

  it('still fails a real long tail, judged within the segments when they are clear', () => {
    const a = analyze(logNormalIncomes(0.8, 1));
    expect(a.structure).toBe('clear');
    const check = skewness(a);
    expect(check.status).toBe('fail');
    expect(check.finding).toMatchObject({
      code: 'skewness.lopsided',
      feature: 'income',
      withinSegments: true,
    });
    expect(check.advice).toMatchObject({ code: 'log-transform', feature: 'income' });
  });

  it("judges a feature's own skewness without clear segments", () => {
    const a = analyze(logNormalIncomes(0.4, 1), { k: 3 });
    expect(a.structure).not.toBe('clear');
    expect(skewness(a).finding).toMatchObject({ code: 'skewness.lopsided', feature: 'income' });
    expect(skewness(a).finding).not.toHaveProperty('withinSegments');
    expect(skewness(a).value).toBeCloseTo(Math.abs(skewness(a).details!.income!), 12);
  });

  it('gives the same finding whatever the order the features are chosen in', () => {
    const table = imbalanced();
    const finding = (features: AnalysisOptions['features']) => skewness(analyze(table, { features })).finding;
    expect(finding(['spending', 'income'])).toEqual(finding(['income', 'spending']));
  });

  it('does not let a tiny segment of outliers explain away their own tail', () => {
    const table = imbalanced();
    for (const i of [0, 1, 2]) table.income[i] = 2_000;
    const a = analyze(table, { k: 3 });
    expect(a.segments.some((s) => s.size === 3)).toBe(true);
    expect(skewness(a).finding.code).not.toBe('skewness.between');
    expect(skewness(a).status).toBe('fail');
  });

  it('reads no skewness within segments that are constant, whatever the rounding', () => {
    // Values whose segment means are inexact in binary: the residuals are ~1e-16, not a shape.
    const data = Float64Array.from([0.1, 0.1, 0.1, 0.7, 0.7, 0.3, 0.3, 0.3, 0.3]);
    const labels = Int32Array.from([1, 1, 1, 2, 2, 3, 3, 3, 3]);
    expect(withinSegmentSkewness({ n: 9, d: 1, data }, labels)).toEqual([0]);
  });

  it('measures the skewness of each value minus its segment mean, per column', () => {
    // Column 0: two symmetric groups of unequal size; column 1: one group with a tail.
    const data = [0, 0, 1, 9, 2, 0, 10, 0, 11, 0, 12, 0, 10, 0, 11, 0, 12, 0];
    const labels = Int32Array.from([1, 1, 1, 2, 2, 2, 2, 2, 2]);
    const [groups, tail] = withinSegmentSkewness({ n: 9, d: 2, data: Float64Array.from(data) }, labels);
    expect(Math.abs(groups!)).toBeLessThan(1e-9);
    expect(tail!).toBeGreaterThan(1);
  });
});
