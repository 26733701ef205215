/**
 * The rows of an .xlsx's sheets, streamed: each sheet is inflated (node:zlib) a piece at a
 * time and its `<row>` elements are read as they complete, so a million-line
 * order workbook is never held as cells (read-excel-file builds every sheet
 * whole: ~15 s and 1.3 GB for half a million lines). Cells come out as the
 * text a CSV export would hold, dates (by the cell's number format, as Excel
 * decides) as `Date`s for the caller to write.
 *
 * It reads what Excel, LibreOffice and the usual libraries write: shared,
 * inline and formula strings, numbers, booleans, the 1900 and 1904 date
 * systems. Anything else it cannot follow throws `WorkbookUnreadable`.
 */
import { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { type StoredEntry, storedEntries } from './containers.ts';
import {
  type Context,
  PLAIN,
  rowCells,
  runs,
  type SheetTags,
  tagsWith,
  WorkbookUnreadable,
  xmlText,
} from './xlsx-cells.ts';
import { digitsAt, plainRow, plainRowCells, textOf } from './xlsx-plain-cells.ts';

export { WorkbookUnreadable } from './xlsx-cells.ts';

export type StreamedCell = string | Date;

export interface StreamedSheet {
  name: string;
  /**
   * Calls `onRow` with each row's cells (index = column) and its 1-based row number, in order;
   * stops when `onRow` returns false.
   */
  rows(onRow: (cells: StreamedCell[], row: number) => boolean | undefined): Promise<void>;
}

/** Inflated bytes handed over at a time. */
const PIECE = 256 * 1024;

export async function streamWorkbook(bytes: Buffer): Promise<StreamedSheet[]> {
  const entries = storedEntries(bytes);
  const text = (name: string) => {
    const entry = entries.get(name);
    return entry ? new TextDecoder().decode(inflateAll(entry)) : null;
  };
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (workbook === null || rels === null) throw new WorkbookUnreadable('no workbook part');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(m[0], 'Id');
    const target = attribute(m[0], 'Target');
    if (id !== null && target !== null) targets.set(id, partName(target));
  }
  const shared = sharedStrings(text('xl/sharedStrings.xml') ?? '');
  const dates = dateStyles(text('xl/styles.xml') ?? '');
  const epoch = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbook) ? EPOCH_1904 : EPOCH_1900;
  const sheets: StreamedSheet[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attribute(m[0], 'name');
    const id = attribute(m[0], 'r:id') ?? attribute(m[0], 'id');
    const entry = id === null ? undefined : entries.get(targets.get(id) ?? '');
    if (name === null || !entry) continue;
    sheets.push({
      name: xmlText(name),
      rows: (onRow) => streamRows(entry, { shared, dates, epoch }, onRow),
    });
  }
  return sheets;
}

function inflateAll(entry: StoredEntry): Uint8Array {
  if (entry.method === 0) return entry.data;
  if (entry.method !== 8) throw new WorkbookUnreadable(`compression method ${entry.method}`);
  try {
    return inflateRawSync(entry.data);
  } catch {
    throw new WorkbookUnreadable('a part does not inflate');
  }
}

async function streamRows(
  entry: StoredEntry,
  context: Context,
  onRow: (cells: StreamedCell[], row: number) => boolean | undefined,
): Promise<void> {
  // The sheet is scanned as bytes (its tags are ASCII, which UTF-8 never uses inside a character);
  // only the text a cell needs is decoded. `whole` is `pending` and zero bytes after it.
  let whole = padded([]);
  let pending = whole.subarray(0, 0);
  let stopped = false;
  let counter = 0;
  let tags: SheetTags | null = null;
  const row = plainRow();
  const consume = (final: boolean) => {
    // The prefix is known once <sheetData> is in; until then there is no row to read.
    tags ??= sheetTags(pending) ?? (final ? PLAIN : null);
    if (tags === null) return;
    let at = 0;
    for (;;) {
      const start = rowStart(whole, pending, at, tags);
      if (start === -1) break;
      const tagEnd = indexOfByte(pending, GT, start);
      if (tagEnd === -1) break;
      let end = tagEnd + 1;
      let cells: StreamedCell[] = [];
      if (pending[tagEnd - 1] !== SLASH) {
        // Most rows are plain (xlsx-plain-cells.ts), which finds the row's end; any other is read the general way.
        let plain = tags === PLAIN ? plainRowCells(whole, end, pending.length, context, row) : null;
        let close = row.close;
        if (plain === null) {
          close = pending.indexOf(tags.rowClose, tagEnd);
          if (close === -1) break;
        }
        end = close + tags.rowClose.length;
        plain ??= rowCells(textOf(pending, tagEnd + 1, close), context, tags);
        cells = plain;
      }
      const number = rowNumber(whole, start, tagEnd);
      counter = Number.isInteger(number) && number > 0 ? number : counter + 1;
      at = end;
      if (onRow(cells, counter) === false) {
        stopped = true;
        return;
      }
    }
    whole = whole.subarray(at);
    pending = pending.subarray(at);
    if (final && rowStart(whole, pending, 0, tags) !== -1) throw new WorkbookUnreadable('a row is cut off');
  };
  const take = (parts: Uint8Array[]) => {
    whole = padded(parts);
    pending = whole.subarray(0, whole.length - PAD);
  };
  if (entry.method === 0) {
    take([entry.data]);
    consume(true);
    return;
  }
  if (entry.method !== 8) throw new WorkbookUnreadable(`compression method ${entry.method}`);
  // Node's zlib inflates on the thread pool while this thread reads the rows before.
  const inflated = Readable.from([entry.data]).pipe(createInflateRaw({ chunkSize: PIECE }));
  try {
    for await (const data of inflated) {
      take([pending, data as Buffer]);
      consume(false);
      if (stopped) break;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code?.startsWith('Z_'))
      throw new WorkbookUnreadable('a sheet does not inflate');
    throw error;
  } finally {
    inflated.destroy();
  }
  if (!stopped) consume(true);
}

