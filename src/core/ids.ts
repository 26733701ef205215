/**
 * Customer ids, column-wise. Most files number their customers (or have no id
 * column, and then row numbers are the ids), so ids that are all canonical
 * whole numbers (`17`, not `017`, `17.0` or `C17`) live in a Float64Array: a
 * string per row cost about 2 s of a 5M-row analysis to make and collect, and
 * was most of a worker's live heap. One id that is not canonical keeps the
 * whole column as text, exactly as written. Either way `idAt` gives the id as
 * the file wrote it: `String(17)` is `"17"`.
 */

export type IdColumn =
  | { readonly kind: 'whole'; readonly values: Float64Array }
  | { readonly kind: 'text'; readonly values: readonly string[] };

/** The id of row `i`, as written in the file. */
export function idAt(ids: IdColumn, i: number): string {
  return ids.kind === 'whole' ? String(ids.values[i]!) : ids.values[i]!;
}

/** Ids given as strings (tests, generated tables): whole numbers when every one is canonical. */
export function idColumnOf(ids: readonly string[]): IdColumn {
  const values = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const v = canonicalWhole(ids[i]!);
    if (v < 0) return { kind: 'text', values: ids };
    values[i] = v;
  }
  return { kind: 'whole', values };
}

/** Ids 1..n: what a table without an id column, or a generated one, has. */
export function rowNumberIds(n: number): IdColumn {
  return { kind: 'whole', values: Float64Array.from({ length: n }, (_, i) => i + 1) };
}

/** True when no whole-number id repeats. */
export function uniqueWholeNumbers(values: Float64Array): boolean {
  const n = values.length;
  // Ids up to a few times the row count fit a bitmap, checked in one pass; others are sorted.
  const cap = 4 * n + 1024;
  const seen = new Uint8Array(cap + 1);
  let i = 0;
  for (; i < n; i++) {
    const v = values[i]!;
    if (v > cap) break;
    if (seen[v]) return false;
    seen[v] = 1;
  }
  if (i === n) return true;
  const sorted = values.slice().sort();
  for (let j = 1; j < n; j++) if (sorted[j] === sorted[j - 1]) return false;
  return true;
}

/**
 * `"42"` → 42; −1 for anything else (leading zeros, signs, over 15 digits, not
 * digits). Fifteen digits stay below 2^53, so `String(value)` gives the id back.
 */
export function canonicalWhole(id: string): number {
  const length = id.length;
  if (length === 0 || length > MAX_WHOLE_DIGITS || (length > 1 && id.charCodeAt(0) === 48)) return -1;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

export const MAX_WHOLE_DIGITS = 15;
