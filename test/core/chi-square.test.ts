import { describe, expect, it } from 'vitest';
import { chiSquareCdf, chiSquareQuantile } from '../../src/core/chi-square.ts';

describe('chi-square distribution', () => {
  it('gives the tabled quantiles', () => {
    // R: qchisq(c(0.999, 0.999, 0.999, 0.975, 0.95, 0.5), c(2, 3, 5, 5, 10, 1))
    expect(chiSquareQuantile(0.999, 2)).toBeCloseTo(-2 * Math.log(0.001), 8);
    expect(chiSquareQuantile(0.999, 3)).toBeCloseTo(16.26624, 4);
    expect(chiSquareQuantile(0.999, 5)).toBeCloseTo(20.51501, 4);
    expect(chiSquareQuantile(0.975, 5)).toBeCloseTo(12.8325, 4);
    expect(chiSquareQuantile(0.95, 10)).toBeCloseTo(18.30704, 4);
    expect(chiSquareQuantile(0.5, 1)).toBeCloseTo(0.4549364, 6);
  });

  it('has a CDF that the quantile inverts, with 0 below zero', () => {
    expect(chiSquareCdf(3.841458820694124, 1)).toBeCloseTo(0.95, 10);
    expect(chiSquareCdf(chiSquareQuantile(0.3, 7), 7)).toBeCloseTo(0.3, 10);
    expect(chiSquareCdf(-1, 3)).toBe(0);
    expect(() => chiSquareQuantile(1, 3)).toThrow(RangeError);
  });
});
