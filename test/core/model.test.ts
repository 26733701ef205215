/** predict() on a two-segment model written by hand, where every distance is a 3-4-5 triangle. */
import { describe, expect, it } from 'vitest';
import { parseModel, predict, serializeModel } from '../../src/core/model.ts';
import type { SegmentModel } from '../../src/core/types.ts';

// Income × spending, unscaled: centres (20, 80) and (80, 20).
const model: SegmentModel = {
  version: 1,
  features: ['income', 'spending'],
  scaler: { kind: 'none', shift: [0, 0], divisor: [1, 1] },
  centroids: [
    [20, 80],
    [80, 20],
  ],
  segments: [
    {
      id: 1,
      name: 'Low income · High spending',
      advice: { code: 'levels', income: 'Low', spending: 'High' },
    },
    {
      id: 2,
      name: 'High income · Low spending',
      advice: { code: 'levels', income: 'High', spending: 'Low' },
    },
  ],
  training: { rows: 100, k: 2, seed: 42, inertia: 1, silhouette: 0.8, restarts: 10 },
  ranges: { income: { min: 15, max: 90 }, spending: { min: 10, max: 90 } },
  distanceP99: 10,
};
const customer = (income: number, spending: number) => ({ age: 30, income, spending });

describe('predict', () => {
  it('picks the nearest centre and reports every distance: (23, 76) is 5 from (20, 80)', () => {
    const p = predict(model, customer(23, 76));
    expect(p.segment).toEqual(model.segments[0]);
    expect(p.distances[0]).toEqual({ id: 1, name: 'Low income · High spending', distance: 5 });
    // To (80, 20): √(57² + 56²) = √6385.
    expect(p.distances[1]!.distance).toBeCloseTo(Math.sqrt(6385), 12);
    expect(p.tentative).toBe(false);
    expect(p.warnings).toEqual([]);
  });

  it('measures how clear the answer is: margin (far − near) / (far + near)', () => {
    // (50, 50) is equally far from both centres: margin 0, borderline; the lower id wins the tie.
    const middle = predict(model, customer(50, 50));
    expect(middle.margin).toBe(0);
    expect(middle.clarity).toBe('borderline');
    expect(middle.segment.id).toBe(1);
    const near = predict(model, customer(23, 76));
    expect(near.margin).toBeCloseTo((Math.sqrt(6385) - 5) / (Math.sqrt(6385) + 5), 12);
    expect(near.clarity).toBe('clear');
  });

  it('scales the customer as the training data was: shift 10, divisor 0.5 makes (20, 50) the point (20, 80)', () => {
    const scaled = {
      ...model,
      scaler: { kind: 'zscore' as const, shift: [10, 10], divisor: [0.5, 0.5] },
      ranges: {},
    };
    expect(predict(scaled, customer(20, 50)).distances[0]!.distance).toBe(0);
  });

  it('is tentative beyond the training ranges or farther than 99 % of training customers from any centre', () => {
    // (95, 20) is 15 from (80, 20), within a distanceP99 of 50.
    expect(predict({ ...model, distanceP99: 50 }, customer(95, 20)).warnings).toEqual([
      { code: 'above_training_range', feature: 'income', value: 95, limit: 90 },
    ]);
    // (32, 64) is 20 from (20, 80): twice distanceP99.
    const far = predict(model, customer(32, 64));
    expect(far.tentative).toBe(true);
    expect(far.warnings).toEqual([{ code: 'far_from_centres', distance: 20, limit: 10, quantile: 0.99 }]);
  });

  it('round-trips through its saved form', () => {
    expect(parseModel(serializeModel(model))).toEqual(model);
  });
});
