import { describe, expect, it } from 'vitest';
import { GENDER_CODE } from '../../src/core/types.ts';
import { csv, FILE, inPieces, MALL_HEADER, read, readError, rowsOf } from './helpers.ts';

const BINARY = 'this looks like a binary file (e.g. Excel or an image), not CSV text; export it as CSV';
const ROWS = ['1,Male,19,15,39', '2,Female,21,15.5,81', '3,Female,20,16,6'];

/** The same three customers, whatever the encoding. */
const EXPECTED = [
  { id: '1', gender: GENDER_CODE.Male, age: 19, income: 15, spending: 39, line: 2 },
  { id: '2', gender: GENDER_CODE.Female, age: 21, income: 15.5, spending: 81, line: 3 },
  { id: '3', gender: GENDER_CODE.Female, age: 20, income: 16, spending: 6, line: 4 },
];

const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

describe('text encodings', () => {
  it('reads a French Latin-1 export with Âge and Revenu annuel headers, naming the encoding', async () => {
    const text = csv(
      'ID client;Sexe;Âge;Revenu annuel (k€);Score de dépenses (1-100);Ville',
      '1;Homme;19;15;39;Orléans',
      '2;Femme;21;15,5;81;Besançon',
      '3;F;20;16;6;Nîmes',
    );
    // `€` is not Latin-1, so write the header's euro sign as Windows-1252 does (0x80).
    const bytes = Buffer.from(text.replace('€', '\u0080'), 'latin1');
    const result = await read(bytes);
    expect(result.encoding).toBe('windows-1252');
    expect(result.source.encoding).toBe('windows-1252');
    expect(rowsOf(result.table)).toEqual(EXPECTED);
    expect(result.source.columnsFound).toEqual([
      'ID client',
      'Sexe',
      'Âge',
      'Revenu annuel (k€)',
      'Score de dépenses (1-100)',
      'Ville',
    ]);
    expect(result.source.extraColumns).toEqual(['Ville']);
  });

  it('reads Windows-1252 punctuation (’ “ ” –) in the data rows, in any chunking', async () => {
    const text = csv(`${MALL_HEADER},Note`, `${ROWS[0]},“VIP” – O’Brien`, `${ROWS[1]},x`, `${ROWS[2]},y`);
    const bytes = Buffer.from(
      text.replace('“', '\u0093').replace('”', '\u0094').replace('–', '\u0096').replace('’', '\u0092'),
      'latin1',
    );
    for (const size of [1, 3, 100, bytes.length]) {
      const result = await read(inPieces(bytes, size));
      expect([size, result.encoding]).toEqual([size, 'windows-1252']);
      expect(rowsOf(result.table)).toEqual(EXPECTED);
    }
  });

  it.each([
    [
      'UTF-16 LE with a byte-order mark',
      Buffer.from(`\uFEFF${csv(MALL_HEADER, ...ROWS)}`, 'utf16le'),
      'utf-16le',
    ],
    ['UTF-16 BE with a byte-order mark', utf16be(`\uFEFF${csv(MALL_HEADER, ...ROWS)}`), 'utf-16be'],
    ['UTF-16 LE without a byte-order mark', Buffer.from(csv(MALL_HEADER, ...ROWS), 'utf16le'), 'utf-16le'],
    ['UTF-16 BE without a byte-order mark', utf16be(csv(MALL_HEADER, ...ROWS)), 'utf-16be'],
  ])('reads %s, as Excel\'s "Unicode text" saves it', async (_, bytes, encoding) => {
    for (const size of [1, 7, 64, bytes.length]) {
      const result = await read(inPieces(bytes, size));
      expect([size, result.encoding]).toEqual([size, encoding]);
      expect(rowsOf(result.table)).toEqual(EXPECTED);
    }
  });

  it('reads accented UTF-16 text and tab delimiters (Excel "Unicode text")', async () => {
    const text = csv(
      ['CustomerID', 'Gender', 'Âge', 'Annual Income (k$)', 'Spending Score (1-100)', 'Ville'].join('\t'),
      ...ROWS.map((r, i) => `${r.replaceAll(',', '\t')}\t${['Zoë', 'Orléans', '東京'][i]}`),
    );
    const result = await read(Buffer.from(`\uFEFF${text}`, 'utf16le'));
    expect(result.encoding).toBe('utf-16le');
    expect(result.delimiter).toBe('\t');
    expect(rowsOf(result.table)).toEqual(EXPECTED);
  });

  it('keeps UTF-8 as UTF-8, with or without a byte-order mark', async () => {
    const text = csv(`${MALL_HEADER},Name`, `${ROWS[0]},Zoë`, `${ROWS[1]},René`, `${ROWS[2]},€`);
    for (const bytes of [Buffer.from(text), Buffer.from(`\uFEFF${text}`)]) {
      const result = await read(bytes);
      expect(result.encoding).toBe('utf-8');
      expect(rowsOf(result.table)).toEqual(EXPECTED);
    }
  });

  it('refuses bytes that are text in no encoding (control codes) in a Windows-1252 file, with the line', async () => {
    const bytes = Buffer.from(
      csv(`${MALL_HEADER},Note`, `${ROWS[0]},é`, `${ROWS[1]},\u0001\u0002`),
      'latin1',
    );
    const error = await readError(bytes);
    expect(error.code).toBe('binary_content');
    expect(error.where).toEqual({ file: FILE, line: 3 });
    expect(error.message).toBe(
      'line 3 holds bytes that are not text in any common encoding; save the file as "CSV UTF-8" and try again',
    );
  });

  it('refuses a binary file whose first line is mostly bytes above 127, as before', async () => {
    const bytes = Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x41, 0x0a, 0x41]);
    const error = await readError(bytes);
    expect([error.code, error.message]).toEqual(['binary_content', BINARY]);
  });

  it('refuses UTF-16 text holding NUL characters as binary', async () => {
    const bytes = Buffer.from(`\uFEFF${csv(MALL_HEADER, '1,Male,19,15,\u000039')}`, 'utf16le');
    const error = await readError(bytes);
    expect([error.code, error.where.line]).toEqual(['binary_content', 2]);
  });
});
