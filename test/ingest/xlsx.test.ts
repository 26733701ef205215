import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cellText } from '../../src/ingest/xlsx.ts';
import { SAMPLE_PATH } from '../support/mall.ts';
import { buildXlsx, csvToCells } from '../support/xlsx.ts';
import { FILE, inPieces, MALL_HEADER, read, readError, rowsOf } from './helpers.ts';

const sample = readFileSync(SAMPLE_PATH, 'utf8');

describe('reading an Excel workbook (.xlsx)', () => {
  it('reads a sheet of the sample customers into the same table as its CSV, streamed or whole', async () => {
    const csv = await read(sample);
    const bytes = buildXlsx([{ name: 'Sheet1', rows: csvToCells(sample) }]);
    for (const input of [bytes, inPieces(bytes, 5)]) {
      const xlsx = await read(input);
      expect(rowsOf(xlsx.table)).toEqual(rowsOf(csv.table));
      expect(xlsx.format).toBe('xlsx');
      expect(xlsx.source.sheet).toBe('Sheet1');
      expect(xlsx.source.columnsFound).toEqual(csv.source.columnsFound);
    }
  });

  it('picks the sheet that holds the customer columns, below a merged title and a blank row', async () => {
    const bytes = buildXlsx([
      { name: 'Read me', rows: [['Exported from the CRM'], ['Owner', 'Marketing']] },
      {
        name: 'Customers',
        rows: [
          ['Customer export, Q3', null, null, null, null, null],
          [],
          [...MALL_HEADER.split(','), 'Joined'],
          ['C-001', 'Male', 19, 15, 39, new Date('2021-03-04T00:00:00Z')],
          ['C-002', 'Female', 21, 15.5, 81, new Date('2022-11-30T00:00:00Z')],
          [],
          ['C-003', 'Female', 20, 16, 6, null],
        ],
        merges: ['A1:F1'],
      },
    ]);
    const result = await read(bytes);
    expect(result.source.sheet).toBe('Customers');
    expect(result.source.extraColumns).toEqual(['Joined']);
    expect(rowsOf(result.table)).toEqual([
      { id: 'C-001', gender: 2, age: 19, income: 15, spending: 39, line: 4 },
      { id: 'C-002', gender: 1, age: 21, income: 15.5, spending: 81, line: 5 },
      { id: 'C-003', gender: 1, age: 20, income: 16, spending: 6, line: 7 },
    ]);
  });

  it('reports a bad cell with its sheet row, as a CSV line would be', async () => {
    const rows = csvToCells(sample);
    rows[5]![2] = 'thirty';
    const result = await read(buildXlsx([{ name: 'Sheet1', rows }]));
    expect(result.problems[0]).toMatchObject({ line: 6, column: 'Age', value: 'thirty' });
  });

  it('writes cells as a CSV export would: full-precision numbers, ISO dates, TRUE/FALSE', () => {
    expect(cellText(15.25)).toBe('15.25');
    expect(cellText(new Date('2021-03-04T00:00:00Z'))).toBe('2021-03-04');
    expect(cellText(new Date('2021-03-04T10:30:00Z'))).toBe('2021-03-04T10:30:00Z');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(null)).toBe('');
  });

  it('names every sheet it looked at when none has the customer columns', async () => {
    const bytes = buildXlsx([
      {
        name: 'Orders',
        rows: [
          ['Order', 'Amount'],
          [1, 20],
        ],
      },
      {
        name: 'Stock',
        rows: [
          ['SKU', 'Count'],
          ['A', 3],
        ],
      },
    ]);
    const error = await readError(bytes);
    expect(error.code).toBe('missing_column');
    expect(error.details.at(-1)).toBe('no sheet has the customer columns (looked at "Orders", "Stock")');
  });
});

describe('workbooks that cannot be read, each with its own message', () => {
  const ole = (extra: Buffer) =>
    Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504), extra, Buffer.alloc(64)]);

  it.each([
    [
      'a password-protected workbook',
      ole(Buffer.from('EncryptedPackage', 'utf16le')),
      'password_protected',
      // Encrypted, so no header says which kind it is: either sheet (an order workbook comes here too).
      /protected with a password.*save the customer or order sheet as CSV/,
    ],
    [
      'a legacy .xls workbook',
      ole(Buffer.from('Workbook', 'utf16le')),
      'unsupported_format',
      /old-style Excel file \(\.xls\)/,
    ],
    [
      'a damaged workbook (cut short)',
      Buffer.from(buildXlsx([{ name: 'S', rows: csvToCells(sample) }])).subarray(0, 900),
      'corrupt_workbook',
      /damaged/,
    ],
    [
      'an empty workbook',
      buildXlsx([{ name: 'Sheet1', rows: [] }]),
      'empty_workbook',
      /every sheet of this workbook is empty; put one row per customer .*, or one row per order line/,
    ],
    [
      'an OpenDocument spreadsheet',
      // The OpenDocument format stores its mimetype first and uncompressed.
      zipSync({
        mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
        'content.xml': strToU8('<x/>'),
      }),
      'unsupported_format',
      /OpenDocument spreadsheet \(\.ods\)/,
    ],
    [
      'an Apple Numbers file',
      zipSync({ 'Index/Document.iwa': strToU8('x'), 'Metadata/Properties.plist': strToU8('x') }),
      'unsupported_format',
      /Apple Numbers/,
    ],
    [
      'a zip of CSV files',
      zipSync({ 'customers.csv': strToU8(sample) }),
      'unsupported_format',
      /zip archive; unzip it/,
    ],
  ])('refuses %s', async (_, bytes, code, message) => {
    const error = await readError(new Uint8Array(bytes));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.where).toEqual({ file: FILE });
  });

  it('refuses a workbook that would unzip far beyond the size limit, before unzipping it', async () => {
    const rows = [MALL_HEADER.split(','), ...Array.from({ length: 5000 }, () => ['1', 'Male', 19, 15, 39])];
    const bytes = buildXlsx([{ name: 'Sheet1', rows }]);
    const error = await readError(bytes, { maxBytes: bytes.length });
    expect(error.code).toBe('file_too_large');
    expect(error.message).toMatch(
      /^this workbook unzips to [\d.]+ KB, more than the [\d.]+ KB one analysis reads/,
    );
  });

  it('applies the row limit to a sheet as to a CSV', async () => {
    const error = await readError(buildXlsx([{ name: 'Sheet1', rows: csvToCells(sample) }]), { maxRows: 50 });
    expect([error.code, error.where.line]).toEqual(['too_many_rows', 52]);
  });
});

it('refuses the first bytes of a zip (a workbook cut short) as a damaged workbook, not as binary text', async () => {
  const error = await readError(new Uint8Array(Buffer.from('504b0304140006000800000021006c', 'hex')));
  expect([error.code, error.message]).toEqual([
    'corrupt_workbook',
    'this zip file is damaged and could not be opened; share the customer or order-line file as .xlsx or CSV',
  ]);
});
