/**
 * The first rows of each sheet of an .xlsx, as text, without reading the
 * workbook: what deciding "customers or order lines?" needs. read-excel-file
 * reads a sheet whole (about 15 s and 1.3 GB for half a million order lines),
 * so a file must not be read once to choose its reader and again by it; this
 * inflates the workbook's sheet list, its shared strings and the first 64 KB
 * of each sheet, and reads cells with a few patterns (enough for header
 * cells: shared, inline and formula strings, numbers as written).
 *
 * Anything it cannot follow gives no rows: the reader then decides, and says
 * what is wrong with the workbook.
 */
import { type StoredEntry, storedEntries } from './containers.ts';

export interface SheetHead {
  sheet: string;
  /** The sheet's first rows (up to `maxRows`), cells as text, '' for a gap. */
  rows: string[][];
}

const SHEET_HEAD_BYTES = 64 * 1024;
/** Compressed bytes pushed at a time while inflating the start of a sheet. */
const PIECE = 16 * 1024;

type Fflate = typeof import('fflate');

export async function workbookHeads(bytes: Buffer, maxRows: number): Promise<SheetHead[]> {
  // Loaded here, not at start-up: most files are CSV.
  const fflate = await import('fflate');
  try {
    const entries = storedEntries(bytes);
    const text = (name: string) => {
      const entry = entries.get(name);
      return entry ? new TextDecoder().decode(inflateAll(fflate, entry)) : null;
    };
    const workbook = text('xl/workbook.xml');
    const rels = text('xl/_rels/workbook.xml.rels');
    if (workbook === null || rels === null) return [];
    const targets = new Map<string, string>();
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = attribute(m[0], 'Id');
      const target = attribute(m[0], 'Target');
      if (id !== null && target !== null) targets.set(id, partName(target));
    }
    const shared = sharedStrings(text('xl/sharedStrings.xml') ?? '');
    const heads: SheetHead[] = [];
    for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
      const name = attribute(m[0], 'name');
      const id = attribute(m[0], 'r:id') ?? attribute(m[0], 'id');
      const entry = id === null ? undefined : entries.get(targets.get(id) ?? '');
      if (name === null || !entry) continue;
      const head = new TextDecoder().decode(inflateHead(fflate, entry, SHEET_HEAD_BYTES));
      heads.push({ sheet: xmlText(name), rows: sheetRows(head, shared, maxRows) });
    }
    return heads;
  } catch {
    return [];
  }
}

function inflateAll(fflate: Fflate, entry: StoredEntry): Uint8Array {
  if (entry.method === 0) return entry.data;
  if (entry.method !== 8) return new Uint8Array(0);
  return fflate.inflateSync(entry.data);
}

/** At least `limit` bytes of the entry's start (fewer only when it is shorter), inflating no more than that. */
function inflateHead(fflate: Fflate, entry: StoredEntry, limit: number): Uint8Array {
  if (entry.method === 0) return entry.data.subarray(0, limit);
  if (entry.method !== 8) return new Uint8Array(0);
  const parts: Uint8Array[] = [];
  let size = 0;
  const inflate = new fflate.Inflate((data) => {
    parts.push(data);
    size += data.length;
  });
  for (let at = 0; at < entry.data.length && size < limit; at += PIECE) {
    const end = Math.min(at + PIECE, entry.data.length);
    inflate.push(entry.data.subarray(at, end), end === entry.data.length);
  }
  return Buffer.concat(parts);
}

/** "worksheets/sheet1.xml" (relative to xl/) or "/xl/worksheets/sheet1.xml" → the zip entry name. */
const partName = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`);

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`).exec(tag);
  return m ? m[1]! : null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlText(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

/** The text of every <t> in an element, joined (rich text splits a string into runs). */
const runs = (xml: string) =>
  xmlText([...xml.matchAll(/<(?:\w+:)?t\b[^>]*>([^<]*)<\/(?:\w+:)?t>/g)].map((m) => m[1]!).join(''));

function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>/g)].map((m) => runs(m[1]!));
}

/** Column letters of a cell reference ("AB12") → 0-based index. */
function columnIndex(ref: string): number {
  let index = 0;
  for (const ch of ref.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

/** The complete rows at the start of a sheet's XML (a row cut off by the 64 KB is left out). */
function sheetRows(xml: string, shared: string[], maxRows: number): string[][] {
  const rows: string[][] = [];
  for (const row of xml.matchAll(/<(?:\w+:)?row\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    if (rows.length >= maxRows) break;
    const cells: string[] = [];
    for (const c of (row[1] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const attrs = ` ${c[1]!}`;
      const ref = attribute(attrs, 'r');
      const at = ref === null ? cells.length : columnIndex(ref);
      if (at < 0 || at > 16_384) continue;
      const type = attribute(attrs, 't');
      const inner = c[2] ?? '';
      const value = /<(?:\w+:)?v\b[^>]*>([^<]*)</.exec(inner)?.[1];
      let text = '';
      if (type === 's') text = shared[Number(value)] ?? '';
      else if (type === 'inlineStr') text = runs(inner);
      else if (value !== undefined) text = xmlText(value);
      while (cells.length < at) cells.push('');
      cells[at] = text.trim();
    }
    rows.push(cells);
  }
  return rows;
}
