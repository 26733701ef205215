/**
 * The cells of a plain row, read in one pass over the sheet's bytes, decoding only the text a
 * cell needs: what Excel, LibreOffice and the usual libraries write, `<c r="B2" s="1" t="s"><v>12</v></c>`
 * or `<c …/>`, cells side by side (whitespace between them allowed), attributes separated by spaces
 * and double-quoted. Decoding each sheet and slicing each cell's tag, body and value
 * (xlsx-cells.ts `rowCells`) was most of the time a million-line order workbook took: about 4 of the
 * 5.3 s its 8 million cells took to stream.
 *
 * A row in any other form (a tab between attributes, a '>' inside a value, a tag it does not
 * know) gives null, and the caller reads it with `rowCells`, which also decides what it cannot
 * read. A cell body other than a lone `<v>` of digits (formulas, inline strings, booleans) is
 * decoded and read as `rowCells` reads it. The values are `rowCells`' to the character
 * (test/ingest/xlsx-plain-cells.test.ts): a `<v>` is read as Number() reads it when that can be done
 * exactly without Number(), and written back with the same plainDecimal.
 */

import { plainDecimal } from './xlsx.ts';
import { type Context, cellValue, cellValueOf, fromSerial } from './xlsx-cells.ts';
import type { StreamedCell } from './xlsx-rows.ts';

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const MINUS = 0x2d;
const DOT = 0x2e;
const SLASH = 0x2f;
const ZERO = 0x30;
const NINE = 0x39;
const LT = 0x3c;
const EQUALS = 0x3d;
const GT = 0x3e;
const LETTER_C = 0x63;
const LETTER_R = 0x72;
const LETTER_S = 0x73;
const LETTER_T = 0x74;
const LETTER_V = 0x76;

/** Kept: a BOM inside a sheet is a character of it, not the start of a stream. */
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * `bytes` from `start` to `end` as text. The sheet used to be decoded whole; a piece that starts
 * and ends at an ASCII byte decodes to the same characters (UTF-8 never has ASCII inside a character).
 */
export const textOf = (bytes: Uint8Array, start: number, end: number) =>
  UTF8.decode(bytes.subarray(start, end));

const isSpace = (c: number) => c === SPACE || c === TAB || c === LF || c === CR;
/** Attribute name characters: letters, digits, '_', '-', '.', ':'. */
const isNameChar = (c: number) =>
  (c >= 0x61 && c <= 0x7a) ||
  (c >= 0x41 && c <= 0x5a) ||
  (c >= ZERO && c <= 0x3a) ||
  c === 0x5f ||
  c === MINUS ||
  c === DOT;

/** What the scanner keeps while it reads a sheet's rows: where the last row ended, numbers' text. */
export interface PlainRow {
  close: number;
  decimals: Map<number, string>;
}

export const plainRow = (): PlainRow => ({ close: -1, decimals: new Map() });

/**
 * The cells of the row whose content starts at `from` (after its row tag), its `</row>` put in
 * `row.close`; null when the row is not plain or is not all in the bytes before `to` yet. `bytes`
 * goes on past `to` with at least 8 zero bytes (xlsx-rows.ts `PAD`).
 */
export function plainRowCells(
  bytes: Uint8Array,
  from: number,
  to: number,
  context: Context,
  row: PlainRow,
): StreamedCell[] | null {
  const cells: StreamedCell[] = [];
  let p = from;
  for (;;) {
    while (p < to && isSpace(bytes[p]!)) p++;
    if (bytes[p] !== LT) return null;
    if (bytes[p + 1] === SLASH && isRowClose(bytes, p)) {
      // The first </row> after the row tag: no value or tag read before holds a '<'.
      row.close = p;
      return cells;
    }
    if (bytes[p + 1] !== LETTER_C) return null;
    p += 2;
    let c = bytes[p]!;
    if (c !== SPACE && c !== GT && c !== SLASH) return null;
    let at = cells.length;
    let type: string | null = null;
    let style = 0;
    // Attributes: spaces, a name, =", a value without '"', '<' or '>', ".
    for (;;) {
      while (c === SPACE) c = bytes[++p]!;
      if (c === GT || c === SLASH) break;
      const name = p;
      while (isNameChar(c)) c = bytes[++p]!;
      if (p === name || c !== EQUALS || bytes[p + 1] !== QUOTE) return null;
      const start = p + 2;
      let end = start;
      for (c = bytes[end]!; c !== QUOTE; c = bytes[++end]!) {
        if (c === LT || c === GT || end >= to) return null;
      }
      // As rowCells: only the one-letter names r, t and s count.
      if (p - name === 1) {
        const letter = bytes[name];
        if (letter === LETTER_R) at = columnAt(bytes, start);
        else if (letter === LETTER_T) type = typeOf(bytes, start, end);
        else if (letter === LETTER_S) {
          style = digitsAt(bytes, start, end);
          if (style < 0) style = Number(textOf(bytes, start, end));
        }
      }
      p = end + 1;
      c = bytes[p]!;
      if (c !== SPACE && c !== GT && c !== SLASH) return null;
    }
    if (at < 0 || at > 16_384) return null;
    let value: StreamedCell | null = null;
    if (c === SLASH) {
      if (bytes[p + 1] !== GT) return null;
      p += 2;
      value = cellValueOf(type, undefined, '', style, context);
    } else {
      p++;
      // <v>…</v></c>, the value read from the bytes where it can be.
      if (bytes[p] === LT && bytes[p + 1] === LETTER_V && bytes[p + 2] === GT) {
        const end = closesValue(bytes, p + 3, to);
        if (end !== -1) {
          value = simpleValue(bytes, p + 3, end, type, style, context, row.decimals);
          if (value !== null) p = end + 8;
        }
      }
      if (value === null) {
        // Any other body (a formula, an inline string, an empty cell): as rowCells reads it.
        const close = indexOfCellClose(bytes, p, to);
        if (close === -1) return null;
        const body = textOf(bytes, p, close);
        value = cellValueOf(type, cellValue(body), body, style, context);
        p = close + 4;
      }
    }
    while (cells.length < at) cells.push('');
    cells[at] = value;
  }
}

