import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateOrderLines } from '../../src/core/rfm/synthetic-orders.ts';
import { runCli, tempFile } from '../support/cli.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe('segment analyze orders.csv --out DIR', () => {
  it('writes every RFM chart as a PNG beside the report', async () => {
    const file = tempFile(generateOrderLines({ customers: 150, seed: 8 }).csv, 'orders.csv');
    const dir = join(mkdtempSync(join(tmpdir(), 'rfm-out-')), 'report');
    const run = await runCli('analyze', file, '--out', dir);
    expect(run.stdout).toContain(`Charts written to ${dir}`);
    const files = readdirSync(dir).sort();
    expect(files).toEqual([
      'rfm-choose-k.png',
      'rfm-distributions.png',
      'rfm-orders-per-customer.png',
      'rfm-revenue-by-month.png',
      'rfm-segment-map.png',
      'rfm-segment-profiles.png',
      'rfm-segments-by-country.png',
      'rfm-skewness.png',
    ]);
    for (const f of files) expect(readFileSync(join(dir, f)).subarray(0, 4).equals(PNG)).toBe(true);
  });
});
