import { describe, expect, it } from 'vitest';
import { aggregateCustomers, type CustomerRfm } from '../../../src/core/rfm/aggregate.ts';
import { analyzeRfm, predictRfm } from '../../../src/core/rfm/analyze.ts';
import { cleanOrderLines } from '../../../src/core/rfm/clean.ts';
import { betweenShare } from '../../../src/core/rfm/countries.ts';
import { rfmSegmentCode } from '../../../src/core/rfm/names.ts';
import { rfmScores } from '../../../src/core/rfm/scores.ts';
import { generateOrderLines } from '../../../src/core/rfm/synthetic-orders.ts';
import { readOrderLines } from '../../../src/ingest/transactions/read.ts';
import { adjustedRandIndex } from '../../support/ari.ts';

async function planted(customers: number, seed: number) {
  const g = generateOrderLines({ customers, seed });
  const r = await readOrderLines(g.csv, { fileName: 'orders.csv' });
  const a = aggregateCustomers(r.lines, cleanOrderLines(r.lines, { cancellations: 'net' }));
  const group = new Map(g.labels.map((l) => [l.customerId, l.group]));
  return { customers: a.customers, truth: a.customers.ids.map((id) => group.get(id)!) };
}

describe('RFM segmentation', () => {
  it('recovers the planted customer groups (ARI ≥ 0.9) and names them from their RFM position', async () => {
    const { customers, truth } = await planted(400, 21);
    const analysis = analyzeRfm(customers, { seed: 42 });
    expect(analysis.k).toBe(5);
    expect(adjustedRandIndex(truth, Array.from(analysis.labels))).toBeGreaterThanOrEqual(0.9);
    const nameOf = (group: string) => {
      const i = truth.indexOf(group);
      return analysis.segments[analysis.labels[i]! - 1]!.name;
    };
    expect(nameOf('loyal-big-spenders')).toBe('Champions');
    expect(nameOf('new-customers')).toBe('New customers');
    expect(nameOf('one-off-buyers')).toBe('Lost');
    expect(["Can't lose them", 'At risk']).toContain(nameOf('lapsed-regulars'));
  });

  it("judges the user's k, not the data, in the tendency check, as on a customer file", async () => {
    const { customers } = await planted(400, 21);
    const tendency = (k?: number) =>
      analyzeRfm(customers, { seed: 42, ...(k ? { k } : {}) }).assumptions.find(
        (c) => c.check === 'tendency',
      )!.finding;
    expect(tendency(9)).toMatchObject({ k: 9, userK: true });
    expect(tendency()).not.toHaveProperty('userK');
  });

  it('shows why the log is used: frequency and spend are right-skewed before and nearly symmetric after', async () => {
    const { customers } = await planted(300, 4);
    const a = analyzeRfm(customers, { seed: 1 });
    const skew = Object.fromEntries(a.skewness.map((s) => [s.measure, s]));
    expect(skew.frequency!.raw).toBeGreaterThan(1);
    expect(skew.monetary!.raw).toBeGreaterThan(1);
    expect(Math.abs(skew.frequency!.log)).toBeLessThan(1);
    expect(Math.abs(skew.monetary!.log)).toBeLessThan(1);
  });

  it('compares segments with countries: the long tail, and segments separating behaviour far better', async () => {
    const { customers } = await planted(400, 21);
    const c = analyzeRfm(customers, { seed: 42 }).countryComparison;
    expect(c.customersPerCountry[0]!.country).toBe('United Kingdom');
    expect(c.customersPerCountry.reduce((s, x) => s + x.customers, 0)).toBe(customers.length);
    expect(c.countries).toBe(c.customersPerCountry.length);
    expect(c.longTail.countries).toBeGreaterThan(5);
    expect(c.segmentsShare).toBeGreaterThan(0.8);
    expect(c.countriesShare).toBeLessThan(0.2);
    expect(c.segmentsByCountry[0]!.counts.reduce((s, x) => s + x, 0)).toBe(
      c.customersPerCountry[0]!.customers,
    );
  });

  it('assigns a new customer to the segment with the nearest centre, on the same log scale', async () => {
    const { customers } = await planted(300, 4);
    const a = analyzeRfm(customers, { seed: 1 });
    expect(predictRfm(a.model, { recency: 3, frequency: 30, monetary: 12000 }).segment.name).toBe(
      'Champions',
    );
    expect(predictRfm(a.model, { recency: 500, frequency: 1, monetary: 40 }).segment.name).toBe('Lost');
  });

  it('refuses fewer RFM profiles than segments as order data, whether k is fixed or chosen', () => {
    // 12 customers, 3 profiles: a fixed k of 4 cannot be met; with one profile not even the smallest k.
    const of = (values: number[]): CustomerRfm => ({
      length: values.length,
      ids: values.map((_, i) => String(i)),
      recency: Float64Array.from(values),
      frequency: Float64Array.from(values),
      monetary: Float64Array.from(values, (v) => v * 10),
      tenure: Float64Array.from(values),
      basket: Float64Array.from(values),
      country: new Int32Array(values.length),
      countries: ['UK'],
    });
    const three = of(Array.from({ length: 12 }, (_, i) => 1 + (i % 3)));
    expect(() => analyzeRfm(three, { k: 4 })).toThrow(
      expect.objectContaining({ problem: { kind: 'too_few_profiles', profiles: 3, k: 4, space: 'rfm' } }),
    );
    // Before, the sweep refused this one without 'rfm', and the words said to choose other features.
    expect(() => analyzeRfm(of(new Array(12).fill(5)))).toThrow(
      expect.objectContaining({ problem: { kind: 'too_few_profiles', profiles: 1, k: 2, space: 'rfm' } }),
    );
  });

  it('refuses fewer than 10 customers', () => {
    const tiny: CustomerRfm = {
      length: 3,
      ids: ['1', '2', '3'],
      recency: Float64Array.of(1, 2, 3),
      frequency: Float64Array.of(1, 2, 3),
      monetary: Float64Array.of(1, 2, 3),
      tenure: Float64Array.of(1, 2, 3),
      basket: Float64Array.of(1, 2, 3),
      country: Int32Array.of(0, 0, 0),
      countries: ['UK'],
    };
    // The facts, no sentence (phrases/errors.ts words them).
    expect(() => analyzeRfm(tiny)).toThrow(
      expect.objectContaining({
        code: 'too_few_customers',
        problem: { kind: 'too_few_customers', customers: 3, needed: 10, buyers: true },
      }),
    );
  });
});

