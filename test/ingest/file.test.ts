import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InputError, isInputError } from '../../src/core/errors.ts';
import { idAt } from '../../src/core/ids.ts';
import { GENDER_CODE } from '../../src/core/types.ts';
import type { IngestLimits } from '../../src/ingest/csv.ts';
import { readCustomerFile } from '../../src/ingest/file.ts';
import { csv, MALL_HEADER, read } from './helpers.ts';

async function fileError(path: string, limits?: Partial<IngestLimits>): Promise<InputError> {
  try {
    await readCustomerFile(path, limits);
  } catch (error) {
    if (isInputError(error)) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('readCustomerFile', () => {
  let dir = '';
  const text = csv(MALL_HEADER, '1,Male,19,15,39', '2,Female,21,15,81', '3,Female,20,16,6');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'segment-ingest-'));
    await writeFile(join(dir, 'shop.csv'), text);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('streams the file and names it by its base name', async () => {
    const result = await readCustomerFile(join(dir, 'shop.csv'));
    expect(result.source.fileName).toBe('shop.csv');
    const fromText = await read(text);
    expect(result.table).toEqual(fromText.table);
  });

  it('says when there is no file at the path', async () => {
    const error = await fileError(join(dir, 'missing.csv'));
    expect(error.code).toBe('file_not_found');
    expect(error.message).toBe(`there is no file at ${join(dir, 'missing.csv')}; check the path`);
    expect(error.where).toEqual({ file: 'missing.csv' });
  });

  it('says when the path is a folder', async () => {
    const error = await fileError(dir);
    expect(error.code).toBe('file_not_found');
    expect(error.message).toContain('is not a file');
  });

  it('refuses a file over the byte limit from its size, before reading it', async () => {
    const error = await fileError(join(dir, 'shop.csv'), { maxBytes: 50 });
    expect(error.code).toBe('file_too_large');
    expect(error.message).toBe(
      `the file is ${Buffer.byteLength(text)} bytes, over the 50 bytes limit; remove unused columns or split it`,
    );
    expect(error.where).toEqual({ file: 'shop.csv' });
  });
});

const MALL = '/work/shared/datasets/mall_customers.csv';

describe.skipIf(!existsSync(MALL))(
  `the Mall Customers data (needs ${MALL}; skipped when it is absent)`,
  () => {
    it('reads 200 customers without a problem: 112 female, 88 male', async () => {
      const result = await readCustomerFile(MALL);
      expect(result.table.length).toBe(200);
      expect(result.problemCount).toBe(0);
      expect(result.source.skippedRows).toBe(0);
      expect(result.duplicateIdCount).toBe(0);
      const gender = Array.from(result.table.gender);
      expect(gender.filter((g) => g === GENDER_CODE.Female)).toHaveLength(112);
      expect(gender.filter((g) => g === GENDER_CODE.Male)).toHaveLength(88);
      expect(idAt(result.table.ids, 0)).toBe('1');
      expect([result.table.age[0], result.table.income[0], result.table.spending[0]]).toEqual([19, 15, 39]);
    });
  },
);
