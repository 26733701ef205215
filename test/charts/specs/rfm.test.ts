import { describe, expect, it } from 'vitest';
import { RFM_CHART_BUILDERS, RFM_CHART_KINDS } from '../../../src/charts/index.ts';
import { compileChart } from '../../../src/charts/render.ts';
import { MAP_POINT_CAP } from '../../../src/charts/specs/map-layers.ts';
import { logTicks } from '../../../src/charts/specs/rfm-common.ts';
import { logBins } from '../../../src/charts/specs/rfm-distributions.ts';
import { orderBands } from '../../../src/charts/specs/rfm-orders-per-customer.ts';
import { monthLabel } from '../../../src/charts/specs/rfm-revenue-by-month.ts';
import { countryRows } from '../../../src/charts/specs/rfm-segments-by-country.ts';
import type { RfmChartInput } from '../../../src/charts/types.ts';
import { aggregateCustomers } from '../../../src/core/rfm/aggregate.ts';
import { analyzeRfm } from '../../../src/core/rfm/analyze.ts';
import { cleanOrderLines } from '../../../src/core/rfm/clean.ts';
import { generateOrderLines } from '../../../src/core/rfm/synthetic-orders.ts';
import { readOrderLines } from '../../../src/ingest/transactions/read.ts';

async function input(customers: number, seed: number): Promise<RfmChartInput> {
  const g = generateOrderLines({ customers, seed });
  const r = await readOrderLines(g.csv, { fileName: 'orders.csv' });
  const a = aggregateCustomers(r.lines, cleanOrderLines(r.lines, { cancellations: 'net' }));
  return { analysis: analyzeRfm(a.customers, { seed: 42 }), customers: a.customers, months: a.months };
}

type Node = Record<string, unknown> & { data: { values: Array<Record<string, unknown>> } };
const dataOf = (spec: unknown, path: string[]) =>
  (path.reduce((o, k) => (o as Record<string, unknown>)[k], spec) as Node).data.values;

describe('RFM chart specs', () => {
  it('every builder compiles without vega-lite warnings and says what it shows', async () => {
    const i = await input(300, 4);
    for (const kind of RFM_CHART_KINDS) {
      const chart = RFM_CHART_BUILDERS[kind](i);
      expect(chart.kind).toBe(kind);
      expect(chart.alt.length).toBeGreaterThan(30);
      expect(compileChart(chart).warnings).toEqual([]);
    }
  });

  it('segments × country: the largest countries, the rest pooled as one bar, every customer counted once', async () => {
    const i = await input(400, 21);
    const rows = countryRows(i, 3);
    const cc = i.analysis.countryComparison;
    expect(rows).toHaveLength(5);
    expect(rows[0]!.label).toMatch(/^All customers/);
    expect(rows[0]!.customers).toBe(i.analysis.customers);
    expect(rows[1]!.label).toBe(`United Kingdom (${cc.customersPerCountry[0]!.customers})`);
    expect(rows[4]!.label).toMatch(new RegExp(`^${cc.countries - 3} other countries`));
    expect(rows.slice(1).reduce((s, r) => s + r.customers, 0)).toBe(i.analysis.customers);
    // Segment columns add up to the segment sizes.
    expect(rows[0]!.counts).toEqual(i.analysis.segments.map((s) => s.size));
  });

  it('revenue by month carries every month of the cleaned lines, in order', async () => {
    const i = await input(200, 9);
    const values = dataOf(RFM_CHART_BUILDERS['rfm-revenue-by-month'](i).spec, []);
    expect(values.map((v) => v.month)).toEqual(i.months.map((m) => monthLabel(m.month)));
    expect(values.reduce((s, v) => s + (v.revenue as number), 0)).toBeCloseTo(
      i.months.reduce((s, m) => s + m.revenue, 0),
    );
    expect(monthLabel('2011-03')).toBe('Mar 2011');
  });

  it('bins aggregate: orders per customer in fixed bands, log bins that count every customer', () => {
    expect(orderBands(Float64Array.of(1, 1, 2, 7, 10, 11, 250)).map((b) => b.customers)).toEqual([
      2, 1, 0, 0, 0, 2, 1, 0, 0, 1,
    ]);
    const values = Float64Array.from({ length: 5000 }, (_, i) => i * 3);
    const bins = logBins(values);
    expect(bins).toHaveLength(24);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(5000);
    expect(bins[0]!.start).toBe(0);
    expect(bins[23]!.end).toBeCloseTo(4999 * 3);
    expect(logTicks(3, 600)).toEqual([5, 10, 20, 50, 100, 200, 500]);
  });

  it('the map draws at most MAP_POINT_CAP customers however many there are', async () => {
    const i = await input(200, 9);
    const n = 20_000;
    const big = Float64Array.from({ length: n }, (_, r) => i.customers.recency[r % i.customers.length]!);
    const spend = Float64Array.from({ length: n }, (_, r) => i.customers.monetary[r % i.customers.length]!);
    const labels = Int32Array.from({ length: n }, (_, r) => i.analysis.labels[r % i.analysis.labels.length]!);
    const chart = RFM_CHART_BUILDERS['rfm-segment-map']({
      ...i,
      analysis: { ...i.analysis, labels, customers: n },
      customers: { ...i.customers, length: n, recency: big, monetary: spend },
    });
    const dots = dataOf(chart.spec, ['layer', '0']);
    expect(dots).toHaveLength(MAP_POINT_CAP);
    expect(new Set(dots.map((d) => d.s)).size).toBe(i.analysis.k);
    expect(JSON.stringify(chart.spec)).toMatch(/random sample of 4,000 of 20,000 customers/);
  });
});

describe('RFM charts with no clear segments', () => {
  it('the map says so instead of quoting a silhouette of one segment', async () => {
    const i = await input(200, 9);
    const one = {
      ...i,
      analysis: {
        ...i.analysis,
        k: 1,
        structure: 'none' as const,
        labels: new Int32Array(i.customers.length).fill(1),
        segments: [
          { ...i.analysis.segments[0]!, id: 1, name: 'All customers', size: i.customers.length, share: 1 },
        ],
      },
    };
    const text = JSON.stringify(RFM_CHART_BUILDERS['rfm-segment-map'](one).spec);
    expect(text).toMatch(/No clear segments/);
    expect(text).not.toMatch(/silhouette/i);
  });
});
