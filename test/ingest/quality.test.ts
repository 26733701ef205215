import { describe, expect, it } from 'vitest';
import { GENDER_CODE } from '../../src/core/types.ts';
import { describeInputError } from '../../src/phrases/errors.ts';
import { csv, MALL_HEADER, read, readError } from './helpers.ts';

/** Nine good rows (lines 2–10) so one bad row stays under the 90% valid-share floor. */
const GOOD = Array.from({ length: 9 }, (_, i) => `${i + 1},Female,${20 + i},${40 + i},${50 + i}`);
const withRow = (row: string) => csv(MALL_HEADER, ...GOOD, row);

describe('gender', () => {
  it('normalises Male, Female, M and F in any case and spacing', async () => {
    const text = csv(MALL_HEADER, '1,male,30,40,50', '2, FEMALE ,30,40,50', '3,m,30,40,50', '4,F,30,40,50');
    const { table } = await read(text);
    expect(Array.from(table.gender)).toEqual([
      GENDER_CODE.Male,
      GENDER_CODE.Female,
      GENDER_CODE.Male,
      GENDER_CODE.Female,
    ]);
  });

  it('keeps a customer whose gender is unknown or blank, with code 0 and a kept problem', async () => {
    const result = await read(withRow('10,Other,30,40,50').replace('1,Female', '1,'));
    expect(result.table.length).toBe(10);
    expect(result.table.gender[0]).toBe(GENDER_CODE.unknown);
    expect(result.table.gender[9]).toBe(GENDER_CODE.unknown);
    expect(result.problems).toEqual([
      { line: 2, column: 'Gender', value: '', reason: 'expected Male, Female, M or F', kept: true },
      { line: 11, column: 'Gender', value: 'Other', reason: 'expected Male, Female, M or F', kept: true },
    ]);
    expect(result.source.missing.gender).toBe(1);
    expect(result.source.skippedRows).toBe(0);
  });
});

describe('duplicate customer ids', () => {
  it('keeps the rows and lists each repeated id with all its lines', async () => {
    const text = csv(MALL_HEADER, ...['1', '2', '1', '3', '1', '2'].map((id) => `${id},Male,30,40,50`));
    const result = await read(text);
    expect(result.table.length).toBe(6);
    expect(result.duplicateIds).toEqual([
      { id: '1', lines: [2, 4, 6] },
      { id: '2', lines: [3, 7] },
    ]);
    expect(result.duplicateIdCount).toBe(2);
  });

  it('compares ids as written: text ids repeat, 007 and 7 are different customers', async () => {
    const text = csv(
      MALL_HEADER,
      ...['A-7', '007', '7', 'A-7', '99999999'].map((id) => `${id},Male,30,40,50`),
    );
    const result = await read(`${text}99999999,Male,30,40,50\n`);
    expect(result.duplicateIds).toEqual([
      { id: 'A-7', lines: [2, 5] },
      { id: '99999999', lines: [6, 7] },
    ]);
  });

  it('lists the first 100 repeated ids but counts them all', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => `${i}`);
    const text = csv(MALL_HEADER, ...[...ids, ...ids].map((id) => `${id},Male,30,40,50`));
    const result = await read(text);
    expect(result.duplicateIds).toHaveLength(100);
    expect(result.duplicateIdCount).toBe(150);
  });
});

describe('files with too many bad rows', () => {
  it('refuses the file when fewer than 90% of rows are valid, showing the first five problems', async () => {
    const bad = Array.from({ length: 7 }, (_, i) => `${20 + i},Male,${i === 0 ? 'abc' : 200},40,50`);
    const error = await readError(csv(MALL_HEADER, ...GOOD.slice(0, 3), ...bad));
    expect(error.code).toBe('too_many_invalid_rows');
    expect(error.where).toEqual({ file: 'customers.csv' });
    expect(error.message).toBe(
      'only 3 of 10 rows are valid (30%); at least 90% must be. The commonest problem, in 7 of 7 skipped rows: column Age, expected a whole number from 0 to 120. The first problems:',
    );
    expect(error.details).toEqual([
      'line 5, column Age: "abc" — expected a whole number from 0 to 120',
      'line 6, column Age: "200" — expected a whole number from 0 to 120',
      'line 7, column Age: "200" — expected a whole number from 0 to 120',
      'line 8, column Age: "200" — expected a whole number from 0 to 120',
      'line 9, column Age: "200" — expected a whole number from 0 to 120',
    ]);
    expect(describeInputError(error)).not.toMatch(/ at .*\.ts/);
  });

  it('names the commonest reason when most rows are skipped, counted over the whole file', async () => {
    // Income written in dollars on most rows, and one row with a bad score.
    const rows = Array.from({ length: 40 }, (_, i) => `${i},Female,30,${i < 30 ? 45_000 + i : 45},50`);
    rows.push('99,Male,30,40,500');
    const error = await readError(csv(MALL_HEADER, ...rows));
    expect(error.code).toBe('too_many_invalid_rows');
    expect(describeInputError(error)).toMatch(
      /^customers\.csv: only 10 of 41 rows are valid \(24%\); at least 90% must be\. The commonest problem, in 30 of 31 skipped rows: column Annual Income \(k\$\), expected a number of k\$ from 0 to 10,000\. These look like dollars rather than k\$: divide the column by 1,000\. The first problems:/,
    );
  });

  it('does not call a refused income column dollars when its values are not', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i},Female,30,${i < 15 ? 'n/a' : 45},50`);
    const error = await readError(csv(MALL_HEADER, ...rows));
    expect(error.message).toMatch(/The commonest problem, in 15 of 15 skipped rows: column Annual Income/);
    expect(error.message).not.toMatch(/dollars/);
  });

  it('lets the caller lower the floor', async () => {
    const result = await read(csv(MALL_HEADER, '1,Male,30,40,50', '2,Male,x,40,50'), { minValidShare: 0.5 });
    expect(result.table.length).toBe(1);
  });

  it('keeps the first 1000 problems but counts all of them', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `${i},?,30,40,50`);
    const result = await read(csv(MALL_HEADER, ...rows));
    expect(result.table.length).toBe(1500);
    expect(result.problems).toHaveLength(1000);
    expect(result.problemCount).toBe(1500);
  });
});
