/**
 * Order-line CSV bytes → OrderLines, streaming.
 *
 *   input ─toChunks─▶ Buffers ─guardBytes─▶ (size limit) ─decodeText─▶ UTF-8 text ─readHead─▶ header + delimiter
 *         ─orderColumns─▶ roles ─FastOrderReader─┬ plain lines, from bytes ─────────┬▶ OrderLineBuilder
 *                                                └ other records ─splitRecord─▶ accept ┘   ─finish─▶ dates resolved
 *
 * (`parser: 'strict'` sends every record through RecordSplitter instead: the reference in tests.)
 * A workbook (.xlsx) gets the customer reader's refusals (xlsx.ts `checkWorkbook`)
 * and is then streamed, not read whole: its order-line sheets' rows go to
 * `OrderLineBuilder.accept` (workbook.ts, xlsx-rows.ts).
 *
 * `isOrderLineHeader` lets the caller decide from the head alone whether a
 * file is order lines or one row per customer.
 */
import { InputError } from '../../core/errors.ts';
import type { OrderLines } from '../../core/rfm/types.ts';
import type { TextEncoding } from '../../core/types.ts';
import { firstBytes, formatCount, gather, type IngestInput, prepend, toChunks } from '../chunks.ts';
import { looksLikeContainer } from '../containers.ts';
import { DEFAULT_LIMITS, type IngestLimits } from '../csv.ts';
import { type Decoding, decodeText } from '../decode.ts';
import { guardBytes } from '../guard.ts';
import { describeProblem, type RowProblem } from '../problems.ts';
import { type Delimiter, detectDelimiter, readHead } from '../sniff.ts';
import { OrderLineBuilder } from './builder.ts';
import type { DateForm } from './dates.ts';
import { FastOrderReader } from './fast.ts';
import { RecordSplitter, splitHeader } from './records.ts';
import { looksLikeOrderLines, type OrderColumns, orderColumns } from './roles.ts';
import { readOrderWorkbook } from './workbook.ts';

export interface OrderIngestResult {
  lines: OrderLines;
  columns: OrderColumns;
  dateForms: DateForm[];
  /** The slashed dates never showed their form and were read month first, as the Online Retail I layout writes them. */
  usDatesAssumed: boolean;
  fileName: string;
  delimiter: Delimiter;
  /** The text encoding the file was read as ('utf-8' for a workbook). */
  encoding: TextEncoding;
  /** The sheets read, in order, when the file was an Excel workbook (every sheet with the order-line header). */
  sheets?: string[];
  /** Data lines read (blank lines not counted). */
  totalLines: number;
  /** Lines dropped because a cell could not be read (in `problems`). */
  unreadableLines: number;
  problems: RowProblem[];
  problemCount: number;
}

/** Whether a header line (as read by readHead) names order-line columns. */
export function isOrderLineHeader(headerLine: string): boolean {
  return looksLikeOrderLines(splitHeader(headerLine, detectDelimiter(headerLine)));
}

export async function readOrderLines(
  input: IngestInput,
  options: {
    fileName: string;
    limits?: Partial<IngestLimits>;
    /** `strict`: every record through the record splitter alone, the reference the fast path is tested against. */
    parser?: 'fast' | 'strict';
  },
): Promise<OrderIngestResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const file = options.fileName;
  const raw = guardBytes(toChunks(input), limits.maxBytes, file);
  const first = await firstBytes(raw);
  const checkRows = (builder: OrderLineBuilder, line: number) => {
    if (builder.totalLines > limits.maxRows) {
      throw new InputError(
        'too_many_rows',
        `the file has more than ${formatCount(limits.maxRows)} order lines; split it by date`,
        { file, line },
      );
    }
  };
  if (looksLikeContainer(first)) {
    const workbook = await readOrderWorkbook(await gather(first, raw), file, limits, (header, line) => {
      const builder = new OrderLineBuilder(file, columnsOf(header, file, line), ',');
      return { builder, checkRows: (at) => checkRows(builder, at) };
    });
    return finish(workbook.builder, file, ',', limits.minValidShare, {
      encoding: 'utf-8',
      sheets: workbook.sheets,
    });
  }
  const decoding: Decoding = { encoding: 'utf-8' };
  const chunks = decodeText(prepend(first, raw), file, decoding);
  try {
    const head = await readHead(chunks);
    if (head.line === null)
      throw new InputError(
        'empty_file',
        'the file is empty; expected a header row and one row per order line',
        { file },
      );
    const delimiter = detectDelimiter(head.line);
    const builder = new OrderLineBuilder(
      file,
      columnsOf(splitHeader(head.line, delimiter), file, 1),
      delimiter,
    );
    let header = true;
    const strict = (fields: string[], line: number) => {
      if (header) {
        if (fields.every((f) => f === '')) return;
        header = false;
        return;
      }
      builder.accept(fields, line);
      checkRows(builder, line);
    };
    const reader =
      options.parser === 'strict'
        ? new RecordSplitter(delimiter, strict)
        : new FastOrderReader(delimiter, builder, splitHeader(head.line, delimiter).length, {
            strict,
            kept: (line) => checkRows(builder, line),
            pastHeader: () => !header,
          });
    for (const chunk of head.prefix) reader.write(chunk);
    for (;;) {
      const next = await chunks.next();
      if (next.done) break;
      reader.write(next.value);
    }
    reader.end();
    return finish(builder, file, delimiter, limits.minValidShare, { encoding: decoding.encoding });
  } finally {
    await chunks.return(undefined);
  }
}

function columnsOf(header: string[], file: string, line: number): OrderColumns {
  const found = orderColumns(header);
  if (!found.ok) {
    throw new InputError(
      'missing_column',
      `this looks like order lines, but it has no ${found.missing.join(', and no ')}`,
      { file, line },
    );
  }
  return found.columns;
}

function finish(
  builder: OrderLineBuilder,
  file: string,
  delimiter: Delimiter,
  minValidShare: number,
  source: Pick<OrderIngestResult, 'encoding' | 'sheets'>,
): OrderIngestResult {
  if (builder.totalLines === 0) {
    throw new InputError('header_only', 'the file has a header row but no order lines below it', { file });
  }
  const { lines, forms } = builder.finish();
  const unreadable = builder.totalLines - lines.length;
  if (lines.length / builder.totalLines < minValidShare) {
    const share = Math.floor((lines.length / builder.totalLines) * 100 + 1e-9);
    throw new InputError(
      'too_many_invalid_rows',
      `only ${lines.length} of ${builder.totalLines} order lines could be read (${share}%); at least ${Math.round(minValidShare * 100)}% must be. The first problems:`,
      { file },
      builder.problems.firstSkips.map(describeProblem),
    );
  }
  return {
    lines,
    columns: builder.columns,
    dateForms: forms,
    usDatesAssumed: builder.usAssumed,
    fileName: file,
    delimiter,
    ...source,
    totalLines: builder.totalLines,
    unreadableLines: unreadable,
    problems: builder.problems.stored,
    problemCount: builder.problems.count,
  };
}
