import { describe, expect, it } from 'vitest';
import { runCli, tempFile } from '../support/cli.ts';

const HEADER = 'CustomerID,Gender,Age,Annual Income (k$),Spending Score (1-100)';
const good = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `${i + 1},${i % 2 ? 'Male' : 'Female'},${20 + (i % 40)},${15 + ((i * 7) % 100)},${1 + ((i * 13) % 99)}`,
  );

async function expectInputError(argv: string[], message: RegExp) {
  const run = await runCli(...argv);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^error: /);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('segment analyze rejects bad input with exit code 2 and a specific message', () => {
  it('an empty file', () => expectInputError(['analyze', tempFile('')], /empty/i));

  it('a header without customers', () =>
    expectInputError(['analyze', tempFile(`${HEADER}\n`)], /has a header row but no customers/));

  it('a missing required column, naming it and what was found', () =>
    expectInputError(
      ['analyze', tempFile('CustomerID,Gender,Age,Annual Income (k$)\n1,Male,19,15\n')],
      /missing the column "Spending Score \(1-100\)"; found: CustomerID, Gender, Age, Annual Income \(k\$\)/,
    ));

  it('an unterminated quote, with its line', () =>
    expectInputError(
      ['analyze', tempFile(`${HEADER}\n${good(3).join('\n')}\n4,"Male,20,30,40\n5,Male,1,2,3\n`)],
      /line 5/,
    ));

  it('binary content such as an image', () =>
    expectInputError(
      ['analyze', tempFile(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'chart.csv')],
      /binary/i,
    ));

  it('a damaged workbook', () =>
    expectInputError(
      ['analyze', tempFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 8, 0, 0]), 'book.xlsx')],
      /damaged/i,
    ));

  it('a file over the size limit', () =>
    expectInputError(
      ['analyze', tempFile(`${HEADER}\n${good(50).join('\n')}\n`), '--max-bytes', '100'],
      /larger than|too large|limit/i,
    ));

  it('a file over the row limit', () =>
    expectInputError(['analyze', tempFile(`${HEADER}\n${good(50).join('\n')}\n`), '--max-rows', '10'], /10/));

  it('too many invalid rows, listing the first problems', () => {
    const rows = good(10).map((r, i) => (i < 3 ? r.replace(/,\d+,(\d+),(\d+)$/, ',old,$1,$2') : r));
    return expectInputError(['analyze', tempFile(`${HEADER}\n${rows.join('\n')}\n`)], /line 2, column Age/);
  });

  it('too few customers for the requested k', () =>
    expectInputError(
      ['analyze', tempFile(`${HEADER}\n${good(5).join('\n')}\n`), '--k', '6'],
      /too few for 6 segments: at least 10/,
    ));

  it('a file with too few customers to segment at all', () =>
    expectInputError(
      ['analyze', tempFile(`${HEADER}\n${good(3).join('\n')}\n`)],
      /3 valid customers is too few for segments: at least 10/,
    ));

  it('a file that does not exist', () =>
    expectInputError(['analyze', '/no/such/customers.csv'], /no file at/));

  it('an unknown flag or a bad flag value', async () => {
    await expectInputError(['analyze', 'x.csv', '--bogus'], /Unknown option '--bogus'/);
    await expectInputError(
      ['analyze', 'x.csv', '--scale', 'log'],
      /scale must be zscore, minmax or none \(got "log"\)/,
    );
    await expectInputError(['analyze', 'x.csv', '--features', 'age,2nd'], /"2nd" is not a feature/);
    await expectInputError(['analyze', 'x.csv', '--k-range', '5..2'], /--k-range/);
  });

  it('a report folder that is a file', () => {
    const file = tempFile('not a folder', 'plain.txt');
    return expectInputError(
      ['analyze', tempFile(`${HEADER}\n${good(20).join('\n')}\n`), '--out', file],
      /--out .*plain\.txt cannot be used as the report folder \(EEXIST\)/,
    );
  });

  it('an unknown command', () => expectInputError(['cluster', 'x.csv'], /unknown command "cluster"/));
});
