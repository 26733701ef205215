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
import { firstBytes, gather, type IngestInput, prepend, toChunks } from './chunks.ts';
import { looksLikeContainer, otherDataFormat } from './containers.ts';
import { type Decoding, decodeText } from './decode.ts';
import { parseFast } from './fast.ts';
import { guardBytes } from './guard.ts';
import { parseRecords } from './parse.ts';
import { DEFAULT_LIMITS, finish, type IngestLimits, type IngestResult } from './result.ts';
import { RowReader } from './rows.ts';
import { detectDelimiter, readHead } from './sniff.ts';
import { readWorkbook } from './xlsx.ts';

export type { IngestInput } from './chunks.ts';
export type { TextEncoding } from './decode.ts';
export type { RowProblem } from './problems.ts';
export { describeProblem } from './problems.ts';
export { DEFAULT_LIMITS, type IngestLimits, type IngestResult } from './result.ts';

export interface ReadOptions {
  /** Name used in messages (`customers.csv, line 7: …`). */
  fileName: string;
  limits?: Partial<IngestLimits>;
  /**
   * `strict` sends every line through csv-parse; the default reads plain lines
   * from the bytes (fast.ts) and gives the same result. For tests and benchmarks.
   */
  parser?: 'fast' | 'strict';
  /**
   * The input's size in bytes when it is a stream whose size is known (a file
   * on disk), so the table can be sized once instead of grown; a buffer or
   * string input gives its own.
   */
  sizeHint?: number;
}

export async function readCustomers(input: IngestInput, options: ReadOptions): Promise<IngestResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const file = options.fileName;
  const raw = guardBytes(toChunks(input), limits.maxBytes, file);
  const first = await firstBytes(raw);
  // A workbook (or another zip / OLE container) is read whole; text streams on.
  if (looksLikeContainer(first)) return readWorkbook(await gather(first, raw), file, limits);
  const other = otherDataFormat(first);
  if (other !== null) {
    await raw.return(undefined);
    throw new InputError('unsupported_format', OTHER_FORMATS[other], { file });
  }
  const decoding: Decoding = { encoding: 'utf-8' };
  const chunks = decodeText(prepend(first, raw), file, decoding);
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
    await read(
      head.prefix,
      chunks,
      { file, delimiter, expectedBytes: expectedBytes(input, options, decoding) },
      reader,
    );
    return finish(reader, limits, { file, delimiter, encoding: decoding.encoding, format: 'csv' });
  } finally {
    // Stops the source (e.g. closes the file) when reading ended early.
    await chunks.return(undefined);
  }
}

/** The decoded bytes to expect (0 when unknown): UTF-16 text is read as UTF-8, about half its size for a table. */
function expectedBytes(input: IngestInput, options: ReadOptions, decoding: Decoding): number {
  const raw =
    typeof input === 'string'
      ? input.length
      : input instanceof Uint8Array
        ? input.byteLength
        : (options.sizeHint ?? 0);
  return decoding.encoding === 'utf-16le' || decoding.encoding === 'utf-16be' ? raw / 2 : raw;
}

const OTHER_FORMATS = {
  parquet:
    'this is a Parquet file, not CSV text; export the customer table or the order lines as CSV (UTF-8) or .xlsx',
  json: 'this is JSON, not a table; export the customer table or the order lines as CSV (UTF-8) or .xlsx, one row per customer or order line',
} as const;
