/** Order lines in an .xlsx, or in Windows-1252 / UTF-16 text, read as the same lines as the UTF-8 CSV. */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { generateOrderLines } from '../../../src/core/rfm/synthetic-orders.ts';
import { describeProblem } from '../../../src/ingest/problems.ts';
import { readOrderLines } from '../../../src/ingest/transactions/read.ts';
import { formatWhere } from '../../../src/phrases/errors.ts';
import {
  accented,
  ORDER_SHEET,
  orderCells,
  orderWorkbook,
  utf16le,
  windows1252,
} from '../../support/order-files.ts';
import { buildXlsx } from '../../support/xlsx.ts';

const generated = generateOrderLines({
  customers: 60,
  seed: 11,
  layout: 'online-retail-2',
  dateForms: ['iso'],
});
const csv = accented(generated.csv);
const read = (input: string | Uint8Array, fileName: string) => readOrderLines(input, { fileName });

/** Everything the cleaning and aggregation see, as plain arrays. */
function linesOf(r: Awaited<ReturnType<typeof readOrderLines>>) {
  const { lines } = r;
  return {
    length: lines.length,
    amount: [...lines.amount],
    minutes: [...lines.minutes],
    customers: lines.customers,
    countries: lines.countries,
    country: [...lines.country],
    invoice: [...lines.invoice],
  };
}

describe('order lines in other files than UTF-8 CSV', () => {
  it('reads an .xlsx (date cells, title rows, a notes sheet first) as the same lines, and names the sheet', async () => {
    const text = await read(csv, 'orders.csv');
    const book = await read(orderWorkbook(csv), 'orders.xlsx');
    expect(book.sheets).toEqual([ORDER_SHEET]);
    expect(book.totalLines).toBe(generated.expected.lines);
    expect(book.dateForms).toEqual(['iso']);
    expect(book.problemCount).toBe(0);
    expect(linesOf(book)).toEqual(linesOf(text));
    expect(text.sheets).toBeUndefined();
    expect(text.encoding).toBe('utf-8');
  });

  it('reads every sheet with the same order-line header, in order (Online Retail II keeps a year per sheet)', async () => {
    const text = await read(csv, 'orders.csv');
    const [header, ...rows] = orderCells(csv);
    const half = Math.floor(rows.length / 2);
    const book = buildXlsx([
      { name: 'Year 2009-2010', rows: [header!, ...rows.slice(0, half)] },
      {
        name: 'Pivot',
        rows: [
          ['Country', 'Revenue'],
          ['UK', 1],
        ],
      },
      { name: 'Year 2010-2011', rows: [['Second year'], header!, ...rows.slice(half)] },
    ]);
    const read2 = await read(book, 'online_retail_II.xlsx');
    expect(read2.sheets).toEqual(['Year 2009-2010', 'Year 2010-2011']);
    expect(read2.totalLines).toBe(text.totalLines);
    expect(linesOf(read2)).toEqual(linesOf(text));
  });

  it('names the sheet of a row problem, and the row within that sheet, in a workbook of several sheets', async () => {
    const [header, ...rows] = orderCells(csv);
    const quantity = header!.indexOf('Quantity');
    // Sheet rows: a title (1), the header (2), then data from row 3; the 10th data row is row 12.
    const second = rows.slice(20, 40).map((r) => [...r]);
    second[9]![quantity] = 'twelve';
    const book = buildXlsx([
      { name: 'Year 2009-2010', rows: [header!, ...rows.slice(0, 20)] },
      { name: ORDER_SHEET, rows: [['Second year'], header!, ...second] },
    ]);
    const result = await read(book, 'online_retail_II.xlsx');
    expect(result.problems).toEqual([
      expect.objectContaining({ sheet: ORDER_SHEET, line: 12, column: 'Quantity', value: 'twelve' }),
    ]);
    expect(describeProblem(result.problems[0]!)).toBe(
      `sheet "${ORDER_SHEET}", row 12, column Quantity: "twelve" — expected a number of items`,
    );
  });

  it("places a date that contradicts another sheet's dates on its own sheet and row", async () => {
    const header = ['Invoice', 'Quantity', 'InvoiceDate', 'Price', 'Customer ID', 'Country'];
    const line = (n: number, date: string) => [`${500 + n}`, 1, date, 2.5, `${12000 + n}`, 'UK'];
    const book = buildXlsx([
      { name: 'Year 1', rows: [header, line(1, '13/01/2011 10:00'), line(2, '14/01/2011 10:00')] },
      { name: 'Year 2', rows: [header, line(3, '01/02/2012 10:00'), line(4, '01/15/2012 10:00')] },
    ]);
    const error = await read(book, 'orders.xlsx').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).where).toMatchObject({ sheet: 'Year 2', line: 3 });
    expect(formatWhere((error as InputError).where)).toBe(
      'orders.xlsx, sheet "Year 2", row 3, column InvoiceDate',
    );
    expect((error as InputError).message).toContain('"13/01/2011 10:00" on sheet "Year 1", row 2');
  });

  it('reads Windows-1252 text as the same lines, accents intact, and says which encoding', async () => {
    const text = await read(csv, 'orders.csv');
    const latin = await read(windows1252(csv), 'orders-latin1.csv');
    expect(latin.encoding).toBe('windows-1252');
    expect(latin.lines.countries).toContain('Österreich');
    expect(linesOf(latin)).toEqual(linesOf(text));
  });

  it('reads UTF-16 text as the same lines', async () => {
    const wide = await read(utf16le(csv), 'orders-unicode.csv');
    expect(wide.encoding).toBe('utf-16le');
    expect(linesOf(wide)).toEqual(linesOf(await read(csv, 'orders.csv')));
  });

  it('refuses a workbook without an order-line sheet, naming the sheets looked at', async () => {
    const book = buildXlsx([
      {
        name: 'Notes',
        rows: [
          ['a', 'b'],
          ['1', '2'],
        ],
      },
    ]);
    const error = await read(book, 'orders.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(
      /^no sheet of this workbook has order-line columns \(looked at "Notes"\)/,
    );
  });
});

