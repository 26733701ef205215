/**
 * The byte-level fast path in front of csv-parse. Most files are plain: one
 * delimiter, no quotes, ASCII ids and unquoted plain numbers. Such a line is
 * read straight from the bytes into the table (no string per field); every
 * other line is handed, as its own bytes, to csv-parse with the strict path's
 * options and then to the same RowReader, so messages, line numbers and rules
 * are the strict path's own. A line with a quote may open a value that spans
 * lines, so from the first quote on the rest of the file goes to the strict
 * streaming parser; so does the rest of a file whose lines keep missing the
 * fast path (a `;` file with decimal commas), where one csv-parse call per
 * line would cost more than the stream. A plain line is scanned once: the
 * same pass finds its end, its fields and their digits. When the file's size
 * is known, the table is sized from it once the first rows show the bytes a
 * row takes.
 *
 *   chunks ─lines─▶ plain line? ─yes─▶ RowReader.acceptClean (typed values)
 *                        │ no (no quote) ─▶ csv-parse/sync (that line) ─▶ RowReader.accept
 *                        └ quote / too many misses ─▶ parseRecords (csv-parse stream) for the rest
 */
import { parse as parseSync } from 'csv-parse/sync';
import { MAX_WHOLE_DIGITS } from '../core/ids.ts';
import { GENDER_CODE } from '../core/types.ts';
import type { ColumnMap } from './headers.ts';
import { CSV_OPTIONS, parseRecords } from './parse.ts';
import type { RowReader } from './rows.ts';
import { passes, RULES } from './rules.ts';
import type { Delimiter } from './sniff.ts';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const DOT = 0x2e;
// After this many lines off the fast path, and if they are over an eighth of all lines, stream the rest.
const MISS_FLOOR = 256;
// A line still without its LF past this many bytes goes, with the rest of the file, to the strict stream.
const MAX_CARRY = 1024 * 1024;

interface Context {
  file: string;
  delimiter: Delimiter;
  /** The decoded size to expect, 0 when unknown: the table is then sized from it, not grown. */
  expectedBytes?: number;
}

export async function parseFast(
  prefix: Buffer[],
  rest: AsyncIterator<Buffer>,
  context: Context,
  reader: RowReader,
): Promise<void> {
  const lines = new LineReader(context.delimiter, reader, context.expectedBytes ?? 0);
  const pending = [...prefix];
  for (;;) {
    let chunk = pending.shift();
    if (chunk === undefined) {
      const next = await rest.next();
      if (next.done) break;
      chunk = next.value;
    }
    const left = lines.feed(chunk);
    if (reader.failure !== null) throw reader.failure;
    if (left !== null) return parseRecords([left, ...pending], rest, context, reader);
  }
  const last = lines.end();
  if (reader.failure !== null) throw reader.failure;
  if (last !== null) return parseRecords([last], rest, context, reader);
}

// Bytes read before the table is sized from them (or an eighth of a smaller file), at least SIZING_ROWS
// rows: ids get longer further into a file, and the first 64 KB made a 5M-row table 23 % too large.
const SIZING_BYTES = 4 * 1024 * 1024;
const SIZING_ROWS = 256;

class LineReader {
  private carry: Buffer | null = null;
  private readonly sep: number;
  private readonly options: Record<string, unknown>;
  private fast = 0;
  private misses = 0;
  private started = false;
  /** Bytes handed to feed so far. */
  private seen = 0;
  private sized = false;

  constructor(
    delimiter: Delimiter,
    private readonly reader: RowReader,
    private readonly expectedBytes: number,
  ) {
    this.sep = delimiter.charCodeAt(0);
    // The BOM is dropped before the first line; later lines are read as the stream reads them.
    this.options = { ...CSV_OPTIONS, delimiter, bom: false };
  }

