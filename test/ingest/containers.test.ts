import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { identifyContainer, otherDataFormat } from '../../src/ingest/containers.ts';
import { buildXlsx } from '../support/xlsx.ts';
import { FILE, readError } from './helpers.ts';

describe('telling data formats apart by their bytes', () => {
  it('lists a zip’s entries with their unzipped sizes, without unzipping', () => {
    const bytes = Buffer.from(zipSync({ 'a.csv': strToU8('x'.repeat(5000)), 'b.txt': strToU8('hi') }));
    expect(identifyContainer(bytes)).toEqual({
      kind: 'zip',
      format: 'archive',
      entries: [
        { name: 'a.csv', uncompressedSize: 5000 },
        { name: 'b.txt', uncompressedSize: 2 },
      ],
    });
  });

  it('recognises an Excel workbook by its xl/workbook.xml entry', () => {
    const container = identifyContainer(Buffer.from(buildXlsx([{ name: 'S', rows: [['a']] }])));
    expect(container).toMatchObject({ kind: 'zip', format: 'xlsx' });
  });

  it.each([
    ['PAR1\u0015\u0004', 'parquet'],
    ['{"customers": []}', 'json'],
    ['\uFEFF  [\n {"id": 1}]', 'json'],
    ['CustomerID,Gender', null],
  ])('%j is %s', (text, format) => {
    expect(otherDataFormat(Buffer.from(text))).toBe(format);
  });

  it.each([
    [
      'JSON',
      '[{"CustomerID": 1, "Age": 19}]',
      /^this is JSON, not a table; export the customer table or the order lines as CSV/,
    ],
    ['Parquet', 'PAR1\u0015\u0004\u0015', /^this is a Parquet file, not CSV text/],
  ])('refuses %s with what to share instead', async (_, text, message) => {
    const error = await readError(Buffer.from(text));
    expect(error.code).toBe('unsupported_format');
    expect(error.message).toMatch(message);
    expect(error.where).toEqual({ file: FILE });
  });
});
