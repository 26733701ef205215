/**
 * Issue #8 part 5: no finite number (nor any text) in a customer file crashes
 * ingest, every kept value is within the catalogue's plausible bounds, and the
 * byte-level fast path, the strict csv-parse path and an Excel sheet give the
 * same verdict on the same values. Seeded, so every run sees the same files.
 */
import { describe, expect, it } from 'vitest';
import { isInputError } from '../../src/core/errors.ts';
import { FEATURE_CATALOGUE, withinBounds } from '../../src/core/features.ts';
import { FEATURES } from '../../src/core/types.ts';
import { EXTREME_TEXTS, extremeCells, wholeIn } from '../support/extremes.ts';
import { buildXlsx } from '../support/xlsx.ts';
import { csv, MALL_HEADER, read, rowsOf } from './helpers.ts';

const OPEN = { minValidShare: 0 };

function fuzzFile(seed: number, rows: number): string {
  const cell = extremeCells(seed);
  const whole = wholeIn(seed + 1);
  const lines = Array.from({ length: rows }, (_, i) => {
    // Most rows are ordinary, so a file keeps valid rows and the fast path stays on.
    const odd = i % 3 === 0;
    const pick = (ordinary: () => string) => (odd ? cell(ordinary) : ordinary());
    const age = pick(() => String(whole(18, 70)));
    const income = pick(() => String(whole(15, 140)));
    const spending = pick(() => String(whole(1, 100)));
    return `${i + 1},${i % 2 ? 'Female' : 'Male'},${age},${income},${spending}`;
  });
  return csv(MALL_HEADER, ...lines);
}

describe('extreme values in a customer file', () => {
  it('gives the same table and the same problems on the fast and the strict path', async () => {
    for (let seed = 1; seed <= 25; seed++) {
      const text = fuzzFile(seed, 90);
      const fast = await read(text, OPEN, 'fast');
      const strict = await read(text, OPEN, 'strict');
      expect(rowsOf(fast.table), `seed ${seed}`).toEqual(rowsOf(strict.table));
      expect(fast.problems, `seed ${seed}`).toEqual(strict.problems);
      expect(fast.source.skippedRows).toBe(strict.source.skippedRows);
    }
  });

  it('keeps only values within the plausible bounds, with no negative zero', async () => {
    for (let seed = 1; seed <= 25; seed++) {
      const { table } = await read(fuzzFile(seed, 90), OPEN);
      for (const feature of FEATURES) {
        for (const value of table[feature]) {
          expect(withinBounds(FEATURE_CATALOGUE[feature].bounds, value), `${feature} ${value}`).toBe(true);
          expect(Object.is(value, -0)).toBe(false);
        }
      }
    }
  });

  it('answers every such file with a table or a typed refusal, never another error', async () => {
    for (let seed = 1; seed <= 25; seed++) {
      try {
        await read(fuzzFile(seed, 30));
      } catch (error) {
        expect(isInputError(error), String(error)).toBe(true);
      }
    }
  });

  it('skips a row per extreme value with its line and the expected range', async () => {
    for (const value of EXTREME_TEXTS) {
      const text = csv(MALL_HEADER, '1,Male,30,40,50', `2,Female,30,${value},50`);
      for (const parser of ['fast', 'strict'] as const) {
        const result = await read(text, OPEN, parser);
        const kept = result.table.length === 2;
        expect(kept, `"${value}" (${parser})`).toBe(
          /^\s*\+?(\d+(\.\d*)?|\.\d+)\s*$|^-0(\.0*)?$/.test(value) &&
            withinBounds(FEATURE_CATALOGUE.income.bounds, Number(value)),
        );
        if (value.includes(',')) {
          // A comma in a comma-separated file is one more value, so the whole row is suspect.
          expect(result.problems[0]).toMatchObject({
            line: 3,
            column: '',
            reason: 'expected 5 values (one per column), found 6',
          });
        } else if (!kept) {
          expect(result.problems[0]).toMatchObject({
            line: 3,
            column: 'Annual Income (k$)',
            reason: 'expected a number of k$ from 0 to 10,000',
            kept: false,
          });
        }
      }
    }
  });

  it('reads extreme numbers in an Excel sheet with the same verdict as in CSV text', async () => {
    const values = [1e308, -1e308, 1e160, 9_999_999_999, 10_000, 10_000.0001, -0, 5e-324, 1e-7, 0.5, 137];
    const rows = values.map((v, i) => [`C${i}`, 'Male', 30, v, 50]);
    const xlsx = await read(buildXlsx([{ name: 'Sheet1', rows: [MALL_HEADER.split(','), ...rows] }]), OPEN);
    const expected = values.filter((v) => withinBounds(FEATURE_CATALOGUE.income.bounds, v));
    expect([...xlsx.table.income]).toEqual(expected.map((v) => v + 0));
    expect(xlsx.source.skippedRows).toBe(values.length - expected.length);
  });
});