  /** Reads every complete line; returns the unread bytes when the strict stream must take over. */
  feed(chunk: Buffer): Buffer | null {
    this.size(chunk.length);
    let data = chunk;
    if (!this.started) {
      // A byte-order mark is dropped, as csv-parse's `bom` does, even when it arrives in pieces.
      if (this.carry !== null) data = Buffer.concat([this.carry, chunk]);
      this.carry = null;
      if (data.length < 3) {
        this.carry = Buffer.from(data);
        return null;
      }
      this.started = true;
      if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
    }
    // Found once per chunk: lines before it have no quote (a search per line would rescan the chunk).
    const quote = data.indexOf(QUOTE);
    const firstQuote = quote === -1 ? data.length : quote;
    let start = 0;
    if (this.carry !== null) {
      // Only the line split between chunks is joined, not the whole chunk copied behind it.
      const lf = data.indexOf(LF);
      if (lf === -1) {
        const longer = Buffer.concat([this.carry, data]);
        // No plain row is this long: most likely the file ends its lines with CR alone (Excel's "CSV
        // (Macintosh)"), which would be carried whole, copied once per chunk, and read past the row limit.
        if (longer.length > MAX_CARRY) {
          this.carry = null;
          return longer;
        }
        this.carry = longer;
        return null;
      }
      const joined = Buffer.concat([this.carry, data.subarray(0, lf + 1)]);
      this.carry = null;
      if (joined.includes(QUOTE) || !this.line(joined, 0, joined.length))
        return Buffer.concat([joined, data.subarray(lf + 1)]);
      if (this.reader.failure !== null) return null;
      start = lf + 1;
    }
    const end = data.length;
    while (start < end) {
      const columns = this.reader.columns;
      // One scan finds the line's end and its fields; a line it cannot read goes the general way.
      const scanned = columns === null ? -1 : scanLine(data, start, end, this.sep, columns.width);
      let lf: number;
      if (scanned >= 0 && scanned < end) {
        lf = scanned;
        if (lf >= firstQuote) return data.subarray(start);
        if (this.take(data, columns!)) this.fast++;
        else if (!this.miss(data, start, lf + 1)) return data.subarray(start);
      } else {
        lf = data.indexOf(LF, start);
        if (lf === -1) break;
        if (lf >= firstQuote || !this.line(data, start, lf + 1)) return data.subarray(start);
      }
      if (this.reader.failure !== null) return null;
      start = lf + 1;
    }
    if (start < end) this.carry = Buffer.from(data.subarray(start));
    return null;
  }

  /** The last line, when the file does not end with a line break; false when the stream must read it. */
  end(): Buffer | null {
    const last = this.carry;
    this.carry = null;
    if (last === null || last.length === 0) return null;
    return last.includes(QUOTE) || !this.line(last, 0, last.length) ? last : null;
  }

  /**
   * Sizes the table once enough rows show the bytes a row takes, and again
   * only when a chunk might not fit, so the columns are not doubled and
   * copied as they fill.
   */
  private size(incoming: number): void {
    const seen = this.seen;
    this.seen = seen + incoming;
    const expected = this.expectedBytes;
    const table = this.reader.table;
    const rows = table.length;
    if (expected <= 0 || rows < SIZING_ROWS || seen < Math.min(SIZING_BYTES, expected / 8)) return;
    const perByte = rows / seen;
    if (this.sized && table.capacity >= rows + perByte * incoming) return;
    this.sized = true;
    // The expected size at the bytes per row so far, 1/16 spare; a file larger than it was said
    // to be grows as it would without a size, by doubling.
    const room = seen + incoming <= expected ? perByte * expected * 1.0625 + 1024 : table.capacity * 2;
    this.reader.reserve(Math.max(room, rows + 2 * perByte * incoming));
  }

  /** One line without quotes, terminator included; false when the strict stream must take over from its start. */
  private line(data: Buffer, start: number, end: number): boolean {
    const columns = this.reader.columns;
    if (
      columns !== null &&
      scanLine(data, start, end, this.sep, columns.width) >= 0 &&
      this.take(data, columns)
    ) {
      this.fast++;
      return true;
    }
    return this.miss(data, start, end);
  }

  /** A line off the fast path, read by csv-parse; false when there are so many that the stream should read the rest. */
  private miss(data: Buffer, start: number, end: number): boolean {
    this.misses++;
    if (this.misses > MISS_FLOOR && this.misses * 8 > this.fast + this.misses) return false;
    let records: string[][];
    try {
      records = parseSync(data.subarray(start, end), this.options);
    } catch {
      return false; // the stream meets the same problem and reports it the strict path's way
    }
    for (const record of records) this.reader.accept(record);
    return true;
  }

  /** Takes the scanned row if its five values pass every rule; false (nothing recorded) otherwise. */
  private take(data: Buffer, columns: ColumnMap): boolean {
    const at = columns.index;
    // Optional columns the file lacks: ids become row numbers (in RowReader), genders unknown, ages NaN.
    const hasId = at.id !== -1;
    if (hasId && !plainId(data, at.id)) return false;
    const hasGender = at.gender !== -1;
    const gender = hasGender ? genderAt(data, STARTS[at.gender]!, ENDS[at.gender]!) : GENDER_CODE.unknown;
    if (hasGender && gender === GENDER_CODE.unknown) return false;
    // Without an Age column the ages are NaN, as on the strict path, and no rule checks them.
    const hasAge = at.age !== -1;
    const age = hasAge ? numberAt(data, at.age) : Number.NaN;
    const income = numberAt(data, at.income);
    const spending = numberAt(data, at.spending);
    if (hasAge && !passes(RULES.age, age)) return false;
    if (!passes(RULES.income, income) || !passes(RULES.spending, spending)) return false;
    const extras = this.reader.extras;
    if (extras !== null) {
      // Plain numbers straight from the bytes; a known text level by its bytes; anything else as text.
      for (let j = 0; j < extras.positions.length; j++) {
        const p = extras.positions[j]!;
        const value = numberAt(data, p);
        if (!Number.isNaN(value)) extras.stageNumber(j, value);
        else extras.stageBytes(j, data, STARTS[p]!, ENDS[p]!);
      }
    }
    this.reader.acceptClean(hasId ? idAt(data, at.id) : '', gender, age, income, spending);
    return true;
  }
}

