import { describe, expect, it } from 'vitest';
import { describeProblem } from '../../src/ingest/csv.ts';
import { csv, MALL_HEADER, read, rowsOf } from './helpers.ts';

/** Nine good rows (lines 2–10) so one bad row stays under the 90% valid-share floor. */
const GOOD = Array.from({ length: 9 }, (_, i) => `${i + 1},Female,${20 + i},${40 + i},${50 + i}`);
const withRow = (row: string) => csv(MALL_HEADER, ...GOOD, row);

describe('rows that break a rule', () => {
  it.each([
    [
      'an age that is not a number',
      '10,Male,abc,40,50',
      'Age',
      'abc',
      'expected a whole number from 0 to 120',
    ],
    ['an age with a fraction', '10,Male,30.5,40,50', 'Age', '30.5', 'expected a whole number from 0 to 120'],
    ['an age over 120', '10,Male,121,40,50', 'Age', '121', 'expected a whole number from 0 to 120'],
    ['a negative age', '10,Male,-1,40,50', 'Age', '-1', 'expected a whole number from 0 to 120'],
    ['a hex age', '10,Male,0x10,40,50', 'Age', '0x10', 'expected a whole number from 0 to 120'],
    [
      'an exponent',
      '10,Male,30,1e3,50',
      'Annual Income (k$)',
      '1e3',
      'expected a number of k$ from 0 to 10,000',
    ],
    [
      'a negative income',
      '10,Male,30,-5,50',
      'Annual Income (k$)',
      '-5',
      'expected a number of k$ from 0 to 10,000',
    ],
    ['a score of 0', '10,Male,30,40,0', 'Spending Score (1-100)', '0', 'expected a number from 1 to 100'],
    [
      'a score over 100',
      '10,Male,30,40,101',
      'Spending Score (1-100)',
      '101',
      'expected a number from 1 to 100',
    ],
    ['an empty score', '10,Male,30,40,', 'Spending Score (1-100)', '', 'expected a number from 1 to 100'],
    ['an empty id', ',Male,30,40,50', 'CustomerID', '', 'expected a customer id'],
  ])('skips a row with %s and reports its line, column and value', async (_, row, column, value, reason) => {
    const result = await read(withRow(row));
    expect(result.table.length).toBe(9);
    expect(result.problems).toEqual([{ line: 11, column, value, reason, kept: false }]);
    expect(result.problemCount).toBe(1);
    expect(result.source.totalRows).toBe(10);
    expect(result.source.skippedRows).toBe(1);
  });

  it('names the column as the file writes it', async () => {
    const text = csv('cust_id,sex,AGE,income,score', ...GOOD, '10,Male,old,40,50');
    const [problem] = (await read(text)).problems;
    expect(problem && describeProblem(problem)).toBe(
      'line 11, column AGE: "old" — expected a whole number from 0 to 120',
    );
  });

  it('reports every bad cell of a row but skips the row once', async () => {
    const result = await read(withRow(',x,200,-1,0'), { minValidShare: 0 });
    expect(result.problems.map((p) => [p.column, p.value, p.kept])).toEqual([
      ['CustomerID', '', false],
      ['Gender', 'x', false],
      ['Age', '200', false],
      ['Annual Income (k$)', '-1', false],
      ['Spending Score (1-100)', '0', false],
    ]);
    expect(result.source.skippedRows).toBe(1);
    expect(result.source.missing).toEqual({ id: 1, gender: 0, age: 0, income: 0, spending: 0 });
  });

  it('counts empty cells per column in source.missing', async () => {
    const text = csv(MALL_HEADER, '1,,30,40,50', '2,Male,,40,50', '3,Male,30,,', '4,Female,30,40,50');
    const result = await read(text, { minValidShare: 0 });
    expect(result.source.missing).toEqual({ id: 0, gender: 1, age: 1, income: 1, spending: 1 });
  });

  it('clips very long values in problems', async () => {
    const [problem] = (await read(withRow(`10,Male,${'9'.repeat(200)},40,50`))).problems;
    expect(problem?.value).toHaveLength(60);
    expect(problem?.value.endsWith('…')).toBe(true);
  });
});

describe('rows with the wrong number of values', () => {
  it('skips a short row and says how many values it has', async () => {
    const result = await read(withRow('10,Male,30,40'));
    expect(result.table.length).toBe(9);
    expect(result.problems).toEqual([
      {
        line: 11,
        column: '',
        value: '10,Male,30,40',
        reason: 'expected 5 values (one per column), found 4',
        kept: false,
      },
    ]);
    expect(describeProblem(result.problems[0]!)).toBe(
      'line 11: "10,Male,30,40" — expected 5 values (one per column), found 4',
    );
  });

  it('skips a long row whose extra values could mean shifted columns', async () => {
    const result = await read(withRow('10,Male,30,40,50,60'));
    expect(result.table.length).toBe(9);
    expect(result.problems[0]).toMatchObject({ line: 11, column: '', kept: false });
  });

  it('keeps a row that only has empty values after the last column (a trailing delimiter)', async () => {
    const result = await read(withRow('10,Male,30,40,50,,'));
    expect(result.table.length).toBe(10);
    expect(result.problems).toEqual([
      {
        line: 11,
        column: '',
        value: '10,Male,30,40,50,,',
        reason: 'expected 5 values (one per column), found 7; the empty extra values were ignored',
        kept: true,
      },
    ]);
  });

  it('ignores rows whose values are all empty, as spreadsheets export them', async () => {
    const result = await read(`${withRow('10,Male,30,40,50')},,,,\n,,,,\n`);
    expect(result.table.length).toBe(10);
    expect(result.source.totalRows).toBe(10);
    expect(result.problems).toEqual([]);
  });
});

describe('the table', () => {
  it('holds only valid rows, in file order, with the line each came from', async () => {
    const text = csv(MALL_HEADER, '5,Male,30,40,50', '6,Male,-30,40,50', '4,Female,31,41,51');
    const rows = rowsOf((await read(text, { minValidShare: 0 })).table);
    expect(rows.map((r) => [r.id, r.line])).toEqual([
      ['5', 2],
      ['4', 4],
    ]);
  });
});
