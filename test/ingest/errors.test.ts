import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { describeInputError } from '../../src/phrases/errors.ts';
import { csv, FILE, inPieces, MALL_HEADER, readError } from './helpers.ts';

const BINARY = 'this looks like a binary file (e.g. Excel or an image), not CSV text; export it as CSV';

describe('files that cannot be read as customer CSV', () => {
  it.each([
    ['0 bytes', ''],
    ['only white space and blank lines', ' \n\t\r\n\n   '],
    ['only a byte-order mark', '\uFEFF'],
  ])('refuses an empty file (%s)', async (_, text) => {
    const error = await readError(text);
    expect(error.code).toBe('empty_file');
    expect(error.message).toBe(
      'the file is empty; expected a header row (CustomerID, Gender, Age, Annual Income (k$), Spending Score (1-100)) and one row per customer',
    );
    expect(error.where).toEqual({ file: FILE });
  });

  it('refuses a file with a header but no customers', async () => {
    const error = await readError(csv(MALL_HEADER, '', '  ', ''));
    expect(error.code).toBe('header_only');
    expect(error.message).toBe(
      'the file has a header row but no customers; expected one row per customer below the header',
    );
    expect(error.where).toEqual({ file: FILE });
  });

  it('refuses a file whose spending column is missing, naming what it found', async () => {
    const error = await readError(csv('CustomerID,Gender,Age,Annual Income (k$)', '1,Male,19,15'));
    expect(error.code).toBe('missing_column');
    expect(error.message).toBe(
      'missing the column "Spending Score (1-100)"; found: CustomerID, Gender, Age, Annual Income (k$)',
    );
    expect(error.where).toEqual({ file: FILE, line: 1 });
  });

  it('names every missing required column (income, spending), not the optional id, gender and age', async () => {
    const error = await readError(csv('Gender,Age', 'Male,15'));
    expect(error.message).toBe(
      'missing the columns "Annual Income (k$)" and "Spending Score (1-100)"; found: Gender, Age',
    );
    expect(error.details[0]).toMatch(/^"Annual Income \(k\$\)" is required/);
  });

  it('hints at the delimiter when the header reads as a single column', async () => {
    const error = await readError(csv('CustomerID|Gender|Age|Income|Score', '1|Male|19|15|39'));
    expect(error.code).toBe('missing_column');
    expect(error.details.at(-1)).toBe(
      'only one column was found: separate the values with commas, semicolons or tabs',
    );
  });

  it('reports an unterminated quote at the line where the quote opened', async () => {
    const text = csv(
      `${MALL_HEADER},Note`,
      '1,Male,19,15,39,"two',
      'lines"',
      '2,Female,21,15,81,"never closed',
      '3,Female,20,16,6,ok',
      '4,Female,20,16,6,ok',
    );
    const error = await readError(text);
    expect(error.code).toBe('unterminated_quote');
    expect(error.where).toEqual({ file: FILE, line: 4 });
    expect(describeInputError(error)).toBe(
      'customers.csv, line 4: a quote (") opened on line 4 is never closed, so the rest of the file would be one value; ' +
        'close it, and write a quote inside a value as ""',
    );
  });

  it('finds the opening line of an unclosed quote deep in a streamed file', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `${i},Male,30,40,50`);
    const error = await readError(csv(MALL_HEADER, ...rows, '"30000,Male,30,40,50', ...rows));
    expect(error.code).toBe('unterminated_quote');
    expect(error.where.line).toBe(30_002);
  });

  it('reports text after a closing quote as malformed CSV with its line', async () => {
    const error = await readError(csv(MALL_HEADER, '1,Male,19,15,39', '2,"Fem"ale,21,15,81'));
    expect(error.code).toBe('malformed_csv');
    expect(error.where).toEqual({ file: FILE, line: 3 });
    expect(error.message).toBe(
      'a quoted value is followed by other text before the next comma; write a quote inside a quoted value as ""',
    );
  });

  it('stops at malformed CSV early in a long stream, whatever the piece size', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i},Male,30,40,50`);
    const bytes = Buffer.from(csv(MALL_HEADER, '1,"M"x,30,40,50', ...rows));
    for (const size of [100, 20_000, 70_000, bytes.length]) {
      const error = await readError(inPieces(bytes, size));
      expect([size, error.code, error.where.line]).toEqual([size, 'malformed_csv', 2]);
    }
  });

  it.each([
    ['a PNG image', Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008060000', 'hex')],
    ['a gzip archive', gzipSync(csv(MALL_HEADER, '1,Male,19,15,39'))],
    [
      'bytes that are not UTF-8 before any line break',
      Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x41, 0x0a, 0x41]),
    ],
  ])('refuses %s as binary content', async (_, bytes) => {
    const error = await readError(new Uint8Array(bytes));
    expect(error.code).toBe('binary_content');
    expect(error.message).toBe(BINARY);
    expect(error.where).toEqual({ file: FILE });
  });

  it('refuses a file that mixes encodings, naming the first line that is not UTF-8', async () => {
    const bytes = Buffer.concat([
      Buffer.from(csv(`${MALL_HEADER},Name`, '1,Male,19,15,39,Zoë')),
      Buffer.from(csv('2,Female,21,15,81,Zoë'), 'latin1'),
    ]);
    const error = await readError(bytes);
    expect(error.code).toBe('binary_content');
    expect(error.where).toEqual({ file: FILE, line: 3 });
    expect(error.message).toBe(
      'line 3 is not UTF-8 text, but the lines before it are (the file mixes encodings); save it as "CSV UTF-8" and try again',
    );
  });

  it('refuses a file that ends in the middle of a character', async () => {
    const bytes = Buffer.concat([
      Buffer.from(csv(MALL_HEADER, '1,Male,19,15,39')),
      Buffer.from([0xe2, 0x82]),
    ]);
    const error = await readError(bytes);
    expect(error.code).toBe('binary_content');
    expect(error.where.line).toBe(3);
  });
});

describe('limits', () => {
  /** A stream that counts how many pieces were pulled from it. */
  function counted(text: string, pieceSize: number) {
    const bytes = Buffer.from(text);
    const stats = { pulled: 0, pieces: Math.ceil(bytes.length / pieceSize) };
    async function* pieces() {
      for (let at = 0; at < bytes.length; at += pieceSize) {
        stats.pulled++;
        yield bytes.subarray(at, at + pieceSize);
      }
    }
    return { stream: pieces(), stats };
  }
  const many = csv(MALL_HEADER, ...Array.from({ length: 2000 }, (_, i) => `${i},Male,30,40,50`));

  it('stops reading as soon as the byte limit is passed', async () => {
    const { stream, stats } = counted(many, 1000);
    const error = await readError(stream, { maxBytes: 5000 });
    expect(error.code).toBe('file_too_large');
    expect(error.message).toBe('the file is larger than the 4.9 KB limit; remove unused columns or split it');
    expect(error.where).toEqual({ file: FILE });
    expect(stats.pulled).toBe(6);
  });

  it('measures bytes, not characters', async () => {
    const text = csv(MALL_HEADER, '1,Male,19,15,39');
    const error = await readError(text.replace('Male', 'Mâle'), { maxBytes: Buffer.byteLength(text) });
    expect(error.code).toBe('file_too_large');
  });

  it('stops reading as soon as the row limit is passed, at the first row over it', async () => {
    const { stream, stats } = counted(many, 1000);
    const error = await readError(stream, { maxRows: 100 });
    expect(error.code).toBe('too_many_rows');
    expect(error.message).toBe(
      'the file has more than 100 customer rows, the most one analysis accepts; split it or take a sample',
    );
    expect(error.where).toEqual({ file: FILE, line: 102 });
    expect(stats.pulled).toBeLessThan(stats.pieces / 4);
  });

  it('closes the source stream when it stops early', async () => {
    const source = Readable.from(counted(many, 1000).stream);
    await readError(source, { maxRows: 10 });
    expect(source.destroyed).toBe(true);
  });

  it('accepts a file of exactly the row limit', async () => {
    const { stream } = counted(many, 1000);
    await expect(readError(stream, { maxRows: 2000 })).rejects.toThrow('expected an InputError');
  });
});
