import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateOrderLines } from '../../src/core/rfm/synthetic-orders.ts';
import { runCli, tempFile } from '../support/cli.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe('segment analyze orders.csv --out DIR', () => {
  it('writes every RFM chart as a PNG, report.md with each chart in place, and report.json', async () => {
    const file = tempFile(generateOrderLines({ customers: 150, seed: 8 }).csv, 'orders.csv');
    const dir = join(mkdtempSync(join(tmpdir(), 'rfm-out-')), 'report');
    const run = await runCli('analyze', file, '--out', dir);
    expect(run.stdout).toContain(`Charts and report written to ${dir}`);
    const files = readdirSync(dir).sort();
    const pngs = files.filter((f) => f.endsWith('.png'));
    expect(files).toEqual(['report.json', 'report.md', ...pngs]);
    expect(pngs).toEqual([
      'rfm-choose-k.png',
      'rfm-distributions.png',
      'rfm-orders-per-customer.png',
      'rfm-revenue-by-month.png',
      'rfm-segment-map.png',
      'rfm-segment-profiles.png',
      'rfm-segments-by-country.png',
      'rfm-skewness.png',
    ]);
    for (const f of pngs) expect(readFileSync(join(dir, f)).subarray(0, 4).equals(PNG)).toBe(true);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toMatch(/^# RFM segments — orders\.csv\n/);
    expect(md).toContain('orders.csv was read as order lines');
    for (const f of pngs) expect(md).toContain(`](${f})`);
    // Each chart in its section: the map under the segments, the country chart under the comparison.
    const at = (text: string) => md.indexOf(text);
    expect(at('](rfm-segment-map.png)')).toBeGreaterThan(at('RFM segments\n'));
    expect(at('](rfm-segment-map.png)')).toBeLessThan(at('## Checks'));
    expect(at('](rfm-segments-by-country.png)')).toBeGreaterThan(at('## Segments or countries?'));
    expect(at('](rfm-revenue-by-month.png)')).toBeLessThan(at('RFM segments\n'));
    const json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    const stdoutJson = JSON.parse((await runCli('analyze', file, '--json')).stdout);
    expect(json).toEqual({ ...stdoutJson, charts: expect.any(Array) });
    expect(json.charts.map((c: { filename: string }) => c.filename).sort()).toEqual(pngs);
  });
});