// The fields of the line just scanned (scratch, reused for every line): where each starts and
// ends, its digits read as a whole number, how many of its bytes are not digits, its last `.`.
const MAX_FIELDS = 64;
const STARTS = new Int32Array(MAX_FIELDS);
const ENDS = new Int32Array(MAX_FIELDS);
const WHOLE = new Float64Array(MAX_FIELDS);
const OTHER = new Int32Array(MAX_FIELDS);
const DOTS = new Int32Array(MAX_FIELDS);

/**
 * Scans one line from `start`, filling the field scratch, in one pass over its
 * bytes. Gives the index of the LF that ends it, or `end` when the bytes end
 * first (a last line, or one the next chunk finishes); a CR just before either
 * is the line break's, not a value's. -1 unless the line has exactly `width`
 * fields and no other CR.
 */
function scanLine(data: Buffer, start: number, end: number, sep: number, width: number): number {
  if (width > MAX_FIELDS) return -1;
  let field = 0;
  let from = start;
  let whole = 0;
  let other = 0;
  let dot = -1;
  for (let i = start; ; i++) {
    let b = LF;
    if (i < end) {
      b = data[i]!;
      const digit = b - 48;
      if (digit >= 0 && digit <= 9) {
        whole = whole * 10 + digit;
        continue;
      }
    }
    if (b === sep || b === LF || b === CR) {
      const stop = i;
      if (b === CR) {
        if (i + 1 < end && data[i + 1] !== LF) return -1;
        i++; // at the LF, or at `end`
        b = LF;
      }
      STARTS[field] = from;
      ENDS[field] = stop;
      WHOLE[field] = whole;
      OTHER[field] = other;
      DOTS[field] = dot;
      if (b === LF) return field === width - 1 ? Math.min(i, end) : -1;
      if (field === width - 1) return -1;
      field++;
      from = stop + 1;
      whole = 0;
      other = 0;
      dot = -1;
      continue;
    }
    other++;
    if (b === DOT) dot = i;
  }
}

/** Printable ASCII without spaces: read as latin1 it is the same string csv-parse would give. */
function plainId(data: Buffer, field: number): boolean {
  const start = STARTS[field]!;
  const end = ENDS[field]!;
  if (end <= start) return false;
  if (OTHER[field] === 0) return true; // digits only
  for (let i = start; i < end; i++) {
    const b = data[i]!;
    if (b <= 0x20 || b >= 0x7f) return false;
  }
  return true;
}

/** A canonical whole-number id as its number (no string made); any other id as its text. */
function idAt(data: Buffer, field: number): string | number {
  const start = STARTS[field]!;
  const end = ENDS[field]!;
  const length = end - start;
  if (OTHER[field] === 0 && length <= MAX_WHOLE_DIGITS && (length === 1 || data[start] !== 0x30))
    return WHOLE[field]!;
  return data.toString('latin1', start, end);
}

/** Male/Female/M/F in any case, exactly (no spaces); unknown otherwise, which sends the line to csv-parse. */
function genderAt(data: Buffer, start: number, end: number): number {
  const length = end - start;
  const first = data[start]! | 0x20;
  if (length === 1) return first === 0x66 ? GENDER_CODE.Female : first === 0x6d ? GENDER_CODE.Male : 0;
  if (length === 4)
    return first === 0x6d &&
      (data[start + 1]! | 0x20) === 0x61 &&
      (data[start + 2]! | 0x20) === 0x6c &&
      (data[start + 3]! | 0x20) === 0x65
      ? GENDER_CODE.Male
      : GENDER_CODE.unknown;
  if (length === 6)
    return first === 0x66 &&
      (data[start + 1]! | 0x20) === 0x65 &&
      (data[start + 2]! | 0x20) === 0x6d &&
      (data[start + 3]! | 0x20) === 0x61 &&
      (data[start + 4]! | 0x20) === 0x6c &&
      (data[start + 5]! | 0x20) === 0x65
      ? GENDER_CODE.Female
      : GENDER_CODE.unknown;
  return GENDER_CODE.unknown;
}

/**
 * Digits with at most one inner decimal point (`42`, `007`, `15.5`); NaN for
 * anything else (signs, spaces, commas), which sends the line to csv-parse.
 * Whole numbers are summed exactly while scanning; a decimal is read by
 * Number(), as parseDecimal reads it.
 */
function numberAt(data: Buffer, field: number): number {
  const start = STARTS[field]!;
  const end = ENDS[field]!;
  const length = end - start;
  if (length === 0 || length > 15) return Number.NaN;
  const other = OTHER[field]!;
  if (other === 0) return WHOLE[field]!;
  const dot = DOTS[field]!;
  return other === 1 && dot > start && dot < end - 1
    ? Number(data.toString('latin1', start, end))
    : Number.NaN;
}