describe('RFM scores and names', () => {
  it('scores 1–5 by quintile, most recent = 5, ties sharing the lower score', () => {
    const s = rfmScores(
      Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
      Float64Array.of(1, 1, 1, 1, 1, 1, 2, 3, 4, 5),
      Float64Array.of(10, 20, 30, 40, 50, 60, 70, 80, 90, 100),
    );
    expect(Array.from(s.r)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(Array.from(s.f)).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
    expect(Array.from(s.m)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('names by position on the classic grid', () => {
    expect(rfmSegmentCode({ r: 4.8, f: 4.9, m: 5 })).toBe('champions');
    expect(rfmSegmentCode({ r: 1.5, f: 4.5, m: 4.5 })).toBe('cantLose');
    expect(rfmSegmentCode({ r: 2, f: 3, m: 2 })).toBe('atRisk');
    expect(rfmSegmentCode({ r: 4.6, f: 1, m: 2 })).toBe('newCustomers');
    expect(rfmSegmentCode({ r: 2, f: 2, m: 2 })).toBe('hibernating');
    expect(rfmSegmentCode({ r: 1.2, f: 1, m: 1.3 })).toBe('lost');
  });

  it('measures the between-group share of variance (1 for perfect groups, 0 for groups with equal means)', () => {
    const points = { n: 4, d: 1, data: Float64Array.of(0, 0, 10, 10) };
    expect(betweenShare(points, [0, 0, 1, 1], 2)).toBe(1);
    expect(betweenShare(points, [0, 1, 0, 1], 2)).toBe(0);
  });
});
