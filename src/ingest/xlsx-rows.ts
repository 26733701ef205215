/**
 * The rows of an .xlsx's sheets, streamed: each sheet is inflated a piece at a
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
import { type StoredEntry, storedEntries } from './containers.ts';
import { plainDecimal } from './xlsx.ts';

export type StreamedCell = string | Date;

export interface StreamedSheet {
  name: string;
  /**
   * Calls `onRow` with each row's cells (index = column) and its 1-based row number, in order;
   * stops when `onRow` returns false.
   */
  rows(onRow: (cells: StreamedCell[], row: number) => boolean | undefined): void;
}

export class WorkbookUnreadable extends Error {}

type Fflate = typeof import('fflate');

/** Compressed bytes inflated at a time. */
const PIECE = 256 * 1024;

export async function streamWorkbook(bytes: Buffer): Promise<StreamedSheet[]> {
  const fflate = await import('fflate');
  const entries = storedEntries(bytes);
  const text = (name: string) => {
    const entry = entries.get(name);
    return entry ? new TextDecoder().decode(inflateAll(fflate, entry)) : null;
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
      rows: (onRow) => streamRows(fflate, entry, { shared, dates, epoch }, onRow),
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

function inflateAll(fflate: Fflate, entry: StoredEntry): Uint8Array {
  if (entry.method === 0) return entry.data;
  if (entry.method !== 8) throw new WorkbookUnreadable(`compression method ${entry.method}`);
  return fflate.inflateSync(entry.data);
}

function streamRows(
  fflate: Fflate,
  entry: StoredEntry,
  context: Context,
  onRow: (cells: StreamedCell[], row: number) => boolean | undefined,
): void {
  const decoder = new TextDecoder();
  let pending = '';
  let stopped = false;
  let counter = 0;
  const consume = (final: boolean) => {
    let at = 0;
    for (;;) {
      let start = pending.indexOf('<row', at);
      // Not <rowBreaks> or the like: a row tag goes on with a space, '>' or '/'.
      while (start !== -1 && !ROW_TAG_NEXT.has(pending[start + 4] ?? ' '))
        start = pending.indexOf('<row', start + 4);
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
        const close = pending.indexOf('</row>', tagEnd);
        if (close === -1) break;
        end = close + 6;
        inner = pending.slice(tagEnd + 1, close);
      }
      const number = Number(attribute(pending.slice(start, tagEnd), 'r') ?? Number.NaN);
      counter = Number.isInteger(number) && number > 0 ? number : counter + 1;
      at = end;
      if (onRow(rowCells(inner, context), counter) === false) {
        stopped = true;
        return;
      }
    }
    pending = pending.slice(at);
    if (final && /<row[\s>/]/.test(pending)) throw new WorkbookUnreadable('a row is cut off');
  };
  if (entry.method === 0) {
    pending = decoder.decode(entry.data);
    consume(true);
    return;
  }
  if (entry.method !== 8) throw new WorkbookUnreadable(`compression method ${entry.method}`);
  const inflate = new fflate.Inflate((data, final) => {
    if (stopped) return;
    pending += decoder.decode(data, { stream: !final });
    consume(final);
  });
  for (let at = 0; at < entry.data.length && !stopped; at += PIECE) {
    const end = Math.min(at + PIECE, entry.data.length);
    inflate.push(entry.data.subarray(at, end), end === entry.data.length);
  }
}

const ROW_TAG_NEXT = new Set([' ', '>', '/', '\t', '\n', '\r']);
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const VALUE = /<(?:\w+:)?v\b[^>]*>([^<]*)</;

function rowCells(inner: string, context: Context): StreamedCell[] {
  const cells: StreamedCell[] = [];
  for (const c of inner.matchAll(CELL)) {
    const attrs = ` ${c[1]!}`;
    const ref = attribute(attrs, 'r');
    const at = ref === null ? cells.length : columnIndex(ref);
    if (at < 0 || at > 16_384) throw new WorkbookUnreadable(`cell reference ${ref}`);
    const type = attribute(attrs, 't');
    const body = c[2] ?? '';
    const raw = VALUE.exec(body)?.[1];
    let value: StreamedCell = '';
    if (type === 's') value = context.shared[Number(raw)] ?? '';
    else if (type === 'inlineStr') value = runs(body);
    else if (type === 'str' || type === 'e') value = raw === undefined ? '' : xmlText(raw);
    else if (type === 'b') value = raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : '';
    else if (type === 'd') value = raw === undefined ? '' : isoCell(xmlText(raw));
    else if (raw !== undefined && raw !== '') {
      const x = Number(raw);
      if (!Number.isFinite(x)) value = '';
      else if (context.dates.has(Number(attribute(attrs, 's') ?? 0))) value = fromSerial(x, context.epoch);
      else value = plainDecimal(x);
    }
    while (cells.length < at) cells.push('');
    cells[at] = value;
  }
  return cells;
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
  const at = tag.indexOf(` ${name}="`);
  if (at === -1) return null;
  const start = at + name.length + 3;
  const end = tag.indexOf('"', start);
  return end === -1 ? null : tag.slice(start, end);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function xmlText(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
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

/** Column letters of a cell reference ("AB12") → 0-based index. */
export function columnIndex(ref: string): number {
  let index = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~0x20;
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}
