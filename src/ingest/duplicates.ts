/**
 * Duplicate customer ids. Rows are kept (the id may just be reused), but users
 * are told which ids repeat and where. Most files number customers 1, 2, 3…,
 * so canonical integers up to the row limit are tracked in a typed array: a Map
 * of a million strings costs ~0.5 s here, the array ~20 ms. Every other id goes
 * to a Map.
 */

const MAX_REPORTED = 100;
const MAX_LINES = 50;
// Ids below this use the array; the route depends only on the id, so it never splits one id. It covers
// ids 1..10,000,000 (the row limit): at 4M, a 5M-row file sent 0.8M ids through the Map (+0.5 s and
// ~100 MB). The array grows to the largest id seen, so 64 MB only for ids near 16.7M.
const DENSE_LIMIT = 1 << 24;

export interface DuplicateId {
  id: string;
  /** Lines holding this id, first occurrence first (at most 50). */
  lines: number[];
}

export class DuplicateFinder {
  /** Distinct ids that occur more than once. */
  count = 0;
  readonly reported: DuplicateId[] = [];
  private dense = new Int32Array(1024);
  /** Rows whose id went to the dense array. */
  private denseRows = 0;
  private readonly sparse = new Map<string, number>();
  private readonly byId = new Map<string, DuplicateId>();
  private readonly counted = new Set<string>();

  /**
   * Records row `row` with `id` (a number only when it is a canonical whole
   * number, which is the same id as its digits); returns the row where the id
   * first appeared, or -1.
   */
  add(id: string | number, row: number): number {
    const n = typeof id === 'number' ? (id < DENSE_LIMIT ? id : -1) : smallInteger(id);
    if (n < 0) {
      const key = String(id);
      const first = this.sparse.get(key);
      if (first === undefined) this.sparse.set(key, row);
      return first ?? -1;
    }
    if (n >= this.dense.length) this.growTo(n);
    this.denseRows++;
    const first = this.dense[n]! - 1; // stored as row + 1 so that 0 means unseen
    if (first < 0) this.dense[n] = row + 1;
    return first;
  }

  note(id: string, firstLine: number, line: number): void {
    const entry = this.byId.get(id);
    if (entry) {
      if (entry.lines.length < MAX_LINES) entry.lines.push(line);
      return;
    }
    if (this.counted.has(id)) return;
    this.counted.add(id);
    this.count++;
    if (this.reported.length < MAX_REPORTED) {
      const fresh = { id, lines: [firstLine, line] };
      this.reported.push(fresh);
      this.byId.set(id, fresh);
    }
  }

  /**
   * Room for ids up to `ids`, in one step, when every id so far was a small
   * whole number (row numbers, 1, 2, 3…): the reader expects about that many
   * rows. Doubling to a 5M-row file's ids held 8M slots and copied each size.
   */
  reserve(ids: number): void {
    if (this.sparse.size > 0 || this.denseRows === 0) return;
    const size = Math.min(Math.ceil(ids) + 1, DENSE_LIMIT);
    if (size <= this.dense.length) return;
    const next = new Int32Array(size);
    next.set(this.dense);
    this.dense = next;
  }

  private growTo(n: number): void {
    let size = this.dense.length;
    while (size <= n) size *= 2;
    size = Math.min(size, DENSE_LIMIT); // n is below it; a reserved size need not be a power of two
    const next = new Int32Array(size);
    next.set(this.dense);
    this.dense = next;
  }
}

/** `"42"` → 42; -1 for anything else, including `"042"` (a different id from `"42"`) and large numbers. */
function smallInteger(id: string): number {
  const length = id.length;
  if (length === 0 || length > 8 || (length > 1 && id.charCodeAt(0) === 48)) return -1;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value < DENSE_LIMIT ? value : -1;
}
