/**
 * The csv-parse seam: feeds Buffers to a csv-parse stream, hands every record
 * to the RowReader as it is parsed, and turns csv-parse errors into InputErrors.
 *
 * Records are taken from the 'data' event, not `for await`: the event fires
 * while the chunk is being parsed, so when csv-parse reports an error the
 * reader has seen every record before it and knows the line the broken record
 * started on (an async iterator would still hold unread records). csv-parse's
 * `info` option would give lines too, but costs ~2.5 s per million rows and
 * counts a CRLF inside quotes as two lines.
 */
import { finished } from 'node:stream/promises';
import { CsvError, type Parser, parse } from 'csv-parse';
import { InputError } from '../core/errors.ts';
import type { RowReader } from './rows.ts';
import type { Delimiter } from './sniff.ts';

const QUOTE = 0x22;

/** The strict path's csv-parse options (the fast path's per-line fallback uses them too). */
export const CSV_OPTIONS = {
  bom: true,
  // Listed rather than auto-detected: auto-detection fixes on the first line's ending, and a
  // file that mixes \r\n and \n would then glue rows together.
  record_delimiter: ['\r\n', '\n', '\r'] as string[],
  trim: true,
  // Blank lines arrive as [''] records so RowReader can count every line; it skips them.
  skip_empty_lines: false,
  // Wrong value counts become row problems in RowReader, not a parse failure.
  relax_column_count: true,
  // A stray quote inside an unquoted value (5'10") is kept as text.
  relax_quotes: true,
} as const;

interface Context {
  file: string;
  delimiter: Delimiter;
  /** The decoded size to expect, 0 when unknown (only the fast path uses it). */
  expectedBytes?: number;
}

export async function parseRecords(
  prefix: Buffer[],
  rest: AsyncIterator<Buffer>,
  context: Context,
  reader: RowReader,
): Promise<void> {
  const parser = parse({ ...CSV_OPTIONS, delimiter: context.delimiter });
  let parseError: unknown = null;
  parser.on('error', (error) => {
    parseError ??= error;
  });
  parser.on('data', (record: string[]) => reader.accept(record));
  // 'data' fires synchronously only once the stream is flowing, which starts on the next tick.
  await new Promise((resolve) => setImmediate(resolve));

  // csv-parse reports an error a tick after the write that caused it, so check before every write.
  const stopped = () => parseError !== null || reader.failure !== null || parser.destroyed;
  const write = async (chunk: Buffer) => {
    if (!reader.quotesSeen && chunk.includes(QUOTE)) reader.quotesSeen = true;
    parser.write(chunk);
    await drained(parser);
  };
  try {
    for (const chunk of prefix) {
      if (stopped()) break;
      await write(chunk);
    }
    while (!stopped()) {
      const next = await rest.next();
      if (next.done || stopped()) break;
      await write(next.value);
    }
    if (!stopped()) {
      parser.end();
      await finished(parser).catch(() => undefined);
    }
  } finally {
    parser.destroy();
  }
  if (reader.failure !== null) throw reader.failure;
  if (parseError !== null) throw toInputError(parseError, context, reader.nextLine);
}

/** Waits for room to write; a parser that fails closes instead of draining, which ends the wait too. */
function drained(parser: Parser): Promise<void> {
  if (!parser.writableNeedDrain || parser.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      parser.off('drain', done);
      parser.off('close', done);
      resolve();
    };
    parser.on('drain', done);
    parser.on('close', done);
  });
}

/** `line` is where the record csv-parse gave up on starts: where an unclosed quote opened. */
function toInputError(error: unknown, { file, delimiter }: Context, line: number): unknown {
  if (!(error instanceof CsvError)) return error;
  const where = { file, line };
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new InputError(
        'unterminated_quote',
        `a quote (") opened on line ${line} is never closed, so the rest of the file would be one value; ` +
          'close it, and write a quote inside a value as ""',
        where,
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE': // the same mistake, as reported with `trim` on
      return new InputError(
        'malformed_csv',
        `a quoted value is followed by other text before the next ${delimiterName(delimiter)}; ` +
          'write a quote inside a quoted value as ""',
        where,
      );
    default:
      return new InputError('malformed_csv', `this row could not be read as CSV (${error.message})`, where);
  }
}

function delimiterName(delimiter: Delimiter): string {
  return delimiter === '\t' ? 'tab' : delimiter === ';' ? 'semicolon' : 'comma';
}
