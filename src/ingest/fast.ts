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
 * line would cost more than the stream.
 *
 *   chunks ─lines─▶ plain line? ─yes─▶ RowReader.acceptClean (typed values)
 *                        │ no (no quote) ─▶ csv-parse/sync (that line) ─▶ RowReader.accept
 *                        └ quote / too many misses ─▶ parseRecords (csv-parse stream) for the rest
 */
import { parse as parseSync } from 'csv-parse/sync';
import { MAX_WHOLE_DIGITS } from '../core/ids.ts';
import { GENDER_CODE } from '../core/types.ts';
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

interface Context {
  file: string;
  delimiter: Delimiter;
}

export async function parseFast(
  prefix: Buffer[],
  rest: AsyncIterator<Buffer>,
  context: Context,
  reader: RowReader,
): Promise<void> {
  const lines = new LineReader(context.delimiter, reader);
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

class LineReader {
  private carry: Buffer | null = null;
  private readonly sep: number;
  private readonly options: Record<string, unknown>;
  private fast = 0;
  private misses = 0;
  private started = false;

  constructor(
    delimiter: Delimiter,
    private readonly reader: RowReader,
  ) {
    this.sep = delimiter.charCodeAt(0);
    // The BOM is dropped before the first line; later lines are read as the stream reads them.
    this.options = { ...CSV_OPTIONS, delimiter, bom: false };
  }

  /** Reads every complete line; returns the unread bytes when the strict stream must take over. */
  feed(chunk: Buffer): Buffer | null {
    let data = this.carry === null ? chunk : Buffer.concat([this.carry, chunk]);
    this.carry = null;
    if (!this.started) {
      // A byte-order mark is dropped, as csv-parse's `bom` does, even when it arrives in pieces.
      if (data.length < 3) {
        this.carry = Buffer.from(data);
        return null;
      }
      this.started = true;
      if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
    }
    let start = 0;
    // Found once per chunk: lines before it have no quote (a search per line would rescan the chunk).
    const quote = data.indexOf(QUOTE);
    const firstQuote = quote === -1 ? data.length : quote;
    for (let lf = data.indexOf(LF); lf !== -1; lf = data.indexOf(LF, start)) {
      if (lf >= firstQuote || !this.line(data, start, lf + 1)) return data.subarray(start);
      if (this.reader.failure !== null) return null;
      start = lf + 1;
    }
    if (start < data.length) this.carry = Buffer.from(data.subarray(start));
    return null;
  }

  /** The last line, when the file does not end with a line break; false when the stream must read it. */
  end(): Buffer | null {
    const last = this.carry;
    this.carry = null;
    if (last === null || last.length === 0) return null;
    return last.includes(QUOTE) || !this.line(last, 0, last.length) ? last : null;
  }

  /** One line without quotes, terminator included; false when the strict stream must take over from its start. */
  private line(data: Buffer, start: number, end: number): boolean {
    let stop = end;
    if (stop > start && data[stop - 1] === LF) stop--;
    if (stop > start && data[stop - 1] === CR) stop--;
    if (this.reader.columns !== null && this.clean(data, start, stop)) {
      this.fast++;
      return true;
    }
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

  /** Reads a plain row whose five values pass every rule; false (nothing recorded) otherwise. */
  private clean(data: Buffer, start: number, stop: number): boolean {
    const columns = this.reader.columns!;
    const at = columns.index;
    if (!fieldBounds(data, start, stop, this.sep, columns.width)) return false;
    // Optional columns the file lacks: ids become row numbers (in RowReader), genders unknown, ages NaN.
    const hasId = at.id !== -1;
    const idStart = hasId ? STARTS[at.id]! : 0;
    const idEnd = hasId ? ENDS[at.id]! : 0;
    if (hasId && !plainId(data, idStart, idEnd)) return false;
    const hasGender = at.gender !== -1;
    const gender = hasGender ? genderAt(data, STARTS[at.gender]!, ENDS[at.gender]!) : GENDER_CODE.unknown;
    if (hasGender && gender === GENDER_CODE.unknown) return false;
    // Without an Age column the ages are NaN, as on the strict path, and no rule checks them.
    const hasAge = at.age !== -1;
    const age = hasAge ? numberAt(data, STARTS[at.age]!, ENDS[at.age]!) : Number.NaN;
    const income = numberAt(data, STARTS[at.income]!, ENDS[at.income]!);
    const spending = numberAt(data, STARTS[at.spending]!, ENDS[at.spending]!);
    if (hasAge && !passes(RULES.age, age)) return false;
    if (!passes(RULES.income, income) || !passes(RULES.spending, spending)) return false;
    const extras = this.reader.extras;
    if (extras !== null) {
      // Plain numbers straight from the bytes; a known text level by its bytes; anything else as text.
      for (let j = 0; j < extras.positions.length; j++) {
        const p = extras.positions[j]!;
        const value = numberAt(data, STARTS[p]!, ENDS[p]!);
        if (!Number.isNaN(value)) extras.stageNumber(j, value);
        else extras.stageBytes(j, data, STARTS[p]!, ENDS[p]!);
      }
    }
    this.reader.acceptClean(hasId ? idFrom(data, idStart, idEnd) : '', gender, age, income, spending);
    return true;
  }
}

// Where each field of the current line starts and ends (scratch, reused for every line).
const STARTS = new Int32Array(64);
const ENDS = new Int32Array(64);

/** Fills STARTS/ENDS; false unless the line has exactly `width` fields and no bare CR. */
function fieldBounds(data: Buffer, start: number, stop: number, sep: number, width: number): boolean {
  if (width > ENDS.length) return false;
  let field = 0;
  STARTS[0] = start;
  for (let i = start; i < stop; i++) {
    const b = data[i]!;
    if (b === sep) {
      if (field === width - 1) return false;
      ENDS[field++] = i;
      STARTS[field] = i + 1;
    } else if (b === CR) return false;
  }
  if (field !== width - 1) return false;
  ENDS[field] = stop;
  return true;
}

/** Printable ASCII without spaces: read as latin1 it is the same string csv-parse would give. */
function plainId(data: Buffer, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) {
    const b = data[i]!;
    if (b <= 0x20 || b >= 0x7f) return false;
  }
  return true;
}

/** A canonical whole-number id as its number (no string made); any other id as its text. */
function idFrom(data: Buffer, start: number, end: number): string | number {
  const length = end - start;
  if (length <= MAX_WHOLE_DIGITS && (length === 1 || data[start] !== 0x30)) {
    let value = 0;
    let i = start;
    for (; i < end; i++) {
      const digit = data[i]! - 0x30;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
    }
    if (i === end) return value;
  }
  return data.toString('latin1', start, end);
}

/** Male/Female/M/F in any case, exactly (no spaces); unknown otherwise, which sends the line to csv-parse. */
function genderAt(data: Buffer, start: number, end: number): number {
  const length = end - start;
  const first = data[start]! | 0x20;
  if (length === 1) return first === 0x66 ? GENDER_CODE.Female : first === 0x6d ? GENDER_CODE.Male : 0;
  const word = length === 4 ? 'male' : length === 6 ? 'female' : '';
  if (word === '') return GENDER_CODE.unknown;
  for (let i = 0; i < length; i++) if ((data[start + i]! | 0x20) !== word.charCodeAt(i)) return 0;
  return length === 4 ? GENDER_CODE.Male : GENDER_CODE.Female;
}

/**
 * Digits with at most one inner decimal point (`42`, `007`, `15.5`); NaN for
 * anything else (signs, spaces, commas), which sends the line to csv-parse.
 * Whole numbers are summed exactly; a decimal is read by Number(), as
 * parseDecimal reads it.
 */
function numberAt(data: Buffer, start: number, end: number): number {
  const length = end - start;
  if (length === 0 || length > 15) return Number.NaN;
  let value = 0;
  let dot = -1;
  for (let i = start; i < end; i++) {
    const digit = data[i]! - 48;
    if (digit >= 0 && digit <= 9) value = value * 10 + digit;
    else if (data[i] === DOT && dot === -1 && i > start && i < end - 1) dot = i;
    else return Number.NaN;
  }
  return dot === -1 ? value : Number(data.toString('latin1', start, end));
}
