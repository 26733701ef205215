import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateOrderLines } from '../../src/core/rfm/synthetic-orders.ts';
import { adjustedRandIndex } from '../support/ari.ts';
import { runCli, tempFile } from '../support/cli.ts';
import { accented, ORDER_SHEET, orderWorkbook, windows1252 } from '../support/order-files.ts';

const generated = generateOrderLines({
  customers: 400,
  seed: 77,
  layout: 'online-retail-2',
  dateForms: ['iso'],
});
const file = tempFile(generated.csv, 'online_retail_II.csv');

describe('segment analyze on an order-line file', () => {
  it('recovers the planted groups, checked through the export (ARI ≥ 0.9)', async () => {
    const out = tempFile('', 'export.csv');
    const run = await runCli('analyze', file, '--export', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [header, ...rows] = readFileSync(out, 'utf8').trim().split('\n');
    expect(header!.split(',').slice(0, 7)).toEqual([
      'CustomerID',
      'Recency',
      'Frequency',
      'Monetary',
      'Country',
      'Segment',
      'Segment name',
    ]);
    const planted = new Map(generated.labels.map((l) => [l.customerId, l.group]));
    const cells = rows.map((r) => r.split(','));
    expect(cells).toHaveLength(generated.expected.customers);
    const ari = adjustedRandIndex(
      cells.map((c) => planted.get(c[0]!)!),
      cells.map((c) => c[5]!),
    );
    expect(ari).toBeGreaterThanOrEqual(0.9);
  });

  it('says the file was read as transactions, what was excluded and how segments compare with countries', async () => {
    const run = await runCli('analyze', file);
    expect(run.code).toBe(0);
    const e = generated.expected;
    expect(run.stdout).toContain('online_retail_II.csv was read as order lines (Online Retail II)');
    expect(run.stdout).toContain('Customer ID → customer');
    expect(run.stdout).toContain(
      `${e.noCustomerId.toLocaleString('en-US')} lines without a customer id excluded`,
    );
    expect(run.stdout).toContain(
      `${e.cancellations} cancellation lines (C invoices or negative quantities) netted`,
    );
    expect(run.stdout).toContain('SEGMENTS OR COUNTRIES?');
    expect(run.stdout).toMatch(/The segments account for \d+% of the differences in buying behaviour/);
  });

  it('gives the country comparison and the exclusion counts in --json', async () => {
    const run = await runCli('analyze', file, '--json');
    const report = JSON.parse(run.stdout);
    expect(report.readAs).toBe('transactions');
    const e = generated.expected;
    expect(report.cleaning).toMatchObject({
      noCustomerId: e.noCustomerId,
      cancellations: e.cancellations,
      badPrices: e.badPrices,
      duplicates: e.duplicates,
      cancellationRule: 'net',
    });
    expect(report.asOf).toBe(e.asOf);
    const cc = report.countryComparison;
    expect(cc.countries).toBe(e.countries);
    expect(cc.customersPerCountry[0]).toEqual({ country: 'United Kingdom', customers: expect.any(Number) });
    expect(cc.segmentsShare).toBeGreaterThan(cc.countriesShare);
  });

  it('takes --as-of and --cancellations exclude, and refuses a malformed date', async () => {
    const run = await runCli(
      'analyze',
      file,
      '--json',
      '--as-of',
      '2011-06-30',
      '--cancellations',
      'exclude',
    );
    const report = JSON.parse(run.stdout);
    expect(report.asOf).toBe('2011-06-30');
    expect(report.cleaning.afterAsOf).toBeGreaterThan(0);
    expect(report.cleaning.cancellationRule).toBe('exclude');
    const bad = await runCli('analyze', file, '--as-of', '30/06/2011');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('written year first, e.g. 2011-12-10');
  });

  it('still reads customer files as before', async () => {
    const run = await runCli('analyze', 'data/customers.csv', '--json');
    expect(JSON.parse(run.stdout).rows).toBe(200);
  });
});

describe('order lines shared as .xlsx or Windows-1252 text, through the CLI', () => {
  const csv = accented(generated.csv);
  const utf8 = tempFile(csv, 'online_retail_II-utf8.csv');
  const files = [
    [
      'an .xlsx',
      tempFile(orderWorkbook(csv), 'online_retail_II.xlsx'),
      `Read the sheet "${ORDER_SHEET}" of the workbook.`,
    ],
    [
      'a Windows-1252 CSV',
      tempFile(windows1252(csv), 'online_retail_II-latin1.csv'),
      'Read as Windows-1252 (Latin-1) text.',
    ],
  ] as const;
  const figures = (report: { k: number; segments: Array<{ name: string; size: number }> }) => ({
    k: report.k,
    sizes: report.segments.map((s) => [s.name, s.size]),
  });
  const json = async (path: string) => JSON.parse((await runCli('analyze', path, '--json')).stdout);

  it.each(files)('segment analyze reads %s as the same order lines: same k and sizes', async (_, path) => {
    const report = await json(path);
    expect(report.readAs).toBe('transactions');
    expect(figures(report)).toEqual(figures(await json(utf8)));
    expect(report.cleaning).toEqual((await json(utf8)).cleaning);
  });

  it.each(files)(
    'segment summary --data on %s answers in RFM terms and names the sheet or encoding',
    async (_, path, note) => {
      const run = await runCli('summary', '--data', path);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const plain = await runCli('summary', '--data', utf8);
      expect(run.stdout).toContain('was read as order lines (Online Retail II)');
      expect(run.stdout).toContain(note);
      expect(plain.stdout).not.toContain('Read as');
      // The segment list, names and sizes, as for the UTF-8 file.
      const segments = (text: string) =>
        text.slice(text.indexOf('What to do with each segment'), text.indexOf('Segments or countries?'));
      expect(segments(run.stdout)).toBe(segments(plain.stdout));
      expect(segments(run.stdout)).toMatch(/\(\d+ customers;/);
    },
  );
});
