/** The columns beyond the customer fields: breakdowns, candidate features, and ignored columns with a reason. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCustomers } from '../../src/ingest/csv.ts';
import { withExtraColumns } from '../support/extra-columns.ts';
import { SAMPLE_PATH } from '../support/mall.ts';

const sample = readFileSync(SAMPLE_PATH, 'utf8');
const read = (csv: string, parser: 'fast' | 'strict' = 'fast') =>
  readCustomers(csv, { fileName: 'crm.csv', parser });

/** n rows of valid customer fields plus the given extra cells per row. */
function file(header: string, cell: (i: number) => string, n = 40, sep = ','): string {
  const rows = Array.from({ length: n }, (_, i) =>
    [
      `${i + 1}`,
      i % 2 ? 'Male' : 'Female',
      `${20 + (i % 30)}`,
      `${15 + i}`,
      `${1 + ((i * 7) % 99)}`,
      cell(i),
    ].join(sep),
  );
  return `${['CustomerID', 'Gender', 'Age', 'Annual Income (k$)', 'Spending Score (1-100)', header].join(sep)}\n${rows.join('\n')}\n`;
}

const roleOf = async (csv: string) => (await read(csv)).source.extraRoles?.[0];

describe('extra columns', () => {
  it('sorts a CRM export into breakdowns, candidate features and ignored columns, the same on both paths', async () => {
    const csv = withExtraColumns(sample);
    const fast = await read(csv, 'fast');
    const strict = await read(csv, 'strict');
    expect(fast.source.extraRoles).toEqual(strict.source.extraRoles);
    expect(fast.table).toEqual(strict.table);
    expect(
      fast.source.extraRoles!.map((r) => [r.column, r.role, r.role === 'ignored' ? r.reason : '']),
    ).toEqual([
      ['Region', 'breakdown', ''],
      ['LoyaltyTier', 'breakdown', ''],
      ['Visits', 'candidate', ''],
      ['Tenure (months)', 'candidate', ''],
      ['Email', 'ignored', 'id'],
      ['Notes', 'ignored', 'mostly_empty'],
      ['Store', 'ignored', 'too_many_levels'],
    ]);
    expect(fast.source.extraRoles![3]).toMatchObject({
      name: 'tenure',
      title: 'Tenure',
      unit: 'months',
      min: 1,
    });
    const region = fast.table.categories![0]!;
    expect(region.header).toBe('Region');
    expect(region.levels).toEqual(['North', 'South', 'East', 'West']);
    expect(Array.from(region.codes.slice(0, 5))).toEqual([0, 1, 2, 3, 0]);
    expect(fast.table.numbers!.map((c) => c.name)).toEqual(['visits', 'tenure']);
    expect(fast.table.numbers![0]!.values).toHaveLength(fast.table.length);
  });

  it('leaves a Mall-shaped table exactly as it was: no extra keys, no roles', async () => {
    const { table, source } = await read(sample);
    expect(Object.keys(table)).toEqual(['length', 'ids', 'gender', 'age', 'income', 'spending', 'lines']);
    expect(source.extraRoles).toBeUndefined();
  });

  it('keeps the extra cells aligned with the kept rows when a row is skipped', async () => {
    const csv = file('Tier', (i) => (i === 3 ? 'Gold' : 'Silver')).replace(
      '\n4,Male,23,18,',
      '\n4,Male,23,abc,',
    );
    const result = await read(csv);
    expect(result.table.length).toBe(39);
    const tier = result.table.categories?.[0];
    // The Gold row was skipped (its income is not a number), so only Silver is left: one level, ignored.
    expect(tier).toBeUndefined();
    expect(result.source.extraRoles![0]).toMatchObject({
      column: 'Tier',
      role: 'ignored',
      reason: 'constant',
    });
  });

  it('calls a text column with a different value in every row an id, and one named like an id too', async () => {
    expect(await roleOf(file('Name', (i) => `Person ${i}`))).toMatchObject({ role: 'ignored', reason: 'id' });
    expect(await roleOf(file('AccountID', (i) => `A${i % 3}`))).toMatchObject({
      role: 'ignored',
      reason: 'id',
    });
    expect(await roleOf(file('Row', (i) => `${i + 1}`))).toMatchObject({ role: 'ignored', reason: 'id' });
  });

  it('ignores a mostly empty column and a constant one, and counts levels only up to the limit', async () => {
    expect(await roleOf(file('Notes', (i) => (i % 3 === 0 ? 'x' : '')))).toMatchObject({
      reason: 'mostly_empty',
    });
    expect(await roleOf(file('Shop', () => '7'))).toMatchObject({ reason: 'constant' });
    expect(await roleOf(file('City', (i) => `City ${i % 31}`, 62))).toMatchObject({
      reason: 'too_many_levels',
    });
    expect(await roleOf(file('City', (i) => `City ${i % 30}`, 60))).toMatchObject({
      role: 'breakdown',
      levels: 30,
    });
  });

  it('reads decimal commas in a semicolon file as numbers, on both paths', async () => {
    const csv = file('Basket size [€]', (i) => `${10 + (i % 7)},5`, 40, ';');
    const fast = await read(csv, 'fast');
    expect(fast.source.extraRoles![0]).toMatchObject({
      role: 'candidate',
      name: 'basket_size',
      title: 'Basket size',
      unit: '€',
      min: 10.5,
      max: 16.5,
    });
    expect(fast.table).toEqual((await read(csv, 'strict')).table);
  });

  it('gives a candidate a name no catalogue feature or command word has', async () => {
    const role = await roleOf(file('Score', (i) => `${i % 9}`));
    expect(role).toMatchObject({ role: 'candidate', name: 'score_2' });
  });

  it('numbers a repeated header, so each column has its own title, name and line, on both paths', async () => {
    const rows = Array.from({ length: 40 }, (_, i) =>
      [
        i + 1,
        'Male',
        30,
        15 + i,
        1 + ((i * 7) % 99),
        ['North', 'South'][i % 2],
        ['EU', 'US', 'APAC'][i % 3],
        i % 9,
        (i * 5) % 11,
      ].join(','),
    );
    const csv = `CustomerID,Gender,Age,Annual Income (k$),Spending Score (1-100),Region,region ,Visits (per year),Visits (per year)\n${rows.join('\n')}\n`;
    for (const parser of ['fast', 'strict'] as const) {
      const { source, table } = await read(csv, parser);
      expect(source.extraRoles!.map((r) => [r.column, r.role, r.renamedFrom])).toEqual([
        ['Region', 'breakdown', undefined],
        ['region 2', 'breakdown', 'region'],
        ['Visits (per year)', 'candidate', undefined],
        ['Visits 2 (per year)', 'candidate', 'Visits (per year)'],
      ]);
      expect(table.categories!.map((c) => [c.header, c.levels])).toEqual([
        ['Region', ['North', 'South']],
        ['region 2', ['EU', 'US', 'APAC']],
      ]);
      expect(table.numbers!.map((c) => c.name)).toEqual(['visits', 'visits_2']);
      expect(source.columnsFound.slice(5)).toEqual([
        'Region',
        'region',
        'Visits (per year)',
        'Visits (per year)',
      ]);
    }
  });

  it('names a German header in plain letters users can type, keeping its title as written', async () => {
    const role = await roleOf(file('Größe (cm)', (i) => `${150 + ((i * 7) % 25)}`));
    expect(role).toMatchObject({ role: 'candidate', name: 'groesse', title: 'Größe', unit: 'cm' });
  });
});

describe('a numeric column with "no value" markers', () => {
  it('stays a candidate feature, with those cells counted as empty, on both paths', async () => {
    const csv = file('Visits', (i) => (i === 5 ? 'n/a' : i === 9 ? 'NA' : `${i % 13}`));
    for (const parser of ['fast', 'strict'] as const) {
      const role = (await read(csv, parser)).source.extraRoles?.[0];
      expect(role).toMatchObject({ role: 'candidate', name: 'visits', min: 0, max: 12, empty: 2 });
    }
  });

  it('is a breakdown once a real word appears among the numbers', async () => {
    const csv = file('Tier', (i) => (i === 5 ? 'n/a' : i === 9 ? 'Gold' : `${i % 3}`));
    expect((await roleOf(csv))?.role).toBe('breakdown');
  });
});
