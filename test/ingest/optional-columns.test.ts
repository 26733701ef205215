import { describe, expect, it } from 'vitest';
import { GENDER_CODE } from '../../src/core/types.ts';
import { csv, read, rowsOf } from './helpers.ts';

const ROWS = ['19,15,39', '21,15.5,81', '20,16,6'];

describe('files without the optional columns', () => {
  it.each(['fast', 'strict'] as const)(
    'reads a file with only Age, income and spending (%s parser): row numbers as ids, genders unknown, no notes',
    async (parser) => {
      const text = csv('Age,Annual Income (k$),Spending Score (1-100)', ...ROWS);
      const result = await read(text, undefined, parser);
      expect(rowsOf(result.table)).toEqual([
        { id: '1', gender: GENDER_CODE.unknown, age: 19, income: 15, spending: 39, line: 2 },
        { id: '2', gender: GENDER_CODE.unknown, age: 21, income: 15.5, spending: 81, line: 3 },
        { id: '3', gender: GENDER_CODE.unknown, age: 20, income: 16, spending: 6, line: 4 },
      ]);
      expect(result.problemCount).toBe(0);
      expect(result.notedRows).toBe(0);
      expect(result.source.absentColumns).toEqual(['id', 'gender']);
    },
  );

  it('keeps the ids of a file without Gender, and numbers the rows of one without ids', async () => {
    const noGender = await read(csv('CustomerID,Age,Income,Score', ...ROWS.map((r, i) => `C${i},${r}`)));
    expect(noGender.table.ids).toEqual({ kind: 'text', values: ['C0', 'C1', 'C2'] });
    expect(noGender.source.absentColumns).toEqual(['gender']);
    const noIds = await read(csv('Gender,Age,Income,Score', 'Male,19,15,39', 'Female,21,15,81', 'x,20,16,6'));
    expect(noIds.table.ids).toEqual({ kind: 'whole', values: Float64Array.from([1, 2, 3]) });
    expect(noIds.source.absentColumns).toEqual(['id']);
    // A gender column that is there but unreadable is still noted, as before.
    expect(noIds.problems).toMatchObject([{ line: 4, column: 'Gender', kept: true }]);
  });

  it('numbers rows by data row, counting skipped rows, so ids match the file', async () => {
    const result = await read(csv('Age,Income,Score', '19,15,39', 'abc,15,81', '20,16,6'), {
      minValidShare: 0.5,
    });
    expect(result.table.ids).toEqual({ kind: 'whole', values: Float64Array.from([1, 3]) });
  });
});

describe('files without an Age column', () => {
  const header = 'CustomerID,Gender,Annual Income (k$),Spending Score (1-100)';
  const lines = ['1,Male,15,39', '2,Female,15.5,81', '3,F,16,6', '4,x,17,40'];

  it('reads income and spending alone, the same on both paths: ages NaN, age recorded as absent', async () => {
    const [fast, strict] = await Promise.all([
      read(csv(header, ...lines), undefined, 'fast'),
      read(csv(header, ...lines), undefined, 'strict'),
    ]);
    for (const result of [fast, strict]) {
      expect(result.source.absentColumns).toEqual(['age']);
      expect(Array.from(result.table.income)).toEqual([15, 15.5, 16, 17]);
      expect(Array.from(result.table.age).every(Number.isNaN)).toBe(true);
      expect(result.source.missing).not.toHaveProperty('age');
      // The unreadable gender is still a kept row with a note; age is never noted.
      expect(result.problems).toMatchObject([{ line: 5, column: 'Gender', kept: true }]);
    }
    expect(rowsOf(fast.table)).toEqual(rowsOf(strict.table));
  });

  it('still requires income and spending', async () => {
    await expect(read(csv('CustomerID,Gender,Age', '1,Male,20'))).rejects.toThrow(
      'missing the columns "Annual Income (k$)" and "Spending Score (1-100)"',
    );
  });
});
