/**
 * The byte-level fast path for order-line files, in front of the strict
 * record splitter (records.ts) and OrderLineBuilder.accept. A plain line
 * (the header's number of values, plain numbers, a plain date, values quoted
 * only whole, as `"SET OF 3, RED"`) is read from the bytes into the builder's
 * columns: numbers and dates are parsed from digits, and ids, products and
 * countries make a string only the first time their bytes are seen
 * (byte-keys.ts). Every other record, and every line that would be dropped
 * or need a row problem, is decoded and given to the strict path as the
 * record splitter would give it, so messages, line numbers and rules are the
 * strict path's own. Records are framed as the splitter frames them: a line
 * with an odd number of quotes runs on to the next.
 *
 *   chunks ─lines─▶ plain? ─yes─▶ cells from bytes ─▶ OrderLineBuilder.add
 *                     └ no (header, blank, odd, multi-line, unreadable) ─▶ splitRecord ─▶ strict sink
 */

import { normaliseCustomerId, type OrderLineBuilder } from './builder.ts';
import { ByteKeys, MISS } from './byte-keys.ts';
import { datePartsAt, decimalAt, trimStart } from './bytes.ts';
import { DATE_SHAPE, type DateParts, dateTextNeeded, noteDate, splitDate } from './dates.ts';
import type { Interner } from './grow.ts';
import { splitRecord } from './records.ts';
import type { OrderColumns } from './roles.ts';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const MAX_DATE_BYTES = 64;

export interface FastSinks {
  /** A record for the strict path: its trimmed values and the line it starts on. */
  strict(fields: string[], line: number): void;
  /** After each line the fast path kept (the row limit is checked there). */
  kept(line: number): void;
  /** False until the header record has gone to `strict`. */
  pastHeader(): boolean;
}

/** A column's index, or −1 when the file has no column in that role. */
const indexOf = (columns: OrderColumns, role: keyof OrderColumns['roles']) =>
  columns.roles[role]?.index ?? -1;

export class FastOrderReader {
  private carry: Buffer | null = null;
  private started = false;
  private line = 1;
  // A record running over several lines: quotes counted and lines seen so far, where scanning resumes.
  private quotes = 0;
  private extraLines = 0;
  private resume = 0;
  private readonly sep: number;
  private readonly width: number;
  private readonly decimalComma: boolean;
  private readonly byProduct: boolean;
  private readonly at: {
    invoice: number;
    customer: number;
    date: number;
    quantity: number;
    unitPrice: number;
    lineTotal: number;
    product: number;
    country: number;
  };
  private readonly invoiceKeys = new ByteKeys();
  private readonly customerKeys = new ByteKeys();
  private readonly productKeys = new ByteKeys();
  private readonly countryKeys = new ByteKeys();
  // Where each value of the current line starts and ends (quotes included), and whether it is quoted.
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly quoted: Uint8Array;
  private readonly lastDate = new Uint8Array(MAX_DATE_BYTES);
  private lastDateLength = -1;
  private readonly date: DateParts = { shape: DATE_SHAPE.invalid, a: 0, b: 0, year: 0, seconds: 0 };

  constructor(
    private readonly delimiter: string,
    private readonly builder: OrderLineBuilder,
    /** Values in the header row: a line with any other number goes to the strict path. */
    width: number,
    private readonly sinks: FastSinks,
  ) {
    const columns = builder.columns;
    this.sep = delimiter.charCodeAt(0);
    this.width = width;
    this.decimalComma = delimiter !== ',';
    const product = indexOf(columns, 'product');
    this.byProduct = product >= 0 || indexOf(columns, 'description') >= 0;
    this.at = {
      invoice: indexOf(columns, 'invoice'),
      customer: indexOf(columns, 'customer'),
      date: indexOf(columns, 'date'),
      quantity: indexOf(columns, 'quantity'),
      unitPrice: columns.value === 'quantity × unit price' ? indexOf(columns, 'unitPrice') : -1,
      lineTotal: columns.value === 'line total' ? indexOf(columns, 'lineTotal') : -1,
      product: product >= 0 ? product : indexOf(columns, 'description'),
      country: indexOf(columns, 'country'),
    };
    this.starts = new Int32Array(width + 1);
    this.ends = new Int32Array(width + 1);
    this.quoted = new Uint8Array(width + 1);
  }

