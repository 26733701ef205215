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
import { plainDecimal } from './xlsx.ts';

export type StreamedCell = string | Date;

export interface StreamedSheet {
  name: string;
  /**
   * Calls `onRow` with each row's cells (index = column) and its 1-based row number, in order;
   * stops when `onRow` returns false.
   */
  rows(onRow: (cells: StreamedCell[], row: number) => boolean | undefined): Promise<void>;
}

export class WorkbookUnreadable extends Error {}

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

interface Context {
  shared: string[];
  /** Style indexes (the `s` of a cell) whose number format is a date or time. */
  dates: Set<number>;
  epoch: number;
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
  const decoder = new TextDecoder();
  let pending = '';
  let stopped = false;
  let counter = 0;
  let tags: SheetTags | null = null;
  const consume = (final: boolean) => {
    // The prefix is known once <sheetData> is in; until then there is no row to read.
    tags ??= sheetTags(pending) ?? (final ? PLAIN : null);
    if (tags === null) return;
    let at = 0;
    for (;;) {
      const start = rowStart(pending, at, tags);
      if (start === -1) break;
      const tagEnd = pending.indexOf('>', start);
      if (tagEnd === -1) break;
      const selfClosing = pending[tagEnd - 1] === '/';
      let end: number;
      let inner: string;
      if (selfClosing) {
        end = tagEnd + 1;
        inner = '';
      } else {
        const close = pending.indexOf(tags.rowClose, tagEnd);
        if (close === -1) break;
        end = close + tags.rowClose.length;
        inner = pending.slice(tagEnd + 1, close);
      }
      const number = Number(attribute(pending.slice(start, tagEnd), 'r') ?? Number.NaN);
      counter = Number.isInteger(number) && number > 0 ? number : counter + 1;
      at = end;
      if (onRow(rowCells(inner, context, tags), counter) === false) {
        stopped = true;
        return;
      }
    }
    pending = pending.slice(at);
    if (final && rowStart(pending, 0, tags) !== -1) throw new WorkbookUnreadable('a row is cut off');
  };
  if (entry.method === 0) {
    pending = decoder.decode(entry.data);
    consume(true);
    return;
  }
  if (entry.method !== 8) throw new WorkbookUnreadable(`compression method ${entry.method}`);
  // Node's zlib inflates on the thread pool while this thread reads the rows before.
  const inflated = Readable.from([entry.data]).pipe(createInflateRaw({ chunkSize: PIECE }));
  try {
    for await (const data of inflated) {
      pending += decoder.decode(data as Buffer, { stream: true });
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
  if (!stopped) {
    pending += decoder.decode();
    consume(true);
  }
}

const ROW_TAG_NEXT = new Set([' ', '>', '/', '\t', '\n', '\r']);

/**
 * A sheet's row and cell tags. Most writers use the default namespace (`<row>`, `<c>`); some (the
 * OpenXML SDK) bind the main namespace to a prefix and write `<x:row>`, `<x:c>`, which read-excel-file
 * reads too: without them such an order workbook had no rows and was refused as a customer file.
 */
interface SheetTags {
  row: string;
  rowClose: string;
  cell: string;
  cellClose: string;
}

const tagsWith = (prefix: string): SheetTags => ({
  row: `<${prefix}row`,
  rowClose: `</${prefix}row>`,
  cell: `<${prefix}c`,
  cellClose: `</${prefix}c>`,
});
const PLAIN = tagsWith('');

/** The tags of the sheet whose text starts `text`, once its <sheetData> (or <x:sheetData>) is in it. */
function sheetTags(text: string): SheetTags | null {
  const m = /<(\w+:)?sheetData\b/.exec(text);
  if (!m) return null;
  return m[1] ? tagsWith(m[1]) : PLAIN;
}

/** Where the next row tag starts from `at`, or -1: not <rowBreaks> or the like (a row tag goes on with a space, '>' or '/'). */
function rowStart(text: string, at: number, tags: SheetTags): number {
  const n = tags.row.length;
  let start = text.indexOf(tags.row, at);
  while (start !== -1 && !ROW_TAG_NEXT.has(text[start + n] ?? ' ')) start = text.indexOf(tags.row, start + n);
  return start;
}
const SLASH = 0x2f;
const GT = 0x3e;

/**
 * A row's cells, scanned with indexOf rather than regular expressions (this is
 * most of the time a million-line workbook takes). Cells are `<c …/>` or
 * `<c …>…</c>`; the value is the first `<v>` or, for inline strings, the `<t>` runs.
 */
function rowCells(inner: string, context: Context, tags: SheetTags): StreamedCell[] {
  const cells: StreamedCell[] = [];
  const { cell, cellClose } = tags;
  const n = cell.length;
  let i = inner.indexOf(cell);
  while (i !== -1) {
    const after = inner.charCodeAt(i + n);
    // <c followed by a space, '>' or '/' (not <col…>, or a namespaced tag's tail).
    if (
      after !== 0x20 &&
      after !== GT &&
      after !== SLASH &&
      after !== 0x09 &&
      after !== 0x0a &&
      after !== 0x0d
    ) {
      i = inner.indexOf(cell, i + n);
      continue;
    }
    const tagEnd = inner.indexOf('>', i);
    if (tagEnd === -1) throw new WorkbookUnreadable('a cell tag is cut off');
    const self = inner.charCodeAt(tagEnd - 1) === SLASH;
    const attrs = inner.slice(i + n, self ? tagEnd - 1 : tagEnd);
    let body = '';
    if (self) i = inner.indexOf(cell, tagEnd + 1);
    else {
      const close = inner.indexOf(cellClose, tagEnd + 1);
      if (close === -1) throw new WorkbookUnreadable('a cell is not closed');
      body = inner.slice(tagEnd + 1, close);
      i = inner.indexOf(cell, close + cellClose.length);
    }
    // The three attributes a value needs, in one pass without look-ups by name: r, t and s.
    let at = cells.length;
    let type: string | null = null;
    let style = 0;
    for (let q = attrs.indexOf('="'); q !== -1; ) {
      const end = attrs.indexOf('"', q + 2);
      if (end === -1) throw new WorkbookUnreadable('a cell attribute is not closed');
      const before = attrs.charCodeAt(q - 2);
      if (before === 0x20 || before === 0x09 || before === 0x0a || before === 0x0d) {
        const name = attrs.charCodeAt(q - 1);
        if (name === 0x72) at = columnAt(attrs, q + 2);
        else if (name === 0x74) type = attrs.slice(q + 2, end);
        else if (name === 0x73) style = Number(attrs.slice(q + 2, end));
      }
      q = attrs.indexOf('="', end + 1);
    }
    if (at < 0 || at > 16_384) throw new WorkbookUnreadable('a cell reference out of range');
    const raw = cellValue(body);
    let value: StreamedCell = '';
    if (type === 's') value = context.shared[Number(raw)] ?? '';
    else if (type === 'inlineStr') value = runs(body);
    else if (type === 'str' || type === 'e') value = raw === undefined ? '' : xmlText(raw);
    else if (type === 'b') value = raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : '';
    else if (type === 'd') value = raw === undefined ? '' : isoCell(xmlText(raw));
    else if (raw !== undefined && raw !== '') {
      const x = Number(raw);
      if (!Number.isFinite(x)) value = '';
      else if (context.dates.has(style)) value = fromSerial(x, context.epoch);
      else value = plainDecimal(x);
    }
    while (cells.length < at) cells.push('');
    cells[at] = value;
  }
  return cells;
}

/** The text of a cell body's first <v> (or <x:v>), undefined when it has none. */
function cellValue(body: string): string | undefined {
  if (body === '') return undefined;
  let at = body.indexOf('<v');
  if (at === -1) {
    const prefixed = /<\w+:v\b/.exec(body);
    if (!prefixed) return undefined;
    at = prefixed.index;
  }
  const open = body.indexOf('>', at);
  if (open === -1) return undefined;
  if (body.charCodeAt(open - 1) === SLASH) return '';
  const end = body.indexOf('<', open + 1);
  return end === -1 ? undefined : body.slice(open + 1, end);
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** Excel's serial days (a fraction for the time of day) → a Date, rounded to the second. */
const fromSerial = (serial: number, epoch: number) =>
  new Date(Math.round((epoch + serial * 86_400_000) / 1000) * 1000);

function isoCell(text: string): StreamedCell {
  const time = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  return Number.isNaN(time) ? text : new Date(time);
}

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

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function xmlText(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      // fromCodePoint throws past U+10FFFF: such a reference (no valid XML has one) stays as written.
      return Number.isInteger(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

/** The text of every <t> in an element, joined (rich text splits a string into runs); phonetic runs left out. */
export const runs = (xml: string) =>
  xmlText(
    [
      ...xml
        .replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '')
        .matchAll(/<(?:\w+:)?t\b[^>]*>([^<]*)<\/(?:\w+:)?t>/g),
    ]
      .map((m) => m[1]!)
      .join(''),
  );

export function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>/g)].map((m) => runs(m[1]!));
}

/** Column letters of a cell reference ("AB12") starting at `from` → 0-based index. */
export function columnAt(text: string, from = 0): number {
  let index = 0;
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i) & ~0x20;
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}
