import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.ts';
import { idAt, idColumnOf } from '../../src/core/ids.ts';
import { generateCustomers } from '../../src/core/synthetic.ts';
import type { CustomerTable } from '../../src/core/types.ts';
import { csvCell, customersCsv, EXPORT_COLUMNS, exportFileName } from '../../src/pipeline/export-csv.ts';
import { parseCsv } from '../support/csv-reader.ts';

const DANGEROUS_IDS = [
  '=SUM(A1)',
  '+1',
  '-2+3',
  '@cmd',
  '\tTAB',
  '\rCR',
  'a,b',
  'say "hi"',
  'two\nlines',
  'plain-id',
];

function tableWithIds(ids: string[]): CustomerTable {
  const base = generateCustomers(60, 3);
  return {
    ...base,
    ids: idColumnOf(Array.from({ length: base.length }, (_, i) => ids[i] ?? idAt(base.ids, i))),
  };
}

describe('csv cells', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', `"'\rCR"`],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['plain', 'plain'],
    ['12.5', '12.5'],
  ])('writes %j as %j', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });
});

describe('customer export', () => {
  const table = tableWithIds(DANGEROUS_IDS);
  const analysis = analyze(table, { seed: 42 });
  const text = customersCsv(table, analysis);
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));

  it('has the documented header and one row per customer', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    expect(rows).toHaveLength(table.length + 1);
  });

  it('neutralises formulas so a spreadsheet shows them as text, and quotes separators', () => {
    const ids = rows.slice(1, DANGEROUS_IDS.length + 1).map((r) => r[0]);
    expect(ids).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-2+3",
      "'@cmd",
      "'\tTAB",
      "'\rCR",
      'a,b',
      'say "hi"',
      'two\nlines',
      'plain-id',
    ]);
    for (const row of rows) expect(row).toHaveLength(EXPORT_COLUMNS.length);
  });

  it('gives each customer their segment, its name and a distance to its centre', () => {
    const names = new Map(analysis.segments.map((s) => [String(s.id), s.name]));
    rows.slice(1).forEach((row, i) => {
      expect(row[5]).toBe(String(analysis.labels[i]));
      expect(row[6]).toBe(names.get(row[5]!));
      expect(Number(row[7])).toBeGreaterThanOrEqual(0);
    });
    expect(rows[1]!.slice(1, 5)).toEqual([
      table.gender[0] === 1 ? 'Female' : 'Male',
      String(table.age[0]),
      String(table.income[0]),
      String(table.spending[0]),
    ]);
  });

  it('reports the distance in the space the segments were found in', () => {
    const i = 7;
    const centre = analysis.model.centroids[analysis.labels[i]! - 1]!;
    const expected = Math.hypot(table.income[i]! - centre[0]!, table.spending[i]! - centre[1]!);
    expect(Number(rows[i + 1]![7])).toBeCloseTo(expected, 3);
  });

  it('names the file after the source and k', () => {
    expect(exportFileName('sales 2026.csv', 5)).toBe('sales-2026-segments-k5.csv');
    expect(exportFileName('.csv', 3)).toBe('customers-segments-k3.csv');
  });
});
