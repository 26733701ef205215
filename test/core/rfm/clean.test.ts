import { describe, expect, it } from 'vitest';
import { aggregateCustomers } from '../../../src/core/rfm/aggregate.ts';
import { cleanOrderLines, LINE_STATUS } from '../../../src/core/rfm/clean.ts';
import { generateOrderLines } from '../../../src/core/rfm/synthetic-orders.ts';
import { readOrderLines } from '../../../src/ingest/transactions/read.ts';

const H = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n';
const lines = async (body: string) => (await readOrderLines(H + body, { fileName: 'o.csv' })).lines;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('cleaning order lines', () => {
  it('excludes lines without a customer id', async () => {
    const l = await lines('1,A,x,2,2011-01-01 10:00,1,,UK\n2,A,x,2,2011-01-02 10:00,1,7,UK\n');
    const c = cleanOrderLines(l, { cancellations: 'net' });
    expect(c.counts.noCustomerId).toBe(1);
    expect(c.status[0]).toBe(LINE_STATUS.noCustomerId);
  });

  it('excludes zero and negative prices', async () => {
    const l = await lines(
      '1,A,x,2,2011-01-01 10:00,0,7,UK\nA2,B,Adjust bad debt,1,2011-01-01 10:00,-11062.06,7,UK\n3,A,x,2,2011-01-02 10:00,1,7,UK\n',
    );
    expect(cleanOrderLines(l, { cancellations: 'net' }).counts.badPrices).toBe(2);
  });

  it('excludes exact duplicate lines but keeps the same product bought again on another invoice', async () => {
    const row = '1,A,x,2,2011-01-01 10:00,1.5,7,UK\n';
    const l = await lines(`${row}${row}2,A,x,2,2011-01-01 10:00,1.5,7,UK\n`);
    const c = cleanOrderLines(l, { cancellations: 'net' });
    expect(c.counts.duplicates).toBe(1);
    expect(c.counts.purchases).toBe(2);
  });

  it('nets cancellations (C invoices, negative quantities) against spend and never counts them as orders', async () => {
    const l = await lines(
      '1,A,x,10,2011-01-01 10:00,2,7,UK\nC2,A,x,-4,2011-01-03 10:00,2,7,UK\n3,B,y,-1,2011-01-04 10:00,2,7,UK\n',
    );
    const c = cleanOrderLines(l, { cancellations: 'net' });
    expect(c.counts.cancellations).toBe(2);
    const a = aggregateCustomers(l, c);
    expect(a.customers.monetary[0]).toBe(20 - 8 - 2);
    expect(a.customers.frequency[0]).toBe(1);
    // Recency counts from the last purchase, not the last cancellation.
    expect(a.customers.recency[0]).toBe(c.asOfDay - day('2011-01-01'));
  });

  it('can exclude cancellations instead of netting them', async () => {
    const l = await lines('1,A,x,10,2011-01-01 10:00,2,7,UK\nC2,A,x,-4,2011-01-03 10:00,2,7,UK\n');
    const c = cleanOrderLines(l, { cancellations: 'exclude' });
    expect(c.status[1]).toBe(LINE_STATUS.cancellationExcluded);
    expect(aggregateCustomers(l, c).customers.monetary[0]).toBe(20);
  });

  it('leaves out customers whose returns cancel all their spend, with a count', async () => {
    const l = await lines(
      '1,A,x,1,2011-01-01 10:00,2,7,UK\nC2,A,x,-1,2011-01-03 10:00,2,7,UK\n3,A,x,1,2011-01-03 10:00,2,8,UK\n',
    );
    const a = aggregateCustomers(l, cleanOrderLines(l, { cancellations: 'net' }));
    expect(a.noNetSpend).toBe(1);
    expect(a.customers.ids).toEqual(['8']);
  });

  it('uses the day after the last line as the analysis date, or the one given, excluding later lines', async () => {
    const l = await lines('1,A,x,1,2011-01-01 10:00,2,7,UK\n2,A,x,1,2011-03-01 10:00,2,7,UK\n');
    const byDefault = cleanOrderLines(l, { cancellations: 'net' });
    expect(byDefault.asOfDay).toBe(day('2011-03-02'));
    const asOf = cleanOrderLines(l, { cancellations: 'net', asOfDay: day('2011-02-01') });
    expect(asOf.counts.afterAsOf).toBe(1);
    expect(aggregateCustomers(l, asOf).customers.recency[0]).toBe(31);
    expect(() => cleanOrderLines(l, { cancellations: 'net', asOfDay: day('2010-12-31') })).toThrow(
      expect.objectContaining({
        code: 'invalid_option',
        problem: { kind: 'as_of_too_early', asOf: '2010-12-31', firstOrder: '2011-01-01' },
      }),
    );
  });

  it('finds the customer country of most invoices, and the RFM figures per customer', async () => {
    const l = await lines(
      '1,A,x,1,2011-01-01 10:00,10,7,France\n1,B,x,1,2011-01-01 10:00,10,7,France\n2,A,x,1,2011-02-01 10:00,30,7,Spain\n3,A,x,1,2011-02-10 10:00,40,7,Spain\n',
    );
    const a = aggregateCustomers(l, cleanOrderLines(l, { cancellations: 'net' }));
    const cu = a.customers;
    expect(cu.countries[cu.country[0]!]).toBe('Spain');
    expect([cu.recency[0], cu.frequency[0], cu.monetary[0], cu.tenure[0], cu.basket[0]]).toEqual([
      1, 3, 90, 41, 30,
    ]);
    expect(a.months).toEqual([
      { month: '2011-01', revenue: 20, invoices: 1 },
      { month: '2011-02', revenue: 70, invoices: 2 },
    ]);
  });

  it("matches the generator's exclusion counts on every layout", async () => {
    for (const layout of ['online-retail-1', 'online-retail-2', 'shop'] as const) {
      const g = generateOrderLines({
        customers: 120,
        seed: 11,
        layout,
        dateForms: layout === 'shop' ? ['day-first'] : ['iso'],
      });
      const r = await readOrderLines(g.csv, { fileName: `${layout}.csv` });
      const c = cleanOrderLines(r.lines, { cancellations: 'net' });
      const { customers, countries, asOf, ...counts } = g.expected;
      expect({ ...counts, lines: r.totalLines }).toEqual({
        lines: c.counts.lines,
        noCustomerId: c.counts.noCustomerId,
        duplicates: c.counts.duplicates,
        cancellations: c.counts.cancellations,
        badPrices: c.counts.badPrices,
      });
      const a = aggregateCustomers(r.lines, c);
      expect(a.customers.length).toBe(customers);
      expect(new Set(a.customers.country).size).toBe(countries);
      expect(new Date(c.asOfDay * 86_400_000).toISOString().slice(0, 10)).toBe(asOf);
    }
  });
});

