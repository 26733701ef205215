/**
 * A parsed customer table (and what ingest said about its source) as one
 * binary blob: a JSON header, the ids (whole-number ids as a Float64Array's
 * bytes, text ids joined by NUL, a byte no accepted CSV contains), then each
 * typed column's bytes, 8-byte aligned. Decoding copies each column once into
 * its own typed array.
 */
import { z } from 'zod';
import type { IdColumn } from '../core/ids.ts';
import type { CustomerTable, SourceInfo } from '../core/types.ts';

/**
 * 2: the extra columns (breakdowns' codes, candidate features' values) follow the fixed ones.
 * 3: whole-number ids are stored as numbers (`idKind`). Older blobs are not read: the CSV is parsed again.
 */
export const COLUMNS_FORMAT = 3;

const NUMERIC = ['gender', 'age', 'income', 'spending', 'lines'] as const;
type NumericColumn = (typeof NUMERIC)[number];
const KINDS = {
  gender: Uint8Array,
  age: Float64Array,
  income: Float64Array,
  spending: Float64Array,
  lines: Uint32Array,
};

const headerSchema = z.object({
  length: z.number().int().min(0),
  idsBytes: z.number().int().min(0),
  idKind: z.enum(['whole', 'text']),
  source: z.custom<SourceInfo>((v) => typeof v === 'object' && v !== null),
  categories: z.array(z.object({ header: z.string(), levels: z.array(z.string()) })).default([]),
  numbers: z.array(z.object({ header: z.string(), name: z.string() })).default([]),
});

export interface StoredTable {
  table: CustomerTable;
  source: SourceInfo;
}

const align = (n: number) => Math.ceil(n / 8) * 8;

export function encodeTable({ table, source }: StoredTable): Buffer {
  const ids = idBytes(table.ids);
  const categories = (table.categories ?? []).map(({ header, levels }) => ({ header, levels }));
  const numbers = (table.numbers ?? []).map(({ header, name }) => ({ header, name }));
  const header = Buffer.from(
    JSON.stringify({
      length: table.length,
      idsBytes: ids.length,
      idKind: table.ids.kind,
      source,
      categories,
      numbers,
    }),
    'utf8',
  );
  const parts: Buffer[] = [];
  const lengthPrefix = Buffer.alloc(8);
  lengthPrefix.writeUInt32LE(header.length, 0);
  parts.push(lengthPrefix, header, Buffer.alloc(align(header.length) - header.length));
  parts.push(ids, Buffer.alloc(align(ids.length) - ids.length));
  const extra = [
    ...(table.categories ?? []).map((c) => c.codes),
    ...(table.numbers ?? []).map((c) => c.values),
  ];
  for (const col of [...NUMERIC.map((name) => table[name]), ...extra]) {
    const bytes = Buffer.from(col.buffer, col.byteOffset, col.byteLength);
    parts.push(bytes, Buffer.alloc(align(bytes.length) - bytes.length));
  }
  return Buffer.concat(parts);
}

function idBytes(ids: IdColumn): Buffer {
  if (ids.kind === 'text') return Buffer.from(ids.values.join('\0'), 'utf8');
  return Buffer.from(ids.values.buffer, ids.values.byteOffset, ids.values.byteLength);
}

/** The table back, or null when the blob is not one this format wrote (then the CSV is parsed again). */
export function decodeTable(blob: Uint8Array): StoredTable | null {
  try {
    const data = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
    const headerLength = data.readUInt32LE(0);
    let at = 8;
    const header = headerSchema.parse(JSON.parse(data.toString('utf8', at, at + headerLength)));
    at += align(headerLength);
    const n = header.length;
    const read = <T extends Uint8Array | Int32Array | Uint32Array | Float64Array>(Kind: {
      new (n: number): T;
      BYTES_PER_ELEMENT: number;
    }) => {
      const bytes = n * Kind.BYTES_PER_ELEMENT;
      if (at + bytes > data.length) throw new RangeError('blob too short');
      const col = new Kind(n);
      new Uint8Array(col.buffer).set(data.subarray(at, at + bytes));
      at += align(bytes);
      return col;
    };
    let ids: IdColumn;
    if (header.idKind === 'whole') {
      if (header.idsBytes !== n * Float64Array.BYTES_PER_ELEMENT) return null;
      ids = { kind: 'whole', values: read(Float64Array) };
    } else {
      const text = n === 0 ? [] : data.toString('utf8', at, at + header.idsBytes).split('\0');
      if (text.length !== n) return null;
      at += align(header.idsBytes);
      ids = { kind: 'text', values: text };
    }
    const columns = {} as Record<NumericColumn, Uint8Array | Float64Array | Uint32Array>;
    for (const name of NUMERIC) columns[name] = read<Uint8Array | Float64Array | Uint32Array>(KINDS[name]);
    const categories = header.categories.map((c) => ({ ...c, codes: read(Int32Array) }));
    const numbers = header.numbers.map((c) => ({ ...c, values: read(Float64Array) }));
    const table = {
      length: n,
      ids,
      ...columns,
      ...(categories.length > 0 ? { categories } : {}),
      ...(numbers.length > 0 ? { numbers } : {}),
    } as CustomerTable;
    return { table, source: header.source };
  } catch {
    return null;
  }
}
