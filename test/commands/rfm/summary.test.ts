/** The order-data summary and check on groupless customers: the headline says so, as for customer files. */
import { describe, expect, it } from 'vitest';
import type { OrderReading, OrderSummary } from '../../../src/commands/orders.ts';
import { rfmCheckReply } from '../../../src/commands/rfm/check.ts';
import { rfmSummaryReply } from '../../../src/commands/rfm/summary.ts';
import { createRng, normal } from '../../../src/core/random.ts';
import type { CustomerRfm } from '../../../src/core/rfm/aggregate.ts';
import { analyzeRfm } from '../../../src/core/rfm/analyze.ts';
import { describeRfm } from '../../../src/core/rfm/describe.ts';

/** One log-normal blob of customers: RFM figures with no groups in them. */
function groupless(n: number, seed: number): CustomerRfm {
  const rng = createRng(seed);
  const logNormal = (mu: number, sd: number) => Math.expm1(Math.max(0, mu + sd * normal(rng)));
  const of = (f: () => number) => Float64Array.from({ length: n }, f);
  return {
    length: n,
    ids: Array.from({ length: n }, (_, i) => String(i + 1)),
    recency: of(() => logNormal(4, 0.6)),
    frequency: of(() => Math.max(1, Math.round(logNormal(1.2, 0.5)))),
    monetary: of(() => logNormal(6, 0.5)),
    tenure: of(() => 200),
    basket: of(() => 50),
    country: new Int32Array(n),
    countries: ['UK'],
  };
}

const reading: OrderReading = {
  encoding: 'utf-8',
  fileName: 'blob.csv',
  layout: 'order export',
  roles: [{ role: 'invoice', header: 'Order ID' }],
  ignored: [],
  value: 'line total',
  dateForms: ['iso'],
  usDatesAssumed: false,
  totalLines: 900,
  unreadableLines: 0,
  firstProblems: [],
  counts: {
    lines: 900,
    noCustomerId: 0,
    badPrices: 0,
    duplicates: 0,
    cancellations: 0,
    afterAsOf: 0,
    purchases: 900,
  },
  cancellations: 'net',
  duplicatesChecked: false,
  asOfDay: 15_000,
  asOfDefault: true,
  firstDay: 14_000,
  lastDay: 14_999,
  customersWithoutNetSpend: 0,
  months: [],
};

describe('order replies on customers without groups', () => {
  const customers = groupless(300, 5);
  const orders: OrderSummary = {
    reading,
    describe: describeRfm(customers),
    analysis: analyzeRfm(customers, { seed: 42 }),
  };

  it('the summary says there are no clear segments and names the one group', () => {
    expect(orders.analysis.k).toBe(1);
    const reply = rfmSummaryReply(orders, { kind: 'sample' }, []);
    expect(reply.title).toBe('RFM segments: no clear segments');
    expect(reply.text).toContain('form one continuous group');
    expect(reply.table?.rows).toHaveLength(1);
  });

  it('check still answers, with the one-group stability words', () => {
    const reply = rfmCheckReply(orders, 'blob.csv', []);
    expect(reply.isError).toBe(false);
    const text = reply.sections.map((s) => s.body).join('\n');
    expect(text).toContain('There is one group, so there is no segment to test.');
  });
});
