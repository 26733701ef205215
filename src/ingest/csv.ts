/**
 * CSV bytes → CustomerTable, streaming.
 *
 *   input ─toChunks─▶ 64 KB Buffers ─guardBytes─▶ (size limit) ─decodeText─▶ UTF-8 text ─readHead─▶ delimiter
 *         ─fast.ts (plain lines from bytes; csv-parse for the rest)─▶ RowReader ─▶ table + row problems
 *         ─finish─▶ IngestResult
 *
 * Everything a user can get wrong ends as an InputError with the file and,
 * where there is one, the line; a bad row is reported and skipped, not fatal,
 * unless too many rows are bad.
 */
import { InputError } from '../core/errors.ts';
import type { CustomerTable, SourceInfo } from '../core/types.ts';
import { type IngestInput, toChunks } from './chunks.ts';
import { type Decoding, decodeText, type TextEncoding } from './decode.ts';
import type { DuplicateId } from './duplicates.ts';
import { parseFast } from './fast.ts';
import { guardBytes } from './guard.ts';
import { parseRecords } from './parse.ts';
import { describeProblem, type RowProblem } from './problems.ts';
import { RowReader } from './rows.ts';
import { type Delimiter, detectDelimiter, readHead } from './sniff.ts';

export type { IngestInput } from './chunks.ts';
export type { TextEncoding } from './decode.ts';
export type { RowProblem } from './problems.ts';
export { describeProblem } from './problems.ts';

export interface IngestLimits {
  maxBytes: number;
  maxRows: number;
  /** Below this share of valid data rows the file is refused rather than analysed. */
  minValidShare: number;
}

/**
 * Sized so a real export fits: ten million customers, and the bytes ten million
 * rows take with long ids or extra columns (~54 bytes a row). Peak memory at
 * the row limit stays under 1.5 GB (npm run bench).
 */
export const DEFAULT_LIMITS: IngestLimits = {
  maxBytes: 512 * 1024 * 1024,
  maxRows: 10_000_000,
  minValidShare: 0.9,
};

export interface IngestResult {
  /** Valid rows only, in file order. */
  table: CustomerTable;
  source: SourceInfo;
  /** The first 1000 problems, in file order; `problemCount` counts all of them. */
  problems: RowProblem[];
  problemCount: number;
  /** Rows kept despite a problem (an unknown gender, empty extra values); skipped rows are in `source`. */
  notedRows: number;
  /** The first 100 ids that occur more than once (their rows are kept). */
  duplicateIds: DuplicateId[];
  /** Distinct ids that occur more than once. */
  duplicateIdCount: number;
  delimiter: Delimiter;
  /** The encoding the bytes were read as (also in `source`). */
  encoding: TextEncoding;
}

export interface ReadOptions {
  /** Name used in messages (`customers.csv, line 7: …`). */
  fileName: string;
  limits?: Partial<IngestLimits>;
  /**
   * `strict` sends every line through csv-parse; the default reads plain lines
   * from the bytes (fast.ts) and gives the same result. For tests and benchmarks.
   */
  parser?: 'fast' | 'strict';
}

export async function readCustomers(input: IngestInput, options: ReadOptions): Promise<IngestResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const file = options.fileName;
  const decoding: Decoding = { encoding: 'utf-8' };
  const chunks = decodeText(guardBytes(toChunks(input), limits.maxBytes, file), file, decoding);
  try {
    const head = await readHead(chunks);
    if (head.line === null && head.ended) {
      throw new InputError(
        'empty_file',
        'the file is empty; expected a header row (CustomerID, Gender, Age, Annual Income (k$), Spending Score (1-100)) and one row per customer',
        { file },
      );
    }
    const delimiter = detectDelimiter(head.line ?? '');
    const reader = new RowReader(file, delimiter, limits.maxRows);
    const read = options.parser === 'strict' ? parseRecords : parseFast;
    await read(head.prefix, chunks, { file, delimiter }, reader);
    return finish(reader, file, delimiter, limits, decoding.encoding);
  } finally {
    // Stops the source (e.g. closes the file) when reading ended early.
    await chunks.return(undefined);
  }
}

function finish(
  reader: RowReader,
  file: string,
  delimiter: Delimiter,
  limits: IngestLimits,
  encoding: TextEncoding,
): IngestResult {
  if (reader.columns === null) {
    throw new InputError('empty_file', 'the file has no values, only separators and blank lines', { file });
  }
  if (reader.totalRows === 0) {
    throw new InputError(
      'header_only',
      'the file has a header row but no customers; expected one row per customer below the header',
      { file },
    );
  }
  const valid = reader.table.length;
  if (valid / reader.totalRows < limits.minValidShare)
    throw tooManyInvalid(reader, file, limits.minValidShare);
  return {
    table: reader.table.finish(),
    source: {
      fileName: file,
      columnsFound: reader.columns.columnsFound,
      extraColumns: reader.columns.extraColumns,
      missing: { ...reader.missing },
      totalRows: reader.totalRows,
      skippedRows: reader.skippedRows,
      encoding,
    },
    problems: reader.problems.stored,
    problemCount: reader.problems.count,
    notedRows: reader.notedRows,
    duplicateIds: reader.duplicates.reported,
    duplicateIdCount: reader.duplicates.count,
    delimiter,
    encoding,
  };
}

function tooManyInvalid(reader: RowReader, file: string, minValidShare: number): InputError {
  const valid = reader.table.length;
  // Round the share down so 89.6% is never shown as meeting a 90% floor.
  const share = Math.floor((valid / reader.totalRows) * 100 + 1e-9);
  const message =
    `only ${valid} of ${reader.totalRows} rows are valid (${share}%); ` +
    `at least ${Math.round(minValidShare * 100)}% must be. The first problems:`;
  return new InputError(
    'too_many_invalid_rows',
    message,
    { file },
    reader.problems.firstSkips.map(describeProblem),
  );
}
