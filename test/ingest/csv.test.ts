import { describe, expect, it } from 'vitest';
import { GENDER_CODE } from '../../src/core/types.ts';
import { csv, inPieces, MALL_HEADER, read, rowsOf } from './helpers.ts';

const MALL = csv(MALL_HEADER, '1,Male,19,15,39', '2,Female,21,15.5,81', '3,Female,20,16,6');

const EXPECTED = [
  { id: '1', gender: GENDER_CODE.Male, age: 19, income: 15, spending: 39, line: 2 },
  { id: '2', gender: GENDER_CODE.Female, age: 21, income: 15.5, spending: 81, line: 3 },
  { id: '3', gender: GENDER_CODE.Female, age: 20, income: 16, spending: 6, line: 4 },
];

describe('readCustomers on well-formed files', () => {
  it('reads the Mall layout into a columnar table with its source facts', async () => {
    const result = await read(MALL);
    expect(rowsOf(result.table)).toEqual(EXPECTED);
    expect(result.table.gender).toBeInstanceOf(Uint8Array);
    expect(result.table.age).toBeInstanceOf(Float64Array);
    expect(result.table.lines).toBeInstanceOf(Uint32Array);
    expect(result.table.age.length).toBe(3); // trimmed to size, no spare capacity
    expect(result.source).toEqual({
      fileName: 'customers.csv',
      columnsFound: ['CustomerID', 'Gender', 'Age', 'Annual Income (k$)', 'Spending Score (1-100)'],
      extraColumns: [],
      missing: { id: 0, gender: 0, age: 0, income: 0, spending: 0 },
      totalRows: 3,
      skippedRows: 0,
      encoding: 'utf-8',
    });
    expect(result.problems).toEqual([]);
    expect(result.problemCount).toBe(0);
    expect(result.duplicateIds).toEqual([]);
    expect(result.duplicateIdCount).toBe(0);
    expect(result.delimiter).toBe(',');
  });

  it.each([
    ['snake_case', 'customer_id,gender,age,annual_income_thousands,spending_score'],
    ['Genre and spaced names', 'Customer ID,Genre,Age,Annual Income,Spending Score'],
    ['short names in capitals', 'ID,SEX,AGE,INCOME,SCORE'],
    ['cust_id and annual_income', 'cust_id,Sex,age,annual_income,spending'],
    [
      'odd spacing and punctuation',
      '  customer-ID , GENDER,age ,annual income (K$),spending score (1 - 100)',
    ],
  ])('recognises the header spelled with %s', async (_, header) => {
    const result = await read(MALL.replace(MALL_HEADER, header));
    expect(rowsOf(result.table)).toEqual(EXPECTED);
    expect(result.source.extraColumns).toEqual([]);
  });

  it('gives the identical table whatever the column order, listing extra columns', async () => {
    const reordered = csv(
      'Spending Score (1-100),Name,Age,CustomerID,Annual Income (k$),Gender,Region',
      '39,Ann,19,1,15,Male,North',
      '81,Bob,21,2,15.5,Female,South',
      '6,Cy,20,3,16,Female,East',
    );
    const result = await read(reordered);
    expect(rowsOf(result.table)).toEqual(EXPECTED);
    expect(result.source.extraColumns).toEqual(['Name', 'Region']);
    expect(result.source.columnsFound).toHaveLength(7);
  });

  it('reads semicolon-delimited files, accepting a decimal comma in them', async () => {
    const result = await read(MALL.replaceAll(',', ';').replace('15.5', '15,5'));
    expect(result.delimiter).toBe(';');
    expect(rowsOf(result.table)).toEqual(EXPECTED);
  });

  it('reads tab-delimited files, keeping empty cells in their columns', async () => {
    const result = await read(MALL.replaceAll(',', '\t'));
    expect(result.delimiter).toBe('\t');
    expect(rowsOf(result.table)).toEqual(EXPECTED);
    const gaps = await read(`${MALL.replaceAll(',', '\t')}4\t\t30\t40\t50\n`);
    expect(gaps.problems).toEqual([
      { line: 5, column: 'Gender', value: '', reason: 'expected Male, Female, M or F', kept: true },
    ]);
    expect(gaps.table.age[3]).toBe(30);
  });

  it('picks the delimiter that separates the header, ignoring ones inside quotes', async () => {
    const text = csv(
      'Id;"Notes, remarks, etc, etc, etc, etc";Gender;Age;Income;Score',
      '1;"a, b";Male;19;15;39',
    );
    const result = await read(text);
    expect(result.delimiter).toBe(';');
    expect(result.source.extraColumns).toEqual(['Notes, remarks, etc, etc, etc, etc']);
    expect(result.table.length).toBe(1);
  });

  it('drops a UTF-8 byte-order mark so the first header still matches', async () => {
    const result = await read(`\uFEFF${MALL}`);
    expect(result.source.columnsFound[0]).toBe('CustomerID');
    expect(rowsOf(result.table)).toEqual(EXPECTED);
  });

  it('reads CRLF line endings, and files that mix CRLF with LF', async () => {
    expect(rowsOf((await read(MALL.replaceAll('\n', '\r\n'))).table)).toEqual(EXPECTED);
    const mixed = `${MALL_HEADER}\r\n1,Male,19,15,39\n2,Female,21,15.5,81\r\n3,Female,20,16,6\n`;
    expect(rowsOf((await read(mixed)).table)).toEqual(EXPECTED);
  });

  it('keeps quoted delimiters and line breaks inside values, and later line numbers right', async () => {
    const text = csv(
      `${MALL_HEADER},Note`,
      '1,Male,19,15,39,"likes red, blue"',
      '2,Female,21,15.5,81,"first line',
      'second line',
      'third line"',
      '3,Female,20,16,6,plain',
      '4,Male,x,16,6,plain',
    );
    const result = await read(text, { minValidShare: 0 });
    expect(rowsOf(result.table).map((r) => r.line)).toEqual([2, 3, 6]);
    expect(result.problems[0]).toMatchObject({ line: 7, column: 'Age', value: 'x' });
  });

  it('counts a CRLF inside a quoted value as one line', async () => {
    const text = `${MALL_HEADER},Note\r\n1,Male,19,15,39,"a\r\nb"\r\n2,Female,21,15,81,c\r\n3,Female,-1,16,6,d\r\n`;
    const result = await read(text, { minValidShare: 0 });
    expect(rowsOf(result.table).map((r) => r.line)).toEqual([2, 4]);
    expect(result.problems[0]?.line).toBe(5);
  });

  it('ignores blank lines between rows and at the end without losing line numbers', async () => {
    const text = `\n${MALL_HEADER}\n\n1,Male,19,15,39\n   \n2,Female,21,15.5,81\n3,Female,20,16,6\n\n\n\n`;
    const result = await read(text);
    expect(rowsOf(result.table).map((r) => r.line)).toEqual([4, 6, 7]);
    expect(result.source.totalRows).toBe(3);
  });

  it('trims white space around values, quoted or not', async () => {
    const text = csv(
      ` CustomerID , Gender ,Age,Annual Income (k$),Spending Score (1-100)`,
      '  1 ,  Male ,  19 , 15 ,39  ',
      '"2 "," Female"," 21 ",15.5, "81" ',
      '3,Female,20,16,6',
    );
    const result = await read(text);
    expect(result.source.columnsFound.slice(0, 2)).toEqual(['CustomerID', 'Gender']);
    expect(rowsOf(result.table)).toEqual(EXPECTED);
  });

  it('gives the same result from a stream of small pieces cut mid-line and mid-character', async () => {
    const text = csv(
      `${MALL_HEADER},Name`,
      '1,Male,19,15,39,Zoë Ångström',
      '2,Female,21,15.5,81,"Ébène, ""the"" 2nd"',
      '3,Female,20,16,6,José 😀',
      '4,Male,old,16,6,Łukasz',
    );
    const bytes = new TextEncoder().encode(`\uFEFF${text}`);
    const whole = await read(bytes, { minValidShare: 0 });
    for (const size of [1, 2, 3, 7, 64]) {
      expect(await read(inPieces(bytes, size), { minValidShare: 0 })).toEqual(whole);
    }
    const strings = (async function* () {
      yield text.slice(0, 50);
      yield text.slice(50);
    })();
    expect(await read(strings, { minValidShare: 0 })).toEqual(await read(text, { minValidShare: 0 }));
    expect(whole.table.length).toBe(3);
  });

  it('reads a large buffer in one go as it would a stream', async () => {
    const lines = [MALL_HEADER];
    for (let i = 1; i <= 20_000; i++)
      lines.push(`${i},${i % 2 ? 'Male' : 'Female'},${18 + (i % 50)},${i % 130},${1 + (i % 99)}`);
    const bytes = new TextEncoder().encode(csv(...lines));
    const whole = await read(bytes);
    expect(whole.table.length).toBe(20_000);
    expect(whole.table.lines[19_999]).toBe(20_001);
    expect(await read(inPieces(bytes, 4093))).toEqual(whole);
  });
});
