import { describe, expect, it } from 'vitest';
import { generateOrderLines } from '../../src/core/rfm/synthetic-orders.ts';
import { renderOrderCharts } from '../../src/pipeline/order-charts.ts';
import { analyzeOrders } from '../../src/pipeline/orders.ts';

describe('renderOrderCharts', () => {
  it('answers each command group with its charts, and the same file and seed give the same PNG bytes', async () => {
    const { csv } = generateOrderLines({ customers: 150, seed: 5 });
    const a = await analyzeOrders(csv, { fileName: 'orders.csv', seed: 3 });
    const names = async (group: Parameters<typeof renderOrderCharts>[0]) =>
      (await renderOrderCharts(group, a)).images.map((i) => i.filename);
    expect(await names('summary')).toEqual([
      'rfm-segment-map.png',
      'rfm-segment-profiles.png',
      'rfm-segments-by-country.png',
    ]);
    expect(await names('check')).toEqual(['rfm-skewness.png']);
    expect(await names('k')).toEqual(['rfm-choose-k.png']);
    const first = await renderOrderCharts('eda', a);
    expect(first.missing).toEqual([]);
    expect(first.images.map((i) => i.filename)).toEqual([
      'rfm-revenue-by-month.png',
      'rfm-orders-per-customer.png',
      'rfm-distributions.png',
    ]);
    const again = await analyzeOrders(csv, { fileName: 'orders.csv', seed: 3 });
    const second = await renderOrderCharts('eda', again);
    for (const [j, img] of second.images.entries()) expect(img.png.equals(first.images[j]!.png)).toBe(true);
    const map1 = (await renderOrderCharts('summary', a)).images[0]!.png;
    const map2 = (await renderOrderCharts('summary', again)).images[0]!.png;
    expect(map1.equals(map2)).toBe(true);
  });

  it('a chart that fails costs only itself: named in missing, the others still drawn', async () => {
    const { csv } = generateOrderLines({ customers: 120, seed: 6 });
    const a = await analyzeOrders(csv, { fileName: 'orders.csv', seed: 3 });
    const broken = { ...a, analysis: { ...a.analysis, labels: new Int32Array(3) } };
    const errors: string[] = [];
    const r = await renderOrderCharts('summary', broken, (kind) => errors.push(kind));
    expect(r.missing).toEqual(['segment map']);
    expect(errors).toEqual(['rfm-segment-map']);
    expect(r.images.map((i) => i.filename)).toEqual([
      'rfm-segment-profiles.png',
      'rfm-segments-by-country.png',
    ]);
  });
});