describe('finding duplicate lines', () => {
  // The plain definition: a line is a duplicate when an identical earlier line was kept as a purchase candidate.
  function naiveDuplicates(l: Awaited<ReturnType<typeof lines>>, status: Uint8Array): number[] {
    const seen = new Set<string>();
    const found: number[] = [];
    for (let i = 0; i < l.length; i++) {
      if (status[i] === LINE_STATUS.noCustomerId || status[i] === LINE_STATUS.badPrice) continue;
      const key = [
        l.invoice[i],
        l.product[i],
        l.customer[i],
        l.minutes[i],
        l.amount[i],
        l.quantity[i],
        l.unitPrice[i],
      ].join();
      if (seen.has(key)) found.push(i);
      else seen.add(key);
    }
    return found;
  }
  const duplicatesOf = (status: Uint8Array) =>
    Array.from(status).flatMap((s, i) => (s === LINE_STATUS.duplicate ? [i] : []));

  it('finds them whether an invoice is one run of lines, several, or longer than a run is checked alone', async () => {
    const rows: string[] = [];
    // Invoice 1: 150 lines with repeats past the 64th; invoices 2 and 3 interleaved; invoice 4 split in two runs.
    for (let p = 0; p < 150; p++) rows.push(`1,P${p % 100},x,2,2011-01-01 10:00,1.5,7,UK`);
    for (let p = 0; p < 40; p++) rows.push(`${2 + (p % 2)},P${p % 7},x,1,2011-01-02 10:00,2,8,UK`);
    rows.push(
      '4,A,x,1,2011-01-03 10:00,2,9,UK',
      '5,A,x,1,2011-01-03 10:00,2,9,UK',
      '4,A,x,1,2011-01-03 10:00,2,9,UK',
    );
    rows.push(
      '4,A,x,1,2011-01-03 10:00,2,,UK',
      '4,A,x,1,2011-01-03 10:00,2,,UK',
      '4,B,x,1,2011-01-03 10:00,0,9,UK',
    );
    const l = await lines(`${rows.join('\n')}\n`);
    const c = cleanOrderLines(l, { cancellations: 'net' });
    const expected = naiveDuplicates(l, c.status);
    expect(duplicatesOf(c.status)).toEqual(expected);
    expect(expected.length).toBe(50 + 26 + 1);
  });

  it('finds the same ones in a generated file and in the same lines shuffled', async () => {
    const csv = generateOrderLines({ customers: 150, seed: 21 }).csv;
    const [header, ...body] = csv.trimEnd().split('\n');
    let state = 7;
    const shuffled = body
      .map((row) => {
        state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
        return { row, key: state };
      })
      .sort((a, b) => a.key - b.key)
      .map((r) => r.row);
    for (const rows of [body, shuffled]) {
      const l = (await readOrderLines(`${header}\n${rows.join('\n')}\n`, { fileName: 'o.csv' })).lines;
      const c = cleanOrderLines(l, { cancellations: 'net' });
      expect(duplicatesOf(c.status)).toEqual(naiveDuplicates(l, c.status));
      expect(c.counts.duplicates).toBeGreaterThan(0);
    }
  });
});
