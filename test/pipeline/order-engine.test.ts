/** The engine on order lines: uploads recognised by their header, RFM analyses cached, bad files refused. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { UploadedDataset } from '../../src/commands/context.ts';
import { isInputError } from '../../src/core/errors.ts';
import { generateOrderLines } from '../../src/core/rfm/synthetic-orders.ts';
import { createLogger } from '../../src/log.ts';
import { AnalysisEngine } from '../../src/pipeline/engine.ts';
import { accented, ORDER_SHEET, orderWorkbook, utf16le, windows1252 } from '../support/order-files.ts';
import { ordersOf } from '../support/results.ts';

const SAMPLE_PATH = fileURLToPath(new URL('../../data/customers.csv', import.meta.url));
const generated = generateOrderLines({
  customers: 200,
  seed: 3,
  layout: 'online-retail-1',
  dateForms: ['us'],
});
const bytes = new TextEncoder().encode(generated.csv);
const settings = { k: null, features: ['income' as const, 'spending' as const], scaling: null };

function engineWith(files: Map<number, Uint8Array>) {
  return new AnalysisEngine({
    samplePath: SAMPLE_PATH,
    log: createLogger(),
    loadBytes: (d) => files.get(d.id) ?? null,
  });
}

const dataset = (sha256: string): UploadedDataset => ({
  kind: 'upload',
  id: 1,
  teamId: 'T',
  channelId: 'C',
  fileName: 'orders.csv',
  uploadedBy: 'U',
  uploadedAt: new Date('2026-12-01T00:00:00Z'),
  rows: generated.expected.lines,
  skippedRows: 0,
  sha256,
  holds: 'orders',
});

describe('engine on order lines', () => {
  it('reads an upload with an order-line header as orders, with the cleaning counts', async () => {
    const outcome = await engineWith(new Map()).ingest({ fileName: 'orders.csv', bytes, settings, seed: 42 });
    expect(outcome.holds).toBe('orders');
    expect(outcome.rows).toBe(generated.expected.lines);
    const { orders } = ordersOf(outcome);
    expect(orders.reading.counts.noCustomerId).toBe(generated.expected.noCustomerId);
    expect(orders.reading.counts.cancellations).toBe(generated.expected.cancellations);
    expect(orders.analysis.customers).toBe(generated.expected.customers);
  });

  it.each([
    [
      'an .xlsx',
      'orders.xlsx',
      (csv: string) => orderWorkbook(csv),
      { sheets: [ORDER_SHEET], encoding: 'utf-8' },
    ],
    ['a Windows-1252 CSV', 'orders.csv', windows1252, { encoding: 'windows-1252' }],
    ['a UTF-16 CSV', 'orders.txt', utf16le, { encoding: 'utf-16le' }],
  ])(
    'reads order lines shared as %s as orders, with the same segments as the UTF-8 CSV',
    async (_, fileName, encode, read) => {
      const csv = accented(generated.csv);
      const engine = engineWith(new Map());
      const plain = ordersOf(
        await engine.ingest({ fileName: 'orders.csv', bytes: Buffer.from(csv), settings, seed: 42 }),
      );
      const outcome = await engine.ingest({ fileName, bytes: encode(csv), settings, seed: 42 });
      expect(outcome.holds).toBe('orders');
      const { orders } = ordersOf(outcome);
      expect(orders.reading).toMatchObject(read);
      expect(orders.reading.counts).toEqual(plain.orders.reading.counts);
      expect(orders.analysis.k).toBe(plain.orders.analysis.k);
      const sizes = (a: typeof orders.analysis) => a.segments.map((x) => [x.name, x.size]);
      expect(sizes(orders.analysis)).toEqual(sizes(plain.orders.analysis));
      expect(orders.analysis.inertia).toBe(plain.orders.analysis.inertia);
    },
  );

  it('keeps the RFM analysis: the same request is answered from the cache, another k is not', async () => {
    const engine = engineWith(new Map([[1, bytes]]));
    const request = { dataset: dataset('c'.repeat(64)), settings, seed: 42 };
    const first = ordersOf(await engine.analyze(request));
    const again = ordersOf(await engine.analyze(request));
    expect(again.orders.analysis).toBe(first.orders.analysis);
    const other = ordersOf(await engine.analyze({ ...request, settings: { ...settings, k: 3 } }));
    expect(other.orders.analysis.k).toBe(3);
    expect(other.orders.analysis).not.toBe(first.orders.analysis);
  });

  it('counts recency to the channel’s analysis date', async () => {
    const engine = engineWith(new Map([[1, bytes]]));
    const request = {
      dataset: dataset('d'.repeat(64)),
      settings: { ...settings, asOf: '2011-06-01' },
      seed: 42,
    };
    const { orders } = ordersOf(await engine.analyze(request));
    expect(orders.reading.asOfDefault).toBe(false);
    expect(new Date(orders.reading.asOfDay * 86_400_000).toISOString().slice(0, 10)).toBe('2011-06-01');
    expect(orders.reading.counts.afterAsOf).toBeGreaterThan(0);
  });

  it('refuses an order file with ambiguous dates with the specific reason', async () => {
    const csv =
      'Order ID,Customer ID,Order Date,Quantity,Price,Country\n1,1,3/4/2011 10:00,1,1,UK\n2,1,5/6/2011 10:00,1,1,UK\n';
    const error = await engineWith(new Map())
      .ingest({ fileName: 'shop.csv', bytes: new TextEncoder().encode(csv), settings, seed: 42 })
      .catch((e: unknown) => e);
    expect(isInputError(error) && error.code).toBe('ambiguous_dates');
  });

  it('a customer file still goes the customer path', async () => {
    const outcome = await engineWith(new Map()).ingest({
      fileName: 'mall.csv',
      bytes: new TextEncoder().encode(
        'CustomerID,Gender,Age,Annual Income (k$),Spending Score (1-100)\n' +
          Array.from(
            { length: 40 },
            (_, i) => `${i + 1},Female,${20 + i},${15 + i * 2},${(i * 37) % 100}`,
          ).join('\n'),
      ),
      settings,
      seed: 42,
    });
    expect(outcome.kind).toBe('customers');
    expect(outcome.holds).toBe('customers');
  });
});

describe('progress while an order file is read', () => {
  it('counts order lines, not rows', async () => {
    const big = generateOrderLines({ customers: 1500, seed: 4, linesPerInvoice: 12 });
    expect(big.expected.lines).toBeGreaterThan(100_000);
    const lines: string[] = [];
    await engineWith(new Map()).ingest(
      { fileName: 'big.csv', bytes: new TextEncoder().encode(big.csv), settings, seed: 42 },
      (line) => lines.push(line),
    );
    expect(lines[0]).toMatch(/^Reading big\.csv: ~[\d,]+ order lines…$/);
    expect(lines.some((l) => /^Read [\d,]+ of ~[\d,]+ order lines…$/.test(l))).toBe(true);
  });
});
