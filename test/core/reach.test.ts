import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.ts';
import { parseModel, predict, serializeModel } from '../../src/core/model.ts';
import { ownCentreDistanceQuantile, trainingRanges, unlikeTraining } from '../../src/core/reach.ts';
import { generateCustomers } from '../../src/core/synthetic.ts';
import type { SegmentModel } from '../../src/core/types.ts';
import { HAS_MALL, loadMall, NO_MALL } from '../support/mall.ts';

/** Two segments at (20, 20) and (80, 80), unscaled, trained on incomes 10..90 and scores 10..90. */
const handMade: SegmentModel = {
  version: 1,
  features: ['income', 'spending'],
  scaler: { kind: 'none', shift: [0, 0], divisor: [1, 1] },
  centroids: [
    [20, 20],
    [80, 80],
  ],
  segments: [
    { id: 1, name: 'Low', advice: { code: 'one_group' } },
    { id: 2, name: 'High', advice: { code: 'one_group' } },
  ],
  training: { rows: 100, k: 2, seed: 1, inertia: 1, silhouette: 0.8, restarts: 1 },
  ranges: { income: { min: 10, max: 90 }, spending: { min: 10, max: 90 } },
  distanceP99: 15,
};

/** What version 1 stored before the ranges and the distance quantile were added. */
const withoutReach = (model: SegmentModel): SegmentModel => {
  const { ranges: _ranges, distanceP99: _p99, ...old } = model;
  return old;
};

describe('training reach', () => {
  it('records each used feature’s lowest and highest training value', () => {
    const table = generateCustomers(300, 3);
    const ranges = trainingRanges(analyze(table, { seed: 1 }).eda.describe, ['income', 'spending']);
    expect(ranges).toEqual({
      income: { min: Math.min(...table.income), max: Math.max(...table.income) },
      spending: { min: Math.min(...table.spending), max: Math.max(...table.spending) },
    });
  });

  it('takes the 99th percentile of the distances to each customer’s own centre', () => {
    // 100 customers of one segment at distances 0..99 from its centre at the origin.
    const data = new Float64Array(200);
    for (let i = 0; i < 100; i++) data[2 * i] = i;
    const labels = new Int32Array(100).fill(1);
    expect(ownCentreDistanceQuantile({ n: 100, d: 2, data }, labels, new Float64Array([0, 0]))).toBeCloseTo(
      98.01,
      9,
    );
  });

  it('builds both into the model of an analysis', () => {
    const analysis = analyze(generateCustomers(300, 3), { seed: 2 });
    expect(Object.keys(analysis.model.ranges ?? {})).toEqual(['income', 'spending']);
    expect(analysis.model.distanceP99).toBeGreaterThan(0);
  });
});

describe('unlike the training data', () => {
  it('names a value above or below a feature’s training range', () => {
    expect(unlikeTraining(handMade, [95, 50], 10)).toEqual([
      { code: 'above_training_range', feature: 'income', value: 95, limit: 90 },
    ]);
    expect(unlikeTraining(handMade, [50, 5], 10)).toEqual([
      { code: 'below_training_range', feature: 'spending', value: 5, limit: 10 },
    ]);
  });

  it('flags a customer inside the ranges but farther from every centre than nearly all', () => {
    // (20, 80) lies within both ranges, 60 from either centre.
    const p = predict(handMade, { age: 30, income: 20, spending: 80 });
    expect(p.tentative).toBe(true);
    expect(p.warnings).toEqual([{ code: 'far_from_centres', distance: 60, limit: 15, quantile: 0.99 }]);
  });

  it('leaves a customer near a centre alone', () => {
    const p = predict(handMade, { age: 30, income: 25, spending: 18 });
    expect(p).toMatchObject({ tentative: false, warnings: [], segment: { id: 1 } });
  });

  it('still parses and predicts with a version-1 model saved without the new fields', () => {
    const json = serializeModel(withoutReach(handMade));
    expect(json).not.toContain('distanceP99');
    const old = parseModel(json);
    // Both checks are skipped: nothing to compare against, and the nearest segment stands.
    const p = predict(old, { age: 30, income: 600, spending: 50 });
    expect(p).toMatchObject({ tentative: false, warnings: [], segment: { id: 2 } });
  });

  it('keeps the new fields through a save/load round trip', () => {
    expect(parseModel(serializeModel(handMade))).toEqual(handMade);
  });
});

describe.skipIf(!HAS_MALL)(`prediction on the real Mall file ${HAS_MALL ? '' : NO_MALL}`, () => {
  let model: SegmentModel;
  beforeAll(async () => {
    model = analyze(await loadMall()).model;
  });

  it('marks predict 30 F 600 50 tentative: income far above the file’s highest', () => {
    const p = predict(model, { age: 30, gender: 'Female', income: 600, spending: 50 });
    expect(p.tentative).toBe(true);
    expect(p.warnings).toContainEqual({
      code: 'above_training_range',
      feature: 'income',
      value: 600,
      limit: 137,
    });
    expect(p.warnings.map((w) => w.code)).toContain('far_from_centres');
  });

  it('does not mark an ordinary customer near a centre', () => {
    for (const customer of [
      { age: 25, income: 60, spending: 75 },
      { age: 31, income: 90, spending: 85 },
      { age: 19, income: 15, spending: 39 },
    ]) {
      const p = predict(model, customer);
      expect(Math.min(...p.distances.map((d) => d.distance))).toBeLessThan(model.distanceP99!);
      expect(p).toMatchObject({ tentative: false, warnings: [] });
    }
  });

  it('predicts the same segment with an old model that lacks the figures', () => {
    const old = parseModel(serializeModel(withoutReach(model)));
    const customer = { age: 30, income: 600, spending: 50 };
    expect(predict(old, customer).segment).toEqual(predict(model, customer).segment);
    expect(predict(old, customer).tentative).toBe(false);
  });
});
