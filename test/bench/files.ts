/**
 * Generated customer files for the benchmarks, kept in a cache folder outside
 * the repository (`$SEGMENT_BENCH_CACHE`, default <tmp>/segment-bench-cache) so
 * a 10,000,000-row file is written once, not per run, and never committed.
 * Written in blocks, so even the largest file never sits in memory whole.
 */

import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idColumnOf } from '../../src/core/ids.ts';
import { deriveSeed } from '../../src/core/random.ts';
import { customersToCsv, generateCustomers } from '../../src/core/synthetic.ts';

const SEED = 2026;
const BLOCK = 500_000;

export const benchCacheDir = () => process.env.SEGMENT_BENCH_CACHE ?? join(tmpdir(), 'segment-bench-cache');

/** The path of a seeded file of `rows` customers, generating it on first use. */
export function benchFile(rows: number): string {
  const dir = benchCacheDir();
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `customers-${rows}-${SEED}.csv`);
  if (existsSync(path)) return path;
  const partial = `${path}.${process.pid}.part`;
  const fd = openSync(partial, 'w');
  try {
    for (let start = 0; start < rows; start += BLOCK) {
      const n = Math.min(BLOCK, rows - start);
      const table = generateCustomers(n, start === 0 ? SEED : deriveSeed(SEED, 'block', start));
      const csv = customersToCsv({
        ...table,
        ids: idColumnOf(Array.from({ length: n }, (_, i) => String(start + i + 1))),
      });
      writeSync(fd, start === 0 ? csv : csv.slice(csv.indexOf('\n') + 1));
    }
  } finally {
    closeSync(fd);
  }
  renameSync(partial, path);
  return path;
}