/**
 * Zero bytes kept after the sheet's bytes: the row scanner reads a few bytes past a row that is
 * cut off at the end of a piece, and a read past a typed array's end makes V8 throw away the
 * scanner's optimised code (it ran 2.5 times slower). No tag has a zero byte.
 */
const PAD = 16;

function padded(parts: Uint8Array[]): Buffer {
  const size = parts.reduce((sum, part) => sum + part.length, 0);
  const bytes = Buffer.allocUnsafe(size + PAD);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  bytes.fill(0, size);
  return bytes;
}

const GT = 0x3e;
const SLASH = 0x2f;
/** The bytes that may follow a row tag's name: a space, '>', '/', a tab or a line break. */
const ROW_TAG_NEXT = new Set([0x20, GT, SLASH, 0x09, 0x0a, 0x0d]);

/** The tags of the sheet whose bytes start `bytes`, once its <sheetData> (or <x:sheetData>) is in it. */
function sheetTags(bytes: Buffer): SheetTags | null {
  // Latin-1 keeps every byte a character, and the pattern matches ASCII only.
  const m = /<(\w+:)?sheetData\b/.exec(bytes.toString('latin1'));
  if (!m) return null;
  return m[1] ? tagsWith(m[1]) : PLAIN;
}

/** Where the next row tag starts from `at`, or -1: not <rowBreaks> or the like (a row tag goes on with a space, '>' or '/'). */
function rowStart(whole: Buffer, bytes: Buffer, at: number, tags: SheetTags): number {
  const n = tags.row.length;
  // Rows usually follow one another: the next one is then looked for no further.
  if (tags === PLAIN && at + n < bytes.length && isPlainRowTag(whole, at)) return at;
  let start = bytes.indexOf(tags.row, at);
  while (start !== -1 && !ROW_TAG_NEXT.has(bytes[start + n] ?? 0x20))
    start = bytes.indexOf(tags.row, start + n);
  return start;
}

const isPlainRowTag = (bytes: Buffer, at: number) =>
  bytes[at] === 0x3c &&
  bytes[at + 1] === 0x72 &&
  bytes[at + 2] === 0x6f &&
  bytes[at + 3] === 0x77 &&
  ROW_TAG_NEXT.has(bytes[at + 4] ?? 0x20);

function indexOfByte(bytes: Buffer, byte: number, from: number): number {
  for (let i = from; i < bytes.length; i++) if (bytes[i] === byte) return i;
  return -1;
}

/** The row tag's `r`, read straight from the bytes when it is `<row r="123"`, else as `attribute` reads it. */
function rowNumber(bytes: Buffer, start: number, tagEnd: number): number {
  if (
    bytes[start + 4] === 0x20 &&
    bytes[start + 5] === 0x72 &&
    bytes[start + 6] === 0x3d &&
    bytes[start + 7] === 0x22
  ) {
    const close = bytes.indexOf(0x22, start + 8);
    const digits = close !== -1 && close < tagEnd ? digitsAt(bytes, start + 8, close) : -1;
    if (digits >= 0) return digits;
  }
  return Number(attribute(textOf(bytes, start, tagEnd), 'r') ?? Number.NaN);
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** Built-in number formats that show dates or times (ECMA-376 18.8.30, and the CJK ones Excel uses). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** A format code shows a date or time when, outside quotes, brackets and escapes, it has d, m, y, h or s. */
function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '');
  return /[dmyhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

function dateStyles(xml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const id = Number(attribute(m[0], 'numFmtId'));
    const code = attribute(m[0], 'formatCode');
    if (Number.isInteger(id) && code !== null) custom.set(id, xmlText(code));
  }
  const dates = new Set<number>();
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  let index = 0;
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const id = Number(attribute(m[0], 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id)) dates.add(index);
    index++;
  }
  return dates;
}

/** "worksheets/sheet1.xml" (relative to xl/) or "/xl/worksheets/sheet1.xml" → the zip entry name. */
export const partName = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`);

export function attribute(tag: string, name: string): string | null {
  const key = ATTRIBUTE_KEYS[name] ?? ` ${name}="`;
  let start: number;
  const at = tag.indexOf(key);
  if (at !== -1) start = at + key.length;
  else {
    // Attributes may be separated by tabs or line breaks rather than spaces.
    if (tag.indexOf('\n') === -1 && tag.indexOf('\t') === -1 && tag.indexOf('\r') === -1) return null;
    const m = new RegExp(`\\s${name.replace(':', '\\:')}="`).exec(tag);
    if (!m) return null;
    start = m.index + m[0].length;
  }
  const end = tag.indexOf('"', start);
  return end === -1 ? null : tag.slice(start, end);
}

const ATTRIBUTE_KEYS: Record<string, string> = { r: ' r="', t: ' t="', s: ' s="' };

export function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>/g)].map((m) => runs(m[1]!));
}
