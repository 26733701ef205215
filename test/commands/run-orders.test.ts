/**
 * run() on a channel whose data is order lines: every command answers in RFM
 * terms, through the same handlers and the real in-process engine.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/commands/grammar.ts';
import type { Reply } from '../../src/commands/reply.ts';
import { run } from '../../src/commands/run.ts';
import { generateOrderLines } from '../../src/core/rfm/synthetic-orders.ts';
import { MemoryChannel, replyWords, sampleContext, uploaded } from './support.ts';

const generated = generateOrderLines({
  customers: 300,
  seed: 11,
  layout: 'online-retail-2',
  dateForms: ['iso'],
});
const dataset = uploaded(71, 'online_retail_II.csv', generated.csv, generated.expected.lines, 'orders');
const settings = { k: null, features: ['income' as const, 'spending' as const], scaling: null };

function ordersChannel() {
  return new MemoryChannel({ dataset, settings: { ...settings } });
}

async function answer(text: string, channel = ordersChannel()): Promise<Reply> {
  const parsed = parseCommand(text);
  if (!parsed.ok) throw parsed.error;
  return run(parsed.command, sampleContext(channel));
}

const everything = replyWords;

describe('run() on order-line data', () => {
  it('summary: RFM segment names, sizes, centres and scores, how the file was read and the country comparison', async () => {
    const reply = await answer('summary');
    expect(reply.isError).toBe(false);
    expect(reply.title).toMatch(/^RFM segments: \d+ segments$/);
    expect(reply.table?.columns).toEqual([
      '#',
      'Segment',
      'Customers',
      'Recency (days)',
      'Orders',
      'Spend',
      'R F M score',
    ]);
    const names = reply.table!.rows.map((r) => r[1]!);
    expect(
      names.some((n) => /Champions|Loyal customers|At risk|New customers|Hibernating|Lost/.test(n)),
    ).toBe(true);
    const text = everything(reply);
    const e = generated.expected;
    expect(text).toContain('online_retail_II.csv was read as order lines (Online Retail II)');
    expect(text).toContain('Customer ID → customer');
    expect(text).toContain(`${e.noCustomerId.toLocaleString('en-US')} lines without a customer id excluded`);
    expect(text).toContain(
      `${e.cancellations} cancellation lines (C invoices or negative quantities) netted`,
    );
    expect(text).toContain(`analysis date ${e.asOf} (the day after the last invoice)`);
    expect(text).toMatch(/The segments account for \d+% of the differences in buying behaviour/);
    expect(text).toContain(`The customers live in ${e.countries} countries`);
    expect(reply.images.map((i) => i.filename)).toEqual([
      'rfm-segment-map.png',
      'rfm-segment-profiles.png',
      'rfm-segments-by-country.png',
    ]);
    // How firm the segments are, from the bootstrap, before the advice.
    expect(text).toMatch(/(Stable|Fairly stable|Unstable): k = \d+ won \d+ of \d+ resamples/);
  });

  it('eda: the per-customer distributions, and why they are skewed', async () => {
    const reply = await answer('eda');
    expect(reply.table?.rows.map((r) => r[0])).toEqual([
      'Recency (days)',
      'Frequency (orders)',
      'Monetary (spend)',
      'Tenure (days)',
      'Basket (spend per order)',
    ]);
    expect(reply.table?.rows[0]?.[1]).toBe(generated.expected.customers.toLocaleString('en-US'));
    expect(everything(reply)).toContain('Revenue by month');
    expect(reply.images.map((i) => i.filename)).toContain('rfm-distributions.png');
  });

  it('check: skewness before and after the log (why the transform is used), the checks that apply, and stability', async () => {
    const reply = await answer('check');
    const text = everything(reply);
    expect(text).toMatch(/recency: skewness -?\d+\.\d\d before the log, -?\d+\.\d\d after/);
    expect(text).toContain('why K-means runs on the log scale');
    expect(reply.table?.columns).toEqual(['Check', 'Verdict', 'Figure', 'Threshold']);
    expect(reply.table?.rows.map((r) => r[0])).toContain('The data has natural groups');
    expect(text).toContain('How firm the segments are (bootstrap)');
    expect(text).toMatch(/Jaccard \d\.\d\d/);
    expect(reply.images.map((i) => i.filename)).toEqual(['rfm-skewness.png']);
  });

  it('k shows the sweep; k 3 refits with three RFM segments and saves k', async () => {
    const shown = await answer('k');
    expect(shown.table?.columns[0]).toBe('k');
    expect(shown.table!.rows.length).toBeGreaterThan(3);
    const channel = ordersChannel();
    const fixed = await answer('k 3', channel);
    expect(fixed.isError).toBe(false);
    expect(fixed.table?.rows).toHaveLength(3);
    expect(channel.current.settings.k).toBe(3);
  });

  it('predict recency=30 frequency=5 monetary=900 names the nearest RFM segment and its advice', async () => {
    const reply = await answer('predict recency=30 frequency=5 monetary=900');
    expect(reply.isError).toBe(false);
    expect(reply.title).toMatch(/^Predicted segment: /);
    expect(reply.text).toContain('last ordered 30 days ago, with 5 orders and a spend of 900');
    expect(reply.table?.rows.filter((r) => r[2] === 'nearest')).toHaveLength(1);
  });

  it('a customer-style predict on order data names the RFM form', async () => {
    const reply = await answer('predict 25 F 60 75');
    expect(reply.isError).toBe(true);
    expect(reply.text).toContain('recency, frequency and spend');
    expect(reply.text).toContain('predict recency=30 frequency=5 monetary=900');
  });

  it('export writes CustomerID, Recency, Frequency, Monetary, Country, Segment and Segment name for every customer', async () => {
    const reply = await answer('export');
    const [file] = reply.files;
    const [header, ...rows] = file!.content.toString('utf8').trim().split('\n');
    expect(header!.split(',').slice(0, 7)).toEqual([
      'CustomerID',
      'Recency',
      'Frequency',
      'Monetary',
      'Country',
      'Segment',
      'Segment name',
    ]);
    expect(rows).toHaveLength(generated.expected.customers);
  });

  it('features and scale are refused (RFM features are fixed) and change nothing', async () => {
    for (const text of ['features age income', 'scale none']) {
      const channel = ordersChannel();
      const reply = await answer(text, channel);
      expect(reply.isError).toBe(true);
      expect(reply.text).toContain('segments always use recency, frequency and spend');
      expect(channel.current.settings).toEqual(settings);
    }
  });

  it('asof sets the analysis date (shown in the summary); asof auto returns to the default', async () => {
    const channel = ordersChannel();
    const set = await answer('asof 2011-06-01', channel);
    expect(set.isError).toBe(false);
    expect(channel.current.settings.asOf).toBe('2011-06-01');
    expect(everything(set)).toContain('analysis date 2011-06-01');
    const summary = await answer('summary', channel);
    expect(everything(summary)).toContain('analysis date 2011-06-01');
    await answer('asof auto', channel);
    expect(channel.current.settings).not.toHaveProperty('asOf');
  });

  it('an analysis date before the first order is refused and not saved', async () => {
    const channel = ordersChannel();
    const reply = await answer('asof 1999-01-01', channel);
    expect(reply.isError).toBe(true);
    expect(reply.text).toContain('is not after the first order');
    expect(channel.current.settings).not.toHaveProperty('asOf');
  });
});

describe('the order forms on customer data', () => {
  it('asof is refused clearly and not saved', async () => {
    const channel = new MemoryChannel();
    const reply = await answer('asof 2011-06-01', channel);
    expect(reply.isError).toBe(true);
    expect(reply.text).toContain('the analysis date is for order lines');
    expect(channel.current.settings).not.toHaveProperty('asOf');
  });

  it('the RFM predict names the customer form', async () => {
    const reply = await answer('predict recency=30 frequency=5 monetary=900', new MemoryChannel());
    expect(reply.isError).toBe(true);
    expect(reply.text).toContain('age, income and spending score');
  });
});

describe('data on order-line data', () => {
  it('says the data is order lines, with the fixed RFM features and the analysis date', async () => {
    const channel = ordersChannel();
    const before = everything(await answer('data', channel));
    expect(before).toContain('Features: recency, frequency and spend');
    expect(before).toContain('Analysis date: the day after the last invoice');
    await answer('asof 2011-06-01', channel);
    expect(everything(await answer('data', channel))).toContain('Analysis date: 2011-06-01');
  });
});

describe('predict on order data for a customer unlike the file', () => {
  it('warns that figures beyond the file’s range make the segment a guess', async () => {
    const inside = await answer('predict recency=30 frequency=5 monetary=900');
    expect(inside.warnings).toEqual([]);
    const outside = await answer('predict recency=30 frequency=100000 monetary=900');
    expect(outside.warnings).toHaveLength(1);
    expect(outside.warnings[0]).toMatch(
      /^unlike any customer in this data: orders 100,000 is above the highest in the file/,
    );
  });
});

describe('reset orders: the bundled order-line sample', () => {
  const expected = JSON.parse(
    readFileSync(fileURLToPath(new URL('../../data/orders.expected.json', import.meta.url)), 'utf8'),
  );

  it('makes the order sample the channel’s data; every command then answers in RFM terms; reset goes back', async () => {
    const channel = new MemoryChannel({ dataset, settings: { ...settings, k: 4 } });
    const reset = await answer('reset orders', channel);
    expect(reset.title).toBe('Back to the sample order lines');
    expect(channel.current).toEqual({ dataset: { kind: 'sample', holds: 'orders' }, settings });

    const summary = everything(await answer('summary', channel));
    expect(summary).toContain(`from ${expected.customers} customers`);
    expect(summary).toContain('orders.csv was read as order lines (Online Retail I)');
    expect(summary).toContain(
      `${expected.noCustomerId.toLocaleString('en-US')} lines without a customer id excluded`,
    );
    expect(summary).toContain('bundled sample order lines');
    expect(everything(await answer('data', channel))).toContain('Data: order lines');
    const exported = (await answer('export', channel)).files[0]!;
    expect(exported.content.toString('utf8').split('\n')[0]).toMatch(
      /^CustomerID,Recency,Frequency,Monetary,Country,Segment,Segment name/,
    );
    expect(everything(await answer('predict recency=30 frequency=5 monetary=900', channel))).toContain(
      'Predicted segment',
    );

    const back = await answer('reset', channel);
    expect(back.title).toBe('Back to the sample data');
    expect(channel.current.dataset).toEqual({ kind: 'sample' });
    const customers = await answer('summary', channel);
    expect(everything(customers)).not.toContain('was read as order lines');
    expect(everything(customers)).toContain('bundled sample data');
  });

  it('lists reset orders in help', async () => {
    expect(everything(await answer('help'))).toContain('reset orders');
  });
});
