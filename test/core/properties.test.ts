import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.ts';
import { InputError } from '../../src/core/errors.ts';
import { parseModel, predict, serializeModel } from '../../src/core/model.ts';
import { generateCustomers } from '../../src/core/synthetic.ts';
import type { Analysis } from '../../src/core/types.ts';
import { reorderRows } from '../support/tables.ts';

const table = generateCustomers(400, 11);
const base = analyze(table, { seed: 7 });

const profile = (a: Analysis) =>
  a.segments.map((s) => ({ name: s.name, size: s.size, centroid: s.centroid }));

describe('analysis properties', () => {
  it('gives identical results for the same table and seed', () => {
    const again = analyze(table, { seed: 7 });
    expect(JSON.stringify({ ...again, labels: [...again.labels] })).toBe(
      JSON.stringify({ ...base, labels: [...base.labels] }),
    );
  });

  it('finds the same segments, with the same ids, whatever the row order', () => {
    const order = Array.from({ length: table.length }, (_, i) => (i * 173) % table.length);
    const shuffled = analyze(reorderRows(table, order), { seed: 7 });
    expect(profile(shuffled).map((p) => [p.name, p.size])).toEqual(
      profile(base).map((p) => [p.name, p.size]),
    );
    shuffled.segments.forEach((s, i) => {
      expect(s.centroid.income).toBeCloseTo(base.segments[i]!.centroid.income!, 9);
    });
    order.forEach((from, to) => {
      expect(shuffled.labels[to]).toBe(base.labels[from]);
    });
  });

  it('is unaffected by the unit of a feature once z-scored', () => {
    const scaledIncome = { ...table, income: table.income.map((v) => v * 1000) };
    const a = analyze(table, { seed: 3, scaling: 'zscore' });
    const b = analyze(scaledIncome, { seed: 3, scaling: 'zscore' });
    expect([...b.labels]).toEqual([...a.labels]);
    expect(b.silhouette).toBeCloseTo(a.silhouette, 9);
  });

  it('labels every customer with its nearest centre and uses every segment', () => {
    const { model, labels } = base;
    for (let i = 0; i < table.length; i += 7) {
      const p = predict(model, {
        age: table.age[i]!,
        income: table.income[i]!,
        spending: table.spending[i]!,
      });
      expect(p.segment.id).toBe(labels[i]);
    }
    expect(new Set(labels).size).toBe(base.k);
  });

  it('orders segment ids by size, largest first', () => {
    const sizes = base.segments.map((s) => s.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(table.length);
  });

  it('uses z-scoring by default once age is one of the features', () => {
    expect(analyze(table, { features: ['age', 'income', 'spending'] }).scaling).toBe('zscore');
  });

  it('gives every segment a distinct name, even with many look-alike segments', () => {
    const many = analyze(table, { k: 10 });
    expect(new Set(many.segments.map((s) => s.name)).size).toBe(10);
    expect(many.segments.some((s) => / · (lower|middle|higher) (age|income|spending)$/.test(s.name))).toBe(
      true,
    );
  });

  it('honours a fixed k and says the user chose it', () => {
    const six = analyze(table, { k: 6 });
    expect(six.segments).toHaveLength(6);
    expect(six.kChosenBy).toBe('user');
  });

  it('rejects too few customers for the requested k with a clear message', () => {
    const tiny = reorderRows(table, [0, 1, 2, 3, 4]);
    expect(() => analyze(tiny, { k: 6 })).toThrowError(
      expect.objectContaining({
        code: 'too_few_customers',
        problem: { kind: 'too_few_customers', customers: 5, needed: 10, k: 6 },
      }),
    );
  });

  it('rejects invalid options by name', () => {
    expect(() => analyze(table, { k: 1 })).toThrowError(InputError);
    expect(() => analyze(table, { features: ['income', 'income'] })).toThrowError(
      expect.objectContaining({
        problem: { kind: 'invalid_option', option: 'features', rule: 'repeated_feature' },
      }),
    );
  });

  it('samples the k sweep on large tables but fits every row', () => {
    const big = generateCustomers(3000, 5);
    const a = analyze(big, { sweepSampleSize: 1000, silhouetteSampleSize: 500 });
    expect(a.selection.sample).toEqual({ size: 1000, of: 3000 });
    expect(a.labels).toHaveLength(3000);
    expect(a.notes).toContainEqual({ code: 'sweep_sampled', size: 1000, of: 3000 });
  });
});

describe('segment model', () => {
  it('predicts identically after a save/load round trip', () => {
    const loaded = parseModel(serializeModel(base.model));
    const customer = { age: 25, gender: 'Female' as const, income: 60, spending: 75 };
    expect(predict(loaded, customer)).toEqual(predict(base.model, customer));
  });

  it('is clear-cut at a segment centre and reports every distance', () => {
    const s = base.segments[1]!;
    const p = predict(base.model, { age: 30, income: s.centroid.income!, spending: s.centroid.spending! });
    expect(p.segment.id).toBe(s.id);
    expect(p.margin).toBeGreaterThan(0.9);
    expect(p.clarity).toBe('clear');
    expect(p.distances).toHaveLength(base.k);
  });

  it('calls a customer midway between two centres borderline', () => {
    const [a, b] = base.model.centroids;
    const mid = a!.map((v, j) => (v + b![j]!) / 2);
    const p = predict(base.model, { age: 30, income: mid[0]!, spending: mid[1]! });
    expect(p.margin).toBeLessThan(0.1);
    expect(p.clarity).toBe('borderline');
  });

  it('rejects impossible customers with the reason', () => {
    const outOf = (feature: string) =>
      expect.objectContaining({
        code: 'invalid_customer',
        problem: { kind: 'customer_out_of_bounds', feature },
      });
    expect(() => predict(base.model, { age: 25.5, income: 60, spending: 75 })).toThrowError(outOf('age'));
    expect(() => predict(base.model, { age: 25, income: -1, spending: 75 })).toThrowError(outOf('income'));
    expect(() => predict(base.model, { age: 25, income: 60, spending: 101 })).toThrowError(outOf('spending'));
  });

  it('refuses a stored model of another version', () => {
    expect(() => parseModel(JSON.stringify({ ...base.model, version: 2 }))).toThrowError(
      expect.objectContaining({ code: 'invalid_model' }),
    );
    expect(() => parseModel('{not json')).toThrowError(
      expect.objectContaining({ problem: { kind: 'model_not_json' } }),
    );
  });
});

describe('degenerate data', () => {
  it('notes incomes that look like dollars rather than thousands of dollars', () => {
    const dollars = analyze({ ...table, income: table.income.map((v) => v * 1000) });
    expect(dollars.notes).toContainEqual({ code: 'income_in_dollars', median: expect.any(Number) });
    expect(base.notes.map((n) => n.code)).not.toContain('income_in_dollars');
  });

  it('refuses a fixed k above the number of distinct profiles, also when k is chosen on a sample', () => {
    const big = generateCustomers(3000, 8);
    const fourProfiles = {
      ...big,
      income: big.income.map((_, i) => [20, 40, 60, 80][i % 4]!),
      spending: big.spending.map((_, i) => [10, 30, 50, 70][i % 4]!),
    };
    expect(() => analyze(fourProfiles, { k: 6, sweepSampleSize: 1000 })).toThrowError(
      expect.objectContaining({ problem: { kind: 'too_few_profiles', profiles: 4, k: 6 } }),
    );
    const four = analyze(fourProfiles, { k: 4, sweepSampleSize: 1000 });
    expect(four.segments.every((s) => s.size > 0)).toBe(true);
  });

  it('refuses to segment customers who all look the same', () => {
    const flat = {
      ...table,
      income: new Float64Array(table.length).fill(50),
      spending: new Float64Array(table.length).fill(50),
    };
    expect(() => analyze(flat)).toThrowError(
      expect.objectContaining({
        code: 'too_few_customers',
        problem: { kind: 'too_few_profiles', profiles: 1, k: expect.any(Number) },
      }),
    );
  });

  it('reports each step once, in the order it runs (the bench times the phases between them)', () => {
    const steps: string[] = [];
    analyze(table, { seed: 7 }, undefined, (step) => steps.push(step));
    expect(steps).toEqual(['eda', 'sweep', 'structure', 'fit', 'profile', 'checks', 'stability', 'done']);
  });
});