  write(chunk: Buffer): void {
    let data = this.carry === null ? chunk : Buffer.concat([this.carry, chunk]);
    this.carry = null;
    if (!this.started) {
      // The splitter drops a byte-order mark before the first line, even when it arrives in pieces.
      if (data.length < 3) {
        this.carry = Buffer.from(data);
        return;
      }
      this.started = true;
      if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
    }
    let start = 0;
    let scan = this.resume;
    let quote = data.indexOf(QUOTE, scan);
    for (let lf = data.indexOf(LF, scan); lf !== -1; lf = data.indexOf(LF, scan)) {
      while (quote !== -1 && quote < lf) {
        this.quotes++;
        quote = data.indexOf(QUOTE, quote + 1);
      }
      scan = lf + 1;
      if (this.quotes % 2 === 1) {
        this.extraLines++; // a quoted value runs on to the next line
        continue;
      }
      this.record(data, start, lf);
      start = scan;
    }
    this.resume = scan - start;
    if (start < data.length) this.carry = Buffer.from(data.subarray(start));
  }

  end(): void {
    let data = this.carry;
    this.carry = null;
    if (data === null || data.length === 0) return;
    if (!this.started && data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf)
      data = data.subarray(3);
    this.started = true;
    // The last line has no line break, so its quotes are still to count.
    for (let q = data.indexOf(QUOTE, this.resume); q !== -1; q = data.indexOf(QUOTE, q + 1)) this.quotes++;
    if (data.length) this.record(data, 0, data.length);
  }

  /** One record [start, end) (its line break excluded); quotes and extraLines describe it. */
  private record(data: Buffer, start: number, end: number): void {
    const line = this.line;
    const extra = this.extraLines;
    this.line += 1 + extra;
    const plain =
      extra === 0 && this.sinks.pastHeader() && this.fast(data, start, end, line, this.quotes > 0);
    this.quotes = 0;
    this.extraLines = 0;
    if (plain) this.sinks.kept(line);
    else this.sinks.strict(splitRecord(data.toString('utf8', start, end), this.delimiter), line);
  }

  /** Reads a plain line that the strict path would keep; false (nothing recorded) otherwise. */
  private fast(data: Buffer, start: number, end: number, line: number, quotes: boolean): boolean {
    let stop = end;
    if (stop > start && data[stop - 1] === CR) stop--;
    if (stop === start || !(quotes ? this.bounds(data, start, stop) : this.plainBounds(data, start, stop)))
      return false;
    const at = this.at;
    const starts = this.starts;
    const ends = this.ends;
    if (trimStart(data, starts[at.invoice]!, ends[at.invoice]!) === ends[at.invoice]) return false;
    const date = this.dateAt(data, starts[at.date]!, ends[at.date]!, at.date);
    if (date.shape === DATE_SHAPE.invalid) return false;
    let quantity = Number.NaN;
    let unitPrice = Number.NaN;
    let amount: number;
    if (at.lineTotal < 0) {
      quantity = this.numberAt(data, at.quantity);
      unitPrice = this.numberAt(data, at.unitPrice);
      if (Number.isNaN(quantity) || Number.isNaN(unitPrice)) return false;
      amount = quantity * unitPrice;
    } else {
      amount = this.numberAt(data, at.lineTotal);
      if (Number.isNaN(amount)) return false;
      if (at.quantity >= 0) {
        quantity = this.numberAt(data, at.quantity);
        if (Number.isNaN(quantity)) return false;
      }
    }
    // Every check the strict path makes has passed but one: an invoice of non-ASCII spaces only.
    let invoice = this.invoiceKeys.find(data, starts[at.invoice]!, ends[at.invoice]!);
    if (invoice === MISS) {
      invoice = this.intern(this.builder.invoices, data, at.invoice, false);
      if (invoice < 0) return false;
      this.invoiceKeys.add(data, starts[at.invoice]!, ends[at.invoice]!, invoice);
    }
    const dates = this.builder.dates;
    noteDate(dates, date, line, dateTextNeeded(dates, date) ? this.text(data, at.date) : '');
    let customer = this.customerKeys.find(data, starts[at.customer]!, ends[at.customer]!);
    if (customer === MISS) {
      const id = normaliseCustomerId(this.text(data, at.customer));
      customer = id === '' ? -1 : this.builder.customers.id(id);
      this.customerKeys.add(data, starts[at.customer]!, ends[at.customer]!, customer);
    }
    let product = -1;
    if (this.byProduct) {
      product = this.productKeys.find(data, starts[at.product]!, ends[at.product]!);
      if (product === MISS) {
        product = this.intern(this.builder.products, data, at.product, true);
        this.productKeys.add(data, starts[at.product]!, ends[at.product]!, product);
      }
    }
    let country = -1;
    if (at.country >= 0) {
      country = this.countryKeys.find(data, starts[at.country]!, ends[at.country]!);
      if (country === MISS) {
        const text = this.text(data, at.country);
        country = text === '' ? -1 : this.builder.countries.id(text);
        this.countryKeys.add(data, starts[at.country]!, ends[at.country]!, country);
      }
    }
    this.builder.totalLines++;
    this.builder.add(invoice, customer, product, country, quantity, unitPrice, amount, line, date);
    return true;
  }

