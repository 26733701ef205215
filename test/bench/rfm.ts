/**
 * Order-line benchmark: 1,000,000 generated Online Retail lines, file → RFM
 * segments → report, each run in its own process; next to pandas +
 * scikit-learn doing the same aggregation and k sweep (skipped, with the
 * reason, where /usr/bin/python3 lacks them).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateOrderLines } from '../../src/core/rfm/synthetic-orders.ts';
import { orderCells } from '../support/order-files.ts';
import { buildXlsx } from '../support/xlsx.ts';
import { median } from './stats.ts';

const ONCE = fileURLToPath(new URL('./rfm-once.ts', import.meta.url));
const REFERENCE = fileURLToPath(new URL('./rfm_reference.py', import.meta.url));
const PYTHON = '/usr/bin/python3';

export interface RfmBench {
  lines: number;
  customers: number;
  runs: number;
  k: number;
  readMs: number;
  cleanMs: number;
  aggregateMs: number;
  segmentMs: number;
  reportMs: number;
  /** The summary's chart group, as a shared file is answered. */
  chartsMs: number;
  charts: number;
  totalMs: number;
  /** The highest of the runs. */
  peakRssMb: number;
  reference: PandasReference | { skipped: string };
  /** The same lines as an .xlsx (date cells, as the UCI files are shared), one run. */
  workbook: { totalMs: number; readMs: number; peakRssMb: number; customers: number; k: number };
}

/** One run of rfm_reference.py (it takes ~10 s on a million lines, so it runs once). */
export interface PandasReference {
  customers: number;
  k: number;
  readMs: number;
  aggregateMs: number;
  segmentMs: number;
  totalMs: number;
  peakRssMb: number;
}

function reference(file: string): RfmBench['reference'] {
  const probe = spawnSync(PYTHON, ['-c', 'import sklearn, pandas'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    return {
      skipped: `${PYTHON} lacks scikit-learn or pandas (apt-get install python3-sklearn python3-pandas)`,
    };
  }
  return JSON.parse(execFileSync(PYTHON, [REFERENCE, file], { encoding: 'utf8', maxBuffer: 1 << 20 }));
}

/** `customers` planted customers at 20 lines per invoice give about 160 lines each. */
export function benchRfm(customers = 6_300, runs = 3): RfmBench {
  const dir = mkdtempSync(join(tmpdir(), 'segment-rfm-bench-'));
  try {
    const file = join(dir, 'orders.csv');
    const { csv } = generateOrderLines({ customers, seed: 2026, linesPerInvoice: 20 });
    writeFileSync(file, csv);
    const once = (path: string) =>
      JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', ONCE, path], { encoding: 'utf8' }));
    const results = Array.from({ length: runs }, () => once(file));
    const book = join(dir, 'orders.xlsx');
    writeFileSync(book, buildXlsx([{ name: 'Online Retail', rows: orderCells(isoDates(csv)) }]));
    const workbook = once(book);
    const med = (key: string) => median(results.map((r) => r[key] as number));
    return {
      lines: results[0].lines,
      customers: results[0].customers,
      k: results[0].k,
      runs,
      readMs: med('readMs'),
      cleanMs: med('cleanMs'),
      aggregateMs: med('aggregateMs'),
      segmentMs: med('segmentMs'),
      reportMs: med('reportMs'),
      chartsMs: med('chartsMs'),
      charts: results[0].charts,
      totalMs: med('totalMs'),
      peakRssMb: Math.max(...results.map((r) => r.peakRssMb as number)),
      reference: reference(file),
      workbook: {
        totalMs: workbook.totalMs,
        readMs: workbook.readMs,
        peakRssMb: workbook.peakRssMb,
        customers: workbook.customers,
        k: workbook.k,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The Online Retail I dates (12/1/2010 8:26) as ISO text, which the workbook builder turns into date cells. */
function isoDates(csv: string): string {
  return csv.replace(
    /,(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d\d),/g,
    (_, m: string, d: string, y: string, h: string, mi: string) =>
      `,${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')} ${h.padStart(2, '0')}:${mi}:00,`,
  );
}
