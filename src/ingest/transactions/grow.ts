/**
 * Strings to dense indices, in order of first appearance. Order lines repeat
 * the same invoice, date and customer on consecutive lines, so the last value
 * is remembered and skips the map lookup.
 */
export class Interner {
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];
  private last = '';
  private lastId = -1;

  id(value: string): number {
    if (value === this.last && this.lastId >= 0) return this.lastId;
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.index.set(value, i);
      this.values.push(value);
    }
    this.last = value;
    this.lastId = i;
    return i;
  }
}

/** A column of numbers that grows by doubling: a million order lines without a million-element JS array. */
export class Float64Column {
  length = 0;
  private data = new Float64Array(4096);

  push(value: number): void {
    if (this.length === this.data.length) {
      const data = new Float64Array(this.data.length * 2);
      data.set(this.data);
      this.data = data;
    }
    this.data[this.length++] = value;
  }

  at(i: number): number {
    return this.data[i]!;
  }

  /** The values, in an array of exactly `length`. */
  finish(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

/** Float64Column for whole numbers that fit 32 bits (ids, line numbers, date parts). */
export class Int32Column {
  length = 0;
  private data = new Int32Array(4096);

  push(value: number): void {
    if (this.length === this.data.length) {
      const data = new Int32Array(this.data.length * 2);
      data.set(this.data);
      this.data = data;
    }
    this.data[this.length++] = value;
  }

  at(i: number): number {
    return this.data[i]!;
  }

  finish(): Int32Array {
    return this.data.slice(0, this.length);
  }
}