describe('an order workbook that cannot be read is told to save the order sheet, not the customer sheet', () => {
  const book = Buffer.from(orderWorkbook(generated.csv));
  const ole = (name: string) =>
    Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504), Buffer.from(name, 'utf16le')]);
  /** The order sheet cut off mid-row: the zip opens, the sheet's XML ends early. */
  const cutSheet = () => {
    const parts = unzipSync(book);
    const sheet = Object.keys(parts).find(
      (name) => name.startsWith('xl/worksheets/') && name.endsWith('2.xml'),
    )!;
    const xml = strFromU8(parts[sheet]!);
    return zipSync({ ...parts, [sheet]: strToU8(xml.slice(0, xml.indexOf('<row r="9"') + 12)) });
  };
  /** Every central-directory entry claims `size` bytes unzipped (past 8 × the byte limit). */
  const claimingUnzipped = (size: number) => {
    const claimed = Buffer.from(book);
    for (let at = claimed.indexOf('PK\x01\x02'); at !== -1; at = claimed.indexOf('PK\x01\x02', at + 4))
      claimed.writeUInt32LE(size, at + 24);
    return claimed;
  };
  const refusal = async (bytes: Uint8Array, maxBytes?: number) => {
    const error = await readOrderLines(bytes, {
      fileName: 'orders.xlsx',
      ...(maxBytes ? { limits: { maxBytes } } : {}),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  };

  it.each([
    ['protected with a password', () => refusal(ole('EncryptedPackage')), /or save the order sheet as CSV/],
    [
      'damaged (cut short)',
      () => refusal(book.subarray(0, 900)),
      /share the order-line file as \.xlsx or CSV/,
    ],
    ['damaged inside a sheet', () => refusal(cutSheet()), /or save the order sheet as CSV$/],
    [
      'too big unzipped',
      () => refusal(claimingUnzipped(16 * 1024 ** 2), 1024 ** 2),
      /export the order sheet as CSV$/,
    ],
    [
      'a zip archive',
      () => refusal(zipSync({ 'orders.csv': strToU8(generated.csv) })),
      /order-line file inside/,
    ],
    [
      'empty',
      () => refusal(buildXlsx([{ name: 'Sheet1', rows: [] }])),
      /one row per order line below a header/,
    ],
  ])('%s', async (_, refuse, words) => {
    const error = await refuse();
    expect(error.message).toMatch(words);
    expect(error.message).not.toMatch(/customer (sheet|file|table)|of customers|per customer/);
    expect(error.where).toEqual({ file: 'orders.xlsx' });
  });
});
