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
    expect(noGender.table.ids).toEqual(['C0', 'C1', 'C2']);
    expect(noGender.source.absentColumns).toEqual(['gender']);
    const noIds = await read(csv('Gender,Age,Income,Score', 'Male,19,15,39', 'Female,21,15,81', 'x,20,16,6'));
    expect(noIds.table.ids).toEqual(['1', '2', '3']);
    expect(noIds.source.absentColumns).toEqual(['id']);
    // A gender column that is there but unreadable is still noted, as before.
    expect(noIds.problems).toMatchObject([{ line: 4, column: 'Gender', kept: true }]);
  });

  it('numbers rows by data row, counting skipped rows, so ids match the file', async () => {
    const result = await read(csv('Age,Income,Score', '19,15,39', 'abc,15,81', '20,16,6'), {
      minValidShare: 0.5,
    });
    expect(result.table.ids).toEqual(['1', '3']);
  });
});
