import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateOrderLines, ORDERS_SAMPLE } from '../../../src/core/rfm/synthetic-orders.ts';

const dataFile = (name: string) => new URL(`../../../data/${name}`, import.meta.url);

describe('synthetic order lines', () => {
  it('gives the same file, labels and counts for the same seed', () => {
    const a = generateOrderLines({ customers: 80, seed: 7 });
    const b = generateOrderLines({ customers: 80, seed: 7 });
    expect(a.csv).toBe(b.csv);
    expect(a.labels).toEqual(b.labels);
    expect(generateOrderLines({ customers: 80, seed: 8 }).csv).not.toBe(a.csv);
  });

  it('counts every planted problem line it writes', () => {
    const g = generateOrderLines({ customers: 150, seed: 3, layout: 'online-retail-2', dateForms: ['iso'] });
    const rows = g.csv.trim().split('\n').slice(1);
    expect(rows).toHaveLength(g.expected.lines);
    // Online Retail II writes ids as 13085.0 and leaves unknown customers empty.
    const noId = rows.filter((r) => /,,[^,]*$/.test(r) || /,,"[^"]*"$/.test(r)).length;
    expect(noId).toBe(g.expected.noCustomerId);
    expect(rows.filter((r) => r.startsWith('C')).length).toBe(g.expected.cancellations);
    expect(new Set(g.labels.map((l) => l.customerId)).size).toBe(150);
    expect(g.expected.asOf).toBe('2011-12-10');
  });

  it('matches the bundled sample byte for byte', () => {
    const g = generateOrderLines({ ...ORDERS_SAMPLE });
    expect(readFileSync(dataFile('orders.csv'), 'utf8')).toBe(g.csv);
    expect(JSON.parse(readFileSync(dataFile('orders.expected.json'), 'utf8'))).toEqual(g.expected);
  });
});