/** Where the value from `start` ends when `</v></c>` follows it with no other tag before, else -1. */
function closesValue(bytes: Uint8Array, start: number, to: number): number {
  let end = start;
  while (end < to && bytes[end] !== LT) end++;
  if (end + 8 > to) return -1;
  const ok =
    bytes[end + 1] === SLASH &&
    bytes[end + 2] === LETTER_V &&
    bytes[end + 3] === GT &&
    bytes[end + 4] === LT &&
    bytes[end + 5] === SLASH &&
    bytes[end + 6] === LETTER_C &&
    bytes[end + 7] === GT;
  return ok ? end : -1;
}

/** The first `</c>` from `at`, or -1 when there is none or a `</row>` comes first (rowCells then decides). */
function indexOfCellClose(bytes: Uint8Array, at: number, to: number): number {
  for (let i = at; i + 4 <= to; i++) {
    if (bytes[i] !== LT || bytes[i + 1] !== SLASH) continue;
    if (bytes[i + 2] === LETTER_C && bytes[i + 3] === GT) return i;
    if (isRowClose(bytes, i)) return -1;
  }
  return -1;
}

const isRowClose = (bytes: Uint8Array, at: number) =>
  bytes[at] === LT &&
  bytes[at + 1] === SLASH &&
  bytes[at + 2] === LETTER_R &&
  bytes[at + 3] === 0x6f &&
  bytes[at + 4] === 0x77 &&
  bytes[at + 5] === GT;

/** `t`'s value; the one-letter types without decoding. */
function typeOf(bytes: Uint8Array, start: number, end: number): string {
  if (end - start === 1) {
    const letter = ONE_LETTER_TYPES[bytes[start]!];
    if (letter !== undefined) return letter;
  }
  return textOf(bytes, start, end);
}

const ONE_LETTER_TYPES: Record<number, string> = { 115: 's', 110: 'n', 98: 'b', 101: 'e', 100: 'd' };

/** Column letters of a cell reference ("AB12") starting at `from` → 0-based index (xlsx-cells.ts `columnAt`). */
function columnAt(bytes: Uint8Array, from: number): number {
  let index = 0;
  for (let i = from; i < bytes.length; i++) {
    const code = bytes[i]! & ~0x20;
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

/**
 * A shared string, a number or a date read straight from the bytes of a `<v>` (`start` to `end`),
 * as `cellValueOf` would read them; null for `cellValueOf` to read.
 */
function simpleValue(
  bytes: Uint8Array,
  start: number,
  end: number,
  type: string | null,
  style: number,
  context: Context,
  decimals: Map<number, string>,
): StreamedCell | null {
  if (type === 's') {
    const index = digitsAt(bytes, start, end);
    return index < 0 ? null : (context.shared[index] ?? '');
  }
  if (type !== null && type !== 'n') return null;
  const x = decimalAt(bytes, start, end);
  if (Number.isNaN(x)) return null;
  return context.dates.has(style) ? fromSerial(x, context.epoch) : decimalText(x, decimals);
}

/** plainDecimal, remembered for the sheet: order lines repeat their invoice numbers, quantities and prices. */
function decimalText(x: number, decimals: Map<number, string>): string {
  let text = decimals.get(x);
  if (text === undefined) {
    if (decimals.size >= DECIMALS_KEPT) decimals.clear();
    text = plainDecimal(x);
    // A Map's keys compare as SameValueZero: -0 finds 0's text, which is plainDecimal(-0) too.
    decimals.set(x, text);
  }
  return text;
}

const DECIMALS_KEPT = 1 << 16;

/** The whole number written in `start` to `end` (1 to 15 digits), else -1. */
export function digitsAt(bytes: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    if (c < ZERO || c > NINE) return -1;
    n = n * 10 + (c - ZERO);
  }
  return n;
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);
const EXACT = 2 ** 53;

/**
 * The number written in `start` to `end` as digits with at most one '.' and an optional '-', exactly
 * as Number() reads it, when the digits are a whole number below 2^53 and there are at most 22 after
 * the point: both the digits and the power of ten are then exact doubles, and one division rounds
 * correctly (Clinger's fast path). NaN for any other text (an exponent, 17 significant digits),
 * which `cellValueOf` reads with Number().
 */
export function decimalAt(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  const negative = bytes[i] === MINUS;
  if (negative) i++;
  let digits = 0;
  let mantissa = 0;
  let point = -1;
  for (; i < end; i++) {
    const c = bytes[i]!;
    if (c >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + (c - ZERO);
      digits++;
    } else if (c === DOT && point === -1) point = i;
    else return Number.NaN;
  }
  const after = point === -1 ? 0 : end - point - 1;
  if (digits === 0 || mantissa >= EXACT || after > 22) return Number.NaN;
  const x = mantissa / POWERS_OF_TEN[after]!;
  return negative ? -x : x;
}
