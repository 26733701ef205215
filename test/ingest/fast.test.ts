/**
 * The byte-level fast path must read every file exactly as the strict
 * csv-parse path does: same rows, values, line numbers, problems and errors.
 * A seeded fuzz corpus mixes clean rows with everything users get wrong.
 */
import { describe, expect, it } from 'vitest';
import { isInputError } from '../../src/core/errors.ts';
import { createRng } from '../../src/core/random.ts';
import { readCustomers } from '../../src/ingest/csv.ts';
import { inPieces, MALL_HEADER, readError, rowsOf } from './helpers.ts';

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

const HEADERS = [
  ['CustomerID', 'Gender', 'Age', 'Annual Income (k$)', 'Spending Score (1-100)'],
  ['Gender', 'customer_id', 'annual_income', 'Age', 'spending_score'],
  ['CustomerID', 'Genre', 'Age', 'Annual Income (k$)', 'Spending Score (1-100)', 'Region'],
  ['CustomerID', 'Gender', 'Age', 'Annual Income (k$)'],
];

const ODD_VALUES = [
  '',
  ' ',
  ' 42',
  '42 ',
  '15.5',
  '15,5',
  '-3',
  '+7',
  '007',
  '1e3',
  '0x10',
  '121',
  '0',
  '100.0',
  '100.5',
  '12.',
  '.5',
  'abc',
  '99999999999999999',
  '１２',
  '"42"',
  '" 42 "',
  '"4\n2"',
  '5\'10"',
];
const GENDERS = ['Male', 'Female', 'M', 'F', 'male', 'FEMALE', 'f', ' Male', 'Other', '', 'Mâle', '"Female"'];
const IDS = ['17', '007', 'C-17', ' 17', '', 'ü9', '"9,1"', '9 9', '12345678901234'];

let seedOdd: number | undefined;

function value(rng: Rng, column: string): string {
  const odd = rng() < (seedOdd ?? 0.03);
  if (/gender|genre/i.test(column)) return odd ? pick(rng, GENDERS) : pick(rng, ['Male', 'Female']);
  if (/id/i.test(column)) return odd ? pick(rng, IDS) : String(1 + Math.floor(rng() * 40));
  if (/region/i.test(column)) return pick(rng, ['north', '', 'süd', '"a,b"']);
  if (odd) return pick(rng, ODD_VALUES);
  const base = /age/i.test(column)
    ? 18 + rng() * 50
    : /income/i.test(column)
      ? 15 + rng() * 120
      : 1 + rng() * 98;
  return rng() < 0.1 ? base.toFixed(1) : String(Math.round(base));
}

function fuzzFile(seed: number): Buffer {
  const rng = createRng(seed);
  // Most files have a few odd cells; some have many (and are refused for too many bad rows).
  seedOdd = rng() < 0.2 ? 0.15 : 0.005;
  const header = pick(rng, HEADERS);
  const delimiter = pick(rng, [',', ',', ',', ';', '\t']);
  const ending = pick(rng, ['\n', '\n', '\r\n', '\r']);
  const lines: string[] = [header.join(delimiter)];
  const rows = Math.floor(rng() * 60);
  for (let r = 0; r < rows; r++) {
    const u = rng();
    if (u < 0.05) lines.push('');
    else if (u < 0.08) lines.push(delimiter.repeat(header.length - 1));
    else {
      const cells = header.map((c) => value(rng, c));
      if (rng() < 0.05) cells.pop();
      if (rng() < 0.05) cells.push(pick(rng, ['', 'x']));
      lines.push(cells.join(delimiter));
    }
  }
  let text = lines
    .map((l) => (rng() < 0.03 ? `${l}\r` : l))
    .join(rng() < 0.1 ? pick(rng, ['\n', '\r\n']) : ending);
  if (rng() < 0.7) text += ending;
  if (rng() < 0.1) text = `\uFEFF${text}`;
  if (rng() < 0.05) text = text.replace(/\n([^\n]*)$/, '\n"$1');
  return Buffer.from(text, 'utf8');
}

async function outcome(bytes: Buffer, parser: 'fast' | 'strict', piece: number, sizeHint?: number) {
  try {
    const input = piece === 0 ? bytes : inPieces(bytes, piece);
    const r = await readCustomers(input, {
      fileName: 'fuzz.csv',
      parser,
      ...(sizeHint !== undefined && { sizeHint }),
    });
    const { table, ...rest } = r;
    return { ok: { rows: rowsOf(table), ...rest } };
  } catch (error) {
    if (!isInputError(error)) throw error;
    return {
      error: { code: error.code, message: error.message, where: error.where, details: error.details },
    };
  }
}

