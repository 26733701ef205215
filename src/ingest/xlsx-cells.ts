/**
 * A sheet row's cells, the general way (xlsx-rows.ts streams the rows; xlsx-plain-cells.ts reads
 * the plain rows most writers write, faster, and hands this module every other row), and the XML
 * text helpers both use.
 */

import { plainDecimal } from './xlsx.ts';
import type { StreamedCell } from './xlsx-rows.ts';

export class WorkbookUnreadable extends Error {}

export interface Context {
  shared: string[];
  /** Style indexes (the `s` of a cell) whose number format is a date or time. */
  dates: Set<number>;
  epoch: number;
}

/**
 * A sheet's row and cell tags. Most writers use the default namespace (`<row>`, `<c>`); some (the
 * OpenXML SDK) bind the main namespace to a prefix and write `<x:row>`, `<x:c>`, which read-excel-file
 * reads too: without them such an order workbook had no rows and was refused as a customer file.
 */
export interface SheetTags {
  row: string;
  rowClose: string;
  cell: string;
  cellClose: string;
}

export const tagsWith = (prefix: string): SheetTags => ({
  row: `<${prefix}row`,
  rowClose: `</${prefix}row>`,
  cell: `<${prefix}c`,
  cellClose: `</${prefix}c>`,
});
export const PLAIN = tagsWith('');

const SLASH = 0x2f;
const GT = 0x3e;

/**
 * A row's cells, scanned with indexOf rather than regular expressions. Cells are `<c …/>` or
 * `<c …>…</c>`; the value is the first `<v>` or, for inline strings, the `<t>` runs.
 */
export function rowCells(inner: string, context: Context, tags: SheetTags): StreamedCell[] {
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
    const value = cellValueOf(type, cellValue(body), body, style, context);
    while (cells.length < at) cells.push('');
    cells[at] = value;
  }
  return cells;
}

/**
 * A cell's value from its type (`t`), the text of its first <v> (undefined when it has none),
 * its body (for inline strings) and its style (`s`, for dates).
 */
export function cellValueOf(
  type: string | null,
  raw: string | undefined,
  body: string,
  style: number,
  context: Context,
): StreamedCell {
  if (type === 's') return context.shared[Number(raw)] ?? '';
  if (type === 'inlineStr') return runs(body);
  if (type === 'str' || type === 'e') return raw === undefined ? '' : xmlText(raw);
  if (type === 'b') return raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : '';
  if (type === 'd') return raw === undefined ? '' : isoCell(xmlText(raw));
  if (raw === undefined || raw === '') return '';
  const x = Number(raw);
  if (!Number.isFinite(x)) return '';
  return context.dates.has(style) ? fromSerial(x, context.epoch) : plainDecimal(x);
}

/** The text of a cell body's first <v> (or <x:v>), undefined when it has none. */
export function cellValue(body: string): string | undefined {
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

/** Excel's serial days (a fraction for the time of day) → a Date, rounded to the second. */
export const fromSerial = (serial: number, epoch: number) =>
  new Date(Math.round((epoch + serial * 86_400_000) / 1000) * 1000);

function isoCell(text: string): StreamedCell {
  const time = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  return Number.isNaN(time) ? text : new Date(time);
}

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
