/** Builders shared by the ingest tests: CSV text, reading it, and catching the InputError. */

import { type InputError, isInputError } from '../../src/core/errors.ts';
import { idAt } from '../../src/core/ids.ts';
import type { CustomerTable } from '../../src/core/types.ts';
import {
  type IngestInput,
  type IngestLimits,
  type IngestResult,
  readCustomers,
} from '../../src/ingest/csv.ts';

export const FILE = 'customers.csv';
export const MALL_HEADER = 'CustomerID,Gender,Age,Annual Income (k$),Spending Score (1-100)';

/** Lines joined with \n, plus a final line break. */
export const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;

export const read = (
  input: IngestInput,
  limits?: Partial<IngestLimits>,
  parser?: 'fast' | 'strict',
): Promise<IngestResult> =>
  readCustomers(input, { fileName: FILE, ...(limits ? { limits } : {}), ...(parser ? { parser } : {}) });

export async function readError(input: IngestInput, limits?: Partial<IngestLimits>): Promise<InputError> {
  try {
    await read(input, limits);
  } catch (error) {
    if (isInputError(error)) return error;
    throw error;
  }
  throw new Error('expected an InputError, but the file was read');
}

/** The table as plain rows, for whole-table comparisons. */
export function rowsOf(table: CustomerTable) {
  return Array.from({ length: table.length }, (_, i) => ({
    id: idAt(table.ids, i),
    gender: table.gender[i],
    age: table.age[i],
    income: table.income[i],
    spending: table.spending[i],
    line: table.lines[i],
  }));
}

/** The bytes as an async stream of `size`-byte pieces (cutting lines and characters anywhere). */
export async function* inPieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