describe('the fast parse path', () => {
  it('reads a fuzz corpus of clean and broken files exactly as the strict csv-parse path does', async () => {
    let fastRows = 0;
    let errors = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const bytes = fuzzFile(seed);
      const piece = 1 + (seed % 7) * 13;
      const strict = await outcome(bytes, 'strict', 64 * 1024);
      const fast = await outcome(bytes, 'fast', piece);
      expect(fast, `seed ${seed}: ${JSON.stringify(bytes.toString('utf8').slice(0, 300))}`).toEqual(strict);
      if (strict.ok) fastRows += strict.ok.rows.length;
      else errors++;
    }
    // The corpus exercises both outcomes in earnest.
    expect(fastRows).toBeGreaterThan(500);
    expect(errors).toBeGreaterThan(20);
  });

  it('reads a large plain file the same way on both paths', async () => {
    const lines = ['CustomerID,Gender,Age,Annual Income (k$),Spending Score (1-100)'];
    for (let i = 1; i <= 20_000; i++)
      lines.push(`${i},${i % 3 ? 'Male' : 'Female'},${18 + (i % 50)},${i % 137},${1 + (i % 99)}`);
    lines[5_000] = '5000,Male,abc,10,10';
    lines[12_000] = '11999,Female,30,"4\n0",10';
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    expect(await outcome(bytes, 'fast', 64 * 1024)).toEqual(await outcome(bytes, 'strict', 64 * 1024));
  });

  it('reads a file the same way whether its size was known, too small or too large', async () => {
    // Ids grow longer down the file, so the first rows' bytes per row overstate the row count.
    const lines = ['CustomerID,Gender,Age,Annual Income (k$),Spending Score (1-100)'];
    for (let i = 1; i <= 60_000; i++)
      lines.push(`${i},${i % 3 ? 'Male' : 'Female'},${18 + (i % 50)},${i % 137},${1 + (i % 99)}`);
    lines[7_000] = '7000,Male,abc,10,10';
    lines[31_000] = '17,Female,30,40,10';
    lines[45_000] = `${lines[45_000]}\r`;
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    const strict = await outcome(bytes, 'strict', 64 * 1024);
    expect(strict.ok?.rows).toHaveLength(59_999);
    // A buffer gives its own size; a stream is told one (right, a tenth, or thrice the truth).
    expect(await outcome(bytes, 'fast', 0)).toEqual(strict);
    for (const hint of [bytes.length, bytes.length / 10, bytes.length * 3])
      expect(await outcome(bytes, 'fast', 10_000, hint)).toEqual(strict);
  });

  it('stops reading a file whose lines end in CR alone at the row limit, as it does one with LF', async () => {
    // Excel's "CSV (Macintosh)": no LF anywhere, so the fast path never sees a line end.
    const read = async (ending: string) => {
      const row = `1,Male,30,40,50${ending}`;
      const chunk = Buffer.from(row.repeat(Math.floor((64 * 1024) / row.length)));
      let pulled = 0;
      async function* file() {
        yield Buffer.from(`${MALL_HEADER}${ending}`);
        while (pulled < 200) {
          pulled++;
          yield chunk;
        }
      }
      const error = await readError(file(), { maxRows: 1000 });
      return { code: error.code, pulled };
    };
    expect((await read('\n')).code).toBe('too_many_rows');
    expect((await read('\n')).pulled).toBeLessThan(5);
    const cr = await read('\r');
    expect(cr.code).toBe('too_many_rows');
    // The 12 MB that follow are not read (and not copied behind each other, a chunk at a time).
    expect(cr.pulled).toBeLessThan(40);
  });

  it('sizes the columns from the file size, without much spare room and without doubling', async () => {
    const lines = ['CustomerID,Gender,Age,Annual Income (k$),Spending Score (1-100)'];
    for (let i = 1; i <= 100_000; i++) lines.push(`${i},Female,${18 + (i % 50)},${i % 137},${1 + (i % 99)}`);
    const { table } = await readCustomers(Buffer.from(`${lines.join('\n')}\n`), { fileName: 'big.csv' });
    const slots = table.income.buffer.byteLength / 8;
    // Doubling from 1024 would end at 131,072 slots and then copy to size; sized, it is a view on
    // at most a quarter more than the rows.
    expect(slots).toBeGreaterThanOrEqual(100_000);
    expect(slots).toBeLessThanOrEqual(125_000);
  });
});
