import { describe, expect, it } from 'vitest';
import { createRng, normal } from '../../../src/core/random.ts';
import type { CustomerRfm } from '../../../src/core/rfm/aggregate.ts';
import { aggregateCustomers } from '../../../src/core/rfm/aggregate.ts';
import { analyzeRfm } from '../../../src/core/rfm/analyze.ts';
import { cleanOrderLines } from '../../../src/core/rfm/clean.ts';
import { generateOrderLines } from '../../../src/core/rfm/synthetic-orders.ts';
import { readOrderLines } from '../../../src/ingest/transactions/read.ts';
import { findingWords } from '../../../src/phrases/checks.ts';

/** One log-normal blob of customers: RFM figures with no groups in them. */
function groupless(n: number, seed: number): CustomerRfm {
  const rng = createRng(seed);
  const logNormal = (mu: number, sd: number) => Math.expm1(Math.max(0, mu + sd * normal(rng)));
  const of = (f: () => number) => Float64Array.from({ length: n }, f);
  const frequency = of(() => Math.max(1, Math.round(logNormal(1.2, 0.5))));
  return {
    length: n,
    ids: Array.from({ length: n }, (_, i) => String(i + 1)),
    recency: of(() => logNormal(4, 0.6)),
    frequency,
    monetary: of(() => logNormal(6, 0.5)),
    tenure: of(() => 200),
    basket: of(() => 50),
    country: new Int32Array(n),
    countries: ['UK'],
  };
}

async function plantedCustomers(customers: number, seed: number) {
  const g = generateOrderLines({ customers, seed });
  const r = await readOrderLines(g.csv, { fileName: 'orders.csv' });
  return aggregateCustomers(r.lines, cleanOrderLines(r.lines, { cancellations: 'net' })).customers;
}

describe('RFM segmentation: structure test and stability, as for customer files', () => {
  it('finds clear structure in planted groups and reports per-segment bootstrap Jaccards', async () => {
    const a = analyzeRfm(await plantedCustomers(400, 21), { seed: 42 });
    expect(a.structure).toBe('clear');
    expect(a.structureTest.k).toBe(a.k);
    expect(a.stability.resamples).toBe(20);
    expect(a.stability.segments.map((s) => s.id)).toEqual(a.segments.map((s) => s.id));
    // Planted groups are well apart: every segment comes back in the resamples.
    for (const s of a.stability.segments) expect(s.verdict).not.toBe('doubtful');
    const votes = Object.values(a.stability.kFrequency).reduce((x, y) => x + y, 0);
    expect(votes).toBeLessThanOrEqual(20);
    expect(a.stability.kFrequency[String(a.k)]).toBeGreaterThan(10);
  });

  it('gives one segment of everyone when there are no groups, keeping the rule k as the nearest split', () => {
    const a = analyzeRfm(groupless(600, 3), { seed: 7 });
    expect(a.structure).toBe('none');
    expect(a.k).toBe(1);
    expect(a.segments).toHaveLength(1);
    expect(a.segments[0]).toMatchObject({ code: 'allCustomers', name: 'All customers', size: 600, share: 1 });
    expect(a.selection.recommendedK).toBeGreaterThan(1);
    expect(a.structureTest.k).toBe(a.selection.recommendedK);
    expect(new Set(a.labels)).toEqual(new Set([1]));
    expect(a.stability.segments).toEqual([expect.objectContaining({ id: 1, jaccard: 1, verdict: 'stable' })]);
    expect(a.model.centroids).toHaveLength(1);
  });

  it('still fits the k the user asks for on groupless data', () => {
    const a = analyzeRfm(groupless(300, 5), { seed: 7, k: 3 });
    expect(a.k).toBe(3);
    expect(a.structureTest.k).toBe(3);
    expect(a.structure).not.toBe('clear');
    expect(a.segments.every((s) => s.code !== 'allCustomers')).toBe(true);
  });

  it('is deterministic: the same customers and seed give the same structure and stability', async () => {
    const c = await plantedCustomers(200, 9);
    const x = analyzeRfm(c, { seed: 5 });
    const y = analyzeRfm(c, { seed: 5 });
    expect(y.structureTest).toEqual(x.structureTest);
    expect(y.stability).toEqual(x.stability);
  });
});

describe('RFM assumption checks (the customer checks that apply)', () => {
  it('runs outliers, tendency, size and separation on the RFM segments', async () => {
    const a = analyzeRfm(await plantedCustomers(400, 21), { seed: 42 });
    expect(a.assumptions.map((c) => c.check)).toEqual(['outliers', 'tendency', 'sizeBalance', 'separation']);
    const by = Object.fromEntries(a.assumptions.map((c) => [c.check, c]));
    expect(by.tendency!.status).toBe('pass');
    expect(by.sizeBalance!.details!.smallest).toBe(Math.min(...a.segments.map((s) => s.size)));
    expect(by.separation!.value).toBe(a.silhouette);
  });

  it('flags customers far out in the log RFM space and says which measure they stand out on', () => {
    const c = groupless(500, 11);
    // 15 accounts spending ~1,000 times the rest (3 %): far out even after the log.
    for (let i = 0; i < 15; i++) c.monetary[i] = 5e6;
    const a = analyzeRfm(c, { seed: 3, k: 2 });
    const outliers = a.assumptions.find((x) => x.check === 'outliers')!;
    expect(outliers.status).toBe('warn');
    expect(outliers.finding).toMatchObject({ code: 'outliers.found', customers: 15 });
    if (outliers.finding.code !== 'outliers.found') throw new Error('unreachable');
    expect(outliers.finding.standOut[0]).toEqual({ feature: 'monetary', customers: 15 });
    expect(findingWords(outliers.finding, outliers.status)).toMatch(/standing out most on spend \(15\)/);
  });

  it('says there are no groups when structure is none (tendency fails, separation is the single-segment warning)', () => {
    const a = analyzeRfm(groupless(600, 3), { seed: 7 });
    const by = Object.fromEntries(a.assumptions.map((c) => [c.check, c]));
    expect(by.tendency!.status).toBe('fail');
    expect(by.separation!.finding.code).toBe('separation.single');
  });
});
