/**
 * A cell's raw bytes → the id the strict path gives its text, so the fast path
 * makes a string only the first time a cell is met. The key is the cell as
 * written (quotes and spaces included): the text is a function of those bytes,
 * so two spellings of one text (`"UK"` and `UK`) simply share the id the
 * Interner gave that text. Open addressing over a pool of key bytes; the
 * last key is checked first, since consecutive lines repeat invoice, customer
 * and country.
 */

export const MISS = -2;

export class ByteKeys {
  private slots = new Int32Array(1024).fill(-1);
  private pool: Uint8Array = new Uint8Array(16 * 1024);
  private used = 0;
  private starts = new Int32Array(256);
  private lengths = new Int32Array(256);
  private hashes = new Int32Array(256);
  private values = new Int32Array(256);
  private count = 0;
  private last = -1;
  private pendingHash = 0;

  /** The id stored for these bytes, or MISS (then `add` them, with no other `find` in between). */
  find(data: Uint8Array, start: number, end: number): number {
    const length = end - start;
    const last = this.last;
    if (last >= 0 && this.lengths[last] === length && this.equal(last, data, start, length))
      return this.values[last]!;
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ data[i]!, 0x01000193);
    h ^= h >>> 15;
    this.pendingHash = h;
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = this.slots[s]!;
      if (e < 0) return MISS;
      if (this.hashes[e] === h && this.lengths[e] === length && this.equal(e, data, start, length)) {
        this.last = e;
        return this.values[e]!;
      }
    }
  }

  add(data: Uint8Array, start: number, end: number, value: number): void {
    const length = end - start;
    if (this.count === this.values.length) this.growEntries();
    if (this.used + length > this.pool.length) {
      const pool = new Uint8Array(Math.max(this.pool.length * 2, this.used + length));
      pool.set(this.pool.subarray(0, this.used));
      this.pool = pool;
    }
    const e = this.count++;
    this.pool.set(data.subarray(start, end), this.used);
    this.starts[e] = this.used;
    this.lengths[e] = length;
    this.hashes[e] = this.pendingHash;
    this.values[e] = value;
    this.used += length;
    this.last = e;
    if (this.count * 2 > this.slots.length) this.rehash();
    else this.place(e);
  }

  private equal(e: number, data: Uint8Array, start: number, length: number): boolean {
    const pool = this.pool;
    const at = this.starts[e]!;
    for (let i = 0; i < length; i++) if (pool[at + i] !== data[start + i]) return false;
    return true;
  }

  private place(e: number): void {
    const mask = this.slots.length - 1;
    let s = this.hashes[e]! & mask;
    while (this.slots[s]! >= 0) s = (s + 1) & mask;
    this.slots[s] = e;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let e = 0; e < this.count; e++) this.place(e);
  }

  private growEntries(): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.starts = grow(this.starts);
    this.lengths = grow(this.lengths);
    this.hashes = grow(this.hashes);
    this.values = grow(this.values);
  }
}
