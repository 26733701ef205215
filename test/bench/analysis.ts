/**
 * Analysis benchmark: generated files of 200, 100,000 and 1,000,000 customers,
 * each analysed in its own process a few times; medians and the peak RSS.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { customersToCsv, generateCustomers } from '../../src/core/synthetic.ts';
import { median } from './stats.ts';

export interface AnalysisBench {
  rows: number;
  runs: number;
  parseMs: number;
  sweepMs: number;
  fitMs: number;
  /** Bootstrap resamples (core/stability.ts). */
  stabilityMs: number;
  analysisMs: number;
  totalMs: number;
  peakRssMb: number;
}

const ONCE = fileURLToPath(new URL('./analysis-once.ts', import.meta.url));

export function benchAnalysis(sizes = [200, 100_000, 1_000_000], runs = 3): AnalysisBench[] {
  const dir = mkdtempSync(join(tmpdir(), 'segment-bench-'));
  try {
    return sizes.map((rows) => {
      const file = join(dir, `customers-${rows}.csv`);
      writeFileSync(file, customersToCsv(generateCustomers(rows, 2026)));
      const results = Array.from({ length: runs }, () =>
        JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', ONCE, file], { encoding: 'utf8' })),
      );
      const med = (key: string) => median(results.map((r) => r[key] as number));
      return {
        rows,
        runs,
        parseMs: med('parseMs'),
        sweepMs: med('sweepMs'),
        fitMs: med('fitMs'),
        stabilityMs: med('stabilityMs'),
        analysisMs: med('analysisMs'),
        totalMs: med('totalMs'),
        peakRssMb: Math.max(...results.map((r) => r.peakRssMb as number)),
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
