/**
 * `segment <command> --data orders.csv`: the CLI's commands on an order-line
 * file go through run() as Slack's do, and agree with `segment analyze` and
 * with the Reply a channel holding the same file gets.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/commands/grammar.ts';
import { run } from '../../src/commands/run.ts';
import { generateOrderLines } from '../../src/core/rfm/synthetic-orders.ts';
import { terminalWords } from '../../src/report/reply.ts';
import { MemoryChannel, sampleContext, uploaded } from '../commands/support.ts';
import { adjustedRandIndex } from '../support/ari.ts';
import { runCli, tempFile } from '../support/cli.ts';

const generated = generateOrderLines({
  customers: 300,
  seed: 9,
  layout: 'online-retail-2',
  dateForms: ['iso'],
});
const file = tempFile(generated.csv, 'orders-cli.csv');
const settings = { k: null, features: ['income' as const, 'spending' as const], scaling: null };

describe('the CLI commands on an order-line file', () => {
  it('summary agrees with segment analyze: the same segments, sizes and country comparison', async () => {
    const summary = await runCli('summary', '--data', file);
    expect(summary.stderr).toBe('');
    expect(summary.code).toBe(0);
    const report = JSON.parse((await runCli('analyze', file, '--json')).stdout);
    for (const s of report.segments) {
      expect(summary.stdout).toContain(s.name);
      expect(summary.stdout).toContain(` ${s.size.toLocaleString('en-US')} (`);
    }
    expect(summary.stdout).toContain(`RFM SEGMENTS: ${report.k} SEGMENTS`);
    const share = Math.round(report.countryComparison.segmentsShare * 100);
    expect(summary.stdout).toContain(`The segments account for ${share}% of the differences`);
  });

  it('summary prints the Reply a Slack channel holding the same file gets', async () => {
    const cli = await runCli('summary', '--data', file);
    const dataset = uploaded(91, 'orders-cli.csv', generated.csv, generated.expected.lines, 'orders');
    const parsed = parseCommand('summary');
    if (!parsed.ok) throw parsed.error;
    const reply = await run(parsed.command, sampleContext(new MemoryChannel({ dataset, settings })));
    for (const section of reply.sections.filter((s) => s.heading !== 'Based on'))
      expect(cli.stdout).toContain(terminalWords(section.body).split('\n')[0]!);
  });

  it('export writes the RFM columns and recovers the planted groups (ARI ≥ 0.9)', async () => {
    const out = tempFile('', 'orders-cli-export.csv');
    const exported = await runCli('export', '--data', file, '--out', out);
    expect(exported.code).toBe(0);
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
    const ari = adjustedRandIndex(
      cells.map((c) => planted.get(c[0]!)!),
      cells.map((c) => c[5]!),
    );
    expect(ari).toBeGreaterThanOrEqual(0.9);
  });

  it('eda, check and k answer in RFM terms', async () => {
    expect((await runCli('eda', '--data', file)).stdout).toContain('Frequency (orders)');
    expect((await runCli('check', '--data', file)).stdout).toContain('why K-means runs on the log scale');
    expect((await runCli('k', '--data', file)).stdout).toContain('CHOOSING THE NUMBER OF SEGMENTS');
  });

  it('predict takes the RFM form (also as --json) and refuses the customer form', async () => {
    const text = await runCli('predict', 'recency=30', 'frequency=5', 'monetary=900', '--data', file);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('PREDICTED SEGMENT');
    const json = JSON.parse(
      (await runCli('predict', 'recency=30', 'frequency=5', 'monetary=900', '--data', file, '--json')).stdout,
    );
    expect(json.customer).toEqual({ recency: 30, frequency: 5, monetary: 900 });
    expect(text.stdout).toContain(json.segment.name.toUpperCase());
    const refused = await runCli('predict', '25', 'F', '60', '75', '--data', file);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('predict recency=30 frequency=5 monetary=900');
  });

  it('--as-of sets the analysis date, and a bad one is refused in the asof words', async () => {
    const dated = await runCli('summary', '--data', file, '--as-of', '2011-06-01');
    expect(dated.stdout).toContain('analysis date 2011-06-01');
    const bad = await runCli('summary', '--data', file, '--as-of', '2011-02-30');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('the analysis date must be a date written year first');
  });
});
