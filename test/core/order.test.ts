/**
 * The counting and sorting order views give exactly what a sorted copy gives,
 * so EDA quartiles, fences, whiskers and outlier counts are unchanged.
 */
import { describe, expect, it } from 'vitest';
import { boxSummary, describeFeature } from '../../src/core/eda.ts';
import { ordered, quantileInPlace } from '../../src/core/order.ts';
import { createRng } from '../../src/core/random.ts';
import {
  mean,
  moments,
  pearson,
  pearsonFromMoments,
  quantileSorted,
  quartilesSorted,
  sampleKurtosis,
  sampleSkewness,
  sampleStd,
  sortedCopy,
  tukeyFences,
} from '../../src/core/stats.ts';

function sample(seed: number): Float64Array {
  const rng = createRng(seed);
  const n = 1 + Math.floor(rng() * 300);
  const whole = rng() < 0.6;
  const spread = rng() < 0.2 ? 1e7 : 100;
  return Float64Array.from({ length: n }, () => {
    const v = (rng() - 0.2) * spread * (rng() < 0.05 ? 5 : 1);
    return (whole ? Math.round(v) : v) + 0; // tables never hold -0 (ingest adds 0)
  });
}

describe('ordered views', () => {
  it('rank, count and bound exactly as a sorted copy does, whole or fractional', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const values = sample(seed);
      const sorted = sortedCopy(values);
      const o = ordered(values);
      for (let r = 0; r < sorted.length; r++) expect(o.at(r)).toBe(sorted[r]);
      const q = quartilesSorted(sorted);
      const f = tukeyFences(q);
      expect(o.countOutside(f.lower, f.upper)).toBe(sorted.filter((v) => v < f.lower || v > f.upper).length);
      expect(o.firstAtLeast(f.lower)).toBe(sorted.find((v) => v >= f.lower));
      expect(o.lastAtMost(f.upper)).toBe(sorted.findLast((v) => v <= f.upper));
    }
  });

  it('give describe() and box summaries the quartiles, outliers and whiskers of a full sort', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const values = sample(seed);
      const sorted = sortedCopy(values);
      const q = quartilesSorted(sorted);
      const f = tukeyFences(q);
      const d = describeFeature('age', values, 0);
      expect({ min: d.min, q1: d.q1, median: d.median, q3: d.q3, max: d.max }).toEqual(q);
      expect(d.outliers).toBe(sorted.filter((v) => v < f.lower || v > f.upper).length);
      const box = boxSummary(values);
      expect(box.lowerWhisker).toBe(Math.min(q.max, ...sorted.filter((v) => v >= f.lower)));
      expect(box.upperWhisker).toBe(Math.max(q.min, ...sorted.filter((v) => v <= f.upper)));
    }
  });
});

describe('one-pass moments', () => {
  it('equal simple-statistics mean, sd, skewness, kurtosis and Pearson r to the last bit', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const x = sample(seed);
      const y = Float64Array.from(x, (v, i) => v * 0.3 + ((i * 7919) % 13));
      const mx = moments(x);
      const my = moments(y);
      expect(mx.mean).toBe(mean(x));
      expect(mx.std).toBe(sampleStd(x));
      expect(mx.skewness).toBe(sampleSkewness(x));
      expect(mx.kurtosis).toBe(sampleKurtosis(x));
      expect(pearsonFromMoments(x, y, mx, my)).toBe(pearson(x, y));
    }
  });
});

describe('quantileInPlace', () => {
  it('gives quantileSorted of a sorted copy, bit for bit, on varied inputs and probabilities', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const values = sample(seed);
      // Sorted, reversed and constant runs are the cases a naive pivot gets wrong.
      const variants = [
        values,
        sortedCopy(values),
        sortedCopy(values).reverse(),
        new Float64Array(values.length).fill(3),
      ];
      for (const v of variants)
        for (const p of [0, 0.01, 0.25, 0.5, 0.99, 1]) {
          const expected = quantileSorted(sortedCopy(v), p);
          expect(quantileInPlace(Float64Array.from(v), p)).toBe(expected);
        }
    }
  });

  it('is NaN on no values', () => {
    expect(quantileInPlace(new Float64Array(0), 0.5)).toBeNaN();
  });
});