  /**
   * Fills starts/ends/quoted; false unless the line has exactly the header's
   * number of values and every quote opens or closes a whole value (doubled
   * inside it), which is where the strict splitter would agree byte for byte.
   */
  private bounds(data: Buffer, start: number, stop: number): boolean {
    const sep = this.sep;
    const width = this.width;
    let field = 0;
    let i = start;
    for (;;) {
      if (field === width) return false;
      this.starts[field] = i;
      if (i < stop && data[i] === QUOTE) {
        let close = i + 1;
        for (;;) {
          while (close < stop && data[close] !== QUOTE) close++;
          if (close >= stop) return false;
          if (close + 1 < stop && data[close + 1] === QUOTE) close += 2;
          else break;
        }
        i = close + 1;
        this.ends[field] = i;
        this.quoted[field++] = 1;
        if (i === stop) break;
        if (data[i] !== sep) return false;
        i++;
        continue;
      }
      let j = i;
      while (j < stop) {
        const b = data[j]!;
        if (b === sep) break;
        if (b === QUOTE) return false;
        j++;
      }
      this.ends[field] = j;
      this.quoted[field++] = 0;
      if (j === stop) break;
      i = j + 1;
    }
    return field === width;
  }

  /** bounds() for a line without quotes: only delimiters to find. */
  private plainBounds(data: Buffer, start: number, stop: number): boolean {
    const sep = this.sep;
    const starts = this.starts;
    const ends = this.ends;
    const last = this.width - 1;
    let field = 0;
    starts[0] = start;
    for (let i = start; i < stop; i++) {
      if (data[i] === sep) {
        if (field === last) return false;
        ends[field++] = i;
        starts[field] = i + 1;
      }
    }
    if (field !== last) return false;
    ends[field] = stop;
    this.quoted.fill(0);
    return true;
  }

  /**
   * The id of a value whose bytes the keys have not seen; −1 for a value that
   * is empty once trimmed, unless empty values are allowed. Plain printable ASCII (no quotes, nothing to trim)
   * is its own text, so while an interner has held only such values, unseen
   * bytes are an unseen value and need no lookup.
   */
  private intern(interner: Interner, data: Buffer, field: number, emptyAllowed: boolean): number {
    const start = this.starts[field]!;
    const end = this.ends[field]!;
    if (interner.onlyAppended && this.quoted[field] === 0 && plainAscii(data, start, end))
      return interner.appendNew(data.toString('latin1', start, end));
    const text = this.text(data, field);
    return text === '' && !emptyAllowed ? -1 : interner.id(text);
  }

  /** The value's text exactly as splitRecord gives it (trimmed; a quoted value unquoted). */
  private text(data: Buffer, field: number): string {
    const start = this.starts[field]!;
    const end = this.ends[field]!;
    if (this.quoted[field] === 0) return data.toString('utf8', start, end).trim();
    return data
      .toString('utf8', start + 1, end - 1)
      .replaceAll('""', '"')
      .trim();
  }

  /** A plain number, or NaN (then the strict path reads the line). Quoted numbers are left to it. */
  private numberAt(data: Buffer, field: number): number {
    if (this.quoted[field] === 1) return Number.NaN;
    return decimalAt(data, this.starts[field]!, this.ends[field]!, this.decimalComma);
  }

  /** The date's parts; consecutive lines usually repeat the date's bytes, which are then not read again. */
  private dateAt(data: Buffer, start: number, end: number, field: number): DateParts {
    const length = end - start;
    const last = this.lastDate;
    if (length === this.lastDateLength) {
      let same = true;
      for (let i = 0; i < length; i++) {
        if (last[i] !== data[start + i]) {
          same = false;
          break;
        }
      }
      if (same) return this.date;
    }
    const date = this.date;
    if (this.quoted[field] === 1 || !datePartsAt(data, start, end, date)) {
      // Not a plain form: the regular expressions of dates.ts decide, on the text.
      const parts = splitDate(this.text(data, field));
      date.shape = parts.shape;
      date.a = parts.a;
      date.b = parts.b;
      date.year = parts.year;
      date.seconds = parts.seconds;
    }
    if (length <= MAX_DATE_BYTES) {
      last.set(data.subarray(start, end));
      this.lastDateLength = length;
    } else this.lastDateLength = -1;
    return date;
  }
}

/** Printable ASCII with no space or tab at either end: the text trim() and UTF-8 decoding leave as it is. */
function plainAscii(data: Buffer, start: number, end: number): boolean {
  if (end <= start || data[start] === 0x20 || data[end - 1] === 0x20) return false;
  for (let i = start; i < end; i++) {
    const b = data[i]!;
    if (b < 0x20 || b > 0x7e) return false;
  }
  return true;
}
